import { can, roleScopeLevels, type LocalityLevel, type Role } from '../../../core/roles.ts';
import { inScope, type Actor } from '../../shared/actor.ts';

/** Only administrators manage accounts, and only inside their own locality subtree. */
export const identityPolicy = {
  listUsers: (a: Actor) => can(a.role, 'users.manage'),
  manageUser: (a: Actor, userPath: string) => can(a.role, 'users.manage') && inScope(a, userPath),
  assignScope: (a: Actor, role: Role, target: { path: string; level: LocalityLevel }) =>
    can(a.role, 'users.manage') && inScope(a, target.path) && roleScopeLevels[role].includes(target.level),
};
