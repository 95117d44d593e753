import { can } from '../../../core/roles.ts';
import { inScope, isSystemActor, type Actor } from '../../shared/actor.ts';

type Unit = { locality_path: string };

/** A province's or the country's scope (`VN`, `VN/12`), not a district's or a commune's. */
const provinceWide = (a: Actor) => a.scope.path.split('/').length <= 2;

/**
 * Reporting units: the province's health and steering officials see the units of their area; an
 * officer sees the units they report for and review. Creating the province's units and naming
 * officers is the system's (seed, CLI); the province's administrators and steering committee edit
 * the units of their province (names, kind, supervisor, contacts, active), not a district's or
 * a commune's accounts.
 */
export const unitsPolicy = {
  list: (a: Actor) => can(a.role, 'reports.overview'),
  read: (a: Actor, u: Unit) => can(a.role, 'reports.overview') && inScope(a, u.locality_path),
  configure: (a: Actor) => isSystemActor(a),
  edit: (a: Actor, u: Unit) =>
    isSystemActor(a) || (can(a.role, 'units.configure') && provinceWide(a) && inScope(a, u.locality_path)),
};
