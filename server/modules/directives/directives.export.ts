import type { DirectiveSummaryView } from '../../../core/schemas/directives.ts';
import type { DirectiveKind } from '../../db/schema-directives.ts';
import type { SheetColumn } from '../../shared/excel.ts';

/** Columns of the directives export: one row per directive, with its acknowledgement count. */
export function directiveColumns(kindLabel: (k: DirectiveKind) => string): SheetColumn<DirectiveSummaryView>[] {
  return [
    { header: { vi: 'Số, ký hiệu', en: 'Number and symbol' }, width: 18, value: (d) => d.numberSymbol },
    { header: { vi: 'Ngày ban hành', en: 'Issued on' }, width: 12, value: (d) => ({ day: d.issuedOn }) },
    { header: { vi: 'Loại văn bản', en: 'Type' }, width: 16, value: (d) => kindLabel(d.kind) },
    { header: { vi: 'Cơ quan ban hành', en: 'Issued by' }, width: 32, value: (d) => d.issuer.name },
    { header: { vi: 'Trích yếu', en: 'Summary' }, width: 60, value: (d) => d.summary },
    { header: { vi: 'Số nơi nhận', en: 'Recipients' }, width: 10, value: (d) => d.recipients },
    { header: { vi: 'Đã xác nhận', en: 'Acknowledged' }, width: 10, value: (d) => d.acknowledged },
    {
      header: { vi: 'Chưa xác nhận', en: 'Not acknowledged' },
      width: 10,
      value: (d) => d.recipients - d.acknowledged,
    },
  ];
}
