import type { Locale } from '../../../core/errors.ts';

/** User-facing words of the notifications module, in both languages. */
export const notificationMessages: Record<
  Locale,
  {
    badPhone: string;
    phoneRequired: string;
    badEmail: string;
    emailRequired: string;
    smsUnavailable: string;
    emailUnavailable: string;
    /** Lines of an e-mail: the link to the page the message is about. */
    openLink: string;
  }
> = {
  vi: {
    badPhone: 'Số điện thoại di động không hợp lệ',
    phoneRequired: 'Cần số điện thoại di động để nhận tin nhắn SMS',
    badEmail: 'Địa chỉ thư điện tử không hợp lệ',
    emailRequired: 'Cần địa chỉ thư điện tử để nhận thông báo qua thư',
    smsUnavailable: 'Hệ thống chưa được cấu hình để gửi SMS',
    emailUnavailable: 'Hệ thống chưa được cấu hình để gửi thư điện tử',
    openLink: 'Xem trên hệ thống',
  },
  en: {
    badPhone: 'Not a valid Vietnamese mobile number',
    phoneRequired: 'A mobile number is needed to receive SMS',
    badEmail: 'Not a valid e-mail address',
    emailRequired: 'An e-mail address is needed to receive e-mail',
    smsUnavailable: 'This installation is not configured to send SMS',
    emailUnavailable: 'This installation is not configured to send e-mail',
    openLink: 'Open in phongdich',
  },
};

/** Why a delivery did not happen, as recorded on the message (for administrators: English). */
export const deliveryReasons = {
  smsOff: 'channel off: no SMS gateway configured (PHONGDICH_SMS_WEBHOOK_URL)',
  emailOff: 'channel off: no SMTP server configured (PHONGDICH_SMTP_HOST)',
  turnedOff: 'the recipient turned this channel off',
  noAddress: 'the recipient has no address for this channel',
} as const;
