import type { Role } from '../../../core/roles.ts';
import { inScope, type Actor } from '../../shared/actor.ts';

/** Risk indicators and levels are aggregates: every official who follows the epidemic reads them. */
const readers: readonly Role[] = ['system_admin', 'steering_committee', 'health_department', 'commune_officer', 'inspector'];

/** The computed level is a proposal: the steering committee of the area decides (DOMAIN §5). */
const deciders: readonly Role[] = ['system_admin', 'steering_committee'];

export const riskPolicy = {
  read: (a: Actor) => readers.includes(a.role),
  decide: (a: Actor, place: { path: string }) => deciders.includes(a.role) && inScope(a, place.path),
};
