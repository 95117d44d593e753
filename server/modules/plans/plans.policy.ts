import { can } from '../../../core/roles.ts';
import { inScope, isSystemActor, type Actor } from '../../shared/actor.ts';

/** What the actor is to a unit's plan and committee. */
export interface UnitRelation {
  /** An officer of the unit (or the system). */
  own: boolean;
  /** An officer of a unit above it. */
  above: boolean;
  /** A province health or steering official whose area holds the unit. */
  overseer: boolean;
}

/**
 * Response plans and committees (issue 18): a unit's officers keep its plan and committee; the
 * levels above follow them, approve the plan (the province's steering officials approve the plans
 * of the units that have nobody above them) and may activate a committee below them; province
 * officials read every unit of their area. The system (CLI, seed, the activation job) may do all.
 */
export const plansPolicy = {
  relation: (a: Actor, unit: { locality_path: string }, own: boolean, above: boolean): UnitRelation => ({
    own: own || isSystemActor(a),
    above,
    overseer: can(a.role, 'reports.overview') && inScope(a, unit.locality_path),
  }),
  read: (r: UnitRelation) => r.own || r.above || r.overseer,
  edit: (r: UnitRelation) => r.own,
  review: (a: Actor, r: UnitRelation, hasSupervisor: boolean) =>
    isSystemActor(a) || r.above || (!hasSupervisor && a.role === 'steering_committee' && r.overseer),
  activateCommittee: (r: UnitRelation) => r.own || r.above,
  /** The whole area's units, or only the caller's own and those below. */
  listWholeArea: (a: Actor) => isSystemActor(a) || can(a.role, 'reports.overview'),
  list: (a: Actor, unitCount: number) => unitCount > 0 || isSystemActor(a) || can(a.role, 'reports.overview'),
  /** Readiness of every unit of an area: the province's officials. */
  readArea: (a: Actor, path: string) => (isSystemActor(a) || can(a.role, 'reports.overview')) && inScope(a, path),
};
