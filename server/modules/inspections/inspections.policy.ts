import { can, isAreaOfficial } from '../../../core/roles.ts';
import { inScope, isSystemActor, type Actor } from '../../shared/actor.ts';

/** What the actor is to a plan (and so to its targets, visits, violations and actions). */
export interface PlanRelation {
  /** On the plan's team (an inspector sees the targets of the plans they are on). */
  member: boolean;
  /** An officer of the inspecting unit (or the system). */
  officer: boolean;
  /** An officer of a unit above, or the province's health and steering officials of the area. */
  overseer: boolean;
  /** An official of the place inspected (the inspected commune sees its own results). */
  areaOfficial: boolean;
  /** The administrator of an inspected organisation: its own targets only, never private notes. */
  party: boolean;
}

/**
 * Inspections (issue 17): an inspecting unit's officers plan rounds and follow them up; the team
 * records visits, findings, violations and actions; units above and the province's officials
 * oversee; the place's officials read the results there; an inspected organisation reads its own
 * inspections and actions and reports on them, without the inspectors' private notes.
 */
export const inspectionsPolicy = {
  isOfficial: (a: Actor) => isAreaOfficial(a.role),
  relation: (
    a: Actor,
    target: { locality_path: string },
    r: { member: boolean; officer: boolean; reviewer: boolean; party: boolean },
  ): PlanRelation => ({
    member: r.member,
    officer: r.officer || isSystemActor(a),
    overseer: r.reviewer || (can(a.role, 'reports.overview') && inScope(a, target.locality_path)),
    areaOfficial: isAreaOfficial(a.role) && inScope(a, target.locality_path),
    party: r.party && a.role === 'organisation_admin',
  }),
  read: (r: PlanRelation) => r.member || r.officer || r.overseer || r.areaOfficial || r.party,
  /** The inspectors' private notes: the inspecting side only. */
  readPrivate: (r: PlanRelation) => r.member || r.officer || r.overseer,
  plan: (a: Actor, unitOfficer: boolean) => unitOfficer || isSystemActor(a),
  /** Targets proposed for a unit's next round: its officers and those who oversee it. */
  proposals: (a: Actor, unit: { locality_path: string }, officer: boolean, reviewer: boolean) =>
    officer || reviewer || isSystemActor(a) || (can(a.role, 'reports.overview') && inScope(a, unit.locality_path)),
  record: (r: PlanRelation) => r.member || r.officer,
  decide: (r: PlanRelation) => r.member || r.officer,
  /** The legal decision to publish an individual: the inspecting unit or the province's officials. */
  decidePublication: (r: PlanRelation) => r.officer || r.overseer,
  reportAction: (r: PlanRelation) => r.party || r.officer || r.member,
  closeAction: (r: PlanRelation) => r.officer || r.member,
  /** Lists across an area: officials see their area; others what they make, are on, or are inspected in. */
  listWholeArea: (a: Actor) => isSystemActor(a) || isAreaOfficial(a.role),
  /** The dashboard is aggregates of the area: officials of the place. */
  dashboard: (a: Actor) => isAreaOfficial(a.role),
  publicationExport: (a: Actor) => can(a.role, 'reports.overview') || a.role === 'commune_officer',
};
