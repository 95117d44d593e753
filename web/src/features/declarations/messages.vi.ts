import {
  arrivalFlagLabels,
  exposureLabels,
  followUpStatusLabels,
  symptomLabels,
  vehicleLabels,
  wordsIn,
} from '../../../../core/code-labels.ts';

/**
 * Vietnamese messages of health declarations and arrivals (khai báo y tế, người đến), spread into `i18n/vi.ts`; `messages.en.ts` has the same keys.
 */
export const declarationsVi = {
  declarations: {
    title: 'Khai báo y tế',
    intro: 'Tờ khai và người đến trên địa bàn {{name}} (đổi địa bàn ở thanh trên).',
    tabDeclarations: 'Tờ khai',
    tabArrivals: 'Người đến cần theo dõi',
    submittedAt: 'Thời gian khai',
    fullName: 'Họ và tên',
    birthYear: 'Năm sinh',
    phone: 'Điện thoại',
    commune: 'Xã, phường',
    kindHeader: 'Loại tờ khai',
    symptoms: 'Triệu chứng',
    exposures: 'Yếu tố dịch tễ',
    validUntil: 'Hiệu lực đến',
    from: 'Từ ngày',
    to: 'Đến ngày',
    flaggedOnly: 'Chỉ tờ khai có triệu chứng hoặc yếu tố dịch tễ',
    none: 'Không',
    readLogged: 'Đây là dữ liệu cá nhân nhạy cảm: mỗi lần xem hoặc xuất danh sách đều được ghi vào nhật ký hệ thống.',
    kind: {
      population: 'Khai báo toàn dân',
      movement: 'Khai báo di chuyển nội địa',
      entry: 'Khai báo nhập cảnh',
    },
    symptom: wordsIn(symptomLabels, 'vi'),
    exposure: wordsIn(exposureLabels, 'vi'),
  },
  arrivals: {
    origin: 'Nơi đi',
    vehicle: 'Phương tiện',
    arrivedOn: 'Ngày đến',
    destination: 'Nơi đến (xã, phường)',
    flags: 'Lý do theo dõi',
    followUp: 'Theo dõi',
    followUpFor: 'Tình trạng theo dõi của {{name}}',
    followUpFilter: 'Tình trạng theo dõi',
    flaggedOnly: 'Chỉ người thuộc diện cần theo dõi',
    followUpSaved: 'Đã cập nhật: {{name}} — {{status}}.',
    declaredByHost: 'khai hộ bởi {{name}}',
    readOnly: 'Vai trò của bạn chỉ được xem; cán bộ xã, phường và Sở Y tế cập nhật tình trạng theo dõi.',
    flag: wordsIn(arrivalFlagLabels, 'vi'),
    followUpStatus: wordsIn(followUpStatusLabels, 'vi'),
    vehicleType: wordsIn(vehicleLabels, 'vi'),
  },
};
