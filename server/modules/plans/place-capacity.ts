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

/** Before a resources service answers: nobody holds anything. */
export const nothingHeld: ResourceHoldings = {
  holdingsOf: async () => new Map<string, UnitHoldings>(),
};
