import { can } from '../../../core/roles.ts';
import { inScope, type Actor } from '../../shared/actor.ts';

type Request = { declared_locality_path: string; official_locality_path: string | null };

/** Commune officers and the health department confirm who a citizen is. */
const links = (a: Actor) => can(a.role, 'people.link');

export const personLinksPolicy = {
  list: (a: Actor) => links(a),
  /** Officials of the place of either record: the citizen's declared home or the record's own. */
  read: (a: Actor, r: Request) =>
    links(a) &&
    (inScope(a, r.declared_locality_path) ||
      (r.official_locality_path !== null && inScope(a, r.official_locality_path))),
  /** Deciding changes officials' record (its verified phone, its data): the officials of its place. */
  decide: (a: Actor, r: Request) => links(a) && inScope(a, r.official_locality_path ?? r.declared_locality_path),
};
