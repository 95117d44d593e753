import type { Locale } from '../../../core/errors.ts';
import { tallyDirective, taskStanding } from '../../../core/rules/directive-tasks.ts';
import type { DirectiveSummaryView, DirectiveView, TaskEvidenceView } from '../../../core/schemas/directives.ts';
import type {
  DirectiveListRow,
  DirectiveRecord,
  ProgressRecord,
  RecipientRecord,
  TaskRecord,
} from './directives.repository.ts';
import type { EvidenceRecord } from './task-evidence.repository.ts';

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());
const ref = (u: { id: string; code: string; name: string; name_en: string }, locale: Locale) => ({
  id: u.id,
  code: u.code,
  name: locale === 'vi' ? u.name : u.name_en,
});

export function toDirectiveSummary(d: DirectiveListRow | DirectiveRecord, locale: Locale): DirectiveSummaryView {
  return {
    id: d.id,
    numberSymbol: d.number_symbol,
    issuedOn: d.issued_on,
    kind: d.kind,
    issuer: ref({ id: d.issuer_unit_id, code: d.issuer_code, name: d.issuer_name, name_en: d.issuer_name_en }, locale),
    summary: d.summary,
    recipients: Number(d.recipient_count ?? 0),
    acknowledged: Number(d.acknowledged_count ?? 0),
  };
}

export function toTaskEvidenceView(e: EvidenceRecord): TaskEvidenceView {
  return {
    id: e.id,
    filename: e.filename,
    mediaType: e.media_type,
    byteSize: e.byte_size,
    uploadedBy: e.uploaded_by ?? null,
    uploadedAt: iso(e.uploaded_at),
    url: `/api/directives/evidence/${e.id}`,
  };
}

export function toDirectiveView(
  d: DirectiveRecord,
  o: {
    recipients: readonly RecipientRecord[];
    tasks: readonly TaskRecord[];
    progress: readonly ProgressRecord[];
    /** The tasks' evidence the reader may see (the caller filters by task). */
    evidence: readonly EvidenceRecord[];
    /** The units the reader is an officer of. */
    myUnitIds: ReadonlySet<string>;
    isIssuer: boolean;
    today: string;
    locale: Locale;
  },
): DirectiveView {
  const recipientUnits = o.recipients.map((r) => ({
    unit: ref(r, o.locale),
    acknowledgedAt: r.acknowledged_at ? iso(r.acknowledged_at) : null,
    acknowledgedBy: r.acknowledged_by ?? null,
    mayAcknowledge: o.myUnitIds.has(r.id) && !r.acknowledged_at,
  }));
  const tasks = o.tasks.map((t) => ({
    id: t.id,
    unit: ref({ id: t.unit_id, code: t.code, name: t.name, name_en: t.name_en }, o.locale),
    title: t.title,
    dueOn: t.due_on,
    status: t.status,
    standing: taskStanding(t.status, t.due_on, o.today),
    mayReport: o.myUnitIds.has(t.unit_id),
    history: o.progress
      .filter((p) => p.task_id === t.id)
      .map((p) => ({
        id: p.id,
        status: p.status,
        note: p.note,
        evidence: p.evidence,
        reportedBy: p.reported_by ?? null,
        reportedAt: iso(p.reported_at),
      })),
    evidence: o.evidence.filter((e) => e.task_id === t.id).map(toTaskEvidenceView),
  }));
  return {
    ...toDirectiveSummary(d, o.locale),
    legalReferences: Array.isArray(d.legal_references) ? (d.legal_references as string[]) : [],
    hasDocument: Boolean(d.has_document),
    isIssuer: o.isIssuer,
    recipientUnits,
    tasks,
    tally: tallyDirective(
      recipientUnits.map((r) => ({ acknowledged: r.acknowledgedAt !== null })),
      tasks,
    ),
  };
}
