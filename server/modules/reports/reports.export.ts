import type { Locale } from '../../../core/errors.ts';
import type { CompletenessRow, ReportStatus } from '../../../core/schemas/reports.ts';
import type { SheetColumn } from '../../shared/excel.ts';

export const reportStatusLabels: Record<ReportStatus, Record<Locale, string>> = {
  new: { vi: 'Chưa báo cáo', en: 'Not reported' },
  draft: { vi: 'Đang soạn', en: 'Draft' },
  submitted: { vi: 'Đã gửi, chờ duyệt', en: 'Submitted, awaiting review' },
  returned: { vi: 'Bị trả lại', en: 'Returned' },
  accepted: { vi: 'Đã chấp nhận', en: 'Accepted' },
};

/** Columns of the completeness export; one row per expected unit. */
export function completenessColumns(locale: Locale): SheetColumn<CompletenessRow>[] {
  const timeliness = (r: CompletenessRow) =>
    r.onTime === null
      ? { vi: 'Chưa nộp', en: 'Missing' }[locale]
      : r.onTime
        ? { vi: 'Đúng hạn', en: 'On time' }[locale]
        : { vi: 'Muộn', en: 'Late' }[locale];
  return [
    { header: { vi: 'Mã đơn vị', en: 'Unit code' }, width: 12, value: (r) => r.unit.code },
    { header: { vi: 'Đơn vị', en: 'Unit' }, width: 40, value: (r) => r.unit.name },
    { header: { vi: 'Trạng thái', en: 'Status' }, width: 22, value: (r) => reportStatusLabels[r.status][locale] },
    {
      header: { vi: 'Gửi lần đầu', en: 'First submitted' },
      width: 20,
      value: (r) => (r.submittedAt ? new Date(r.submittedAt) : null),
    },
    { header: { vi: 'Đúng hạn', en: 'Timeliness' }, width: 12, value: timeliness },
    {
      header: { vi: 'Tỉ lệ đúng hạn 12 kỳ (%)', en: 'On time over 12 periods (%)' },
      width: 16,
      value: (r) => (r.onTimeRate === null ? null : Math.round(r.onTimeRate)),
    },
    {
      header: { vi: 'Cán bộ báo cáo', en: 'Reporting officers' },
      width: 40,
      value: (r) => r.officers.map((o) => (o.phone ? `${o.fullName} (${o.phone})` : o.fullName)).join('; '),
    },
    {
      header: { vi: 'Liên hệ của đơn vị', en: "The unit's contacts" },
      width: 30,
      value: (r) => [r.contact.phone, r.contact.email].filter(Boolean).join('; '),
    },
  ];
}
