import type { Locale } from '../../core/errors.ts';
import type { Role } from '../../core/roles.ts';

/** Who is acting, with the locality subtree they may see. Built once per request by the auth hook. */
export interface Actor {
  userId: string;
  username: string;
  fullName: string;
  role: Role;
  scope: { code: string; path: string };
  ip: string | null;
  requestId: string | null;
  locale: Locale;
}

/** The system itself (CLI, jobs, seeding). It has the whole country in scope. */
export function systemActor(label = 'system'): Actor {
  return {
    userId: '00000000-0000-0000-0000-000000000000',
    username: label,
    fullName: label,
    role: 'system_admin',
    scope: { code: 'VN', path: 'VN' },
    ip: null,
    requestId: null,
    locale: 'vi',
  };
}

export function isSystemActor(a: Actor): boolean {
  return a.userId === '00000000-0000-0000-0000-000000000000';
}

/** True when `path` is the scope root itself or lies below it. */
export function pathWithin(scopePath: string, path: string): boolean {
  return path === scopePath || path.startsWith(`${scopePath}/`);
}

export function inScope(actor: Actor, path: string): boolean {
  return pathWithin(actor.scope.path, path);
}
