import { inScope, type Actor } from '../../shared/actor.ts';

type Located = { path: string };

export const localitiesPolicy = {
  read: (a: Actor, l: Located) => inScope(a, l.path),
  rename: (a: Actor, l: Located) => (a.role === 'system_admin' || a.role === 'steering_committee') && inScope(a, l.path),
  merge: (a: Actor, source: Located, target: Located) =>
    a.role === 'system_admin' && inScope(a, source.path) && inScope(a, target.path),
  setPopulation: (a: Actor, l: Located) =>
    (a.role === 'system_admin' || a.role === 'steering_committee' || a.role === 'health_department') && inScope(a, l.path),
};
