import { can } from '../../../core/roles.ts';
import { inScope, type Actor } from '../../shared/actor.ts';

type Located = { locality_path: string };

/**
 * Cases and contacts are sensitive health data: officials of the place read, health officials act.
 * Inspectors read none of them (only aggregates) until an inspection grants what it targets.
 */
const reads = (a: Actor) => can(a.role, 'cases.read');
const investigates = (a: Actor) => can(a.role, 'cases.investigate');

export const casesPolicy = {
  list: (a: Actor) => reads(a),
  read: (a: Actor, c: Located) => reads(a) && inScope(a, c.locality_path),
  create: (a: Actor, place: { path: string }) => investigates(a) && inScope(a, place.path),
  update: (a: Actor, c: Located) => investigates(a) && inScope(a, c.locality_path),
};
