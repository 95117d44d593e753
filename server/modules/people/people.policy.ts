import { can } from '../../../core/roles.ts';
import { inScope, type Actor } from '../../shared/actor.ts';

type Placed = { locality_path: string | null };

/** Person records are read and linked by the officials who handle cases (the same capabilities as cases'). */
export const peoplePolicy = {
  /**
   * Searching the registry of one's area before entering someone: the officials who enter contacts,
   * admissions and tests. Facility staff type the identity (the registry would show them people
   * outside their facilities).
   */
  search: (a: Actor) => can(a.role, 'cases.investigate'),
  /** Linking a person record by id: only people of the actor's area (no probing of the registry). */
  use: (a: Actor, person: Placed) => person.locality_path !== null && inScope(a, person.locality_path),
  /** Possible duplicates of a record name other people: for case readers of the person's area. */
  readDuplicates: (a: Actor, person: Placed) =>
    can(a.role, 'cases.read') && person.locality_path !== null && inScope(a, person.locality_path),
  /** Both records must be in the investigator's area. */
  merge: (a: Actor, kept: Placed, merged: Placed) =>
    can(a.role, 'cases.investigate') &&
    kept.locality_path !== null &&
    merged.locality_path !== null &&
    inScope(a, kept.locality_path) &&
    inScope(a, merged.locality_path),
};
