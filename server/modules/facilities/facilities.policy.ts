import { can } from '../../../core/roles.ts';
import { atBoundFacility, inScope, type Actor } from '../../shared/actor.ts';

type Located = { locality_path: string };
type Facility = Located & { id: string };

/** Facilities (cơ sở cách ly, điều trị): the health department manages, officials of the place read, staff read their own. */
export const facilitiesPolicy = {
  list: (a: Actor) => can(a.role, 'facilities.read'),
  read: (a: Actor, f: Facility) =>
    can(a.role, 'facilities.read') && inScope(a, f.locality_path) && atBoundFacility(a, f.id),
  create: (a: Actor, commune: { path: string }) => can(a.role, 'facilities.manage') && inScope(a, commune.path),
  update: (a: Actor, f: Located) => can(a.role, 'facilities.manage') && inScope(a, f.locality_path),
  /** Placement search shows free places only in facilities the actor may read. */
  searchPlacement: (a: Actor) => can(a.role, 'facilities.place'),
  /** Binding facility staff accounts to facilities: administrators (who manage accounts). */
  bindStaff: (a: Actor) => can(a.role, 'users.manage'),
  /** …each account and facility of their own area. */
  assignStaff: (a: Actor, accountOrFacility: Located) =>
    can(a.role, 'users.manage') && inScope(a, accountOrFacility.locality_path),
};
