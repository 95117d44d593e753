import type { Locale } from '../../../core/errors.ts';
import type { StayView } from '../../../core/schemas/facilities.ts';
import type { SheetColumn } from '../../shared/excel.ts';
import { capacityKindLabels, stayOutcomeLabels } from '../facilities/facilities.messages.ts';
import { DAY_MS } from '../../../core/vietnam-calendar.ts';
import type { PlaceNamer } from '../../../core/rules/place-names.ts';

const date = (iso: string | null) => (iso ? new Date(iso) : null);

/** Columns of the treatment stay export; bed kinds and outcomes are written as labels. */
export function stayColumns(locale: Locale, names: PlaceNamer): SheetColumn<StayView>[] {
  return [
    { header: { vi: 'Mã ca bệnh', en: 'Case number' }, width: 14, value: (s) => s.caseNumber },
    { header: { vi: 'Họ và tên', en: 'Full name' }, width: 26, value: (s) => s.fullName },
    { header: { vi: 'Cơ sở điều trị', en: 'Facility' }, width: 30, value: (s) => s.facilityName },
    {
      header: { vi: 'Xã/phường của cơ sở', en: 'Facility commune' },
      width: 20,
      value: (s) => names(s.communeCode, s.communeName),
    },
    { header: { vi: 'Loại giường', en: 'Bed kind' }, width: 24, value: (s) => capacityKindLabels[s.bedKind][locale] },
    { header: { vi: 'Nhập viện', en: 'Admitted' }, width: 20, value: (s) => date(s.admittedAt) },
    { header: { vi: 'Ra viện', en: 'Discharged' }, width: 20, value: (s) => date(s.dischargedAt) },
    {
      header: { vi: 'Kết quả', en: 'Outcome' },
      width: 14,
      value: (s) => (s.outcome ? stayOutcomeLabels[s.outcome][locale] : null),
    },
    {
      header: { vi: 'Số ngày điều trị', en: 'Days' },
      width: 10,
      value: (s) =>
        s.dischargedAt ? Math.round((Date.parse(s.dischargedAt) - Date.parse(s.admittedAt)) / DAY_MS) : null,
    },
  ];
}
