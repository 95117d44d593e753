import { AppError } from '../../../core/errors.ts';
import type { Page } from '../../../core/schemas/common.ts';
import { normaliseVietnamesePhone } from '../../../core/rules/identity-documents.ts';
import type { ListUnitsQuery, MyUnitsView, UnitRef, UnitView, UpdateUnitRequest } from '../../../core/schemas/units.ts';
import type { Db } from '../../db/database.ts';
import type { UnitKind } from '../../db/schema-reports.ts';
import type { Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import { communeSupervisor, provinceUnitPlan } from './province-units.ts';
import { unitMessages } from './units.messages.ts';
import { unitsPolicy as policy } from './units.policy.ts';
import { toUnitRef, toUnitView } from './units.presenter.ts';
import type { OfficerRecord, UnitRecord, UnitsRepository } from './units.repository.ts';

export type { OfficerRecord, UnitRecord };

/**
 * Reporting units (issue 16): the province's departments, agencies and communes, who reports for
 * each and to which supervisor unit. Reports, and later inspections, plans and directives, address
 * units through this service.
 */
export class UnitsService {
  constructor(
    private readonly db: Db,
    private readonly repo: UnitsRepository,
    private readonly localities: LocalitiesService,
    private readonly audit: AuditTrailService,
  ) {}

  async list(actor: Actor, q: ListUnitsQuery): Promise<Page<UnitView>> {
    if (!policy.list(actor)) throw new AppError('FORBIDDEN');
    const within = await this.localities.listScope(actor, q.locality, this.db);
    const rows = await this.repo.list(this.db, {
      withinPath: within,
      kind: q.kind,
      inactive: q.inactive,
      after: q.after,
      limit: q.limit,
    });
    const page = toPage(rows, q.limit, (r) => [r.code]);
    const officers = await this.repo.officersOf(
      this.db,
      page.items.map((u) => u.id),
    );
    return { items: page.items.map((u) => toUnitView(u, officers, actor.locale)), nextCursor: page.nextCursor };
  }

  /** The units the caller reports for, and the units below those (whose reports they review). */
  async mine(actor: Actor): Promise<MyUnitsView> {
    const ids = await this.repo.unitIdsOfOfficer(this.db, actor.userId);
    const units = (await Promise.all(ids.map((id) => this.repo.findById(this.db, id)))).filter(
      (u): u is UnitRecord => u !== undefined && u.active,
    );
    units.sort((a, b) => a.code.localeCompare(b.code));
    const officers = await this.repo.officersOf(this.db, ids);
    const below = await this.repo.subordinatesOf(this.db, ids);
    return {
      reportsFor: units.map((u) => toUnitView(u, officers, actor.locale)),
      reviews: below.map((u) => toUnitRef(u, actor.locale)),
    };
  }

  // --- for other modules (no policy: the caller's own policy decides) ------------------------

  findById(db: Db, id: string): Promise<UnitRecord | undefined> {
    return this.repo.findById(db, id);
  }

  findByCode(db: Db, code: string): Promise<UnitRecord | undefined> {
    return this.repo.findByCode(db, code);
  }

  /** The active units of a province, by code: the units expected to report. */
  ofProvince(db: Db, provinceCode: string): Promise<UnitRecord[]> {
    return this.repo.ofProvince(db, provinceCode);
  }

  /**
   * One keyset page (by code) of the active units of some kinds within a locality path: `limit + 1`
   * rows, for the caller's `toPage`. The cursor is the last unit's code.
   */
  pageWithin(
    db: Db,
    o: { withinPath: string; kinds: readonly UnitKind[]; after?: string | undefined; limit: number },
  ): Promise<UnitRecord[]> {
    return this.repo.list(db, {
      withinPath: o.withinPath,
      kinds: o.kinds,
      ...(o.after ? { after: o.after } : {}),
      limit: o.limit,
    });
  }

  /** The active units whose area lies within a locality path, by code. */
  within(db: Db, withinPath: string): Promise<UnitRecord[]> {
    return this.repo.within(db, withinPath);
  }

  officersOf(db: Db, unitIds: readonly string[]): Promise<OfficerRecord[]> {
    return this.repo.officersOf(db, unitIds);
  }

  /** The units the account is a reporting officer of. */
  unitIdsOf(db: Db, userId: string): Promise<string[]> {
    return this.repo.unitIdsOfOfficer(db, userId);
  }

  /** The active units below any of these (at any depth), by code. */
  subordinatesOf(db: Db, unitIds: readonly string[]): Promise<{ id: string; code: string }[]> {
    return this.repo.subordinatesOf(db, unitIds);
  }

  /** Whether the account is a reporting officer of the unit. */
  async isOfficer(db: Db, userId: string, unitId: string): Promise<boolean> {
    return (await this.repo.unitIdsOfOfficer(db, userId)).includes(unitId);
  }

  /** `isOfficer` and `isReviewer` at once, in one statement (a phone's sync asks it for every request). */
  standingOf(db: Db, userId: string, unitId: string): Promise<{ officer: boolean; reviewer: boolean }> {
    return this.repo.standingOf(db, userId, unitId);
  }

  /** Whether the account is an officer of a unit above this one (its supervisor, or higher). */
  async isReviewer(db: Db, userId: string, unitId: string): Promise<boolean> {
    const above = (await this.repo.chainOf(db, unitId)).slice(1);
    const mine = new Set(await this.repo.unitIdsOfOfficer(db, userId));
    return above.some((id) => mine.has(id));
  }

  /** The officers of the unit just above (who review it first). */
  async supervisorOfficers(db: Db, unitId: string): Promise<OfficerRecord[]> {
    const supervisor = (await this.repo.chainOf(db, unitId))[1];
    return supervisor ? this.repo.officersOf(db, [supervisor]) : [];
  }

  refOf(u: UnitRecord, actor: Actor): UnitRef {
    return toUnitRef(u, actor.locale);
  }

  // --- configuration -------------------------------------------------------------------------

  /**
   * Creates the province's standard units (province-units.ts) and one unit per commune or district,
   * those that do not exist yet; audited. Answers the number created.
   */
  async ensureProvinceUnits(actor: Actor, provinceCode: string): Promise<{ created: number }> {
    if (!policy.configure(actor)) throw new AppError('FORBIDDEN');
    const province = await this.localities.findByCode(this.db, provinceCode);
    if (!province || province.level !== 'province') throw new AppError('NOT_FOUND');
    const children = await this.localities.publicChildren(provinceCode);
    const rows = await this.localities.findManyByCode(
      this.db,
      children.map((c) => c.code),
    );
    return this.db.transaction().execute(async (trx) => {
      let created = 0;
      const ids = new Map<string, string>();
      const ensure = async (row: Parameters<UnitsRepository['ensure']>[1]) => {
        const existed = await this.repo.findByCode(trx, row.code);
        const id = await this.repo.ensure(trx, row);
        if (!existed) {
          created++;
          await this.audit.record(trx, actor, {
            action: 'create',
            entityType: 'reporting_unit',
            entityId: id,
            localityCode: row.locality_code,
            localityPath: row.locality_path,
            after: { code: row.code, name: row.name, kind: row.kind },
          });
        }
        return id;
      };
      for (const p of provinceUnitPlan) {
        const id = await ensure({
          code: `${provinceCode}-${p.code}`,
          name: p.name,
          name_en: p.nameEn,
          kind: p.kind,
          locality_code: province.code,
          locality_path: province.path,
          province_code: province.code,
          supervisor_unit_id: p.supervisor ? (ids.get(p.supervisor) ?? null) : null,
        });
        ids.set(p.code, id);
      }
      for (const c of rows.filter((r) => r.status === 'active')) {
        await ensure({
          code: c.code,
          name: c.full_name,
          name_en: c.name_en,
          kind: c.level === 'district' ? 'district' : 'commune',
          locality_code: c.code,
          locality_path: c.path,
          province_code: province.code,
          supervisor_unit_id: ids.get(communeSupervisor)!,
        });
      }
      return { created };
    });
  }

  /**
   * Edits a unit of the province (its officials' configuration page): names, kind, supervisor,
   * the office's contacts, active or not. Refused: a unit outside the editor's province (not found),
   * an edit on a copy someone changed meanwhile, a supervisor of another province, inactive, the
   * unit itself or one below it (the chain would loop), deactivating a unit others report to, and
   * changing the kind of a commune's or district's unit (its area says what it is). Audited with
   * what changed.
   */
  async update(actor: Actor, id: string, req: UpdateUnitRequest): Promise<UnitView> {
    const m = unitMessages[actor.locale];
    const refuse = (path: string, message: string): never => {
      throw new AppError('VALIDATION_FAILED', [{ path, message }]);
    };
    return this.db.transaction().execute(async (trx) => {
      const unit = await this.repo.lock(trx, id);
      if (!unit || !(policy.read(actor, unit) || policy.edit(actor, unit))) throw new AppError('NOT_FOUND');
      if (!policy.edit(actor, unit)) throw new AppError('FORBIDDEN');
      if (unit.version !== req.baseVersion)
        throw new AppError('CONFLICT', [{ path: 'baseVersion', message: m.changed }]);
      const areaKind = unit.kind === 'commune' || unit.kind === 'district';
      if (areaKind ? req.kind !== unit.kind : req.kind === 'commune' || req.kind === 'district')
        refuse('kind', m.communeKind);
      if (req.supervisorUnitId !== null && req.supervisorUnitId !== unit.supervisor_unit_id) {
        if (req.supervisorUnitId === unit.id) refuse('supervisorUnitId', m.supervisorSelf);
        const supervisor = await this.repo.findById(trx, req.supervisorUnitId);
        if (!supervisor || !(policy.read(actor, supervisor) || policy.edit(actor, supervisor)))
          refuse('supervisorUnitId', m.supervisorUnknown);
        if (supervisor!.province_code !== unit.province_code) refuse('supervisorUnitId', m.supervisorOtherProvince);
        if (!supervisor!.active) refuse('supervisorUnitId', m.supervisorInactive);
        if ((await this.repo.chainOf(trx, supervisor!.id)).includes(unit.id))
          refuse('supervisorUnitId', m.supervisorBelow);
      }
      if (!req.active && unit.active && (await this.repo.subordinatesOf(trx, [unit.id])).length > 0)
        refuse('active', m.hasActiveSubordinates);
      const phone = req.contactPhone?.trim() ? normaliseVietnamesePhone(req.contactPhone) : null;
      const email = req.contactEmail?.trim() ? req.contactEmail.trim().toLowerCase() : null;
      const changes = {
        name: req.name,
        name_en: req.nameEn,
        kind: req.kind,
        supervisor_unit_id: req.supervisorUnitId,
        contact_phone: phone,
        contact_email: email,
        active: req.active,
      };
      const changed = (Object.keys(changes) as (keyof typeof changes)[]).filter((k) => changes[k] !== unit[k]);
      if (changed.length > 0) {
        await this.repo.update(trx, unit.id, changes);
        await this.audit.record(trx, actor, {
          action: 'update',
          entityType: 'reporting_unit',
          entityId: unit.id,
          localityCode: unit.locality_code,
          localityPath: unit.locality_path,
          before: Object.fromEntries(changed.map((k) => [k, unit[k]])),
          after: Object.fromEntries(changed.map((k) => [k, changes[k]])),
        });
      }
      const saved = (await this.repo.findById(trx, unit.id))!;
      return toUnitView(saved, await this.repo.officersOf(trx, [unit.id]), actor.locale);
    });
  }

  /** Makes an account a reporting officer of a unit (with the phone the province calls); audited. */
  async addOfficer(actor: Actor, unitCode: string, userId: string, phone: string | null): Promise<void> {
    if (!policy.configure(actor)) throw new AppError('FORBIDDEN');
    await this.db.transaction().execute(async (trx) => {
      const unit = await this.repo.findByCode(trx, unitCode);
      if (!unit) throw new AppError('NOT_FOUND');
      await this.repo.addOfficer(trx, unit.id, userId, phone);
      await this.audit.record(trx, actor, {
        action: 'assign_officer',
        entityType: 'reporting_unit',
        entityId: unit.id,
        localityCode: unit.locality_code,
        localityPath: unit.locality_path,
        after: { userId, phone },
      });
    });
  }
}
