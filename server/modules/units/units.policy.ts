import { can } from '../../../core/roles.ts';
import { inScope, isSystemActor, type Actor } from '../../shared/actor.ts';

type Unit = { locality_path: string };

/**
 * Reporting units: the province's health and steering officials see the units of their area; an
 * officer sees the units they report for and review. Configuring units is the system's (seed, CLI)
 * until the province's configuration page exists.
 */
export const unitsPolicy = {
  list: (a: Actor) => can(a.role, 'reports.overview'),
  read: (a: Actor, u: Unit) => can(a.role, 'reports.overview') && inScope(a, u.locality_path),
  configure: (a: Actor) => isSystemActor(a),
};
