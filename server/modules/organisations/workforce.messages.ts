import type { Locale } from '../../../core/errors.ts';

/** User-facing words of the roster, the gate and the compliance, in both languages. */
export const workforceMessages: Record<
  Locale,
  {
    notApproved: string;
    notASite: string;
    siteTaken: string;
    notOnRoster: string;
    otherOrganisation: string;
    badDay: string;
  }
> = {
  vi: {
    notApproved: 'Chỉ cơ quan, đơn vị đã được xã/phường duyệt mới kiểm tra người lao động tại cổng',
    notASite: 'Địa điểm này không phải là cơ sở của cơ quan, đơn vị',
    siteTaken: 'Địa điểm này đã là cơ sở của một cơ quan, đơn vị',
    notOnRoster: 'Người này không có trong danh sách người lao động',
    otherOrganisation: 'Mã gửi này đã được dùng cho một cơ quan, đơn vị khác',
    badDay: 'Ngày không hợp lệ',
  },
  en: {
    notApproved: 'Only an organisation approved by its commune checks its workers at the gate',
    notASite: 'This venue is not a site of the organisation',
    siteTaken: 'This venue is already the site of an organisation',
    notOnRoster: 'This person is not on the workforce roster',
    otherOrganisation: 'This client key was used for another organisation',
    badDay: 'Not a valid day',
  },
};

/** The CCCD QR parser's problems in words, kept beside the parser (the border checkpoint reads them too). */
export { cccdQrProblemWords as cccdProblemMessages } from '../../../core/rules/cccd-qr-words.ts';
