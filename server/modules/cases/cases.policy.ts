import { can } from '../../../core/roles.ts';
import { inScope, type Actor } from '../../shared/actor.ts';

type Located = { locality_path: string };

/**
 * Cases and contacts are sensitive health data: officials of the place read, health officials act.
 * Inspectors read none of them (only aggregates) until an inspection grants what it targets.
 */
const reads = (a: Actor) => can(a.role, 'cases.read');
const investigates = (a: Actor) => can(a.role, 'cases.investigate');

export const casesPolicy = {
  list: (a: Actor) => reads(a),
  read: (a: Actor, c: Located) => reads(a) && inScope(a, c.locality_path),
  create: (a: Actor, place: { path: string }) => investigates(a) && inScope(a, place.path),
  update: (a: Actor, c: Located) => investigates(a) && inScope(a, c.locality_path),
  /** Confirm, reject, declare contacts and re-run tracing: the case's investigators. */
  trace: (a: Actor, c: Located) => investigates(a) && inScope(a, c.locality_path),
  /** A contact living in the officer's area is theirs to follow up even when the case is elsewhere. */
  readContact: (a: Actor, contact: Located, theCase: Located) =>
    reads(a) && (inScope(a, contact.locality_path) || inScope(a, theCase.locality_path)),
  /** Linking a person record by id: only people of the actor's area (no probing of the registry). */
  usePerson: (a: Actor, person: { locality_path: string | null }) => person.locality_path !== null && inScope(a, person.locality_path),
  /** Disease profiles apply to every province: only a system administrator edits them. */
  editProfiles: (a: Actor) => can(a.role, 'diseaseProfiles.edit'),
  mergePeople: (a: Actor, kept: { locality_path: string | null }, merged: { locality_path: string | null }) =>
    investigates(a) && kept.locality_path !== null && merged.locality_path !== null &&
    inScope(a, kept.locality_path) && inScope(a, merged.locality_path),
};
