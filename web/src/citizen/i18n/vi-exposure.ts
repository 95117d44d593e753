import { addMessages } from './index.ts';

/**
 * Vietnamese messages of exposure warnings and self-reports (issue 20): they come with those
 * chunks, never with the declaration form. English has them in `en.ts`.
 */
export const viExposure = {
  alert: {
    warning: 'Bạn có thể đã tiếp xúc với ca bệnh',
    at: '{{venue}}: {{from}} – {{to}} (ở cùng lúc khoảng {{minutes}} phút)',
    pending: 'Theo tự báo của một người dân, cơ quan y tế chưa xác nhận.',
    advice: 'Việc cần làm ({{profile}})',
    adviceHome: 'Ở nhà, hạn chế tiếp xúc, đeo khẩu trang; tự theo dõi sức khỏe {{days}} ngày.',
    adviceTest: 'Xét nghiệm vào các ngày thứ {{days}} kể từ lần tiếp xúc, tại trạm y tế xã, phường nơi bạn ở.',
    adviceDeclare: 'Khai báo y tế ngay và liên hệ trạm y tế xã, phường (đường dây nóng 1900 9095).',
    declare: 'Khai báo y tế',
    none: 'Không có cảnh báo tiếp xúc cho những nơi bạn đã đến.',
    failed: 'Chưa kiểm tra được cảnh báo tiếp xúc (mất mạng?). Sẽ thử lại khi mở lại trang.',
    refused: 'Dữ liệu cảnh báo nhận được không có chữ ký hợp lệ nên đã bị bỏ qua.',
    privacy: 'Việc đối chiếu diễn ra trên điện thoại này: máy chủ không biết bạn đã đến đâu.',
  },
  selfReport: {
    title: 'Tự báo triệu chứng hoặc test nhanh dương tính',
    intro: 'Trạm y tế xã, phường nơi bạn đang ở sẽ nhận tự báo và liên hệ với bạn.',
    kind: 'Bạn muốn báo',
    symptoms: 'Tôi có triệu chứng',
    positive: 'Tôi test nhanh dương tính',
    symptomList: 'Triệu chứng',
    onsetDate: 'Ngày bắt đầu có triệu chứng',
    testDate: 'Ngày test',
    note: 'Ghi chú',
    photo: 'Ảnh kết quả test (JPEG, PNG hoặc WebP, tối đa 2 MB)',
    photoTooBig: 'Ảnh lớn hơn 2 MB: hãy chụp lại với độ phân giải thấp hơn.',
    commune: 'Xã, phường nơi bạn đang ở',
    publish:
      'Gửi cảnh báo ẩn danh cho những người đã ở cùng nơi, cùng lúc với tôi ({{count}} lần check-in lưu trên điện thoại)',
    publishHint:
      'Chỉ gửi mã ẩn danh của địa điểm theo ngày và khung giờ: không gửi tên địa điểm, không gửi tên bạn. Cơ quan y tế sẽ xác nhận hoặc rút lại.',
    consent: 'Tôi đồng ý chia sẻ thông tin này với trạm y tế xã, phường để được liên hệ và hướng dẫn.',
    submit: 'Gửi tự báo',
    done: 'Đã gửi tự báo. Trạm y tế xã, phường sẽ liên hệ với bạn.',
    published: 'Đã gửi cảnh báo ẩn danh cho {{count}} khung giờ.',
    photoFailed: 'Tự báo đã gửi nhưng ảnh chưa gửi được: {{message}}',
  },
  push: {
    alerts: 'Cảnh báo khi tôi là F1, F2',
    sms: 'Nhắn SMS cho tôi khi cơ quan y tế xác định tôi là người tiếp xúc',
    title: 'Cảnh báo trên trình duyệt này',
    intro:
      'Khi cơ quan y tế xác định bạn là F1, F2, một thông báo hiện trên điện thoại này (không nói ca bệnh hay nơi nào).',
    on: 'Nhận cảnh báo',
    off: 'Tắt cảnh báo',
    isOn: 'Đang nhận cảnh báo trên trình duyệt này.',
    unsupported: 'Trình duyệt này không nhận được thông báo đẩy.',
    denied: 'Bạn đã chặn thông báo cho trang này; hãy cho phép trong cài đặt trình duyệt.',
    failed: 'Chưa bật được cảnh báo. Thử lại sau.',
  },
  mine: {
    title: 'Tự báo của tôi',
    none: 'Bạn chưa gửi tự báo nào.',
    positive: 'Test nhanh dương tính',
    symptoms: 'Có triệu chứng',
    testDate: 'ngày test {{date}}',
    photo: 'có ảnh test',
    received: 'Trạm y tế đã nhận, chưa xử lý',
    handled: 'Trạm y tế đã xử lý',
    published: '{{count}} lần check-in đã gửi cảnh báo ẩn danh',
    confirmed: 'cơ quan y tế đã xác nhận',
    withdrawn: 'cơ quan y tế đã rút lại',
    pendingDecision: 'chờ cơ quan y tế xác nhận',
  },
} as const;

addMessages('vi', viExposure);
