import type { Role } from '../../../core/roles.ts';
import { inScope, type Actor } from '../../shared/actor.ts';

type Located = { locality_path: string };

/**
 * Cases and contacts are sensitive health data: officials of the place read, health officials act.
 * Inspectors read none of them (only aggregates) until an inspection grants what it targets.
 */
const readers: readonly Role[] = ['system_admin', 'steering_committee', 'health_department', 'commune_officer'];
const investigators: readonly Role[] = ['system_admin', 'health_department', 'commune_officer'];

export const casesPolicy = {
  list: (a: Actor) => readers.includes(a.role),
  read: (a: Actor, c: Located) => readers.includes(a.role) && inScope(a, c.locality_path),
  create: (a: Actor, place: { path: string }) => investigators.includes(a.role) && inScope(a, place.path),
  update: (a: Actor, c: Located) => investigators.includes(a.role) && inScope(a, c.locality_path),
  /** Confirm, reject, declare contacts and re-run tracing: the case's investigators. */
  trace: (a: Actor, c: Located) => investigators.includes(a.role) && inScope(a, c.locality_path),
  /** A contact living in the officer's area is theirs to follow up even when the case is elsewhere. */
  readContact: (a: Actor, contact: Located, theCase: Located) =>
    readers.includes(a.role) && (inScope(a, contact.locality_path) || inScope(a, theCase.locality_path)),
  /** Linking a person record by id: only people of the actor's area (no probing of the registry). */
  usePerson: (a: Actor, person: { locality_path: string | null }) => person.locality_path !== null && inScope(a, person.locality_path),
  /** Disease profiles apply to every province: only a system administrator edits them. */
  editProfiles: (a: Actor) => a.role === 'system_admin',
  mergePeople: (a: Actor, kept: { locality_path: string | null }, merged: { locality_path: string | null }) =>
    investigators.includes(a.role) && kept.locality_path !== null && merged.locality_path !== null &&
    inScope(a, kept.locality_path) && inScope(a, merged.locality_path),
};
