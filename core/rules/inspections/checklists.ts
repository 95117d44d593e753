/**
 * Inspection checklists as versioned data (issue 17): one per kind of inspected party, each item
 * answered pass / fail / not applicable, with the legal basis a failure cites. The seed below is
 * version 1 of each; a province edits a checklist by storing a new version (visits keep the version
 * they were filled against).
 */

export const checklistKinds = [
  'commune_committee',
  'organisation',
  'market',
  'school',
  'quarantine_facility',
  'border_checkpoint',
] as const;
export type ChecklistKind = (typeof checklistKinds)[number];

export const findingResults = ['pass', 'fail', 'na'] as const;
export type FindingResult = (typeof findingResults)[number];

export interface ChecklistItem {
  key: string;
  text: { vi: string; en: string };
  /** The article of Decree 117/2020 a failure usually becomes, when one fits. */
  legalBasis: string | null;
}

export interface Checklist {
  code: ChecklistKind;
  version: number;
  title: { vi: string; en: string };
  items: ChecklistItem[];
}

const item = (key: string, vi: string, en: string, legalBasis: string | null = null): ChecklistItem => ({
  key,
  text: { vi, en },
  legalBasis,
});

const masks = item(
  'masks',
  'Người làm việc, người ra vào đeo khẩu trang đúng quy định',
  'Staff and visitors wear masks as required',
  '12.1a',
);
const handwash = item(
  'handwash',
  'Có điểm rửa tay, dung dịch sát khuẩn tại lối vào',
  'Hand-washing point at the entrance',
);
const qr = item('qr', 'Có mã QR điểm kiểm dịch, người vào quét mã hoặc khai báo', 'QR check-in posted and used');
const distance = item(
  'distance',
  'Bảo đảm khoảng cách, không tập trung đông người',
  'Distancing kept, no crowding',
  '12.3c',
);
const plan = item('plan', 'Có phương án phòng, chống dịch được phê duyệt', 'An approved epidemic-response plan');
const team = item(
  'team',
  'Có tổ an toàn COVID, phân công người phụ trách',
  'A COVID-safety team with a person in charge',
);
const isolation = item('isolation', 'Có khu vực cách ly tạm thời cho người nghi nhiễm', 'A temporary isolation room');

export const checklistSeed: readonly Checklist[] = [
  {
    code: 'commune_committee',
    version: 1,
    title: { vi: 'Ban chỉ đạo phòng, chống dịch cấp xã', en: 'Commune steering committee readiness' },
    items: [
      item(
        'decision',
        'Có quyết định thành lập, quy chế hoạt động của Ban chỉ đạo',
        'Committee established with rules',
      ),
      plan,
      item('community_teams', 'Tổ COVID cộng đồng hoạt động ở thôn, bản, tổ dân phố', 'Community COVID teams active'),
      item('arrivals', 'Rà soát, quản lý người về từ vùng có dịch', 'Arrivals from epidemic areas followed', '7.3'),
      item('supplies', 'Có cơ số thuốc, vật tư, trang thiết bị tối thiểu', 'Minimum medicines and supplies held'),
      item('reporting', 'Báo cáo tuần đầy đủ, đúng hạn', 'Weekly reports complete and on time'),
    ],
  },
  {
    code: 'organisation',
    version: 1,
    title: { vi: 'Cơ quan, đơn vị, doanh nghiệp', en: 'Organisation' },
    items: [
      plan,
      team,
      masks,
      handwash,
      qr,
      distance,
      isolation,
      item('self_assessment', 'Tự đánh giá an toàn COVID đúng hạn', 'Self-assessment up to date'),
    ],
  },
  {
    code: 'market',
    version: 1,
    title: { vi: 'Chợ, trung tâm thương mại', en: 'Market' },
    items: [
      masks,
      handwash,
      qr,
      distance,
      item('one_way', 'Bố trí lối đi một chiều, kiểm soát cửa ra vào', 'One-way flow, controlled gates'),
    ],
  },
  {
    code: 'school',
    version: 1,
    title: { vi: 'Trường học', en: 'School' },
    items: [
      plan,
      masks,
      handwash,
      distance,
      item('health_check', 'Đo thân nhiệt, theo dõi sức khỏe học sinh', 'Temperature checks of pupils'),
      isolation,
    ],
  },
  {
    code: 'quarantine_facility',
    version: 1,
    title: { vi: 'Cơ sở cách ly tập trung', en: 'Quarantine facility' },
    items: [
      item('separation', 'Bảo đảm giãn cách giữa các phòng, người cách ly', 'People kept apart'),
      item('no_contact', 'Không để người cách ly tiếp xúc với bên ngoài', 'No contact with outsiders', '11'),
      item('waste', 'Thu gom, xử lý chất thải đúng quy định', 'Waste handled as required'),
      item('testing', 'Xét nghiệm đúng lịch cho người cách ly', 'Tests on schedule', '7.2'),
      item('records', 'Hồ sơ, sổ theo dõi người cách ly đầy đủ', 'Records kept'),
    ],
  },
  {
    code: 'border_checkpoint',
    version: 1,
    title: { vi: 'Chốt kiểm soát, cửa khẩu', en: 'Border checkpoint' },
    items: [
      item('staffed', 'Chốt có người trực 24/24', 'Staffed around the clock'),
      item('checks', 'Kiểm tra, khai báo y tế mọi người qua chốt', 'Everyone passing is checked', '12.4a'),
      item('log', 'Sổ theo dõi người, phương tiện qua chốt', 'A log of people and vehicles'),
      masks,
      item('ppe', 'Có đủ trang phục phòng hộ cho lực lượng trực chốt', 'Protective equipment for the staff'),
    ],
  },
];
