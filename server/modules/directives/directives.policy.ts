import { can } from '../../../core/roles.ts';
import { inScope, isSystemActor, type Actor } from '../../shared/actor.ts';

/** What the actor is to a directive: an officer of its issuer, above it, or of some of its recipients. */
export interface DirectiveRelation {
  issuer: boolean;
  overseer: boolean;
  /** The recipient units the actor is an officer of. */
  recipientUnitIds: readonly string[];
}

/**
 * Directives: a unit's officers issue directives to the units below it (the province's People's
 * Committee to every unit); the recipients' officers acknowledge them and report on their tasks;
 * the issuer, the units above it and the province's health and steering officials follow them up.
 * The system (CLI, seed) may act for every unit.
 */
export const directivesPolicy = {
  relation: (
    a: Actor,
    d: { locality_path: string },
    issuerOfficer: boolean,
    aboveIssuer: boolean,
    recipientUnitIds: readonly string[],
  ): DirectiveRelation => ({
    issuer: issuerOfficer || isSystemActor(a),
    overseer: aboveIssuer || (can(a.role, 'reports.overview') && inScope(a, d.locality_path)),
    recipientUnitIds,
  }),
  read: (r: DirectiveRelation) => r.issuer || r.overseer || r.recipientUnitIds.length > 0,
  manage: (r: DirectiveRelation) => r.issuer,
  /** A task's evidence: the issuer and those above it follow it up; of the recipients, only the task's own unit. */
  readEvidence: (r: DirectiveRelation, taskUnitId: string) =>
    r.issuer || r.overseer || r.recipientUnitIds.includes(taskUnitId),
  /** Every directive of the caller's area, or only those of their own units. */
  listWholeArea: (a: Actor) => isSystemActor(a) || can(a.role, 'reports.overview'),
  /** Officers of some unit, and the province's officials, keep a list of directives. */
  list: (a: Actor, unitCount: number) => unitCount > 0 || isSystemActor(a) || can(a.role, 'reports.overview'),
};
