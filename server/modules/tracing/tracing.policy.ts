import type { Role } from '../../../core/roles.ts';
import { inScope, type Actor } from '../../shared/actor.ts';

type Located = { locality_path: string };

/** Contacts are case data: the officials who read cases read them, the case's investigators act on them. */
const readers: readonly Role[] = ['system_admin', 'steering_committee', 'health_department', 'commune_officer'];
const investigators: readonly Role[] = ['system_admin', 'health_department', 'commune_officer'];

export const tracingPolicy = {
  list: (a: Actor) => readers.includes(a.role),
  /** Confirm, reject, declare contacts and re-run tracing: the case's investigators. */
  trace: (a: Actor, theCase: Located) => investigators.includes(a.role) && inScope(a, theCase.locality_path),
  /** A contact living in the officer's area is theirs to follow up even when the case is elsewhere. */
  readContact: (a: Actor, contact: Located, theCase: Located) =>
    readers.includes(a.role) && (inScope(a, contact.locality_path) || inScope(a, theCase.locality_path)),
};
