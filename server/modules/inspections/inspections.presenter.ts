import type { Locale } from '../../../core/errors.ts';
import type { ChecklistItem, ChecklistKind, FindingResult } from '../../../core/rules/inspections/checklists.ts';
import { fineRange } from '../../../core/rules/inspections/decree-117.ts';
import type {
  ActionView,
  ArticleView,
  ChecklistView,
  PlanSummaryView,
  TargetView,
  ViolationView,
  VisitView,
} from '../../../core/schemas/inspections.ts';
import type {
  ChecklistRecord,
  FindingRecord,
  PlanRecord,
  TargetRecord,
  VisitRecord,
} from './inspections.repository.ts';
import type { ActionRecord, ArticleRecord, ViolationRecord } from './violations.repository.ts';

type Words = { vi: string; en: string };
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toChecklistView(c: ChecklistRecord, locale: Locale): ChecklistView {
  return {
    id: c.id,
    code: c.code as ChecklistKind,
    version: c.version,
    title: (c.title as Words)[locale],
    items: (c.items as ChecklistItem[]).map((i) => ({ key: i.key, text: i.text[locale], legalBasis: i.legalBasis })),
  };
}

export function toArticleView(a: ArticleRecord, locale: Locale): ArticleView {
  const span = { individualMinVnd: a.individual_min_vnd, individualMaxVnd: a.individual_max_vnd };
  return {
    code: a.code,
    version: a.version,
    title: (a.title as Words)[locale],
    individual: fineRange(span, 'individual'),
    organisation: fineRange(span, 'organisation'),
    effectiveFrom: a.effective_from,
    effectiveTo: a.effective_to,
    remedy: a.remedy ? (a.remedy as Words)[locale] : null,
  };
}

const unitRefOf = (
  r: { unit_id: string; unit_code: string; unit_name: string; unit_name_en: string },
  locale: Locale,
) => ({
  id: r.unit_id,
  code: r.unit_code,
  name: locale === 'vi' ? r.unit_name : r.unit_name_en,
});

export function toPlanSummary(p: PlanRecord, locale: Locale): PlanSummaryView {
  return {
    id: p.id,
    title: p.title,
    unit: unitRefOf(p, locale),
    periodFrom: p.period_from,
    periodTo: p.period_to,
    targets: Number(p.target_count ?? 0),
    visited: Number(p.visited_count ?? 0),
  };
}

export function toTargetView(
  t: TargetRecord,
  visits: { id: string; client_key: string; target_id: string; status: string; visited_on: string; failures: number }[],
): TargetView {
  return {
    id: t.id,
    kind: t.kind,
    name: t.name,
    organisationId: t.organisation_id,
    localityCode: t.locality_code,
    checklistId: t.checklist_id,
    checklistCode: t.checklist_code,
    scheduledOn: t.scheduled_on,
    proposedBecause: t.proposed_because,
    visits: visits
      .filter((v) => v.target_id === t.id)
      .map((v) => ({
        id: v.id,
        clientKey: v.client_key,
        status: v.status,
        visitedOn: v.visited_on,
        failures: v.failures,
      })),
  };
}

export function toActionView(a: ActionRecord, today: string): ActionView {
  const open = a.status !== 'closed';
  return {
    id: a.id,
    visitId: a.visit_id,
    itemKey: a.item_key,
    description: a.description,
    responsiblePerson: a.responsible_person,
    dueOn: a.due_on,
    status: a.status,
    overdue: a.status === 'open' && a.due_on < today,
    followUpProposed: open && a.due_on <= today,
    report: a.report_text ? { text: a.report_text, evidence: a.report_evidence, at: iso(a.reported_at)! } : null,
  };
}

export function toViolationView(v: ViolationRecord, locale: Locale, today: string): ViolationView {
  const fine =
    v.fine_vnd !== null && v.decided_on !== null
      ? {
          decisionNumber: v.decision_number,
          decidedOn: v.decided_on,
          amountVnd: v.fine_vnd,
          remedies: v.remedies,
          paymentDueOn: v.payment_due_on,
          paidOn: v.paid_on,
          paymentStatus: v.paid_on
            ? ('paid' as const)
            : v.payment_due_on && v.payment_due_on < today
              ? ('overdue' as const)
              : ('unpaid' as const),
          final: v.final,
        }
      : null;
  return {
    id: v.id,
    clientKey: v.client_key,
    visitId: v.visit_id,
    itemKey: v.item_key,
    article: { code: v.article_code, version: v.article_version, title: (v.article_title as Words)[locale] },
    subject: { kind: v.subject_kind, name: v.subject_name, organisationId: v.organisation_id },
    committedOn: v.committed_on,
    description: v.description,
    unit: unitRefOf(v, locale),
    fine,
    earlierViolations: Number(v.earlier ?? 0),
    published: v.final && (v.subject_kind === 'organisation' || v.publication_decision !== null),
  };
}

export function toVisitView(
  v: VisitRecord,
  o: {
    checklist: ChecklistRecord;
    findings: FindingRecord[];
    photos: { id: string; item_key: string | null }[];
    actions: ActionRecord[];
    violations: ViolationRecord[];
    showPrivate: boolean;
    today: string;
    locale: Locale;
  },
): VisitView {
  return {
    id: v.id,
    clientKey: v.client_key,
    version: v.version,
    status: v.status,
    planId: v.plan_id,
    target: { id: v.target_id, kind: v.target_kind, name: v.target_name, localityCode: v.target_locality_code },
    unit: unitRefOf(v, o.locale),
    checklist: toChecklistView(o.checklist, o.locale),
    visitedOn: v.visited_on,
    startedAt: v.started_at.toISOString(),
    completedAt: iso(v.completed_at),
    findings: o.findings.map((f) => ({
      itemKey: f.item_key,
      result: f.result as FindingResult,
      note: f.note,
      legalBasis: f.legal_basis,
    })),
    failures: v.failures,
    summary: v.summary,
    privateNote: o.showPrivate ? v.private_note : null,
    latitude: v.latitude,
    longitude: v.longitude,
    representativeName: v.representative_name,
    signed: v.signature_png !== null,
    photos: o.photos.map((p) => ({ id: p.id, itemKey: p.item_key, url: `/api/inspections/photos/${p.id}` })),
    actions: o.actions.map((a) => toActionView(a, o.today)),
    violations: o.violations.map((x) => toViolationView(x, o.locale, o.today)),
  };
}
