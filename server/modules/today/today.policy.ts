import type { Role } from '../../../core/roles.ts';
import type { TodayKind } from '../../../core/schemas/today.ts';
import type { Actor } from '../../shared/actor.ts';

/** Whose work each kind is: a list shows only what the user's role can act on. */
const workOf: Record<TodayKind, readonly Role[]> = {
  contacts_to_decide: ['system_admin', 'health_department', 'commune_officer'],
  // Contacts still to be placed belong to no facility yet: not facility staff's to see.
  quarantine_to_arrange: ['system_admin', 'health_department', 'commune_officer'],
  tests_due: ['system_admin', 'health_department', 'commune_officer', 'facility_staff'],
  releases_due: ['system_admin', 'health_department', 'commune_officer', 'facility_staff'],
  missing_reports: ['system_admin', 'health_department', 'commune_officer', 'facility_staff'],
  case_proposals: ['system_admin', 'health_department', 'commune_officer'],
  capacity_alerts: ['system_admin', 'steering_committee', 'health_department', 'facility_staff'],
  levels_to_decide: ['system_admin', 'steering_committee'],
  link_requests: ['health_department', 'commune_officer'],
};

export const todayPolicy = {
  sees: (a: Actor, kind: TodayKind) => workOf[kind].includes(a.role),
};
