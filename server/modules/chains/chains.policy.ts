import type { Role } from '../../../core/roles.ts';
import { inScope, type Actor } from '../../shared/actor.ts';

/** Officials who follow transmission: everyone but organisations and facility staff. */
const readers: readonly Role[] = ['system_admin', 'steering_committee', 'health_department', 'commune_officer', 'inspector'];

/** Chains of transmission: one line per rule; the cases shown are those of the actor's scope. */
export const chainsPolicy = {
  read: (a: Actor) => readers.includes(a.role),
  readCluster: (a: Actor, c: { locality_path: string }) => readers.includes(a.role) && inScope(a, c.locality_path),
};
