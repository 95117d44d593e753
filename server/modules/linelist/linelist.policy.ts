import { can } from '../../../core/roles.ts';
import type { Actor } from '../../shared/actor.ts';

/** Line lists: one line per rule. Jurisdiction of each row is checked against the actor's scope. */
export const linelistPolicy = {
  /** The province (or national) health authorities, never a commune. */
  import: (a: Actor) => can(a.role, 'linelist.import'),
};
