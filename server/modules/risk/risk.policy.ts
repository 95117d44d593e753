import type { Role } from '../../../core/roles.ts';
import type { Actor } from '../../shared/actor.ts';

/** Risk indicators and levels are aggregates: every official who follows the epidemic reads them. */
const readers: readonly Role[] = ['system_admin', 'steering_committee', 'health_department', 'commune_officer', 'inspector'];

export const riskPolicy = {
  read: (a: Actor) => readers.includes(a.role),
};
