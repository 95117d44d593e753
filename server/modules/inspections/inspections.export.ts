import type { PlanSummaryView, ViolationView } from '../../../core/schemas/inspections.ts';
import type { SheetColumn } from '../../shared/excel.ts';

/** Columns of the plans export: one row per plan. */
export function planColumns(): SheetColumn<PlanSummaryView>[] {
  return [
    { header: { vi: 'Kế hoạch', en: 'Plan' }, width: 40, value: (p) => p.title },
    { header: { vi: 'Đơn vị kiểm tra', en: 'Inspecting unit' }, width: 30, value: (p) => p.unit.name },
    { header: { vi: 'Từ ngày', en: 'From' }, width: 12, value: (p) => ({ day: p.periodFrom }) },
    { header: { vi: 'Đến ngày', en: 'To' }, width: 12, value: (p) => ({ day: p.periodTo }) },
    { header: { vi: 'Số đối tượng', en: 'Targets' }, width: 10, value: (p) => p.targets },
    { header: { vi: 'Đã kiểm tra', en: 'Visited' }, width: 10, value: (p) => p.visited },
  ];
}

/** Columns of the violations export (officials): one row per violation. */
export function violationColumns(): SheetColumn<ViolationView>[] {
  return [
    { header: { vi: 'Ngày vi phạm', en: 'Committed on' }, width: 12, value: (v) => ({ day: v.committedOn }) },
    { header: { vi: 'Đối tượng', en: 'Subject' }, width: 30, value: (v) => v.subject.name },
    { header: { vi: 'Điều khoản', en: 'Article' }, width: 10, value: (v) => v.article.code },
    { header: { vi: 'Hành vi', en: 'Violation' }, width: 50, value: (v) => v.article.title },
    { header: { vi: 'Mức phạt (đồng)', en: 'Fine (VND)' }, width: 14, value: (v) => v.fine?.amountVnd ?? null },
    {
      header: { vi: 'Ngày quyết định', en: 'Decided on' },
      width: 12,
      value: (v) => (v.fine ? { day: v.fine.decidedOn } : null),
    },
    { header: { vi: 'Nộp phạt', en: 'Payment' }, width: 10, value: (v) => v.fine?.paymentStatus ?? null },
    { header: { vi: 'Vi phạm trước đó', en: 'Earlier violations' }, width: 10, value: (v) => v.earlierViolations },
    { header: { vi: 'Đơn vị', en: 'Unit' }, width: 30, value: (v) => v.unit.name },
  ];
}

export interface PublishedRow {
  name: string;
  violation: string;
  article: string;
  fineVnd: number;
  decidedOn: string;
  locality: string;
}

/** Columns of the publication for the media: what the directive asks to publish, nothing more. */
export function publicationColumns(): SheetColumn<PublishedRow>[] {
  return [
    { header: { vi: 'Tên tổ chức, cá nhân', en: 'Name' }, width: 36, value: (r) => r.name },
    { header: { vi: 'Hành vi vi phạm', en: 'Violation' }, width: 50, value: (r) => r.violation },
    { header: { vi: 'Điều khoản (NĐ 117/2020)', en: 'Article (Decree 117/2020)' }, width: 14, value: (r) => r.article },
    { header: { vi: 'Số tiền phạt (đồng)', en: 'Fine (VND)' }, width: 14, value: (r) => r.fineVnd },
    { header: { vi: 'Ngày quyết định', en: 'Decided on' }, width: 12, value: (r) => ({ day: r.decidedOn }) },
    { header: { vi: 'Địa bàn', en: 'Place' }, width: 24, value: (r) => r.locality },
  ];
}
