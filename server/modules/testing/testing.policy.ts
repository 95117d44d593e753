import type { Role } from '../../../core/roles.ts';
import { atAnyBoundFacility, inScope, type Actor } from '../../shared/actor.ts';

type Located = { locality_path: string };
/** An order or a sample: where it belongs, and the quarantine facilities it is at (facility staff reach those only). */
type PersonTest = Located & { facility_ids?: readonly string[] | null };

/** Officials of a place: they read the identified orders, samples, results and case proposals of their area. */
const officials: readonly Role[] = ['system_admin', 'steering_committee', 'health_department', 'commune_officer'];
/** Test results are sensitive health data: officials of the place, and facility staff for the people of their facilities. */
const readers: readonly Role[] = [...officials, 'facility_staff'];
/** Mass-testing campaigns and their pools are counts, not people: officials of the place and inspectors. */
const campaignReaders: readonly Role[] = [...officials, 'inspector'];
/** Who orders tests, records samples and enters results: health workers on the ground. */
const testers: readonly Role[] = ['system_admin', 'health_department', 'commune_officer', 'facility_staff'];
/** Who plans and samples mass testing of an area, enters pool results and decides case proposals. */
const planners: readonly Role[] = ['system_admin', 'health_department', 'commune_officer'];

const atFacility = (a: Actor, t: PersonTest) => atAnyBoundFacility(a, t.facility_ids ?? []);

export const testingPolicy = {
  list: (a: Actor) => readers.includes(a.role),
  read: (a: Actor, t: PersonTest) => readers.includes(a.role) && inScope(a, t.locality_path) && atFacility(a, t),
  test: (a: Actor) => testers.includes(a.role),
  testAt: (a: Actor, t: PersonTest) => testers.includes(a.role) && inScope(a, t.locality_path) && atFacility(a, t),
  /** Case proposals come from any positive result of the area: the officials who decide on them. */
  listProposals: (a: Actor) => officials.includes(a.role),
  readProposal: (a: Actor, p: Located) => officials.includes(a.role) && inScope(a, p.locality_path),
  listCampaigns: (a: Actor) => campaignReaders.includes(a.role),
  readCampaign: (a: Actor, c: Located) => campaignReaders.includes(a.role) && inScope(a, c.locality_path),
  planCampaign: (a: Actor, place: { path: string }) => planners.includes(a.role) && inScope(a, place.path),
  sampleCampaign: (a: Actor, c: Located) => planners.includes(a.role) && inScope(a, c.locality_path),
  enterPoolResults: (a: Actor) => planners.includes(a.role),
  /** Accepting a positive result as a case is registering a case. */
  decideProposal: (a: Actor, p: Located) => planners.includes(a.role) && inScope(a, p.locality_path),
};
