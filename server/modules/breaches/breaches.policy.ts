import { can } from '../../../core/roles.ts';
import { inScope, type Actor } from '../../shared/actor.ts';

/** The breach register is the administrators' (Law 91/2025: the controller reports its breaches). */
export const breachesPolicy = {
  list: (a: Actor) => can(a.role, 'breaches.manage'),
  manage: (a: Actor, b: { locality_path: string }) => can(a.role, 'breaches.manage') && inScope(a, b.locality_path),
};
