import { AppError } from '../../../core/errors.ts';
import { checklistSeed, type ChecklistItem } from '../../../core/rules/inspections/checklists.ts';
import type { Page } from '../../../core/schemas/common.ts';
import type {
  ArticleView,
  ChecklistView,
  FieldWorkView,
  ListPlansQuery,
  NewPlanRequest,
  PlanSummaryView,
  PlanView,
  TeamCandidatesQuery,
  TeamCandidateView,
} from '../../../core/schemas/inspections.ts';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import { decree117Seed, inForceOn } from '../../../core/rules/inspections/decree-117.ts';
import type { Db } from '../../db/database.ts';
import { inScope, recordedBy, pathWithin, type Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import { allPages, sheetExport, type SheetExport } from '../../shared/excel.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { UnitsService } from '../units/units.module.ts';
import type { InspectedOrganisations, InspectionAccess } from './inspections.access.ts';
import { planColumns } from './inspections.export.ts';
import { inspectionMessages as messages } from './inspections.messages.ts';
import { inspectionsPolicy as policy } from './inspections.policy.ts';
import { toArticleView, toChecklistView, toPlanSummary, toTargetView } from './inspections.presenter.ts';
import type { ChecklistRecord, InspectionsRepository, PlanRecord } from './inspections.repository.ts';
import type { ViolationsRepository } from './violations.repository.ts';

export interface InspectionsDeps {
  db: Db;
  repo: InspectionsRepository;
  violations: ViolationsRepository;
  access: InspectionAccess;
  units: UnitsService;
  localities: LocalitiesService;
  organisations: InspectedOrganisations;
  teamDirectory: TeamDirectory;
  clock?: () => Date;
}

/** Active accounts within an area (identity's directory, wired by the composition root). */
export interface TeamDirectory {
  /** By name, for the plan form. */
  search(
    db: Db,
    within: string,
    q: { q?: string; after?: string; limit: number },
    locale: Actor['locale'],
  ): Promise<Page<TeamCandidateView>>;
  /** Of these ids, the active accounts of the area or above it: a team is made of them only. */
  activeInLine(db: Db, path: string, ids: readonly string[]): Promise<Set<string>>;
}

/**
 * Inspection plans (issue 17): an inspecting unit plans a round (period, team and leader, targets
 * below its area with the checklist of each), the team finds its day's targets, and everyone reads
 * the plans they make, are on, oversee or are inspected in.
 */
export class InspectionsService {
  private readonly checklistRows = new Map<string, ChecklistRecord>();

  constructor(private readonly d: InspectionsDeps) {}

  private today(): string {
    return vietnamToday(this.d.clock ? this.d.clock() : new Date());
  }

  /** Seeds the checklists and the Decree 117 catalogue not stored yet (platform start). */
  async ensureCatalogues(db: Db): Promise<void> {
    await this.d.repo.ensureChecklists(db, checklistSeed);
    await this.d.violations.ensureArticles(db, decree117Seed);
  }

  async checklists(actor: Actor): Promise<{ items: ChecklistView[] }> {
    const rows = await this.d.repo.latestChecklists(this.d.db);
    return { items: rows.map((c) => toChecklistView(c, actor.locale)) };
  }

  async articles(actor: Actor, on?: string): Promise<{ items: ArticleView[] }> {
    const day = on ?? this.today();
    const rows = await this.d.violations.articles(this.d.db);
    const inForce = rows.filter((a) =>
      inForceOn({ effectiveFrom: a.effective_from, effectiveTo: a.effective_to }, day),
    );
    return { items: inForce.map((a) => toArticleView(a, actor.locale)) };
  }

  async list(actor: Actor, q: ListPlansQuery): Promise<Page<PlanSummaryView>> {
    const visibility = await this.d.access.visibility(this.d.db, actor);
    const within = await this.d.localities.listScope(actor, q.locality, this.d.db);
    // Officials list an area (the filter, or theirs); inspectors and organisations what they are on
    // or inspected in, wherever it is, narrowed only by a filter they ask for.
    const localityPath = q.locality || visibility.withinPath !== null ? within : undefined;
    const rows = await this.d.repo.listPlans(this.d.db, {
      ...visibility,
      unit: q.unit,
      organisation: q.organisation,
      localityPath,
      after: q.after,
      limit: q.limit,
    });
    const page = toPage(rows, q.limit, (r) => [r.period_from, r.id]);
    return { items: page.items.map((p) => toPlanSummary(p, actor.locale)), nextCursor: page.nextCursor };
  }

  async exportXlsx(actor: Actor, q: Omit<ListPlansQuery, 'after' | 'limit'>): Promise<SheetExport> {
    const pages = await allPages((after) => this.list(actor, { ...q, after, limit: 500 }));
    return sheetExport({
      filename: `ke-hoach-kiem-tra-${this.today()}.xlsx`,
      sheetName: actor.locale === 'vi' ? 'Kế hoạch kiểm tra' : 'Inspection plans',
      locale: actor.locale,
      columns: planColumns(),
      pages,
    });
  }

  /** Who the unit's officers may put on a team: the accounts of the unit's area, by name. */
  async teamCandidates(actor: Actor, q: TeamCandidatesQuery): Promise<Page<TeamCandidateView>> {
    const unit = await this.d.units.findById(this.d.db, q.unit);
    if (!unit || !unit.active) throw new AppError('NOT_FOUND');
    if (!policy.plan(actor, await this.d.units.isOfficer(this.d.db, actor.userId, unit.id)))
      throw new AppError('FORBIDDEN', [{ path: 'unit', message: messages[actor.locale].notUnitOfficer }]);
    return this.d.teamDirectory.search(this.d.db, unit.locality_path, q, actor.locale);
  }

  async get(actor: Actor, id: string): Promise<PlanView> {
    const plan = await this.d.repo.findPlan(this.d.db, id);
    if (!plan) throw new AppError('NOT_FOUND');
    return this.view(this.d.db, actor, plan, true);
  }

  /**
   * Records a plan, its team and targets in one transaction. Targets lie within the unit's area
   * (the upper level inspects the lower); an organisation's name and place come from its record.
   */
  async create(actor: Actor, req: NewPlanRequest): Promise<PlanView> {
    const m = messages[actor.locale];
    return this.d.db.transaction().execute(async (trx) => {
      const resent = await this.d.repo.planIdByClientKey(trx, req.clientKey);
      if (resent) {
        if (resent.unit_id !== req.unitId)
          throw new AppError('CONFLICT', [{ path: 'clientKey', message: m.otherPlan }]);
        return this.view(trx, actor, (await this.d.repo.findPlan(trx, resent.id))!, false);
      }
      const unit = await this.d.units.findById(trx, req.unitId);
      if (!unit || !unit.active) throw new AppError('NOT_FOUND');
      if (!policy.plan(actor, await this.d.units.isOfficer(trx, actor.userId, unit.id)))
        throw new AppError('FORBIDDEN', [{ path: 'unitId', message: m.notUnitOfficer }]);
      const problems: { path: string; message: string }[] = [];
      if (req.periodTo < req.periodFrom) problems.push({ path: 'periodTo', message: m.periodOrder });
      const members = [...new Set([req.leaderUserId, ...req.memberUserIds])];
      // A member reads the plan's targets: only active accounts of the unit's area, or of a level
      // above that sees it already, may be one.
      const eligible = await this.d.teamDirectory.activeInLine(trx, unit.locality_path, members);
      for (const userId of members)
        if (!eligible.has(userId))
          problems.push({
            path: userId === req.leaderUserId ? 'leaderUserId' : `memberUserIds.${req.memberUserIds.indexOf(userId)}`,
            message: m.teamOutside,
          });
      const checklists = new Map((await this.d.repo.latestChecklists(trx)).map((c) => [c.code, c.id]));
      const targets = [];
      for (const [i, t] of req.targets.entries()) {
        const at = `targets.${i}`;
        if (t.scheduledOn < req.periodFrom || t.scheduledOn > req.periodTo)
          problems.push({ path: `${at}.scheduledOn`, message: m.scheduledOutside });
        let name = t.name ?? null;
        let code = t.localityCode ?? null;
        let organisationId: string | null = null;
        if (t.organisationId) {
          const o = await this.d.organisations.findForInspection(trx, t.organisationId);
          if (!o) {
            problems.push({ path: `${at}.organisationId`, message: m.organisationUnknown });
            continue;
          }
          [name, code, organisationId] = [name ?? o.name, o.commune_code, o.id];
        }
        if (!name) problems.push({ path: `${at}.name`, message: m.targetName });
        const place = code ? await this.d.localities.findByCode(trx, code) : undefined;
        if (!place) {
          problems.push({ path: `${at}.localityCode`, message: m.targetPlace });
          continue;
        }
        if (!pathWithin(unit.locality_path, place.path))
          problems.push({ path: `${at}.localityCode`, message: m.targetOutside });
        targets.push({ t, name: name ?? '', place, organisationId });
      }
      if (problems.length) throw new AppError('VALIDATION_FAILED', problems);
      const id = await this.d.repo.insertPlan(trx, {
        client_key: req.clientKey,
        unit_id: unit.id,
        title: req.title,
        period_from: req.periodFrom,
        period_to: req.periodTo,
        locality_path: unit.locality_path,
        province_code: unit.province_code,
        created_by: recordedBy(actor),
      });
      await this.d.repo.addMembers(
        trx,
        id,
        members.map((userId) => ({ userId, leader: userId === req.leaderUserId })),
      );
      for (const { t, name, place, organisationId } of targets)
        await this.d.repo.insertTarget(trx, {
          plan_id: id,
          kind: t.kind,
          name,
          organisation_id: organisationId,
          locality_code: place.code,
          locality_path: place.path,
          province_code: place.path.split('/')[1] ?? unit.province_code,
          checklist_id: checklists.get(t.checklist)!,
          scheduled_on: t.scheduledOn,
          proposed_because: t.proposedBecause ?? null,
        });
      await this.d.access.record(trx, actor, {
        action: 'plan_inspection',
        entityType: 'inspection_plan',
        entityId: id,
        localityCode: unit.locality_code,
        localityPath: unit.locality_path,
        after: {
          title: req.title,
          periodFrom: req.periodFrom,
          periodTo: req.periodTo,
          targets: targets.length,
          team: members.length,
        },
      });
      return this.view(trx, actor, (await this.d.repo.findPlan(trx, id))!, false);
    });
  }

  /** The inspector's targets due by today, with their checklists: the page keeps them for offline work. */
  async fieldWork(actor: Actor): Promise<FieldWorkView> {
    const today = this.today();
    const rows = await this.d.repo.fieldWork(this.d.db, actor.userId, today);
    const checklists = new Map<string, ChecklistView>();
    for (const id of new Set(rows.map((r) => r.checklist_id))) {
      const c = await this.d.repo.checklistById(this.d.db, id);
      if (c) checklists.set(id, toChecklistView(c, actor.locale));
    }
    return {
      date: today,
      items: rows.map((r) => ({
        planId: r.plan_id,
        planTitle: r.plan_title,
        target: toTargetView(r, []),
        checklist: checklists.get(r.checklist_id)!,
      })),
    };
  }

  /**
   * A checklist version by id, kept in memory once read: a version is never changed (a new one is a
   * new row), and every visit a phone syncs names one.
   */
  async checklist(db: Db, checklistId: string): Promise<ChecklistRecord | undefined> {
    const kept = this.checklistRows.get(checklistId);
    if (kept) return kept;
    const c = await this.d.repo.checklistById(db, checklistId);
    if (c && this.checklistRows.size < 1000) this.checklistRows.set(checklistId, c);
    return c;
  }

  /** The checklist items of a visit's checklist version, by key. */
  async checklistItems(db: Db, checklistId: string): Promise<Map<string, ChecklistItem>> {
    const c = await this.checklist(db, checklistId);
    return new Map(((c?.items ?? []) as ChecklistItem[]).map((i) => [i.key, i]));
  }

  private async view(db: Db, actor: Actor, plan: PlanRecord, checkRead: boolean): Promise<PlanView> {
    const all = await this.d.repo.targets(db, plan.id);
    // Each target is read under the actor's relation to it: an organisation sees only its own.
    const readable = [];
    for (const t of all) {
      const r = await this.d.access.relation(db, actor, plan, t);
      if (policy.read(r) || (policy.listWholeArea(actor) && inScope(actor, plan.locality_path))) readable.push(t);
    }
    const planWide = await this.d.access.relation(db, actor, plan, {
      locality_path: plan.locality_path,
      organisation_id: null,
    });
    if (checkRead && readable.length === 0 && !policy.read(planWide)) throw new AppError('NOT_FOUND');
    const visits = await this.d.repo.visitsOfTargets(
      db,
      readable.map((t) => t.id),
    );
    const team = await this.d.repo.members(db, plan.id);
    return {
      ...toPlanSummary(plan, actor.locale),
      team: team.map((m) => ({ userId: m.user_id, fullName: m.full_name, leader: m.leader })),
      targetList: readable.map((t) => toTargetView(t, visits)),
    };
  }
}
