import type { Locale } from '../../../core/errors.ts';
import type { LevelDecisionView } from '../../../core/schemas/risk.ts';
import { signerCapacityLines } from '../../../core/schemas/risk-decision-act.ts';
import { sheetDay, type SheetColumn } from '../../shared/excel.ts';
import type { PlaceNamer } from '../../../core/rules/place-names.ts';

const kindLabels: Record<LevelDecisionView['kind'], Record<Locale, string>> = {
  approve: { vi: 'Phê duyệt cấp độ tính toán', en: 'Computed level approved' },
  override: { vi: 'Điều chỉnh cấp độ', en: 'Level overridden' },
};

/** A level's name in the reader's language under the rule set a decision applied; its key when the rule set no longer has it. */
export type LevelName = (ruleSet: string, levelKey: string) => string;

/** Columns of the register of level decisions. */
export function decisionColumns(
  locale: Locale,
  levelName: LevelName,
  names: PlaceNamer,
): SheetColumn<LevelDecisionView>[] {
  return [
    { header: { vi: 'Mã địa bàn', en: 'Locality code' }, width: 12, value: (d) => d.localityCode },
    { header: { vi: 'Địa bàn', en: 'Locality' }, width: 28, value: (d) => names(d.localityCode, d.localityName) },
    { header: { vi: 'Bộ quy tắc', en: 'Rule set' }, width: 22, value: (d) => `${d.ruleSet} v${d.ruleSetVersion}` },
    {
      header: { vi: 'Cấp độ tính toán', en: 'Computed level' },
      width: 22,
      value: (d) => levelName(d.ruleSet, d.computedLevel),
    },
    {
      header: { vi: 'Cấp độ quyết định', en: 'Decided level' },
      width: 22,
      value: (d) => levelName(d.ruleSet, d.levelKey),
    },
    { header: { vi: 'Loại', en: 'Kind' }, width: 24, value: (d) => kindLabels[d.kind][locale] },
    { header: { vi: 'Lý do', en: 'Reason' }, width: 40, value: (d) => d.reason },
    { header: { vi: 'Số, ký hiệu', en: 'Number and symbol' }, width: 16, value: (d) => d.documentNumber },
    { header: { vi: 'Ngày ký', en: 'Signed on' }, width: 12, value: (d) => sheetDay(d.signedOn) },
    {
      header: { vi: 'Người ký', en: 'Signed by' },
      width: 34,
      value: (d) => `${signerCapacityLines[d.signerCapacity].join(' / ')}: ${d.signerName}`,
    },
    { header: { vi: 'Cơ quan ban hành', en: 'Issuing authority' }, width: 30, value: (d) => d.issuerName },
    { header: { vi: 'Hiệu lực từ', en: 'In force from' }, width: 18, value: (d) => new Date(d.effectiveFrom) },
    { header: { vi: 'Người ghi nhận', en: 'Recorded by' }, width: 24, value: (d) => d.decidedByName },
    { header: { vi: 'Thời điểm ghi nhận', en: 'Recorded at' }, width: 18, value: (d) => new Date(d.decidedAt) },
  ];
}
