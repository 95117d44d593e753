import { can } from '../../../core/roles.ts';
import { atAnyBoundFacility, inScope, type Actor } from '../../shared/actor.ts';

type Located = { locality_path: string };
/** An order or a sample: where it belongs, and the quarantine facilities it is at (facility staff reach those only). */
type PersonTest = Located & { facility_ids?: readonly string[] | null };

const atFacility = (a: Actor, t: PersonTest) => atAnyBoundFacility(a, t.facility_ids ?? []);

export const testingPolicy = {
  list: (a: Actor) => can(a.role, 'testing.read'),
  read: (a: Actor, t: PersonTest) => can(a.role, 'testing.read') && inScope(a, t.locality_path) && atFacility(a, t),
  test: (a: Actor) => can(a.role, 'testing.record'),
  testAt: (a: Actor, t: PersonTest) => can(a.role, 'testing.record') && inScope(a, t.locality_path) && atFacility(a, t),
  /** Case proposals come from any positive result of the area: the officials who decide on them. */
  listProposals: (a: Actor) => can(a.role, 'testing.proposals'),
  readProposal: (a: Actor, p: Located) => can(a.role, 'testing.proposals') && inScope(a, p.locality_path),
  listCampaigns: (a: Actor) => can(a.role, 'testing.campaigns'),
  readCampaign: (a: Actor, c: Located) => can(a.role, 'testing.campaigns') && inScope(a, c.locality_path),
  planCampaign: (a: Actor, place: { path: string }) => can(a.role, 'testing.plan') && inScope(a, place.path),
  sampleCampaign: (a: Actor, c: Located) => can(a.role, 'testing.plan') && inScope(a, c.locality_path),
  enterPoolResults: (a: Actor) => can(a.role, 'testing.plan'),
  /** Accepting a positive result as a case is registering a case. */
  decideProposal: (a: Actor, p: Located) => can(a.role, 'testing.plan') && inScope(a, p.locality_path),
};
