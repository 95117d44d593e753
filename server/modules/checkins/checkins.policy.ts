import { can } from '../../../core/roles.ts';
import { inScope, type Actor } from '../../shared/actor.ts';

type Venue = { locality_path: string; owner_user_id: string | null };

export const checkinsPolicy = {
  /** The gate: the venue's own staff account, or an official of its commune. */
  operateGate: (a: Actor, v: Venue) =>
    v.owner_user_id === a.userId || (can(a.role, 'gates.operateAny') && inScope(a, v.locality_path)),
  seeEntries: (a: Actor, v: Venue) =>
    v.owner_user_id === a.userId || (can(a.role, 'gates.operateAny') && inScope(a, v.locality_path)),
  seeCounts: (a: Actor) => can(a.role, 'checkins.counts'),
};
