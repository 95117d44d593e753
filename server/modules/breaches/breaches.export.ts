import type { Locale } from '../../../core/errors.ts';
import type { BreachView } from '../../../core/schemas/breaches.ts';
import type { SheetColumn } from '../../shared/excel.ts';
import { breachCategoryLabels, breachStatusLabels } from './breaches.messages.ts';

const yesNo = (v: boolean | null, locale: Locale) =>
  v === null ? null : v ? (locale === 'vi' ? 'Đúng hạn' : 'In time') : locale === 'vi' ? 'Quá hạn' : 'Late';

/** Columns of the breach register export: labels, not codes; the 72-hour deadline and whether it was met. */
export function breachColumns(locale: Locale): SheetColumn<BreachView>[] {
  return [
    { header: { vi: 'Số', en: 'Number' }, width: 12, value: (b) => b.number },
    { header: { vi: 'Phát hiện lúc', en: 'Detected at' }, width: 20, value: (b) => new Date(b.detectedAt) },
    {
      header: { vi: 'Xảy ra lúc', en: 'Occurred at' },
      width: 20,
      value: (b) => (b.occurredAt ? new Date(b.occurredAt) : null),
    },
    { header: { vi: 'Mô tả', en: 'Description' }, width: 50, value: (b) => b.nature },
    {
      header: { vi: 'Loại dữ liệu', en: 'Kinds of data' },
      width: 40,
      value: (b) => b.dataCategories.map((c) => breachCategoryLabels[c][locale]).join('; '),
    },
    { header: { vi: 'Có dữ liệu nhạy cảm', en: 'Sensitive data' }, width: 12, value: (b) => b.sensitive },
    { header: { vi: 'Số người (ước tính)', en: 'People (approx.)' }, width: 12, value: (b) => b.peopleAffected },
    { header: { vi: 'Số bản ghi (ước tính)', en: 'Records (approx.)' }, width: 12, value: (b) => b.recordsAffected },
    { header: { vi: 'Trạng thái', en: 'Status' }, width: 16, value: (b) => breachStatusLabels[b.status][locale] },
    {
      header: { vi: 'Hạn thông báo (72 giờ)', en: 'Notify by (72 hours)' },
      width: 20,
      value: (b) => new Date(b.deadline),
    },
    {
      header: { vi: 'Đã thông báo lúc', en: 'Notified at' },
      width: 20,
      value: (b) => (b.notifiedAt ? new Date(b.notifiedAt) : null),
    },
    { header: { vi: 'Đúng hạn', en: 'In time' }, width: 10, value: (b) => yesNo(b.deadlineMet, locale) },
    {
      header: { vi: 'Người liên hệ', en: 'Contact' },
      width: 24,
      value: (b) => `${b.contactName}, ${b.contactTitle}, ${b.contactPhone}`,
    },
  ];
}
