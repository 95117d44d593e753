import { AppError } from '../../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import { isSystemActor, type Actor } from '../../shared/actor.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { AuditEntry } from '../audit/audit-entry.ts';
import type { UnitsService } from '../units/units.module.ts';
import { inspectionsPolicy as policy, type PlanRelation } from './inspections.policy.ts';
import type { InspectionsRepository } from './inspections.repository.ts';

/** The organisations lookup inspections need (the organisations module's service). */
export interface InspectedOrganisations {
  findForInspection(
    db: Db,
    id: string,
  ): Promise<
    { id: string; name: string; commune_code: string; locality_path: string; owner_user_id: string | null } | undefined
  >;
  ownedBy(db: Db, userId: string): Promise<string[]>;
}

/**
 * What an actor is to a plan and its targets: shared by the plans-and-visits service and the
 * violations-and-actions service, so both answer "who may" the same way.
 */
export class InspectionAccess {
  constructor(
    private readonly repo: InspectionsRepository,
    private readonly units: UnitsService,
    private readonly organisations: InspectedOrganisations,
    private readonly audit: AuditTrailService,
  ) {}

  async relation(
    db: Db,
    actor: Actor,
    plan: { id: string; unit_id: string },
    target: { locality_path: string; organisation_id: string | null },
    known: { member?: boolean } = {},
  ): Promise<PlanRelation> {
    if (isSystemActor(actor))
      return policy.relation(actor, target, { member: true, officer: true, reviewer: true, party: false });
    const owned = actor.role === 'organisation_admin' ? await this.organisations.ownedBy(db, actor.userId) : [];
    const standing = await this.units.standingOf(db, actor.userId, plan.unit_id);
    return policy.relation(actor, target, {
      member: known.member ?? (await this.repo.isMember(db, plan.id, actor.userId)),
      ...standing,
      party: target.organisation_id !== null && owned.includes(target.organisation_id),
    });
  }

  /** The visit and the actor's relation to it; out of reach answers like "does not exist". */
  async readableVisit(db: Db, actor: Actor, key: string) {
    const visit = await this.repo.findVisit(db, key);
    if (!visit) throw new AppError('NOT_FOUND');
    const relation = await this.relation(db, actor, { id: visit.plan_id, unit_id: visit.unit_id }, visit);
    if (!policy.read(relation)) throw new AppError('NOT_FOUND');
    return { visit, relation };
  }

  /** Whom a list shows beyond an area: the units they are officers of (and below), their plans, their organisations. */
  async visibility(db: Db, actor: Actor) {
    if (policy.listWholeArea(actor))
      return { withinPath: actor.scope.path, unitIds: [], memberUserId: actor.userId, organisationIds: [] };
    const mine = await this.units.unitIdsOf(db, actor.userId);
    const below = await this.units.subordinatesOf(db, mine);
    return {
      withinPath: null,
      unitIds: [...mine, ...below.map((u) => u.id)],
      memberUserId: actor.userId,
      organisationIds: actor.role === 'organisation_admin' ? await this.organisations.ownedBy(db, actor.userId) : [],
    };
  }

  async record(db: Db, actor: Actor, entry: AuditEntry): Promise<void> {
    await this.audit.record(db, actor, entry);
  }
}
