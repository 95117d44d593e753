import type { Locale } from '../../../core/errors.ts';
import type { ContactStatus, ContactView } from '../../../core/schemas/cases.ts';
import type { SheetColumn } from '../../shared/excel.ts';
import type { PlaceNamer } from '../../../core/rules/place-names.ts';

export const contactStatusLabels: Record<ContactStatus, Record<Locale, string>> = {
  proposed: { vi: 'Đề xuất', en: 'Proposed' },
  confirmed: { vi: 'Đã xác nhận', en: 'Confirmed' },
  rejected: { vi: 'Đã loại', en: 'Rejected' },
};

const date = (iso: string | null) => (iso ? new Date(iso) : null);
const yes = (locale: Locale, b: boolean) => (b ? (locale === 'vi' ? 'Có' : 'Yes') : '');

/** Columns of a case's contact list (the tracing team's call sheet). */
export function contactColumns(locale: Locale, names: PlaceNamer): SheetColumn<ContactView>[] {
  return [
    { header: { vi: 'Mã ca bệnh', en: 'Case number' }, width: 14, value: (k) => k.caseNumber },
    { header: { vi: 'Cấp (F)', en: 'Level (F)' }, width: 8, value: (k) => `F${k.level}` },
    { header: { vi: 'Họ tên', en: 'Full name' }, width: 26, value: (k) => k.fullName },
    { header: { vi: 'Năm sinh', en: 'Birth year' }, width: 10, value: (k) => k.birthYear },
    { header: { vi: 'Điện thoại', en: 'Phone' }, width: 16, value: (k) => k.phone },
    { header: { vi: 'Xã/phường', en: 'Commune' }, width: 20, value: (k) => names(k.communeCode, k.communeName) },
    { header: { vi: 'Trạng thái', en: 'Status' }, width: 14, value: (k) => contactStatusLabels[k.status][locale] },
    { header: { vi: 'Cùng hộ', en: 'Household' }, width: 10, value: (k) => yes(locale, k.household) },
    { header: { vi: 'Ca bệnh khai báo', en: 'Named by the case' }, width: 12, value: (k) => yes(locale, k.declared) },
    { header: { vi: 'Số phút tiếp xúc', en: 'Minutes together' }, width: 12, value: (k) => k.totalOverlapMinutes },
    { header: { vi: 'Số địa điểm chung', en: 'Venues shared' }, width: 12, value: (k) => k.distinctVenues },
    { header: { vi: 'Địa điểm', en: 'Venues' }, width: 40, value: (k) => k.venues.map((v) => v.venueName).join('; ') },
    { header: { vi: 'Tiếp xúc đầu tiên', en: 'First exposure' }, width: 20, value: (k) => date(k.firstExposureAt) },
    { header: { vi: 'Tiếp xúc cuối', en: 'Last exposure' }, width: 20, value: (k) => date(k.lastExposureAt) },
    { header: { vi: 'Qua người', en: 'Through' }, width: 22, value: (k) => k.viaName },
    { header: { vi: 'Ngày quyết định', en: 'Decided at' }, width: 20, value: (k) => date(k.decidedAt) },
    { header: { vi: 'Ghi chú', en: 'Note' }, width: 30, value: (k) => k.decisionNote },
  ];
}
