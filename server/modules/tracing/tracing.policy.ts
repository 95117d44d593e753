import { can } from '../../../core/roles.ts';
import { inScope, type Actor } from '../../shared/actor.ts';

type Located = { locality_path: string };

/** Contacts are case data: the officials who read cases read them, the case's investigators act on them. */
const reads = (a: Actor) => can(a.role, 'cases.read');
const investigates = (a: Actor) => can(a.role, 'cases.investigate');

export const tracingPolicy = {
  list: (a: Actor) => reads(a),
  /** Confirm, reject, declare contacts and re-run tracing: the case's investigators. */
  trace: (a: Actor, theCase: Located) => investigates(a) && inScope(a, theCase.locality_path),
  /** A contact living in the officer's area is theirs to follow up even when the case is elsewhere. */
  readContact: (a: Actor, contact: Located, theCase: Located) =>
    reads(a) && (inScope(a, contact.locality_path) || inScope(a, theCase.locality_path)),
};
