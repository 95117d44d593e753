import type { Locale } from '../../../core/errors.ts';
import type { ZoneView } from '../../../core/schemas/risk-admin.ts';
import type { SheetColumn } from '../../shared/excel.ts';

export const zoneKindLabels: Record<ZoneView['kind'], Record<Locale, string>> = {
  khoanh_vung: { vi: 'Khoanh vùng', en: 'Contained area' },
  phong_toa: { vi: 'Phong tỏa', en: 'Lockdown' },
};

/** Columns of the epidemic zones export. */
export function zoneColumns(locale: Locale): SheetColumn<ZoneView>[] {
  return [
    { header: { vi: 'Tên vùng', en: 'Zone' }, width: 30, value: (z) => z.name },
    { header: { vi: 'Loại', en: 'Kind' }, width: 14, value: (z) => zoneKindLabels[z.kind][locale] },
    { header: { vi: 'Xã/phường', en: 'Communes' }, width: 30, value: (z) => z.communeCodes.join(', ') },
    { header: { vi: 'Dân số', en: 'Population' }, width: 12, value: (z) => z.populationCovered },
    { header: { vi: 'Bắt đầu', en: 'Starts' }, width: 18, value: (z) => new Date(z.startsAt) },
    { header: { vi: 'Kết thúc', en: 'Ends' }, width: 18, value: (z) => (z.endsAt ? new Date(z.endsAt) : null) },
    { header: { vi: 'Biện pháp', en: 'Measures' }, width: 40, value: (z) => z.measures.join('; ') },
    { header: { vi: 'Quyết định', en: 'Decision' }, width: 20, value: (z) => z.decisionRef },
  ];
}
