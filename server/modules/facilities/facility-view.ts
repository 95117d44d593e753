import { occupancyOf } from '../../../core/rules/occupancy.ts';
import {
  capacityKinds,
  type CapacityLine,
  type FacilityKind,
  type FacilityView,
} from '../../../core/schemas/facilities.ts';
import type { CapacityRow, FacilityRecord } from './facilities.repository.ts';

/** Groups capacity rows by facility, each facility's kinds in the canonical order. */
export function linesByFacility(rows: readonly CapacityRow[]): Map<string, CapacityRow[]> {
  const byFacility = new Map<string, CapacityRow[]>();
  for (const row of rows) {
    const lines = byFacility.get(row.facility_id);
    if (lines) lines.push(row);
    else byFacility.set(row.facility_id, [row]);
  }
  for (const lines of byFacility.values())
    lines.sort((a, b) => capacityKinds.indexOf(a.kind) - capacityKinds.indexOf(b.kind));
  return byFacility;
}

/**
 * A home-quarantine "facility" counts the people quarantined at home in its area: without a
 * declared capacity it has no places to run out of (the quarantine module admits without limit).
 */
export const isUncapped = (f: { kind: FacilityKind }, row: { capacity: number }) =>
  f.kind === 'home' && row.capacity <= 0;

function capacityLinesOf(
  f: { kind: FacilityKind; occupancy_alert_percent: number },
  rows: readonly CapacityRow[],
): CapacityLine[] {
  return rows.map((r) => ({
    kind: r.kind,
    ...occupancyOf({ capacity: r.capacity, occupied: r.occupied }, f.occupancy_alert_percent, {
      uncapped: isUncapped(f, r),
    }),
  }));
}

export function toFacilityView(f: FacilityRecord, rows: readonly CapacityRow[]): FacilityView {
  const capacity = capacityLinesOf(f, rows);
  return {
    id: f.id,
    name: f.name,
    kind: f.kind,
    communeCode: f.locality_code,
    communeName: f.commune_name,
    addressLine: f.address_line,
    contactPhone: f.contact_phone,
    status: f.status,
    occupancyAlertPercent: f.occupancy_alert_percent,
    capacity,
    alert: capacity.some((l) => l.alert),
    createdAt: f.created_key,
    updatedAt: f.updated_at.toISOString(),
  };
}
