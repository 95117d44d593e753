import type { Role } from '../../core/roles.ts';
import { systemActor, type Actor } from '../shared/actor.ts';

/** An official of `role` whose area is the subtree at `path` (e.g. 'VN/12' for Lai Châu), for policy tests. */
export function officialAt(role: Role, path: string): Actor {
  return {
    ...systemActor(`${role}@${path}`),
    userId: `user-${role}`,
    role,
    scope: { code: path.split('/').at(-1)!, path },
  };
}
