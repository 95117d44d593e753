import type { Actor } from '../../shared/actor.ts';

export const auditPolicy = {
  list: (a: Actor) => a.role === 'system_admin' || a.role === 'steering_committee' || a.role === 'inspector',
};
