import { can } from '../../../core/roles.ts';
import { inScope, type Actor } from '../../shared/actor.ts';

/** Who may do what with exposure alerts and self-reports. Citizens act through their phone's session. */
export const exposurePolicy = {
  /** Counts only: every official of the place reads them, like cases' counts. */
  counts: (a: Actor) => can(a.role, 'cases.read'),
  /** The list of self-reports whose entries wait: those who may handle them, within their area. */
  pending: (a: Actor) => can(a.role, 'cases.investigate'),
  /** A self-report is handled, and its test photo read, by whoever traces contacts in its commune. */
  handle: (a: Actor, r: { locality_path: string }) => can(a.role, 'cases.investigate') && inScope(a, r.locality_path),
};
