import { can } from '../../../core/roles.ts';
import { inScope, isSystemActor, type Actor } from '../../shared/actor.ts';

/** What the actor is to a unit: its officer, an officer of a unit above it, a province official over its area. */
export interface UnitRelation {
  officer: boolean;
  reviewer: boolean;
  overview: boolean;
}

/**
 * Unit reports: a unit's officers fill in and submit its reports; officers of the units above it
 * review them (DHIS2's two-step model); the province's health and steering officials read every
 * report of their area and its completeness. The system (CLI, seed) may act in every one of these capacities.
 */
export const reportsPolicy = {
  relation: (a: Actor, unit: { locality_path: string }, officer: boolean, reviewer: boolean): UnitRelation => ({
    officer: officer || isSystemActor(a),
    reviewer: reviewer || isSystemActor(a),
    overview: can(a.role, 'reports.overview') && inScope(a, unit.locality_path),
  }),
  read: (r: UnitRelation) => r.officer || r.reviewer || r.overview,
  submit: (r: UnitRelation) => r.officer,
  review: (r: UnitRelation) => r.reviewer,
  completeness: (a: Actor) => can(a.role, 'reports.overview'),
};
