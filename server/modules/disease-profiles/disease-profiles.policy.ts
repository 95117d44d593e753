import { can } from '../../../core/roles.ts';
import type { Actor } from '../../shared/actor.ts';

export const diseaseProfilesPolicy = {
  /** Whoever reads cases reads the profiles they are traced under. */
  read: (a: Actor) => can(a.role, 'cases.read'),
  /** Disease profiles apply to every province: only a system administrator edits them. */
  edit: (a: Actor) => can(a.role, 'diseaseProfiles.edit'),
};
