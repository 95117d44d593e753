import { can } from '../../../core/roles.ts';
import { atBoundFacility, inScope, pathWithin, type Actor } from '../../shared/actor.ts';

type Located = { locality_path: string };
type Stay = Located & { facility_id: string };
type Facility = Located & { id: string };

/** Quarantine stays are health data: officials of the facility's area, and the staff of the facility itself. */
const reads = (a: Actor) => can(a.role, 'quarantine.read');
const manages = (a: Actor) => can(a.role, 'quarantine.manage');

export const quarantinePolicy = {
  list: (a: Actor) => reads(a),
  read: (a: Actor, stay: Stay) => reads(a) && inScope(a, stay.locality_path) && atBoundFacility(a, stay.facility_id),
  seeFacility: (a: Actor, f: Facility) => reads(a) && inScope(a, f.locality_path) && atBoundFacility(a, f.id),
  admitTo: (a: Actor, f: Facility) => manages(a) && inScope(a, f.locality_path) && atBoundFacility(a, f.id),
  /** Border staff hand the people they stop over to any facility of their province (issue 19). */
  handOverTo: (a: Actor, f: Facility) =>
    (can(a.role, 'border.record') || can(a.role, 'border.intercept')) &&
    pathWithin(a.scope.path.split('/').slice(0, 2).join('/'), f.locality_path),
  manage: (a: Actor, stay: Stay) =>
    manages(a) && inScope(a, stay.locality_path) && atBoundFacility(a, stay.facility_id),
};
