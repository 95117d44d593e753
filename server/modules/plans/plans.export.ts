import type { Locale } from '../../../core/errors.ts';
import { itemCatalogue, itemCodes } from '../../../core/rules/resources/catalogue.ts';
import { forceKindLabels, forceKinds } from '../../../core/rules/resources/forces.ts';
import type { AreaReadinessItem, PlanSummaryView } from '../../../core/schemas/plans.ts';
import { capacityKindLabels } from '../facilities/facilities.messages.ts';
import type { SheetColumn } from '../../shared/excel.ts';
import { planStatusLabels } from './plans.messages.ts';

/** Columns of the plans export: one row per unit, with its latest and approved versions. */
export function planColumns(locale: Locale): SheetColumn<PlanSummaryView>[] {
  return [
    { header: { vi: 'Mã đơn vị', en: 'Unit code' }, width: 14, value: (p) => p.unit.code },
    { header: { vi: 'Đơn vị', en: 'Unit' }, width: 40, value: (p) => p.unit.name },
    { header: { vi: 'Địa bàn', en: 'Area' }, width: 10, value: (p) => p.localityCode },
    { header: { vi: 'Phiên bản mới nhất', en: 'Latest version' }, width: 10, value: (p) => p.latestVersion ?? '' },
    {
      header: { vi: 'Trạng thái', en: 'Status' },
      width: 16,
      value: (p) => (p.latestStatus ? planStatusLabels[p.latestStatus][locale] : ''),
    },
    {
      header: { vi: 'Phiên bản đã duyệt', en: 'Approved version' },
      width: 10,
      value: (p) => p.approvedVersion ?? (locale === 'vi' ? 'Chưa có' : 'None'),
    },
  ];
}

/** A resource line's words: staff by force kind, items and vehicles by catalogue name, beds and places by kind. */
function resourceName(line: { kind: string; code: string }, locale: Locale): string {
  const force = forceKinds.find((k) => k === line.code);
  if (line.kind === 'staff') return force ? forceKindLabels[force][locale] : line.code;
  const item = itemCodes.find((k) => k === line.code);
  if (line.kind === 'item' || line.kind === 'vehicle') return item ? itemCatalogue[item].name[locale] : line.code;
  const place = line.kind === 'quarantine_place' ? 'quarantine_place' : line.code;
  const known = Object.entries(capacityKindLabels).find(([k]) => k === place);
  return known ? known[1][locale] : line.code;
}

/** Columns of the area readiness export: one row per commune or district, its shortfalls in one cell. */
export function readinessColumns(locale: Locale): SheetColumn<AreaReadinessItem>[] {
  const words =
    locale === 'vi'
      ? { missing: 'thiếu', required: 'cần', available: 'có', noPlan: 'Chưa có kế hoạch được duyệt cho cấp này' }
      : { missing: 'short by', required: 'needs', available: 'has', noPlan: 'No approved plan for this level' };
  return [
    { header: { vi: 'Mã đơn vị', en: 'Unit code' }, width: 14, value: (r) => r.unit.code },
    { header: { vi: 'Đơn vị', en: 'Unit' }, width: 40, value: (r) => r.unit.name },
    { header: { vi: 'Địa bàn', en: 'Area' }, width: 10, value: (r) => r.localityCode },
    { header: { vi: 'Cấp độ', en: 'Level' }, width: 8, value: (r) => r.levelNumber },
    {
      header: { vi: 'Có kế hoạch', en: 'Has a plan' },
      width: 10,
      value: (r) => (r.hasPlan ? (locale === 'vi' ? 'Có' : 'Yes') : locale === 'vi' ? 'Không' : 'No'),
    },
    { header: { vi: 'Mức sẵn sàng (%)', en: 'Readiness (%)' }, width: 12, value: (r) => r.readinessPercent },
    {
      header: { vi: 'Thiếu hụt', en: 'Shortfalls' },
      width: 80,
      value: (r) =>
        r.hasPlan
          ? r.shortfalls
              .map(
                (s) =>
                  `${resourceName(s, locale)}: ${words.missing} ${s.quantity} (${words.required} ${s.required}, ${words.available} ${s.available})`,
              )
              .join('; ')
          : words.noPlan,
    },
  ];
}
