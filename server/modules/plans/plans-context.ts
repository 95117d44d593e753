import { AppError } from '../../../core/errors.ts';
import type { AuditAction, AuditEntityType } from '../../../core/audit-vocabulary.ts';
import type { RiskRuleSet } from '../../../core/schemas/risk-rule-set.ts';
import type { UnitRef } from '../../../core/schemas/units.ts';
import type { Db } from '../../db/database.ts';
import { isSystemActor, recordedBy, type Actor } from '../../shared/actor.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import type { UnitRecord, UnitsService } from '../units/units.module.ts';
import { plansPolicy, type UnitRelation } from './plans.policy.ts';
import type { PlansRepository } from './plans.repository.ts';

/** The active rule set, from the risk module (the plan's sections follow its levels). */
export interface ActiveRuleSet {
  active(db: Db): Promise<RiskRuleSet>;
}

export interface PlansDeps {
  db: Db;
  units: UnitsService;
  localities: LocalitiesService;
  ruleSets: ActiveRuleSet;
  notifications: NotificationsService;
  audit: AuditTrailService;
  /** Now (a test clock); the wall clock when absent. */
  clock?: (() => Date) | undefined;
}

/** What the plans module's services share: the repository, lookups of units and the audit's shape. */
export class PlansContext {
  readonly db: Db;
  readonly units: UnitsService;
  readonly ruleSets: ActiveRuleSet;
  readonly notifications: NotificationsService;

  constructor(
    private readonly d: PlansDeps,
    readonly repo: PlansRepository,
  ) {
    this.db = d.db;
    this.units = d.units;
    this.ruleSets = d.ruleSets;
    this.notifications = d.notifications;
  }

  now(): Date {
    return this.d.clock ? this.d.clock() : new Date();
  }

  by(actor: Actor): string | null {
    return recordedBy(actor);
  }

  async unitOrThrow(db: Db, id: string): Promise<UnitRecord> {
    const unit = await this.units.findById(db, id);
    if (!unit || !unit.active) throw new AppError('NOT_FOUND');
    return unit;
  }

  async relationOf(db: Db, actor: Actor, unit: UnitRecord): Promise<UnitRelation> {
    const own = !isSystemActor(actor) && (await this.units.isOfficer(db, actor.userId, unit.id));
    const above = !isSystemActor(actor) && (await this.units.isReviewer(db, actor.userId, unit.id));
    return plansPolicy.relation(actor, unit, own, above);
  }

  /** The path of a locality the actor may read (a filter of a list). */
  async localityPath(actor: Actor, code: string): Promise<string> {
    return (await this.d.localities.findReadableOrThrow(actor, code, this.db)).path;
  }

  /** Names of units by id, in the reader's language (a unit gone reads as its id). */
  async unitRefs(db: Db, actor: Actor, ids: readonly string[]): Promise<(id: string) => UnitRef> {
    const found = new Map<string, UnitRef>();
    for (const id of new Set(ids)) {
      const u = await this.units.findById(db, id);
      if (u) found.set(id, this.units.refOf(u, actor));
    }
    return (id) => found.get(id) ?? { id, code: id, name: id };
  }

  audit(
    db: Db,
    actor: Actor,
    action: AuditAction,
    entityType: AuditEntityType,
    entityId: string,
    unit: Pick<UnitRecord, 'locality_code' | 'locality_path'>,
    after: Record<string, unknown>,
  ): Promise<string> {
    return this.d.audit.record(db, actor, {
      action,
      entityType,
      entityId,
      localityCode: unit.locality_code,
      localityPath: unit.locality_path,
      after,
    });
  }
}
