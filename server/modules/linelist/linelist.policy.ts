import type { Role } from '../../../core/roles.ts';
import type { Actor } from '../../shared/actor.ts';

/** Who imports line lists: the province (or national) health authorities, never a commune. */
const importers: readonly Role[] = ['system_admin', 'health_department', 'steering_committee'];

/** Line lists: one line per rule. Jurisdiction of each row is checked against the actor's scope. */
export const linelistPolicy = {
  import: (a: Actor) => importers.includes(a.role),
};
