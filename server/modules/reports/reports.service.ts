import { AppError, type ErrorDetail, type Locale } from '../../../core/errors.ts';
import {
  currentReportingPeriod,
  dueOf,
  isFuturePeriod,
  isOnTime,
  parsePeriodId,
  type DatedPeriod,
} from '../../../core/rules/reporting-periods.ts';
import { checkReportValues, type ReportValues, type ValueProblem } from '../../../core/rules/reports/report-values.ts';
import type { ReportTemplate } from '../../../core/schemas/report-template.ts';
import type {
  ReportFormQuery,
  ReportView,
  ReviewReportRequest,
  SaveDraftRequest,
  SubmitReportRequest,
} from '../../../core/schemas/reports.ts';
import { addDays, vietnamMidnight } from '../../../core/vietnam-calendar.ts';
import type { Db } from '../../db/database.ts';
import { recordedBy, type Actor } from '../../shared/actor.ts';
import type { Figures, ReportFiguresService } from '../../shared/report-figures.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { NotificationsService } from '../notifications/notifications.module.ts';
import type { UnitRecord, UnitsService } from '../units/units.module.ts';
import { reportMessages as messages } from './reports.messages.ts';
import { reportsPolicy as policy, type UnitRelation } from './reports.policy.ts';
import { toReportView, type ReportContent } from './reports.presenter.ts';
import type { ReportRecord, ReportsRepository } from './reports.repository.ts';
import { ReportNotices } from './report-notices.ts';

export interface ReportsDeps {
  db: Db;
  repo: ReportsRepository;
  units: UnitsService;
  /** The figure services of the modules a template counts from. */
  figures: readonly ReportFiguresService[];
  notifications: NotificationsService;
  audit: AuditTrailService;
  /** Now; the demo and tests may set it. */
  clock: () => Date;
}

interface Draft {
  values: ReportValues;
  reasons: Record<string, string>;
}

/**
 * A unit's report for a period (issue 16): opened prefilled from live data, saved as drafts,
 * submitted once per client key, accepted (locked) or returned with a comment by a unit above it;
 * a resubmission or amendment is a new version with its reason, every version and review kept.
 */
export class ReportsService {
  private readonly notices: ReportNotices;

  constructor(private readonly d: ReportsDeps) {
    this.notices = new ReportNotices(d.units, d.notifications);
  }

  ensureTemplatePresets(db: Db, presets: readonly ReportTemplate[]): Promise<void> {
    return this.d.repo.ensureTemplatePresets(db, presets);
  }

  /** The report of a unit and period, prefilled when it has not been saved. Writes nothing. */
  async form(actor: Actor, q: ReportFormQuery): Promise<ReportView> {
    const db = this.d.db;
    const { unit, relation } = await this.readableUnit(actor, q.unit, db);
    const latest = await this.template(actor.locale, q.template, db);
    const period = this.period(actor.locale, latest, q.period);
    const template = await this.templateOfReport(db, unit.id, latest, period.id);
    const report = (await this.d.repo.find(db, unit.id, template.code, period.id)) ?? null;
    return this.view(actor, db, { unit, relation, template, period, report });
  }

  async get(actor: Actor, id: string): Promise<ReportView> {
    const db = this.d.db;
    const report = await this.d.repo.findById(db, id);
    if (!report) throw new AppError('NOT_FOUND');
    const { unit, relation } = await this.readableUnit(actor, report.unit_id, db);
    const template = await this.d.repo.templateAt(db, report.template_code, report.template_version);
    return this.view(actor, db, { unit, relation, template, period: periodOf(report), report });
  }

  async saveDraft(actor: Actor, req: SaveDraftRequest): Promise<ReportView> {
    const m = messages[actor.locale];
    return this.d.db.transaction().execute(async (trx) => {
      const { unit, relation } = await this.submittableUnit(actor, req.unitId, trx);
      const latest = await this.template(actor.locale, req.template, trx);
      const period = this.period(actor.locale, latest, req.periodId);
      const template = await this.templateOfReport(trx, unit.id, latest, period.id);
      const checked = await this.check(actor.locale, trx, template, unit, period, req);
      const report = await this.d.repo.lockOrCreate(trx, newReport(actor, unit, template, period));
      if (report.status === 'submitted' || report.status === 'accepted')
        throw new AppError('CONFLICT', [{ path: 'periodId', message: m.locked }]);
      await this.d.repo.update(trx, report.id, { draft: JSON.stringify(draftOf(checked)) });
      await this.d.audit.record(trx, actor, {
        action: 'save_draft',
        entityType: 'unit_report',
        entityId: report.id,
        localityCode: unit.locality_code,
        localityPath: unit.locality_path,
        after: { unit: unit.code, period: period.id, changed: Object.keys(checked.reasons) },
      });
      const saved = (await this.d.repo.findById(trx, report.id))!;
      return this.view(actor, trx, { unit, relation, template, period, report: saved });
    });
  }

  /**
   * Submits a version. The same client key answers the version it recorded (a double tap, a
   * resend); the first version needs no reason, every later one does. Timeliness is judged by the
   * first submission; each version records whether it came before the deadline.
   */
  submit(actor: Actor, req: SubmitReportRequest): Promise<ReportView> {
    return this.d.db.transaction().execute((trx) => this.submitIn(trx, actor, req));
  }

  /** `submit` in the caller's transaction (the command that records task progress with it). */
  async submitIn(trx: Db, actor: Actor, req: SubmitReportRequest): Promise<ReportView> {
    const m = messages[actor.locale];
    const now = this.d.clock();
    const resent = await this.d.repo.versionByClientKey(trx, req.clientKey);
    if (resent) {
      const report = (await this.d.repo.findById(trx, resent.report_id))!;
      if (report.unit_id !== req.unitId || report.period_id !== req.periodId)
        throw new AppError('CONFLICT', [{ path: 'clientKey', message: m.otherReport }]);
      return this.existingView(actor, trx, report);
    }
    const { unit, relation } = await this.submittableUnit(actor, req.unitId, trx);
    const latest = await this.template(actor.locale, req.template, trx);
    const period = this.period(actor.locale, latest, req.periodId);
    const template = await this.templateOfReport(trx, unit.id, latest, period.id);
    const checked = await this.check(actor.locale, trx, template, unit, period, req);
    const report = await this.d.repo.lockOrCreate(trx, newReport(actor, unit, template, period));
    // A twin request with the same key may have committed while this one waited for the lock.
    if (await this.d.repo.versionByClientKey(trx, req.clientKey)) return this.existingView(actor, trx, report);
    const version = report.version + 1;
    const amendmentReason = req.amendmentReason?.trim() || null;
    if (version > 1 && !amendmentReason)
      throw new AppError('VALIDATION_FAILED', [{ path: 'amendmentReason', message: m.amendmentReasonNeeded }]);
    await this.d.repo.insertVersion(trx, {
      report_id: report.id,
      version,
      client_key: req.clientKey,
      figures: JSON.stringify(checked.values),
      computed: JSON.stringify(checked.computed),
      reasons: JSON.stringify(checked.reasons),
      amendment_reason: version > 1 ? amendmentReason : null,
      on_time: isOnTime(period.due, now),
      submitted_by: recordedBy(actor),
      submitted_at: now,
    });
    await this.d.repo.update(trx, report.id, {
      status: 'submitted',
      version,
      draft: JSON.stringify(draftOf(checked)),
      first_submitted_at: report.first_submitted_at ?? now,
      last_submitted_at: now,
    });
    await this.d.audit.record(trx, actor, {
      action: version === 1 ? 'submit_report' : 'amend_report',
      entityType: 'unit_report',
      entityId: report.id,
      localityCode: unit.locality_code,
      localityPath: unit.locality_path,
      before: version > 1 ? { status: report.status, version: report.version } : undefined,
      after: {
        unit: unit.code,
        period: period.id,
        version,
        onTime: isOnTime(period.due, now),
        changed: checked.reasons,
        amendmentReason,
      },
    });
    await this.notices.submitted(trx, unit, period, report.id, version);
    const saved = (await this.d.repo.findById(trx, report.id))!;
    return this.view(actor, trx, { unit, relation, template, period, report: saved });
  }

  /**
   * Accepts (locks) or returns the submitted version. Repeating the decision just made answers the
   * report unchanged (a double tap); returning needs a comment; an accepted report takes no review.
   */
  async review(actor: Actor, id: string, req: ReviewReportRequest): Promise<ReportView> {
    const m = messages[actor.locale];
    const comment = req.comment?.trim() || null;
    return this.d.db.transaction().execute(async (trx) => {
      const report = await this.d.repo.lock(trx, id);
      if (!report) throw new AppError('NOT_FOUND');
      const { unit, relation } = await this.readableUnit(actor, report.unit_id, trx);
      if (!policy.review(relation)) throw new AppError('FORBIDDEN');
      if (req.decision === 'return' && !comment)
        throw new AppError('VALIDATION_FAILED', [{ path: 'comment', message: m.commentNeeded }]);
      const repeated =
        (req.decision === 'accept' && report.status === 'accepted') ||
        (req.decision === 'return' && report.status === 'returned');
      if (repeated) return this.existingView(actor, trx, report);
      if (report.status === 'accepted') throw new AppError('CONFLICT', [{ path: 'decision', message: m.accepted }]);
      if (report.status !== 'submitted')
        throw new AppError('CONFLICT', [{ path: 'decision', message: m.nothingToReview }]);
      await this.d.repo.insertReview(trx, {
        report_id: report.id,
        version: report.version,
        decision: req.decision,
        comment,
        reviewed_by: recordedBy(actor),
        reviewed_at: this.d.clock(),
      });
      const status = req.decision === 'accept' ? 'accepted' : 'returned';
      await this.d.repo.update(trx, report.id, { status });
      await this.d.audit.record(trx, actor, {
        action: req.decision === 'accept' ? 'accept_report' : 'return_report',
        entityType: 'unit_report',
        entityId: report.id,
        localityCode: unit.locality_code,
        localityPath: unit.locality_path,
        before: { status: report.status },
        after: { status, version: report.version, comment },
      });
      await this.notices.reviewed(trx, unit, report, req.decision, comment);
      return this.existingView(actor, trx, (await this.d.repo.findById(trx, report.id))!);
    });
  }

  // --- helpers ---------------------------------------------------------------------------------

  private async existingView(actor: Actor, db: Db, report: ReportRecord): Promise<ReportView> {
    const { unit, relation } = await this.readableUnit(actor, report.unit_id, db);
    const template = await this.d.repo.templateAt(db, report.template_code, report.template_version);
    return this.view(actor, db, { unit, relation, template, period: periodOf(report), report });
  }

  private async view(
    actor: Actor,
    db: Db,
    o: {
      unit: UnitRecord;
      relation: UnitRelation;
      template: ReportTemplate;
      period: DatedPeriod;
      report: ReportRecord | null;
    },
  ): Promise<ReportView> {
    const { report, relation } = o;
    const versions = report ? await this.d.repo.versions(db, report.id) : [];
    const reviews = report ? await this.d.repo.reviews(db, report.id) : [];
    const latest = versions[0];
    const editable = !report || report.status === 'draft' || report.status === 'returned';
    let content: ReportContent;
    if (!editable && latest) {
      content = {
        values: latest.figures as ReportValues,
        computed: latest.computed as Record<string, number>,
        reasons: latest.reasons as Record<string, string>,
      };
    } else {
      const computed = await this.computed(db, o.template, o.unit, o.period);
      const draft = report ? (report.draft as Draft) : null;
      content = { values: draft?.values ?? computed, computed, reasons: draft?.reasons ?? {} };
    }
    return toReportView({
      report,
      unit: this.d.units.refOf(o.unit, actor),
      template: o.template,
      period: o.period,
      content,
      versions,
      reviews,
      may: {
        edit: policy.submit(relation) && editable,
        submit: policy.submit(relation),
        review: policy.review(relation) && report?.status === 'submitted',
      },
      locale: actor.locale,
    });
  }

  /** The computed value of every computed field of the template, for the unit's area and period. */
  private async computed(db: Db, template: ReportTemplate, unit: UnitRecord, period: DatedPeriod) {
    const figures = await this.figuresOf(db, unit, period);
    const r = checkReportValues(template, {}, {}, figures);
    return r.ok ? (r.checked.computed as ReportValues & Record<string, number>) : {};
  }

  private async figuresOf(db: Db, unit: UnitRecord, period: DatedPeriod): Promise<Figures> {
    const area = {
      withinPath: unit.locality_path,
      from: period.from,
      to: period.to,
      fromInstant: vietnamMidnight(period.from),
      untilInstant: vietnamMidnight(addDays(period.to, 1)),
    };
    const all: Figures = {};
    for (const source of this.d.figures) Object.assign(all, await source.reportFigures(db, area));
    return all;
  }

  private async check(
    locale: Locale,
    db: Db,
    template: ReportTemplate,
    unit: UnitRecord,
    period: DatedPeriod,
    req: SaveDraftRequest,
  ) {
    const r = checkReportValues(template, req.values, req.reasons, await this.figuresOf(db, unit, period));
    if (!r.ok)
      throw new AppError(
        'VALIDATION_FAILED',
        r.problems.map((p) => valueProblem(locale, p)),
      );
    return r.checked;
  }

  /** The unit, if the actor may read its reports; "not found" otherwise, as for a unit that does not exist. */
  private async readableUnit(actor: Actor, unitId: string, db: Db) {
    const unit = await this.d.units.findById(db, unitId);
    if (!unit) throw new AppError('NOT_FOUND');
    const relation = policy.relation(
      actor,
      unit,
      await this.d.units.isOfficer(db, actor.userId, unit.id),
      await this.d.units.isReviewer(db, actor.userId, unit.id),
    );
    if (!policy.read(relation)) throw new AppError('NOT_FOUND');
    return { unit, relation };
  }

  private async submittableUnit(actor: Actor, unitId: string, db: Db) {
    const found = await this.readableUnit(actor, unitId, db);
    if (!policy.submit(found.relation))
      throw new AppError('FORBIDDEN', [{ path: 'unitId', message: messages[actor.locale].notOfficer }]);
    return found;
  }

  private async template(locale: Locale, code: string, db: Db): Promise<ReportTemplate> {
    const t = await this.d.repo.latestTemplate(db, code);
    if (!t) throw new AppError('VALIDATION_FAILED', [{ path: 'template', message: messages[locale].unknownTemplate }]);
    return t;
  }

  /** A report keeps the template version it was opened on; a new one takes the latest. */
  private async templateOfReport(db: Db, unitId: string, latest: ReportTemplate, periodId: string) {
    const existing = await this.d.repo.find(db, unitId, latest.code, periodId);
    if (!existing || existing.template_version === latest.version) return latest;
    return this.d.repo.templateAt(db, existing.template_code, existing.template_version);
  }

  /** The period named (refused when malformed, of another kind or not begun), else the one reported now. */
  private period(locale: Locale, template: ReportTemplate, id: string | undefined): DatedPeriod {
    const now = this.d.clock();
    if (id === undefined) return currentReportingPeriod(template.period, now);
    const m = messages[locale];
    const p = parsePeriodId(id);
    if (!p || p.kind !== template.period.kind)
      throw new AppError('VALIDATION_FAILED', [{ path: 'periodId', message: m.badPeriod }]);
    if (isFuturePeriod(p, now))
      throw new AppError('VALIDATION_FAILED', [{ path: 'periodId', message: m.futurePeriod }]);
    return { ...p, due: dueOf(p, template.period.due) };
  }
}

function newReport(actor: Actor, unit: UnitRecord, template: ReportTemplate, period: DatedPeriod) {
  return {
    unit_id: unit.id,
    template_code: template.code,
    template_version: template.version,
    period_id: period.id,
    period_from: period.from,
    period_to: period.to,
    due_at: period.due,
    locality_path: unit.locality_path,
    province_code: unit.province_code,
    draft: JSON.stringify({ values: {}, reasons: {} }),
    created_by: recordedBy(actor),
  };
}

function draftOf(c: { values: ReportValues; reasons: Record<string, string> }): Draft {
  return { values: c.values, reasons: c.reasons };
}

function periodOf(r: ReportRecord): DatedPeriod {
  const p = parsePeriodId(r.period_id)!;
  return { ...p, due: r.due_at };
}

function valueProblem(locale: Locale, p: ValueProblem): ErrorDetail {
  return { path: `${p.at}.${p.key}`, message: messages[locale].values[p.problem] };
}
