import type { Role } from '../../../core/roles.ts';
import { inScope, type Actor } from '../../shared/actor.ts';

/** Risk indicators and levels are aggregates: every official who follows the epidemic reads them. */
const readers: readonly Role[] = ['system_admin', 'steering_committee', 'health_department', 'commune_officer', 'inspector'];

/** The computed level is a proposal: the steering committee of the area decides (DOMAIN §5). */
const deciders: readonly Role[] = ['system_admin', 'steering_committee'];

/** Coverage figures come from the immunisation programme, run by the health department. */
const importers: readonly Role[] = ['system_admin', 'health_department'];

export const riskPolicy = {
  read: (a: Actor) => readers.includes(a.role),
  decide: (a: Actor, place: { path: string }) => deciders.includes(a.role) && inScope(a, place.path),
  /** Epidemic zones are decided like levels, by the steering committee of the area. */
  zone: (a: Actor, place: { path: string }) => deciders.includes(a.role) && inScope(a, place.path),
  importCoverage: (a: Actor, place: { path: string }) => importers.includes(a.role) && inScope(a, place.path),
  /** Rule sets apply to the whole installation. */
  administer: (a: Actor) => a.role === 'system_admin',
};
