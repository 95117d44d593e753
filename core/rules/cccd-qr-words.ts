import type { Locale } from '../errors.ts';
import type { CccdQrProblem } from './cccd-qr.ts';

/** Why a CCCD card's QR was refused, in both languages (the gate and the border checkpoint). */
export const cccdQrProblemWords: Record<CccdQrProblem, Record<Locale, string>> = {
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
