import type { TFunction } from 'i18next';
import type { CapacityKind, CapacityLine, FacilityKind, FacilityView } from '../../../../core/schemas/facilities.ts';
import type { Option } from '../../ui/form.tsx';

/**
 * Codes of facilities and their labels. The lists mirror core/schemas/facilities.ts (the compiler
 * checks the element types); the schema's arrays are not imported, which would pull zod in.
 */
export const facilityKinds: readonly FacilityKind[] = ['concentrated', 'hotel', 'hospital', 'field_hospital', 'home'];
export const capacityKinds: readonly CapacityKind[] = [
  'quarantine_place',
  'regular_bed',
  'oxygen_bed',
  'icu_bed',
  'negative_pressure_room',
];

export const isFacilityKind = (v: string): v is FacilityKind => (facilityKinds as readonly string[]).includes(v);
export const isCapacityKind = (v: string): v is CapacityKind => (capacityKinds as readonly string[]).includes(v);

export const facilityKindOptions = (t: TFunction): Option[] =>
  facilityKinds.map((k) => ({ value: k, label: t(`facilities.kind.${k}`) }));
export const capacityKindOptions = (t: TFunction): Option[] =>
  capacityKinds.map((k) => ({ value: k, label: t(`facilities.capacityKind.${k}`) }));

/** The facility's line for one kind of place, if it offers that kind. */
export const lineOf = (f: Pick<FacilityView, 'capacity'>, kind: CapacityKind): CapacityLine | undefined =>
  f.capacity.find((c) => c.kind === kind);

/** Full or over the threshold reads as an alert, some use as a warning, empty as fine. */
export function occupancyBadge(line: CapacityLine): string {
  if (line.alert || line.free <= 0) return 'badge badge-alert';
  return line.occupied > 0 ? 'badge badge-warn' : 'badge badge-ok';
}
