import type { Availability } from '../../../core/schemas/resources.ts';
import type { Db } from '../../db/database.ts';
import type { FacilitiesService } from '../facilities/facilities.module.ts';
import type { PlaceCapacity, ResourceHoldings, UnitHoldings } from './readiness.service.ts';

/** Free places of an area's active facilities, from the facilities module's services (two queries). */
export function facilityPlaces(facilities: FacilitiesService): PlaceCapacity {
  return {
    async freeWithin(db: Db, withinPath: string) {
      const [list, lines] = await Promise.all([
        facilities.listActiveWithin(db, withinPath, null),
        facilities.capacityLines(db, { activeWithin: withinPath }),
      ]);
      const pathOf = new Map(list.map((f) => [f.id, f.locality_path]));
      return lines.flatMap((l) => {
        const localityPath = pathOf.get(l.facility_id);
        return localityPath ? [{ localityPath, kind: l.kind, free: Math.max(0, l.capacity - l.occupied) }] : [];
      });
    },
  };
}

/** What the resources module answers for many units at once (forces by kind, usable stock by item). */
export interface UnitsAvailability {
  availableForUnits(
    db: Db,
    unitIds: readonly string[],
    options?: { only?: { items: readonly string[]; forceKinds: readonly string[] } },
  ): Promise<Map<string, Availability>>;
}

/** The resources module's figures as readiness reads them: staff by force kind, items (vehicles too) by code. */
export function resourceHoldings(resources: UnitsAvailability): ResourceHoldings {
  return {
    async holdingsOf(
      db: Db,
      unitIds: readonly string[],
      only?: { items: readonly string[]; forceKinds: readonly string[] },
    ) {
      const all = await resources.availableForUnits(db, unitIds, only ? { only } : undefined);
      const out = new Map<string, UnitHoldings>();
      for (const [unitId, a] of all)
        out.set(unitId, {
          staff: new Map(Object.entries(a.forcesByKind)),
          items: new Map(Object.entries(a.stockByItem).map(([code, line]) => [code, line?.quantity ?? 0])),
        });
      return out;
    },
  };
}
