import type { Role } from '../../../core/roles.ts';
import { inScope, type Actor } from '../../shared/actor.ts';

/** Officials who follow transmission case by case: everyone but organisations, facility staff and inspectors. */
const caseReaders: readonly Role[] = ['system_admin', 'steering_committee', 'health_department', 'commune_officer'];
/** Who reads the chains' measures (counts, sizes, generations) without a single case: the case readers and inspectors. */
const countReaders: readonly Role[] = [...caseReaders, 'inspector'];

/** Chains of transmission: one line per rule; the cases shown are those of the actor's scope. */
export const chainsPolicy = {
  read: (a: Actor) => countReaders.includes(a.role),
  /** The graph's nodes name cases (ids, case numbers): case readers only. */
  readCases: (a: Actor) => caseReaders.includes(a.role),
  readCluster: (a: Actor, c: { locality_path: string }) => countReaders.includes(a.role) && inScope(a, c.locality_path),
};
