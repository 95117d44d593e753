import { roleScopeLevels, type LocalityLevel, type Role } from '../../../core/roles.ts';
import { inScope, type Actor } from '../../shared/actor.ts';

/** Only administrators manage accounts, and only inside their own locality subtree. */
export const identityPolicy = {
  listUsers: (a: Actor) => a.role === 'system_admin',
  manageUser: (a: Actor, userPath: string) => a.role === 'system_admin' && inScope(a, userPath),
  assignScope: (a: Actor, role: Role, target: { path: string; level: LocalityLevel }) =>
    a.role === 'system_admin' && inScope(a, target.path) && roleScopeLevels[role].includes(target.level),
};
