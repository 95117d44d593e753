import { AppError } from '../../../core/errors.ts';
import type { Page } from '../../../core/schemas/common.ts';
import type { ActionRequest, ActionView, DashboardQuery, DashboardView } from '../../../core/schemas/inspections.ts';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { Db } from '../../db/database.ts';
import { isSystemActor, recordedBy, type Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import { allPages, sheetExport, type SheetExport } from '../../shared/excel.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { UnitsService } from '../units/units.module.ts';
import type { InspectionAccess } from './inspections.access.ts';
import { publicationColumns, type PublishedRow } from './inspections.export.ts';
import { inspectionMessages as messages } from './inspections.messages.ts';
import { inspectionsPolicy as policy } from './inspections.policy.ts';
import { toActionView } from './inspections.presenter.ts';
import type { ViolationsRepository } from './violations.repository.ts';

/** Risk-proposed targets from other modules (wired by the composition root from their services). */
export type WorkplaceFollowUps = (
  actor: Actor,
  path: string,
  limit: number,
  now: Date,
) => Promise<{ items: { id: string; label: string; link: string }[] }>;

export interface FollowUpDeps {
  db: Db;
  repo: ViolationsRepository;
  access: InspectionAccess;
  localities: LocalitiesService;
  units: UnitsService;
  workplaceFollowUps: WorkplaceFollowUps;
  clock?: () => Date;
}

type Words = { vi: string; en: string };

/**
 * What follows an inspection (issue 17): corrective actions and the inspected party's reports on
 * them, overdue ones on today's work, proposed targets for the next round, the dashboard, and the
 * publication of organisations' final violations.
 */
export class FollowUpService {
  constructor(private readonly d: FollowUpDeps) {}

  private now(): Date {
    return this.d.clock ? this.d.clock() : new Date();
  }

  async requireAction(actor: Actor, req: ActionRequest): Promise<{ created: boolean; view: ActionView }> {
    const m = messages[actor.locale];
    return this.d.db.transaction().execute(async (trx) => {
      const { visit, relation } = await this.d.access.readableVisit(trx, actor, req.visitKey);
      const resent = await this.d.repo.actionByClientKey(trx, req.clientKey);
      if (resent) {
        if (resent.visit_id !== visit.id)
          throw new AppError('CONFLICT', [{ path: 'clientKey', message: m.otherAction }]);
        return { created: false, view: await this.view(trx, resent.id) };
      }
      if (!policy.record(relation)) throw new AppError('FORBIDDEN', [{ path: 'visitKey', message: m.notOnTeam }]);
      if (req.dueOn <= visit.visited_on)
        throw new AppError('VALIDATION_FAILED', [{ path: 'dueOn', message: m.dueBeforeVisit }]);
      const id = await this.d.repo.insertAction(trx, {
        client_key: req.clientKey,
        visit_id: visit.id,
        violation_id: req.violationId ?? null,
        item_key: req.itemKey ?? null,
        description: req.description,
        responsible_person: req.responsiblePerson,
        due_on: req.dueOn,
        unit_id: visit.unit_id,
        organisation_id: visit.organisation_id,
        locality_path: visit.locality_path,
        province_code: visit.province_code,
        created_by: recordedBy(actor),
      });
      await this.audit(trx, actor, 'require_action', id, visit.locality_path, { dueOn: req.dueOn });
      return { created: true, view: await this.view(trx, id) };
    });
  }

  async report(actor: Actor, id: string, req: { text: string; evidence?: string }): Promise<ActionView> {
    const m = messages[actor.locale];
    return this.d.db.transaction().execute(async (trx) => {
      const { action, relation } = await this.readable(trx, actor, id);
      if (!policy.reportAction(relation)) throw new AppError('FORBIDDEN', [{ path: 'id', message: m.notParty }]);
      if (action.status === 'closed') throw new AppError('CONFLICT', [{ path: 'id', message: m.actionClosed }]);
      await this.d.repo.updateAction(trx, id, {
        status: 'reported',
        report_text: req.text,
        report_evidence: req.evidence ?? null,
        reported_at: this.now(),
        reported_by: recordedBy(actor),
      });
      await this.audit(trx, actor, 'report_action', id, action.locality_path, { evidence: !!req.evidence });
      return this.view(trx, id);
    });
  }

  async close(actor: Actor, id: string): Promise<ActionView> {
    const m = messages[actor.locale];
    return this.d.db.transaction().execute(async (trx) => {
      const { action, relation } = await this.readable(trx, actor, id);
      if (!policy.closeAction(relation)) throw new AppError('FORBIDDEN', [{ path: 'id', message: m.notOnTeam }]);
      if (action.status === 'closed') return this.view(trx, id);
      await this.d.repo.updateAction(trx, id, { status: 'closed' });
      await this.audit(trx, actor, 'close_action', id, action.locality_path, {});
      return this.view(trx, id);
    });
  }

  /**
   * Overdue corrective actions of an area for today's work (the today module calls it with the path it
   * checked): the inspecting unit's, so its officers (and those of the units below it, which it
   * oversees) and the plan's team see them; the system sees every one.
   */
  async overdueForToday(actor: Actor, path: string, limit: number, now: Date) {
    let side: { unitIds: string[]; memberUserId: string } | null = null;
    if (!isSystemActor(actor)) {
      const mine = await this.d.units.unitIdsOf(this.d.db, actor.userId);
      const below = await this.d.units.subordinatesOf(this.d.db, mine);
      side = { unitIds: [...mine, ...below.map((u) => u.id)], memberUserId: actor.userId };
    }
    const rows = await this.d.repo.overdueActions(this.d.db, path, vietnamToday(now), limit, side);
    return {
      total: Number(rows[0]?.total ?? 0),
      items: rows.map((r) => ({
        id: r.id,
        label: `${r.target_name} · ${r.description}`,
        dueOn: r.due_on,
        link: `/inspections/visits/${r.visit_id}`,
      })),
    };
  }

  /** Targets proposed by risk for a unit's next round: workplaces to follow up, targets with open actions. */
  async proposals(actor: Actor, unitId: string) {
    const m = messages[actor.locale];
    const unit = await this.d.units.findById(this.d.db, unitId);
    if (!unit) throw new AppError('NOT_FOUND');
    const officer = await this.d.units.isOfficer(this.d.db, actor.userId, unit.id);
    if (!policy.proposals(actor, unit, officer, await this.d.units.isReviewer(this.d.db, actor.userId, unit.id)))
      throw new AppError('FORBIDDEN', [{ path: 'unit', message: m.notUnitOfficer }]);
    const open = await this.d.repo.targetsWithOpenActions(this.d.db, unit.locality_path);
    const workplaces = await this.d.workplaceFollowUps(actor, unit.locality_path, 50, this.now());
    return {
      items: [
        ...workplaces.items.map((w) => ({
          kind: 'organisation' as const,
          name: w.label,
          organisationId: w.link.split('/').at(-1) ?? null,
          localityCode: null,
          because: m.highAssessment,
        })),
        ...open.map((t) => ({
          kind: t.kind,
          name: t.name,
          organisationId: t.organisation_id,
          localityCode: t.locality_code,
          because: `${m.followUp} (${t.open})`,
        })),
      ],
    };
  }

  async dashboard(actor: Actor, q: DashboardQuery): Promise<DashboardView> {
    if (!policy.dashboard(actor)) throw new AppError('FORBIDDEN');
    const path = await this.d.localities.listScope(actor, q.locality, this.d.db);
    const parts = path.split('/');
    const r = await this.d.repo.dashboard(this.d.db, {
      path,
      province: parts.length === 2 ? parts[1]! : null,
      from: q.from,
      to: q.to,
      today: vietnamToday(this.now()),
    });
    const sum = <T>(rows: T[], f: (x: T) => number) => rows.reduce((n, x) => n + f(x), 0);
    const byArticle = new Map<string, number>();
    for (const v of r.violations) byArticle.set(v.code, (byArticle.get(v.code) ?? 0) + v.count);
    return {
      from: q.from,
      to: q.to,
      planned: r.planned.planned,
      done: sum(r.byUnit, (u) => u.done),
      overdue: r.planned.overdue,
      failuresByItem: r.failures.map((f) => ({ itemKey: f.item_key, count: f.count })),
      violationsByArticle: [...byArticle].map(([code, count]) => ({ code, count })),
      finesDecidedVnd: sum(r.violations, (v) => Number(v.fined)),
      finesPaidVnd: sum(r.violations, (v) => Number(v.paid)),
      byUnit: r.byUnit.map((u) => ({
        unit: { id: u.id, code: u.code, name: actor.locale === 'vi' ? u.name : u.name_en },
        done: u.done,
        violations: sum(
          r.violations.filter((v) => v.unit_id === u.id),
          (v) => v.count,
        ),
        finesVnd: sum(
          r.violations.filter((v) => v.unit_id === u.id),
          (v) => Number(v.fined),
        ),
      })),
      openActions: r.actions.open,
      overdueActions: r.actions.overdue,
    };
  }

  /** The public page: organisations' final violations; an individual only as a recorded decision allows. */
  async published(
    locale: 'vi' | 'en',
    province: string,
    after: string | undefined,
    limit: number,
  ): Promise<Page<PublishedRow>> {
    const rows = await this.d.repo.published(this.d.db, province, after, limit);
    const page = toPage(rows, limit, (r) => [r.decided_on!, r.id]);
    return {
      items: page.items.map((r) => ({
        name:
          r.subject_kind === 'organisation' || r.publication_names_subject
            ? r.subject_name
            : messages[locale].anonymous,
        violation: (r.article_title as Words)[locale],
        article: r.article_code,
        fineVnd: r.fine_vnd ?? 0,
        decidedOn: r.decided_on!,
        locality: r.locality_name,
      })),
      nextCursor: page.nextCursor,
    };
  }

  async publicationExport(actor: Actor, province: string): Promise<SheetExport> {
    if (!policy.publicationExport(actor)) throw new AppError('FORBIDDEN');
    await this.d.localities.findReadableOrThrow(actor, province, this.d.db);
    return this.publishedFile(actor.locale, province);
  }

  /** The public page's rows as a file for the media: what the page shows, nothing more. */
  async publishedFile(locale: 'vi' | 'en', province: string): Promise<SheetExport> {
    const pages = await allPages((after) => this.published(locale, province, after, 500));
    return sheetExport({
      filename: `cong-khai-vi-pham-${province}-${vietnamToday(this.now())}.xlsx`,
      sheetName: locale === 'vi' ? 'Công khai vi phạm' : 'Published violations',
      locale,
      columns: publicationColumns(),
      pages,
    });
  }

  private async readable(db: Db, actor: Actor, id: string) {
    const action = await this.d.repo.findAction(db, id);
    if (!action) throw new AppError('NOT_FOUND');
    const { relation } = await this.d.access.readableVisit(db, actor, action.visit_id);
    return { action, relation };
  }

  private async view(db: Db, id: string): Promise<ActionView> {
    return toActionView((await this.d.repo.findAction(db, id))!, vietnamToday(this.now()));
  }

  private audit(
    db: Db,
    actor: Actor,
    action: 'require_action' | 'report_action' | 'close_action',
    id: string,
    path: string,
    after: unknown,
  ) {
    return this.d.access.record(db, actor, {
      action,
      entityType: 'corrective_action',
      entityId: id,
      localityPath: path,
      after,
    });
  }
}
