import { can } from '../../../core/roles.ts';
import { atBoundFacility, inScope, type Actor } from '../../shared/actor.ts';

type Located = { locality_path: string };
type Facility = Located & { id: string };
type Stay = Located & { facility_id: string };

/** Treatment stays are health data: listed and exported reads are logged by the service. */
export const treatmentPolicy = {
  /** Stays name patients: the facilities' readers, facility staff only at their own facilities. */
  list: (a: Actor) => can(a.role, 'treatment.read'),
  read: (a: Actor, stay: Stay) =>
    can(a.role, 'treatment.read') && inScope(a, stay.locality_path) && atBoundFacility(a, stay.facility_id),
  seeFacility: (a: Actor, f: Facility) =>
    can(a.role, 'treatment.read') && inScope(a, f.locality_path) && atBoundFacility(a, f.id),
  /** Admitting and discharging patients: the health department and the facilities' own staff. */
  record: (a: Actor, facility: Facility) =>
    can(a.role, 'treatment.record') && inScope(a, facility.locality_path) && atBoundFacility(a, facility.id),
  /** The occupancy board (counts, no people): the readers and inspectors. */
  occupancy: (a: Actor) => can(a.role, 'treatment.occupancy'),
};
