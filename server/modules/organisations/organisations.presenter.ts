import type { Locale } from '../../../core/errors.ts';
import { allowedVenueDecisions } from '../../../core/rules/venue-status.ts';
import type {
  AssessmentTemplate,
  OrganisationType,
  ScoringRuleCode,
} from '../../../core/schemas/assessment-template.ts';
import type { AssessmentView, OrganisationView, TemplateSummaryView } from '../../../core/schemas/organisations.ts';
import type { AssessmentAnswers } from '../../../core/schemas/assessment-template.ts';
import type { AssessmentRecord, OrganisationRecord } from './organisations.repository.ts';

const iso = (d: Date | string) => (typeof d === 'string' ? new Date(d) : d).toISOString();
/** A `date` column as the day it names, whichever driver read it. */
const day = (d: Date | string) => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

export function toOrganisationView(o: OrganisationRecord): OrganisationView {
  return {
    id: o.id,
    name: o.name,
    type: o.org_type as OrganisationType,
    sector: o.sector,
    taxCode: o.tax_code,
    addressLine: o.address_line,
    communeCode: o.commune_code,
    communeName: o.commune_full_name,
    headName: o.head_name,
    contactName: o.contact_name,
    contactPhone: o.contact_phone,
    contactPhoneVerifiedAt: o.contact_phone_verified_at ? iso(o.contact_phone_verified_at) : null,
    headcount: o.headcount,
    shifts: o.shifts,
    runsDormitory: o.runs_dormitory,
    runsShuttle: o.runs_shuttle,
    status: o.status,
    allowedDecisions: allowedVenueDecisions(o.status),
    decidedByName: o.decided_by_name,
    decidedAt: o.decided_at ? iso(o.decided_at) : null,
    decisionNote: o.decision_note,
    latestAssessment:
      o.latest_assessment_id &&
      o.latest_group &&
      o.latest_share_percent !== null &&
      o.latest_may_operate &&
      o.latest_submitted_at &&
      o.latest_reassess_due_on
        ? {
            id: o.latest_assessment_id,
            group: o.latest_group,
            sharePercent: o.latest_share_percent,
            mayOperate: o.latest_may_operate,
            submittedAt: iso(o.latest_submitted_at),
            reassessDueOn: day(o.latest_reassess_due_on),
          }
        : null,
    publishSafe: o.publish_safe,
    createdAt: iso(o.created_at),
  };
}

/** `template` is the version the assessment used: its to-do words are what the organisation was told. */
export function toAssessmentView(a: AssessmentRecord, template: AssessmentTemplate, locale: Locale): AssessmentView {
  const named = new Set([...(a.drivers as string[]), ...(a.blocked_by as string[])]);
  const componentNames: Record<string, string> = {};
  for (const c of template.components) if (named.has(c.code)) componentNames[c.code] = c.name[locale];
  return {
    id: a.id,
    organisationId: a.organisation_id,
    templateCode: a.template_code,
    templateVersion: a.template_version,
    rule: template.rule as ScoringRuleCode,
    answers: a.answers as AssessmentAnswers,
    points: a.points,
    max: a.max_points,
    sharePercent: a.share_percent,
    group: a.risk_group,
    blockedBy: a.blocked_by as string[],
    drivers: a.drivers as string[],
    componentNames,
    mayOperate: a.may_operate,
    todo: template.consequences[a.risk_group].todo[locale],
    communeInspects: a.commune_inspects,
    correctivePlanDueOn: a.corrective_plan_due_on ? day(a.corrective_plan_due_on) : null,
    reassessDueOn: day(a.reassess_due_on),
    submittedByName: a.submitted_by_name,
    submittedAt: iso(a.submitted_at),
  };
}

export function toTemplateSummary(t: AssessmentTemplate, locale: Locale): TemplateSummaryView {
  return {
    code: t.code,
    version: t.version,
    name: t.name[locale],
    source: t.source[locale],
    illustrative: t.illustrative,
    appliesTo: t.appliesTo,
    rule: t.rule,
  };
}
