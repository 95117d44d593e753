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
  /**
   * Facility staff only: the facilities the account is bound to, looked up for each request. A
   * facility staff actor without it is bound to nothing and reads no one.
   */
  facilityIds?: readonly string[];
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

/** The account to record as having done something: none for the system itself (CLI, jobs, seeding). */
export function recordedBy(a: Actor): string | null {
  return isSystemActor(a) ? null : a.userId;
}

/** True when `path` is the scope root itself or lies below it. */
export function pathWithin(scopePath: string, path: string): boolean {
  return path === scopePath || path.startsWith(`${scopePath}/`);
}

export function inScope(actor: Actor, path: string): boolean {
  return pathWithin(actor.scope.path, path);
}

/**
 * The facilities whose records the actor is limited to: the bound facilities of a facility staff
 * account (possibly none), or null for every other role, which is limited by its locality alone.
 */
export function boundFacilities(a: Actor): readonly string[] | null {
  return a.role === 'facility_staff' ? (a.facilityIds ?? []) : null;
}

/** True unless the actor is facility staff and the facility is not one of theirs. */
export function atBoundFacility(a: Actor, facilityId: string | null): boolean {
  const bound = boundFacilities(a);
  return bound === null || (facilityId !== null && bound.includes(facilityId));
}

/** True unless the actor is facility staff and none of `facilityIds` is theirs. */
export function atAnyBoundFacility(a: Actor, facilityIds: readonly string[]): boolean {
  const bound = boundFacilities(a);
  return bound === null || facilityIds.some((id) => bound.includes(id));
}
