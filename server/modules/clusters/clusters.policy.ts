import { casesPolicy } from '../cases/cases.policy.ts';
import type { Actor } from '../../shared/actor.ts';

/** Clusters (ổ dịch) follow the rules of the cases they group. */
export const clustersPolicy = {
  list: (a: Actor) => casesPolicy.list(a),
  read: (a: Actor, c: { locality_path: string }) => casesPolicy.read(a, c),
  create: (a: Actor, place: { path: string }) => casesPolicy.create(a, place),
  update: (a: Actor, c: { locality_path: string }) => casesPolicy.update(a, c),
};
