import type { Role } from '../../../core/roles.ts';
import { atBoundFacility, inScope, type Actor } from '../../shared/actor.ts';

type Located = { locality_path: string };
type Stay = Located & { facility_id: string };
type Facility = Located & { id: string };

/** Quarantine stays are health data: officials of the facility's area, and the staff of the facility itself. */
const readers: readonly Role[] = ['system_admin', 'steering_committee', 'health_department', 'commune_officer', 'facility_staff'];
const staff: readonly Role[] = ['system_admin', 'health_department', 'commune_officer', 'facility_staff'];

export const quarantinePolicy = {
  list: (a: Actor) => readers.includes(a.role),
  read: (a: Actor, stay: Stay) => readers.includes(a.role) && inScope(a, stay.locality_path) && atBoundFacility(a, stay.facility_id),
  seeFacility: (a: Actor, f: Facility) => readers.includes(a.role) && inScope(a, f.locality_path) && atBoundFacility(a, f.id),
  admitTo: (a: Actor, f: Facility) => staff.includes(a.role) && inScope(a, f.locality_path) && atBoundFacility(a, f.id),
  manage: (a: Actor, stay: Stay) => staff.includes(a.role) && inScope(a, stay.locality_path) && atBoundFacility(a, stay.facility_id),
};
