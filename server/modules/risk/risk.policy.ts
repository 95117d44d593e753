import { can } from '../../../core/roles.ts';
import { inScope, type Actor } from '../../shared/actor.ts';

export const riskPolicy = {
  /** Risk indicators and levels are aggregates: every official who follows the epidemic reads them. */
  read: (a: Actor) => can(a.role, 'risk.read'),
  /** The computed level is a proposal: the steering committee of the area decides (DOMAIN §5). */
  decide: (a: Actor, place: { path: string }) => can(a.role, 'risk.decide') && inScope(a, place.path),
  /** Epidemic zones are decided like levels, by the steering committee of the area. */
  zone: (a: Actor, place: { path: string }) => can(a.role, 'risk.decide') && inScope(a, place.path),
  importCoverage: (a: Actor, place: { path: string }) => can(a.role, 'risk.importCoverage') && inScope(a, place.path),
  /** Rule sets apply to the whole installation. */
  administer: (a: Actor) => can(a.role, 'risk.administer'),
};
