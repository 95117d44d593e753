import { can } from '../../../core/roles.ts';
import { inScope, type Actor } from '../../shared/actor.ts';

/** Chains of transmission: one line per rule; the cases shown are those of the actor's scope. */
export const chainsPolicy = {
  /** The chains' measures (counts, sizes, generations) without a single case: case readers and inspectors. */
  read: (a: Actor) => can(a.role, 'chains.read'),
  /** The graph's nodes name cases (ids, case numbers): case readers only. */
  readCases: (a: Actor) => can(a.role, 'cases.read'),
  readCluster: (a: Actor, c: { locality_path: string }) => can(a.role, 'chains.read') && inScope(a, c.locality_path),
};
