import type { Role } from '../../../core/roles.ts';
import { inScope, type Actor } from '../../shared/actor.ts';

type Located = { locality_path: string };

/** Quarantine stays are health data: officials and facility staff of the facility's area. */
const readers: readonly Role[] = ['system_admin', 'steering_committee', 'health_department', 'commune_officer', 'facility_staff', 'inspector'];
const staff: readonly Role[] = ['system_admin', 'health_department', 'commune_officer', 'facility_staff'];

export const quarantinePolicy = {
  list: (a: Actor) => readers.includes(a.role),
  read: (a: Actor, stay: Located) => readers.includes(a.role) && inScope(a, stay.locality_path),
  admitTo: (a: Actor, facility: Located) => staff.includes(a.role) && inScope(a, facility.locality_path),
  manage: (a: Actor, stay: Located) => staff.includes(a.role) && inScope(a, stay.locality_path),
};
