import type { Role } from '../../../core/roles.ts';
import { atBoundFacility, inScope, type Actor } from '../../shared/actor.ts';

type Located = { locality_path: string };
type Facility = Located & { id: string };
type Stay = Located & { facility_id: string };

/** Who sees stays (patients' names): the facilities' readers, facility staff only at their own facilities. */
const readers: readonly Role[] = ['system_admin', 'steering_committee', 'health_department', 'facility_staff', 'commune_officer'];
/** Who sees the occupancy board (counts, no people): the readers and inspectors. */
const boardReaders: readonly Role[] = [...readers, 'inspector'];
/** Who admits and discharges patients: the health department and the facilities' own staff. */
const recorders: readonly Role[] = ['system_admin', 'health_department', 'facility_staff'];

/** Treatment stays are health data: listed and exported reads are logged by the service. */
export const treatmentPolicy = {
  list: (a: Actor) => readers.includes(a.role),
  read: (a: Actor, stay: Stay) => readers.includes(a.role) && inScope(a, stay.locality_path) && atBoundFacility(a, stay.facility_id),
  seeFacility: (a: Actor, f: Facility) => readers.includes(a.role) && inScope(a, f.locality_path) && atBoundFacility(a, f.id),
  record: (a: Actor, facility: Facility) => recorders.includes(a.role) && inScope(a, facility.locality_path) && atBoundFacility(a, facility.id),
  occupancy: (a: Actor) => boardReaders.includes(a.role),
};
