import type { Role } from '../../../core/roles.ts';
import { inScope, type Actor } from '../../shared/actor.ts';

type Located = { locality_path: string };

/** Who sees facilities and their free capacity: officials of the place and the facilities' staff. */
const readers: readonly Role[] = ['system_admin', 'steering_committee', 'health_department', 'facility_staff', 'commune_officer'];
/** Who opens, changes and closes facilities and sets their capacity. */
const managers: readonly Role[] = ['system_admin', 'health_department'];

/** Facilities (cơ sở cách ly, điều trị): the health department manages, officials of the place read. */
export const facilitiesPolicy = {
  list: (a: Actor) => readers.includes(a.role),
  read: (a: Actor, f: Located) => readers.includes(a.role) && inScope(a, f.locality_path),
  create: (a: Actor, commune: { path: string }) => managers.includes(a.role) && inScope(a, commune.path),
  update: (a: Actor, f: Located) => managers.includes(a.role) && inScope(a, f.locality_path),
  /** Placement search shows free places only in facilities the actor may read. */
  searchPlacement: (a: Actor) => readers.includes(a.role),
};
