import type { Locale } from '../../../core/errors.ts';
import { capacityKinds, type FacilityView } from '../../../core/schemas/facilities.ts';
import type { SheetColumn } from '../../shared/excel.ts';
import { capacityKindLabels, facilityKindLabels, facilityStatusLabels } from './facilities.messages.ts';
import type { PlaceNamer } from '../../../core/rules/place-names.ts';

const yes = { vi: 'Có', en: 'Yes' } as const;
const lineOf = (f: FacilityView, kind: string) => f.capacity.find((l) => l.kind === kind);

/** Columns of the facility export: one capacity and one "in use" column per kind, labels not codes. */
export function facilityColumns(locale: Locale, names: PlaceNamer): SheetColumn<FacilityView>[] {
  const perKind = capacityKinds.flatMap((kind): SheetColumn<FacilityView>[] => [
    {
      header: { vi: `${capacityKindLabels[kind].vi}: tổng số`, en: `${capacityKindLabels[kind].en}: total` },
      width: 14,
      value: (f) => lineOf(f, kind)?.capacity ?? null,
    },
    {
      header: { vi: `${capacityKindLabels[kind].vi}: đang sử dụng`, en: `${capacityKindLabels[kind].en}: in use` },
      width: 14,
      value: (f) => lineOf(f, kind)?.occupied ?? null,
    },
  ]);
  return [
    { header: { vi: 'Tên cơ sở', en: 'Facility' }, width: 32, value: (f) => f.name },
    { header: { vi: 'Loại cơ sở', en: 'Kind' }, width: 24, value: (f) => facilityKindLabels[f.kind][locale] },
    { header: { vi: 'Mã xã/phường', en: 'Commune code' }, width: 12, value: (f) => f.communeCode },
    { header: { vi: 'Xã/phường', en: 'Commune' }, width: 20, value: (f) => names(f.communeCode, f.communeName) },
    { header: { vi: 'Địa chỉ', en: 'Address' }, width: 32, value: (f) => f.addressLine },
    { header: { vi: 'Điện thoại liên hệ', en: 'Contact phone' }, width: 16, value: (f) => f.contactPhone },
    { header: { vi: 'Trạng thái', en: 'Status' }, width: 14, value: (f) => facilityStatusLabels[f.status][locale] },
    {
      header: { vi: 'Ngưỡng cảnh báo (%)', en: 'Alert threshold (%)' },
      width: 12,
      value: (f) => f.occupancyAlertPercent,
    },
    ...perKind,
    { header: { vi: 'Cảnh báo quá tải', en: 'Near full' }, width: 12, value: (f) => (f.alert ? yes[locale] : null) },
  ];
}
