import type { Locale } from '../../../core/errors.ts';
import type { CommuneOnMap } from '../../../core/schemas/risk-map.ts';
import type { SheetColumn } from '../../shared/excel.ts';

/** Columns of the level map export: one row per commune on the day. */
export function mapColumns(
  locale: Locale,
  levelName: (key: string | null) => string | null,
): SheetColumn<CommuneOnMap>[] {
  const yes = locale === 'vi' ? 'Có' : 'Yes';
  return [
    { header: { vi: 'Mã xã', en: 'Commune code' }, width: 10, value: (c) => c.code },
    { header: { vi: 'Xã/phường', en: 'Commune' }, width: 28, value: (c) => c.name },
    { header: { vi: 'Cấp độ', en: 'Level' }, width: 24, value: (c) => levelName(c.level) },
    { header: { vi: 'Cấp độ tính toán', en: 'Computed level' }, width: 24, value: (c) => levelName(c.computedLevel) },
    { header: { vi: 'Cấp độ đã quyết định', en: 'Decided level' }, width: 24, value: (c) => levelName(c.decidedLevel) },
    { header: { vi: 'Ca cộng đồng 7 ngày', en: 'Community cases, 7 days' }, width: 14, value: (c) => c.cases7d },
    { header: { vi: 'Ca cộng đồng 14 ngày', en: 'Community cases, 14 days' }, width: 14, value: (c) => c.cases14d },
    {
      header: { vi: 'Ca/100.000 dân/7 ngày', en: 'Cases per 100,000 per 7 days' },
      width: 14,
      value: (c) => (c.per100k7d === null ? null : Math.round(c.per100k7d * 10) / 10),
    },
    { header: { vi: 'Trong vùng dịch', en: 'In an epidemic zone' }, width: 12, value: (c) => (c.inZone ? yes : null) },
  ];
}
