import type { Locale } from '../../../core/errors.ts';
import type { CccdQrProblem } from '../../../core/rules/workplaces/cccd-qr.ts';

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

export const cccdProblemMessages: Record<CccdQrProblem, Record<Locale, string>> = {
  fields: {
    vi: 'Không đọc được mã QR trên thẻ CCCD (cần 7 trường ngăn bởi dấu |)',
    en: 'Not a CCCD card QR (7 fields separated by |)',
  },
  number: { vi: 'Số CCCD trên thẻ không hợp lệ', en: 'The card number is not valid' },
  old_number: { vi: 'Số CMND cũ trên thẻ không hợp lệ', en: 'The old ID number on the card is not valid' },
  name: { vi: 'Thẻ không có họ tên', en: 'The card has no name' },
  birth_date: {
    vi: 'Ngày sinh trên thẻ không hợp lệ hoặc không khớp số CCCD',
    en: 'The birth date is not valid or does not match the card number',
  },
  sex: {
    vi: 'Giới tính trên thẻ không hợp lệ hoặc không khớp số CCCD',
    en: 'The sex is not valid or does not match the card number',
  },
  issue_date: { vi: 'Ngày cấp trên thẻ không hợp lệ', en: 'The issue date on the card is not valid' },
};
