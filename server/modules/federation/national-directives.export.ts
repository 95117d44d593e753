import type { Locale } from '../../../core/errors.ts';
import type { NationalDirectiveView } from '../../../core/schemas/federation-directives.ts';
import type { SheetColumn } from '../../shared/excel.ts';
import { nationalDirectiveKindLabels } from './federation.messages.ts';

export interface DirectiveToProvince {
  directive: NationalDirectiveView;
  province: NationalDirectiveView['provinces'][number];
}

/** Columns of the national directives export: one row per directive and recipient province. */
export function nationalDirectiveColumns(locale: Locale): SheetColumn<DirectiveToProvince>[] {
  return [
    { header: { vi: 'Số, ký hiệu', en: 'Number and symbol' }, width: 18, value: (r) => r.directive.numberSymbol },
    { header: { vi: 'Ngày ban hành', en: 'Issued on' }, width: 12, value: (r) => ({ day: r.directive.issuedOn }) },
    {
      header: { vi: 'Loại', en: 'Type' },
      width: 18,
      value: (r) => nationalDirectiveKindLabels[r.directive.kind][locale],
    },
    { header: { vi: 'Cơ quan ban hành', en: 'Issued by' }, width: 28, value: (r) => r.directive.issuer },
    { header: { vi: 'Trích yếu', en: 'Summary' }, width: 60, value: (r) => r.directive.summary },
    {
      // A rule-set or disease-profile version: what it is, at the hub's version.
      header: { vi: 'Phiên bản gửi kèm', en: 'Version sent' },
      width: 36,
      value: (r) => {
        const sent = r.directive.ruleSet ?? r.directive.diseaseProfile;
        return sent ? `${sent.name} (${sent.code}, v${sent.version})` : null;
      },
    },
    { header: { vi: 'Tỉnh nhận', en: 'Province' }, width: 20, value: (r) => r.province.name },
    {
      header: { vi: 'Xác nhận lúc', en: 'Acknowledged at' },
      width: 18,
      value: (r) => (r.province.acknowledgedAt ? new Date(r.province.acknowledgedAt) : null),
    },
  ];
}
