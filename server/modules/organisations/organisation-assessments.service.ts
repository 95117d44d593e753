import { AppError, type ErrorDetail, type Locale } from '../../../core/errors.ts';
import { consequenceOf, scoreAnswers, type AnswerProblem } from '../../../core/rules/workplaces/assessment-scoring.ts';
import { addDays, vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { AssessmentTemplate, RiskGroup } from '../../../core/schemas/assessment-template.ts';
import type { Page, PageQuery } from '../../../core/schemas/common.ts';
import type {
  AssessmentView,
  SubmitAssessmentRequest,
  TemplateSummaryView,
} from '../../../core/schemas/organisations.ts';
import type { Db } from '../../db/database.ts';
import { recordedBy, type Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { FollowUpsRepository } from './follow-ups.repository.ts';
import { organisationMessages as messages, riskGroupLabels } from './organisations.messages.ts';
import { organisationsPolicy as policy } from './organisations.policy.ts';
import { toAssessmentView, toTemplateSummary } from './organisations.presenter.ts';
import type { OrganisationRecord, OrganisationsRepository } from './organisations.repository.ts';

export interface FollowUpItem {
  id: string;
  label: string;
  dueOn: string;
  overdue: boolean;
  link: string;
}

/**
 * COVID-safety self-assessments of organisations (issue 15) on versioned templates, and the
 * follow-up a high or very-high result opens for the commune.
 */
export class OrganisationAssessmentsService {
  constructor(
    private readonly db: Db,
    private readonly repo: OrganisationsRepository,
    private readonly followUps: FollowUpsRepository,
    private readonly audit: AuditTrailService,
  ) {}

  /**
   * The open follow-ups of an area for today's work (the today module calls it with the path it
   * already checked): "may not operate" first and said so in the label, then by deadline.
   */
  async followUpsForToday(
    actor: Actor,
    path: string,
    limit: number,
    now: Date,
  ): Promise<{ total: number; overdue: number; items: FollowUpItem[] }> {
    const rows = await this.followUps.openIn(this.db, path, vietnamToday(now), limit);
    const m = messages[actor.locale];
    return {
      total: rows[0]?.total ?? 0,
      overdue: rows[0]?.overdue_total ?? 0,
      items: rows.map((r) => ({
        id: r.id,
        label: [
          r.name,
          riskGroupLabels[r.risk_group as RiskGroup][actor.locale],
          ...(r.may_not_operate ? [m.mayNotOperate] : []),
        ].join(' · '),
        dueOn: r.due_on,
        overdue: r.overdue,
        link: `/organisations/${r.organisation_id}`,
      })),
    };
  }

  /** Out of scope or not theirs answers exactly like "does not exist". */
  private async readableOrThrow(actor: Actor, id: string, db: Db): Promise<OrganisationRecord> {
    const o = await this.repo.findById(db, id);
    if (!o || !policy.read(actor, o)) throw new AppError('NOT_FOUND');
    return o;
  }

  /** Writes the preset templates not stored yet (platform start); edited versions are kept. */
  ensureTemplatePresets(db: Db, presets: readonly AssessmentTemplate[]): Promise<void> {
    return this.repo.ensureTemplatePresets(db, presets);
  }

  async templates(actor: Actor): Promise<{ items: TemplateSummaryView[] }> {
    if (!policy.readTemplates(actor)) throw new AppError('FORBIDDEN');
    const all = await this.repo.latestTemplates(this.db);
    return { items: all.map((t) => toTemplateSummary(t, actor.locale)) };
  }

  async template(actor: Actor, code: string): Promise<AssessmentTemplate> {
    if (!policy.readTemplates(actor)) throw new AppError('FORBIDDEN');
    const [t] = await this.repo.latestTemplates(this.db, code);
    if (!t) throw new AppError('NOT_FOUND');
    return t;
  }

  /**
   * Scores and stores a self-assessment on the template's latest version. The same client key
   * stores one: a resend answers the first submission. The assessment is immutable and keeps the
   * template version it used. `at` is now but for the demo, which writes its history as it happened
   * (the route never passes it).
   */
  async submitAssessment(
    actor: Actor,
    organisationId: string,
    req: SubmitAssessmentRequest,
    at: Date = new Date(),
  ): Promise<AssessmentView> {
    const m = messages[actor.locale];
    return this.db.transaction().execute(async (trx) => {
      const org = await this.readableOrThrow(actor, organisationId, trx);
      if (!policy.assess(actor, org)) throw new AppError('FORBIDDEN');
      const first = await this.repo.assessmentIdByClientKey(trx, req.clientKey);
      if (first) {
        if (first.organisation_id !== organisationId)
          throw new AppError('CONFLICT', [{ path: 'clientKey', message: m.otherOrganisation }]);
        return this.assessmentView(trx, first.id, actor.locale);
      }
      if (org.status !== 'approved') throw new AppError('CONFLICT', [{ path: 'status', message: m.notApproved }]);
      const [template] = await this.repo.latestTemplates(trx, req.template);
      if (!template) throw new AppError('VALIDATION_FAILED', [{ path: 'template', message: m.unknownTemplate }]);
      if (!template.appliesTo.includes(org.org_type as never))
        throw new AppError('VALIDATION_FAILED', [{ path: 'template', message: m.templateNotFor }]);
      const scored = scoreAnswers(template, req.answers);
      if (!scored.ok)
        throw new AppError(
          'VALIDATION_FAILED',
          scored.problems.map((p) => answerProblem(actor.locale, p)),
        );
      const { score } = scored;
      const consequence = consequenceOf(template, score);
      const today = vietnamToday(at);
      const id = await this.repo.insertAssessment(trx, {
        client_key: req.clientKey,
        organisation_id: organisationId,
        locality_path: org.locality_path,
        template_code: template.code,
        template_version: template.version,
        answers: JSON.stringify(req.answers),
        points: score.points,
        max_points: score.max,
        share_percent: score.sharePercent,
        risk_group: score.group,
        blocked_by: JSON.stringify(score.blockedBy),
        drivers: JSON.stringify(score.drivers),
        // `conditional` is settled by the component rule in consequenceOf.
        may_operate: consequence.mayOperate === 'no' ? 'no' : 'yes',
        commune_inspects: consequence.communeInspects,
        corrective_plan_due_on:
          consequence.correctivePlanDays === null ? null : addDays(today, consequence.correctivePlanDays),
        reassess_due_on: addDays(today, consequence.reassessDays),
        submitted_by: recordedBy(actor),
        submitted_at: at,
      });
      if (id === null) throw new AppError('CONFLICT');
      await this.audit.record(trx, actor, {
        action: 'create',
        entityType: 'organisation_assessment',
        entityId: id,
        localityCode: org.commune_code,
        localityPath: org.locality_path,
        after: {
          organisationId,
          template: `${template.code}@${template.version}`,
          points: score.points,
          max: score.max,
          sharePercent: score.sharePercent,
          group: score.group,
          blockedBy: score.blockedBy,
        },
      });
      await this.openFollowUp(trx, actor, org, id, score.group, consequence.mayOperate === 'no', today);
      return this.assessmentView(trx, id, actor.locale);
    });
  }

  /**
   * A high or very-high result opens a follow-up for the commune on today's work (closing the
   * organisation's earlier one, which it supersedes), due by the
   * corrective-plan deadline of the group's consequence (today when the group sets none: "may not
   * operate" is shown at once).
   */
  private async openFollowUp(
    trx: Db,
    actor: Actor,
    org: OrganisationRecord,
    assessmentId: string,
    group: RiskGroup,
    mayNotOperate: boolean,
    today: string,
  ): Promise<void> {
    // The latest assessment is the one to follow up: an earlier follow-up of the organisation is closed.
    await this.followUps.closeOpen(trx, org.id);
    if (group !== 'high' && group !== 'very_high') return;
    const row = await this.repo.assessmentById(trx, assessmentId);
    const dueOn = row?.corrective_plan_due_on ?? today;
    const id = await this.followUps.open(trx, {
      organisation_id: org.id,
      assessment_id: assessmentId,
      locality_path: org.locality_path,
      risk_group: group,
      may_not_operate: mayNotOperate,
      due_on: dueOn,
    });
    await this.audit.record(trx, actor, {
      action: 'open_follow_up',
      entityType: 'workplace_follow_up',
      entityId: id,
      localityCode: org.commune_code,
      localityPath: org.locality_path,
      after: { organisationId: org.id, assessmentId, group, mayNotOperate, dueOn },
    });
  }

  async assessments(actor: Actor, organisationId: string, q: PageQuery): Promise<Page<AssessmentView>> {
    await this.readableOrThrow(actor, organisationId, this.db);
    const rows = await this.repo.assessments(this.db, organisationId, q.after, q.limit);
    const page = toPage(rows, q.limit, (r) => [r.submitted_key, r.id]);
    const templates = new Map<string, AssessmentTemplate>();
    const items: AssessmentView[] = [];
    for (const r of page.items) {
      const key = `${r.template_code}@${r.template_version}`;
      let t = templates.get(key);
      if (!t) {
        t = (await this.repo.templateAt(this.db, r.template_code, r.template_version))!;
        templates.set(key, t);
      }
      items.push(toAssessmentView(r, t, actor.locale));
    }
    return { items, nextCursor: page.nextCursor };
  }

  private async assessmentView(db: Db, id: string, locale: Locale): Promise<AssessmentView> {
    const row = (await this.repo.assessmentById(db, id))!;
    const template = (await this.repo.templateAt(db, row.template_code, row.template_version))!;
    return toAssessmentView(row, template, locale);
  }
}

function answerProblem(locale: Locale, p: AnswerProblem): ErrorDetail {
  const m = messages[locale];
  const path = `answers.${p.item}`;
  if (p.problem === 'missing') return { path, message: m.missing };
  if (p.problem === 'unknown_item') return { path, message: m.unknownItem };
  return { path, message: `${m.unknownOption} ${p.allowed.join(', ')}` };
}
