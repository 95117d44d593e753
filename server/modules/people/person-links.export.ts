import type { Locale } from '../../../core/errors.ts';
import type { LinkRequestRow } from '../../../core/schemas/citizen.ts';
import type { SheetColumn } from '../../shared/excel.ts';

export const linkReasonText: Record<LinkRequestRow['reason'], Record<Locale, string>> = {
  phone_differs: {
    vi: 'Số điện thoại khác số cơ quan y tế đã ghi',
    en: 'Another phone than the one officials recorded',
  },
  no_phone: { vi: 'Hồ sơ của cơ quan y tế chưa có số điện thoại', en: "Officials' record has no phone" },
  details_differ: {
    vi: 'Cùng số điện thoại nhưng họ tên hoặc năm sinh khác',
    en: 'Same phone, another name or birth year',
  },
  verified_other_phone: {
    vi: 'Hồ sơ đã xác thực bằng số điện thoại khác',
    en: 'The record was verified with another phone',
  },
};

export const linkStatusText: Record<LinkRequestRow['status'], Record<Locale, string>> = {
  open: { vi: 'Chờ xác minh', en: 'Awaiting verification' },
  accepted: { vi: 'Đã liên kết', en: 'Linked' },
  rejected: { vi: 'Đã từ chối', en: 'Rejected' },
  withdrawn: { vi: 'Đã huỷ (dữ liệu bị xoá)', en: 'Withdrawn (data erased)' },
};

export function linkRequestColumns(locale: Locale): SheetColumn<LinkRequestRow>[] {
  return [
    { header: { vi: 'Thời điểm khai', en: 'Declared at' }, width: 20, value: (r) => new Date(r.createdAt) },
    { header: { vi: 'Họ tên người khai', en: 'Declared name' }, width: 26, value: (r) => r.declaredName },
    { header: { vi: 'Năm sinh', en: 'Birth year' }, width: 10, value: (r) => r.declaredBirthYear },
    { header: { vi: 'Xã, phường khai', en: 'Declared commune' }, width: 20, value: (r) => r.declaredCommuneName },
    { header: { vi: 'Số điện thoại đã xác thực', en: 'Verified phone' }, width: 16, value: (r) => r.phone },
    { header: { vi: 'Hồ sơ cơ quan y tế', en: "Officials' record" }, width: 26, value: (r) => r.officialName },
    { header: { vi: 'Xã, phường của hồ sơ', en: "Record's commune" }, width: 20, value: (r) => r.officialCommuneName },
    {
      header: { vi: 'Lý do cần xác minh', en: 'Why it needs checking' },
      width: 36,
      value: (r) => linkReasonText[r.reason][locale],
    },
    { header: { vi: 'Trạng thái', en: 'Status' }, width: 16, value: (r) => linkStatusText[r.status][locale] },
  ];
}
