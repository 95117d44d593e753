import { inScope, type Actor } from '../../shared/actor.ts';

type Venue = { locality_path: string; owner_user_id: string | null };
const officials = new Set(['system_admin', 'steering_committee', 'health_department', 'commune_officer']);

export const checkinsPolicy = {
  /** The gate: the venue's own staff account, or an official of its commune. */
  operateGate: (a: Actor, v: Venue) => v.owner_user_id === a.userId || (officials.has(a.role) && inScope(a, v.locality_path)),
  seeEntries: (a: Actor, v: Venue) => v.owner_user_id === a.userId || (officials.has(a.role) && inScope(a, v.locality_path)),
  seeCounts: (a: Actor) => officials.has(a.role) || a.role === 'inspector',
};
