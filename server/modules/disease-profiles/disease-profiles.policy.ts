import type { Role } from '../../../core/roles.ts';
import type { Actor } from '../../shared/actor.ts';

/** Whoever reads cases reads the profiles they are traced under (the same roles as `casesPolicy.list`). */
const readers: readonly Role[] = ['system_admin', 'steering_committee', 'health_department', 'commune_officer'];

export const diseaseProfilesPolicy = {
  read: (a: Actor) => readers.includes(a.role),
  /** Disease profiles apply to every province: only a system administrator edits them. */
  edit: (a: Actor) => a.role === 'system_admin',
};
