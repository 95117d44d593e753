/**
 * Vietnamese messages of the self-declared records awaiting a link (xác minh hồ sơ tự khai), spread
 * into `i18n/vi.ts` under `peopleLinks`; `messages.en.ts` has the same keys.
 */
export const peopleLinksVi = {
  peopleLinks: {
    nav: 'Xác minh hồ sơ tự khai',
    title: 'Hồ sơ người dân tự khai chờ xác minh',
    intro:
      'Người dân khai báo bằng số giấy tờ đã có hồ sơ, nhưng từ số điện thoại khác số cơ quan y tế đã ghi (hoặc họ tên, năm sinh khác). Hồ sơ của cơ quan y tế không bị thay đổi: hãy liên hệ người dân rồi liên kết hoặc từ chối.',
    status: 'Trạng thái',
    statuses: {
      open: 'Chờ xác minh',
      accepted: 'Đã liên kết',
      rejected: 'Đã từ chối',
      withdrawn: 'Đã huỷ (dữ liệu bị xoá)',
    },
    reasons: {
      phone_differs: 'Số điện thoại khác số cơ quan y tế đã ghi',
      no_phone: 'Hồ sơ của cơ quan y tế chưa có số điện thoại',
      details_differ: 'Cùng số điện thoại nhưng họ tên hoặc năm sinh khác',
      verified_other_phone: 'Hồ sơ đã xác thực bằng số điện thoại khác',
    },
    declaredAt: 'Thời điểm khai',
    declared: 'Người dân khai',
    official: 'Hồ sơ của cơ quan y tế',
    phone: 'Số điện thoại đã xác thực OTP',
    reason: 'Lý do cần xác minh',
    open: 'Xem',
    back: '← Danh sách hồ sơ tự khai',
    idNumber: 'Số giấy tờ',
    fullName: 'Họ và tên',
    birthYear: 'Năm sinh',
    gender: 'Giới tính',
    address: 'Địa chỉ',
    recordPhone: 'Số điện thoại trong hồ sơ',
    verified: 'đã xác thực',
    notVerified: 'chưa xác thực',
    createdAt: 'Tạo lúc',
    fStatus: 'Tình trạng',
    fLevel: 'F{{level}}',
    inQuarantine: 'đang cách ly',
    underMonitoring: 'đang theo dõi',
    none: 'không',
    note: 'Ghi chú (không bắt buộc)',
    accept: 'Đúng người: liên kết',
    reject: 'Không đúng người: từ chối',
    acceptHint:
      'Liên kết: tờ khai, đồng ý, check-in, khai báo di chuyển và mã QR của người dân chuyển sang hồ sơ của cơ quan y tế; số điện thoại trên trở thành số đã xác thực của hồ sơ.',
    rejectHint:
      'Từ chối: hồ sơ tự khai được giữ làm lịch sử, mã QR của nó bị thu hồi; người dân được báo liên hệ trạm y tế xã, phường.',
    accepted: 'Đã liên kết hồ sơ.',
    rejected: 'Đã từ chối.',
    decidedAt: 'Đã xử lý lúc {{time}}',
    cannotDecide: 'Hồ sơ của cơ quan y tế thuộc địa bàn khác: chỉ cán bộ địa bàn đó liên kết hoặc từ chối.',
    readLogged: 'Mỗi lần xem được ghi vào nhật ký truy cập.',
  },
};
