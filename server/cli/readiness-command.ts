import type { ReadinessView } from '../../core/schemas/plans.ts';
import type { AppServices } from '../services.ts';
import { systemActor } from '../shared/actor.ts';

/** A command-line mistake about the unit or level: printed with the usage. */
export class ReadinessUsageError extends Error {}

/**
 * `phongdich resources readiness --unit <code> --level <n>`: the unit's readiness for the level of
 * the active rule set with that number, computed as the page computes it (the system reads every unit).
 */
export async function unitReadiness(
  s: Pick<AppServices, 'db' | 'units' | 'readiness'>,
  unitCode: string,
  level: number,
): Promise<Pick<ReadinessView, 'required' | 'available' | 'shortfalls' | 'readinessPercent'> & { hasPlan: boolean }> {
  const unit = await s.units.findByCode(s.db, unitCode);
  if (!unit) throw new ReadinessUsageError(`no reporting unit "${unitCode}"`);
  const r = await s.readiness.forUnit(systemActor('cli'), { unit: unit.id, level });
  return {
    required: r.required,
    available: r.available,
    shortfalls: r.shortfalls,
    readinessPercent: r.readinessPercent,
    hasPlan: r.hasPlan,
  };
}
