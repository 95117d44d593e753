import { addMessages } from './index.ts';

/**
 * Vietnamese messages of the pages that act with the session of a phone (check-in history, my
 * data, erasure, confirming the phone). They come with those pages, not with the first download:
 * the declaration form stays within its budget on a cheap phone. English has them in `en.ts`.
 */
export const viPages = {
  history: {
    title: 'Lịch sử check-in của tôi',
    intro: 'Các lần check-in được lưu trong thời gian ngắn rồi tự động xóa.',
    empty: 'Chưa có lần check-in nào.',
    checkedIn: 'Vào: {{time}}',
    checkedOut: 'Ra: {{time}}',
    stillIn: 'Chưa check-out',
    more: 'Tải thêm',
    needQr: 'Điện thoại này chưa có mã QR cá nhân.',
  },
  visits: {
    title: 'Nơi tôi đã đến (lưu trên điện thoại)',
    intro:
      'Các lần check-in được lưu trên điện thoại này trong {{days}} ngày rồi tự động xóa. Không gửi đi đâu; bạn có thể xóa bất cứ lúc nào.',
    empty: 'Chưa có lần check-in nào lưu trên điện thoại này.',
    unavailable: 'Trình duyệt này không cho lưu dữ liệu trên điện thoại (chế độ riêng tư?).',
    code: 'Mã địa điểm: {{code}}',
    delete: 'Xóa',
    deleteOne: 'Xóa lần check-in tại {{venue}}',
    deleteAll: 'Xóa tất cả',
    confirmAll: 'Xóa tất cả các lần check-in lưu trên điện thoại này?',
    deleteAllYes: 'Xóa tất cả',
    cancel: 'Không xóa',
    serverCopy:
      'Xóa ở đây không xóa bản lưu trên máy chủ của tỉnh (dùng để truy vết, cũng tự động xóa sau thời hạn lưu trữ).',
  },
  erase: {
    title: 'Xóa dữ liệu của tôi',
    what: 'Sẽ xóa: thông tin cá nhân, các tờ khai y tế, khai báo di chuyển, lịch sử check-in và mã QR của bạn trên máy chủ và trên điện thoại này.',
    refused:
      'Không thể xóa khi bạn đang thuộc diện một biện pháp phòng, chống dịch (cách ly, theo dõi, ca bệnh, người tiếp xúc): dữ liệu được giữ đến khi kết thúc.',
    submit: 'Xóa dữ liệu của tôi',
    done: 'Dữ liệu của bạn đã được xóa.',
  },
  session: {
    title: 'Xác thực số điện thoại',
    intro:
      'Để xem hoặc thay đổi dữ liệu của bạn, hãy xác thực số điện thoại đã khai báo bằng mã OTP. Mã QR chỉ dùng để quét tại cổng, không mở được dữ liệu của bạn.',
    phone: 'Số điện thoại đã khai báo',
    submit: 'Xác thực',
  },
  myData: {
    title: 'Dữ liệu của tôi',
    intro:
      'Quyền của bạn theo Luật Bảo vệ dữ liệu cá nhân: tải toàn bộ dữ liệu được lưu về bạn, xem cơ quan nào đã truy cập, yêu cầu xóa.',
    download: 'Tải toàn bộ dữ liệu của tôi',
    downloadHint: 'Đây là dữ liệu nhạy cảm: mỗi lần tải cần một mã OTP mới gửi tới số điện thoại của bạn.',
    format: 'Định dạng',
    pdf: 'PDF (dễ đọc, in được)',
    json: 'JSON (dữ liệu máy đọc được)',
    get: 'Tải xuống',
    saved: 'Đã tải xuống tệp {{file}}.',
    accesses: 'Cơ quan đã truy cập dữ liệu của tôi',
    accessesHint: 'Ghi cơ quan và thời điểm truy cập, không ghi tên cán bộ.',
    noAccess: 'Chưa có cơ quan nào truy cập dữ liệu của bạn.',
    kind: {
      read: 'Xem',
      list: 'Xem trong danh sách',
      export: 'Xuất tệp',
      change: 'Cập nhật',
    },
  },
  safePlaces: {
    title: 'Cơ sở an toàn COVID-19',
    intro:
      'Cơ quan, doanh nghiệp, trường học, chợ, nhà hàng đã tự đánh giá an toàn COVID-19 ở mức nguy cơ thấp hoặc rất thấp, còn trong thời hạn, và tự chọn công khai. Đây là kết quả tự đánh giá của cơ sở.',
    commune: 'Xã, phường',
    allCommunes: 'Tất cả',
    empty: 'Chưa có cơ sở nào công khai tình trạng an toàn ở đây.',
    more: 'Xem thêm',
    group: { very_low: 'Nguy cơ rất thấp', low: 'Nguy cơ thấp' },
    validUntil: 'Tự đánh giá ngày {{assessed}}, còn hiệu lực đến {{until}}',
    type: {
      agency: 'Cơ quan',
      enterprise: 'Doanh nghiệp',
      school: 'Trường học',
      market: 'Chợ',
      supermarket: 'Siêu thị',
      restaurant: 'Nhà hàng, quán ăn',
      industrial_park: 'Khu công nghiệp',
      dormitory: 'Khu nhà ở công nhân',
      health_facility: 'Cơ sở y tế',
      other: 'Khác',
    },
  },
  support: {
    title: 'Công khai tiền, hàng ủng hộ',
    intro:
      'Tiền, hàng người dân và doanh nghiệp ủng hộ công tác phòng, chống dịch và số đã trao hỗ trợ, theo mục đích và xã, phường. Không công khai tên người nhận.',
    cashReceived: 'Tiền đã nhận',
    cashDistributed: 'Tiền đã trao',
    purpose: 'Mục đích',
    commune: 'Xã, phường',
    received: 'Đã nhận',
    distributed: 'Đã trao',
    donations: 'Số lượt ủng hộ',
    empty: 'Chưa có khoản ủng hộ nào được ghi nhận.',
    vnd: '{{n}} đ',
    goods: '{{n}} (hiện vật)',
    purposes: {
      general: 'Phòng, chống dịch nói chung',
      lockdown_households: 'Hộ gia đình trong vùng phong tỏa',
      quarantine: 'Người cách ly',
      people_in_difficulty: 'Người có hoàn cảnh khó khăn',
      medical_supplies: 'Trang thiết bị, vật tư y tế',
    },
  },
  violations: {
    title: 'Công khai vi phạm phòng, chống dịch',
    intro:
      'Cơ quan, doanh nghiệp, cơ sở kinh doanh bị xử phạt vi phạm hành chính về phòng, chống dịch theo Nghị định 117/2020/NĐ-CP, quyết định đã có hiệu lực. Cá nhân chỉ được công khai khi có quyết định của cơ quan có thẩm quyền.',
    empty: 'Chưa có vi phạm nào được công khai ở đây.',
    more: 'Xem thêm',
    article: 'Điều {{article}}',
    decidedOn: 'Quyết định ngày {{day}}',
    forMedia: 'Danh sách cho cơ quan báo chí:',
  },
  tipoff: {
    title: 'Tố giác nhập cảnh trái phép',
    intro:
      'Báo cho xã/phường và công an người nghi nhập cảnh trái phép hoặc người từ nơi khác về chưa khai báo y tế. Không cần tài khoản.',
    kind: 'Nội dung tố giác',
    kinds: { illegal_entry: 'Người nghi nhập cảnh trái phép', undeclared: 'Người từ nơi khác về chưa khai báo' },
    place: 'Địa điểm (thôn, bản, nhà…)',
    description: 'Mô tả',
    describe: 'Hãy mô tả ít nhất vài chữ.',
    reporterName: 'Họ tên người báo',
    reporterPhone: 'Số điện thoại để liên hệ lại',
    privacy: 'Thông tin người báo chỉ cán bộ xử lý tố giác được xem.',
    submit: 'Gửi tố giác',
    doneTitle: 'Đã gửi tố giác',
    done: 'Cảm ơn bạn. Mã tố giác: {{reference}}.',
  },
} as const;

addMessages('vi', viPages);
