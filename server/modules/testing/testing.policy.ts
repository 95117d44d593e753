import type { Role } from '../../../core/roles.ts';
import { inScope, type Actor } from '../../shared/actor.ts';

/** Test results are sensitive health data: officials and facility staff of the place only. */
const readers: readonly Role[] = ['system_admin', 'steering_committee', 'health_department', 'commune_officer', 'facility_staff', 'inspector'];
/** Who orders tests, records samples and enters results: health workers on the ground. */
const testers: readonly Role[] = ['system_admin', 'health_department', 'commune_officer', 'facility_staff'];
/** Who plans mass testing of an area. */
const planners: readonly Role[] = ['system_admin', 'health_department', 'commune_officer'];

export const testingPolicy = {
  list: (a: Actor) => readers.includes(a.role),
  read: (a: Actor, row: { locality_path: string }) => readers.includes(a.role) && inScope(a, row.locality_path),
  test: (a: Actor) => testers.includes(a.role),
  testAt: (a: Actor, row: { locality_path: string }) => testers.includes(a.role) && inScope(a, row.locality_path),
  planCampaign: (a: Actor, place: { path: string }) => planners.includes(a.role) && inScope(a, place.path),
  /** Accepting a positive result as a case is registering a case. */
  decideProposal: (a: Actor, p: { locality_path: string }) => planners.includes(a.role) && inScope(a, p.locality_path),
};
