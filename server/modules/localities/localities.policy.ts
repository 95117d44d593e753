import { can } from '../../../core/roles.ts';
import { inScope, type Actor } from '../../shared/actor.ts';

type Located = { path: string };

export const localitiesPolicy = {
  read: (a: Actor, l: Located) => inScope(a, l.path),
  rename: (a: Actor, l: Located) => can(a.role, 'localities.rename') && inScope(a, l.path),
  merge: (a: Actor, source: Located, target: Located) =>
    can(a.role, 'localities.merge') && inScope(a, source.path) && inScope(a, target.path),
  setPopulation: (a: Actor, l: Located) => can(a.role, 'localities.setPopulation') && inScope(a, l.path),
};
