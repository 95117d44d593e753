import type { Content } from 'pdfmake';
import { formatAddress } from '../../../core/rules/address.ts';
import type { OfficialDocument } from '../../shared/official-document.ts';
import type { AdmissionRecord } from './quarantine.repository.ts';

const reasonText: Record<AdmissionRecord['reason'], string> = {
  f1: 'là người tiếp xúc gần (F1) với trường hợp mắc bệnh COVID-19',
  arrival: 'đến từ nước ngoài hoặc từ vùng có dịch',
  f0_mild: 'là trường hợp mắc bệnh COVID-19 không triệu chứng hoặc triệu chứng nhẹ',
};

const kindText: Record<string, string> = {
  concentrated: 'cơ sở cách ly tập trung',
  hotel: 'khách sạn làm nơi cách ly',
  hospital: 'cơ sở y tế',
  field_hospital: 'bệnh viện dã chiến',
  home: 'tại nhà (nơi lưu trú)',
};

const vnDate = (iso: string) => iso.split('-').reverse().join('/');
const issuer = (a: AdmissionRecord): [string, string] => [
  `UBND ${a.province_name ? `tỉnh ${a.province_name}` : ''}`.trim(),
  'Ban Chỉ đạo phòng, chống dịch',
];
const place = (a: AdmissionRecord) => a.province_name ?? 'Việt Nam';
const personLines = (a: AdmissionRecord): Content[] => [
  { text: `Ông/Bà: ${a.full_name}`, bold: true },
  `Năm sinh: ${a.birth_year}        Giới tính: ${a.gender === 'male' ? 'Nam' : a.gender === 'female' ? 'Nữ' : 'Khác'}`,
  // Someone without papers (an illegal entrant handed over at the border) has no number to print.
  `Số giấy tờ tùy thân: ${a.id_number ?? 'Không có'}`,
  `Nơi ở: ${formatAddress({ line: a.address_line, commune: a.person_commune, province: a.person_province }) || '—'}`,
];

/** QUYẾT ĐỊNH về việc cách ly y tế: issued at admission, with the planned period. */
export function quarantineDecision(a: AdmissionRecord, documentDate: string): OfficialDocument {
  const where =
    a.facility_kind === 'home'
      ? kindText.home!
      : `${kindText[a.facility_kind] ?? 'cơ sở cách ly'} ${a.facility_name}, ${formatAddress({ line: a.facility_address, commune: a.facility_commune, province: a.facility_province })}`;
  return {
    issuer: issuer(a),
    number: `Số: ${a.document_number ?? '…'}`,
    place: place(a),
    date: documentDate,
    kind: 'Quyết định',
    summary: 'Về việc cách ly y tế',
    title: `Quyết định cách ly y tế — ${a.full_name}`,
    bases: [
      'Căn cứ Luật Phòng, chống bệnh truyền nhiễm ngày 21 tháng 11 năm 2007;',
      'Căn cứ Nghị định số 101/2010/NĐ-CP ngày 30 tháng 9 năm 2010 của Chính phủ quy định chi tiết thi hành một số điều của Luật Phòng, chống bệnh truyền nhiễm về áp dụng biện pháp cách ly y tế;',
      'Theo đề nghị của cơ quan y tế.',
    ],
    body: [
      { text: 'QUYẾT ĐỊNH:', bold: true, alignment: 'center', margin: [0, 10, 0, 8] },
      {
        text: [
          { text: 'Điều 1. ', bold: true },
          `Áp dụng biện pháp cách ly y tế đối với người ${reasonText[a.reason]}:`,
        ],
        margin: [0, 0, 0, 4],
      },
      { stack: personLines(a), margin: [18, 0, 0, 4] },
      { text: `Hình thức, địa điểm cách ly: ${where}${a.room ? `, phòng ${a.room}` : ''}.`, margin: [0, 0, 0, 4] },
      {
        text: `Thời gian cách ly: ${a.ends_on === a.starts_on ? '1 ngày' : `từ ngày ${vnDate(a.starts_on)} đến hết ngày ${vnDate(a.ends_on)}`}; sau đó tự theo dõi sức khỏe đến hết ngày ${vnDate(a.monitoring_until)}.`,
        margin: [0, 0, 0, 4],
      },
      {
        text: [
          { text: 'Điều 2. ', bold: true },
          'Người bị cách ly có trách nhiệm chấp hành nghiêm biện pháp cách ly, khai báo y tế hằng ngày và lấy mẫu xét nghiệm theo lịch.',
        ],
        margin: [0, 0, 0, 4],
      },
      {
        text: [
          { text: 'Điều 3. ', bold: true },
          'Quyết định có hiệu lực kể từ ngày ký. Cơ sở cách ly, cơ quan y tế và người có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.',
        ],
      },
    ],
    recipients: ['Như Điều 3;', 'Lưu: VT.'],
    signature: { capacity: ['TM. Ban Chỉ đạo', 'Trưởng ban'], name: '' },
  };
}

/** GIẤY XÁC NHẬN hoàn thành thời gian cách ly y tế: issued at a completed release only. */
export function quarantineCertificate(a: AdmissionRecord, documentDate: string): OfficialDocument {
  return {
    // Same serial as the decision it closes, with the certificate's own symbol.
    issuer: issuer(a),
    number: `Số: ${(a.document_number ?? '…').split('/')[0]}/GXN-BCĐ`,
    place: place(a),
    date: documentDate,
    kind: 'Giấy xác nhận',
    summary: 'Hoàn thành thời gian cách ly y tế',
    title: `Giấy xác nhận hoàn thành cách ly — ${a.full_name}`,
    body: [
      { text: `${issuer(a)[1]} ${issuer(a)[0]} xác nhận:`, margin: [0, 0, 0, 6] },
      { stack: personLines(a), margin: [18, 0, 0, 6] },
      {
        text: `Đã hoàn thành thời gian cách ly y tế tại ${a.facility_kind === 'home' ? kindText.home : a.facility_name} từ ngày ${vnDate(a.starts_on)} đến hết ngày ${vnDate(a.ends_on)}, kết quả xét nghiệm trước khi kết thúc cách ly âm tính.`,
        margin: [0, 0, 0, 6],
      },
      {
        text: `Đề nghị tiếp tục tự theo dõi sức khỏe tại nơi cư trú đến hết ngày ${vnDate(a.monitoring_until)}; khi có triệu chứng sốt, ho, khó thở, đau họng thì báo ngay cho cơ sở y tế gần nhất.`,
      },
    ],
    recipients: ['Người được cấp giấy;', 'Trạm Y tế xã/phường nơi cư trú;', 'Lưu: VT.'],
    signature: { capacity: ['TM. Ban Chỉ đạo', 'Trưởng ban'], name: '' },
  };
}
