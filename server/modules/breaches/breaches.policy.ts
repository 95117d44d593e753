import { inScope, type Actor } from '../../shared/actor.ts';

/** The breach register is the administrators' (Law 91/2025: the controller reports its breaches). */
export const breachesPolicy = {
  list: (a: Actor) => a.role === 'system_admin',
  manage: (a: Actor, b: { locality_path: string }) => a.role === 'system_admin' && inScope(a, b.locality_path),
};
