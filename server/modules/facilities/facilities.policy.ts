import type { Role } from '../../../core/roles.ts';
import { atBoundFacility, inScope, type Actor } from '../../shared/actor.ts';

type Located = { locality_path: string };
type Facility = Located & { id: string };

/** Who sees facilities and their capacity: officials of the place, inspectors (no people here) and the facilities' own staff. */
const readers: readonly Role[] = ['system_admin', 'steering_committee', 'health_department', 'facility_staff', 'commune_officer', 'inspector'];
/** Who searches free places to send people to. */
const placers: readonly Role[] = ['system_admin', 'steering_committee', 'health_department', 'facility_staff', 'commune_officer'];
/** Who opens, changes and closes facilities and sets their capacity. */
const managers: readonly Role[] = ['system_admin', 'health_department'];

/** Facilities (cơ sở cách ly, điều trị): the health department manages, officials of the place read, staff read their own. */
export const facilitiesPolicy = {
  list: (a: Actor) => readers.includes(a.role),
  read: (a: Actor, f: Facility) => readers.includes(a.role) && inScope(a, f.locality_path) && atBoundFacility(a, f.id),
  create: (a: Actor, commune: { path: string }) => managers.includes(a.role) && inScope(a, commune.path),
  update: (a: Actor, f: Located) => managers.includes(a.role) && inScope(a, f.locality_path),
  /** Placement search shows free places only in facilities the actor may read. */
  searchPlacement: (a: Actor) => placers.includes(a.role),
  /** Binding facility staff accounts to facilities: administrators (who manage accounts). */
  bindStaff: (a: Actor) => a.role === 'system_admin',
  /** …each account and facility of their own area. */
  assignStaff: (a: Actor, accountOrFacility: Located) => a.role === 'system_admin' && inScope(a, accountOrFacility.locality_path),
};
