import type { Role } from '../../../core/roles.ts';
import { inScope, type Actor } from '../../shared/actor.ts';

type Located = { locality_path: string };

/**
 * Cases and contacts are sensitive health data: officials of the place read, health officials act.
 * Inspectors read none of them (only aggregates) until an inspection grants what it targets.
 */
const readers: readonly Role[] = ['system_admin', 'steering_committee', 'health_department', 'commune_officer'];
const investigators: readonly Role[] = ['system_admin', 'health_department', 'commune_officer'];

export const casesPolicy = {
  list: (a: Actor) => readers.includes(a.role),
  read: (a: Actor, c: Located) => readers.includes(a.role) && inScope(a, c.locality_path),
  create: (a: Actor, place: { path: string }) => investigators.includes(a.role) && inScope(a, place.path),
  update: (a: Actor, c: Located) => investigators.includes(a.role) && inScope(a, c.locality_path),
};
