import type { Locale } from '../../../core/errors.ts';

export const exposureMessages: Record<
  Locale,
  {
    notImage: string;
    tooBig: (mb: number) => string;
    notCommune: string;
    alreadyHandled: string;
    keyUsed: string;
    positive: string;
    symptoms: string;
    noSuchStay: string;
    pushOff: string;
    pushHost: string;
  }
> = {
  vi: {
    notImage: 'Ảnh phải là JPEG, PNG hoặc WebP',
    tooBig: (mb) => `Ảnh tối đa ${mb} MB`,
    notCommune: 'Chọn xã, phường nơi bạn đang ở',
    alreadyHandled: 'Tự báo này đã được xử lý',
    keyUsed: 'Mã gửi này đã được dùng cho một tự báo khác',
    positive: 'Tự báo test nhanh dương tính',
    symptoms: 'Tự báo có triệu chứng',
    noSuchStay: 'Không có lượt quét mã này của ca bệnh tại địa điểm đã chọn',
    pushOff: 'Máy chủ chưa bật thông báo đẩy',
    pushHost: 'Trình duyệt này dùng một dịch vụ thông báo không được hỗ trợ',
  },
  en: {
    notImage: 'The photo must be a JPEG, PNG or WebP image',
    tooBig: (mb) => `The photo is at most ${mb} MB`,
    notCommune: 'Choose the commune where you are',
    alreadyHandled: 'This self-report was already handled',
    keyUsed: 'This submission key was used for another self-report',
    positive: 'Self-reported positive rapid test',
    symptoms: 'Self-reported symptoms',
    noSuchStay: 'The case has no check-in at this venue at that time',
    pushOff: 'Push notifications are not enabled on this server',
    pushHost: "This browser's push service is not supported",
  },
};
