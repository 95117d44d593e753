import { AppError } from '../../../core/errors.ts';
import { knownResource } from '../../../core/rules/plans/readiness.ts';
import { itemCodes } from '../../../core/rules/resources/catalogue.ts';
import { forceKinds } from '../../../core/rules/resources/forces.ts';
import type { Page } from '../../../core/schemas/common.ts';
import type {
  ListPlansQuery,
  PlanSummaryView,
  PlanVersionView,
  ReviewPlanRequest,
  SavePlanRequest,
  UnitPlanView,
} from '../../../core/schemas/plans.ts';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import { allPages, sheetExport, type SheetExport } from '../../shared/excel.ts';
import type { PlansContext } from './plans-context.ts';
import { planColumns } from './plans.export.ts';
import { planMessages as messages } from './plans.messages.ts';
import { plansPolicy as policy } from './plans.policy.ts';
import { levelWords, toPlanSummary, toPlanVersionView } from './plans.presenter.ts';
import type { PlanVersionRecord } from './plans.repository.ts';

/**
 * Response plans (issue 18): a unit keeps a plan with one section per level of the active rule set;
 * each save is a new version (a draft), submitted to the level above, which approves or returns it.
 * The plan in force is the latest approved version.
 */
export class PlansService {
  constructor(private readonly c: PlansContext) {}

  async list(actor: Actor, q: ListPlansQuery): Promise<Page<PlanSummaryView>> {
    const { db, units } = this.c;
    const mine = await units.unitIdsOf(db, actor.userId);
    if (!policy.list(actor, mine.length)) throw new AppError('FORBIDDEN');
    const whole = policy.listWholeArea(actor);
    const below = whole ? [] : await units.subordinatesOf(db, mine);
    const area = q.locality ? await this.c.localityPath(actor, q.locality) : actor.scope.path;
    const toReview = q.toReview ? (await units.subordinatesOf(db, mine)).map((u) => u.id) : null;
    const rows = await this.c.repo.list(db, {
      withinPath: area,
      unitIds: toReview ?? (whole ? null : [...mine, ...below.map((u) => u.id)]),
      status: q.toReview ? 'submitted' : q.status,
      withoutApproved: q.withoutApproved,
      after: q.after,
      limit: q.limit,
    });
    const page = toPage(rows, q.limit, (r) => [r.code]);
    return { items: page.items.map((r) => toPlanSummary(r, actor.locale)), nextCursor: page.nextCursor };
  }

  async exportXlsx(actor: Actor, q: Omit<ListPlansQuery, 'after' | 'limit'>): Promise<SheetExport> {
    const pages = await allPages((after) => this.list(actor, { ...q, after, limit: 500 }));
    return sheetExport({
      filename: `ke-hoach-ung-pho-${vietnamToday(this.c.now())}.xlsx`,
      sheetName: actor.locale === 'vi' ? 'Kế hoạch ứng phó' : 'Response plans',
      locale: actor.locale,
      columns: planColumns(actor.locale),
      pages,
    });
  }

  async unitPlan(actor: Actor, unitId: string): Promise<UnitPlanView> {
    const { db } = this.c;
    const unit = await this.c.unitOrThrow(db, unitId);
    const relation = await this.c.relationOf(db, actor, unit);
    if (!policy.read(relation)) throw new AppError('NOT_FOUND');
    const ruleSet = await this.c.ruleSets.active(db);
    const latest = await this.c.repo.latest(db, unit.id);
    const approved = (await this.c.repo.approvedOf(db, [unit.id]))[0];
    return {
      unit: this.c.units.refOf(unit, actor),
      latest: latest ? await this.versionView(db, actor, latest) : null,
      approved: approved ? await this.versionView(db, actor, approved) : null,
      levels: ruleSet.levels.map((l) => ({
        key: l.key,
        number: l.number,
        name: l.name[actor.locale] || l.name.vi,
        measures: levelWords(ruleSet, l.key, actor.locale).measures,
      })),
      mayEdit: policy.edit(relation),
      mayReview: policy.review(actor, relation, unit.supervisor_unit_id !== null),
    };
  }

  /** Saves a new version (a draft) of the unit's plan; a resend (client key) answers the first. */
  async save(actor: Actor, unitId: string, req: SavePlanRequest): Promise<PlanVersionView> {
    const m = messages[actor.locale];
    return this.c.db.transaction().execute(async (trx) => {
      const resent = await this.c.repo.versionByClientKey(trx, req.clientKey);
      if (resent) {
        if (resent.unit_id !== unitId) throw new AppError('CONFLICT', [{ path: 'clientKey', message: m.otherUnit }]);
        return this.versionView(trx, actor, resent);
      }
      const unit = await this.c.unitOrThrow(trx, unitId);
      const relation = await this.c.relationOf(trx, actor, unit);
      if (!policy.read(relation)) throw new AppError('NOT_FOUND');
      if (!policy.edit(relation)) throw new AppError('FORBIDDEN', [{ path: 'unitId', message: m.notOfficer }]);
      const ruleSet = await this.c.ruleSets.active(trx);
      const allowed = new Set([unit.id, ...(await this.c.units.subordinatesOf(trx, [unit.id])).map((u) => u.id)]);
      const problems = req.sections.flatMap((s, i) => [
        ...(ruleSet.levels.some((l) => l.key === s.levelKey)
          ? []
          : [{ path: `sections.${i}.levelKey`, message: `${m.unknownLevel} (${s.levelKey})` }]),
        ...(req.sections.findIndex((o) => o.levelKey === s.levelKey) < i
          ? [{ path: `sections.${i}.levelKey`, message: m.duplicateLevel }]
          : []),
        ...s.requirements.flatMap((r, j) =>
          knownResource(r, { forceKinds, itemCodes })
            ? []
            : [
                {
                  path: `sections.${i}.requirements.${j}.code`,
                  message: `${m.unknownResource} (${r.kind}: ${r.code})`,
                },
              ],
        ),
        ...s.tasks.flatMap((t, j) =>
          allowed.has(t.responsibleUnitId)
            ? []
            : [{ path: `sections.${i}.tasks.${j}.responsibleUnitId`, message: m.responsibleNotInPlan }],
        ),
      ]);
      if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems);
      const id = await this.c.repo.insertVersion(trx, {
        client_key: req.clientKey,
        unit_id: unit.id,
        rule_set_code: ruleSet.code,
        locality_path: unit.locality_path,
        province_code: unit.province_code,
        created_by: this.c.by(actor),
      });
      for (const s of req.sections)
        await this.c.repo.insertSection(
          trx,
          {
            plan_id: id,
            level_key: s.levelKey,
            level_number: ruleSet.levels.find((l) => l.key === s.levelKey)!.number,
            own_measures: s.ownMeasures,
          },
          s.tasks.map((t) => ({
            title: t.title,
            responsible_unit_id: t.responsibleUnitId,
            due_after_hours: t.dueAfterHours,
          })),
          s.requirements.map((r) => ({ resource_kind: r.kind, resource_code: r.code, quantity: r.quantity })),
        );
      const v = (await this.c.repo.versionById(trx, id))!;
      await this.c.audit(trx, actor, 'save_plan', 'response_plan', id, unit, {
        version: v.version,
        levels: req.sections.map((s) => s.levelKey),
      });
      return this.versionView(trx, actor, v);
    });
  }

  /** The unit submits a draft (or a returned version) to the level above, whose officers are notified. */
  async submit(actor: Actor, id: string): Promise<PlanVersionView> {
    const m = messages[actor.locale];
    return this.c.db.transaction().execute(async (trx) => {
      const { v, unit, relation } = await this.readable(trx, actor, id);
      if (!policy.edit(relation)) throw new AppError('FORBIDDEN', [{ path: 'id', message: m.notOfficer }]);
      if (v.status !== 'draft' && v.status !== 'returned')
        throw new AppError('CONFLICT', [{ path: 'id', message: m.notDraft }]);
      await this.c.repo.setStatus(trx, id, 'submitted', { at: this.c.now(), by: this.c.by(actor) });
      await this.c.audit(trx, actor, 'submit_plan', 'response_plan', id, unit, { version: v.version });
      const reviewers = await this.c.units.supervisorOfficers(trx, unit.id);
      await this.c.notifications.notify(
        trx,
        reviewers.map((o) => o.user_id),
        {
          kind: 'plan_submitted',
          key: `plan_submitted:${id}`,
          title: {
            vi: `Kế hoạch ứng phó chờ phê duyệt: ${unit.name}`,
            en: `Response plan to approve: ${unit.name_en}`,
          },
          body: {
            vi: `${unit.name} trình kế hoạch ứng phó theo cấp độ dịch, phiên bản ${v.version}.`,
            en: `${unit.name_en} submitted version ${v.version} of its response plan.`,
          },
          link: `/plans/units/${unit.id}`,
        },
      );
      return this.versionView(trx, actor, (await this.c.repo.versionById(trx, id))!);
    });
  }

  /** The level above approves or returns (with a comment) a submitted version; the unit is told. */
  async review(actor: Actor, id: string, req: ReviewPlanRequest): Promise<PlanVersionView> {
    const m = messages[actor.locale];
    return this.c.db.transaction().execute(async (trx) => {
      const { v, unit, relation } = await this.readable(trx, actor, id, true);
      if (!policy.review(actor, relation, unit.supervisor_unit_id !== null))
        throw new AppError('FORBIDDEN', [{ path: 'id', message: m.notReviewer }]);
      if (v.status !== 'submitted') throw new AppError('CONFLICT', [{ path: 'id', message: m.notSubmitted }]);
      if (req.decision === 'return' && !req.comment)
        throw new AppError('VALIDATION_FAILED', [{ path: 'comment', message: m.returnNeedsComment }]);
      const approved = req.decision === 'approve';
      await this.c.repo.setStatus(trx, id, approved ? 'approved' : 'returned', {
        at: this.c.now(),
        by: this.c.by(actor),
        comment: req.comment ?? null,
      });
      await this.c.audit(trx, actor, approved ? 'approve_plan' : 'return_plan', 'response_plan', id, unit, {
        version: v.version,
        comment: req.comment ?? null,
      });
      const officers = await this.c.units.officersOf(trx, [unit.id]);
      await this.c.notifications.notify(
        trx,
        officers.map((o) => o.user_id),
        {
          kind: approved ? 'plan_approved' : 'plan_returned',
          key: `plan_reviewed:${id}`,
          title: approved
            ? {
                vi: `Kế hoạch ứng phó đã được phê duyệt (phiên bản ${v.version})`,
                en: `Response plan approved (version ${v.version})`,
              }
            : {
                vi: `Kế hoạch ứng phó bị trả lại (phiên bản ${v.version})`,
                en: `Response plan returned (version ${v.version})`,
              },
          body: { vi: req.comment ?? unit.name, en: req.comment ?? unit.name_en },
          link: `/plans/units/${unit.id}`,
        },
      );
      return this.versionView(trx, actor, (await this.c.repo.versionById(trx, id))!);
    });
  }

  private async readable(db: Db, actor: Actor, id: string, lock = false) {
    const v = await this.c.repo.versionById(db, id, lock);
    if (!v) throw new AppError('NOT_FOUND');
    const unit = await this.c.unitOrThrow(db, v.unit_id);
    const relation = await this.c.relationOf(db, actor, unit);
    if (!policy.read(relation)) throw new AppError('NOT_FOUND');
    return { v, unit, relation };
  }

  async versionView(db: Db, actor: Actor, v: PlanVersionRecord): Promise<PlanVersionView> {
    const [sections, tasks, requirements, ruleSet] = await Promise.all([
      this.c.repo.sections(db, [v.id]),
      this.c.repo.tasks(db, [v.id]),
      this.c.repo.requirements(db, [v.id]),
      this.c.ruleSets.active(db),
    ]);
    const refs = await this.c.unitRefs(db, actor, [v.unit_id, ...tasks.map((t) => t.responsible_unit_id)]);
    return toPlanVersionView(v, {
      unit: refs(v.unit_id),
      sections,
      tasks,
      requirements,
      unitRef: refs,
      ruleSet,
      locale: actor.locale,
    });
  }
}
