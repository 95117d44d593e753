import type { Role } from '../../../core/roles.ts';
import { inScope, type Actor } from '../../shared/actor.ts';

type Located = { locality_path: string };

/** Who sees stays and occupancy: the facilities' readers (a stay is placed at its facility). */
const readers: readonly Role[] = ['system_admin', 'steering_committee', 'health_department', 'facility_staff', 'commune_officer'];
/** Who admits and discharges patients: the health department and the facilities' own staff. */
const recorders: readonly Role[] = ['system_admin', 'health_department', 'facility_staff'];

/** Treatment stays are health data: listed and exported reads are logged by the service. */
export const treatmentPolicy = {
  list: (a: Actor) => readers.includes(a.role),
  read: (a: Actor, stay: Located) => readers.includes(a.role) && inScope(a, stay.locality_path),
  record: (a: Actor, facility: Located) => recorders.includes(a.role) && inScope(a, facility.locality_path),
  occupancy: (a: Actor) => readers.includes(a.role),
};
