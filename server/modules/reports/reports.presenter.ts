import type { Locale } from '../../../core/errors.ts';
import type { DatedPeriod } from '../../../core/rules/reporting-periods.ts';
import { computationOf, type ReportValues } from '../../../core/rules/reports/report-values.ts';
import type { ReportTemplate } from '../../../core/schemas/report-template.ts';
import type { ReportStatus, ReportView } from '../../../core/schemas/reports.ts';
import type { UnitRef } from '../../../core/schemas/units.ts';
import { vietnamIsoString } from '../../../core/vietnam-calendar.ts';
import type { ReportRecord, ReviewRecord, VersionRecord } from './reports.repository.ts';

/** What a report shows: its figures, the computed values beside them and the reasons of changes. */
export interface ReportContent {
  values: ReportValues;
  computed: Record<string, number>;
  reasons: Record<string, string>;
}

export function periodView(p: DatedPeriod) {
  return { id: p.id, from: p.from, to: p.to, due: vietnamIsoString(p.due) };
}

export function toReportView(o: {
  report: ReportRecord | null;
  unit: UnitRef;
  template: ReportTemplate;
  period: DatedPeriod;
  content: ReportContent;
  versions: readonly VersionRecord[];
  reviews: readonly ReviewRecord[];
  may: ReportView['may'];
  locale: Locale;
}): ReportView {
  const { report, template, content, locale } = o;
  const first = o.versions.at(-1);
  const history: ReportView['history'] = [
    ...o.versions.map((v) => ({
      kind: 'submission' as const,
      version: v.version,
      at: v.submitted_at.toISOString(),
      by: v.by_name,
      onTime: v.on_time,
      amendmentReason: v.amendment_reason,
      decision: null,
      comment: null,
    })),
    ...o.reviews.map((r) => ({
      kind: 'review' as const,
      version: r.version,
      at: r.reviewed_at.toISOString(),
      by: r.by_name,
      onTime: null,
      amendmentReason: null,
      decision: r.decision,
      comment: r.comment,
    })),
  ]
    // Newest first; at the same instant (a test clock) the later version, and a review after its submission.
    .sort(
      (a, b) =>
        b.at.localeCompare(a.at) || b.version - a.version || Number(b.kind === 'review') - Number(a.kind === 'review'),
    );
  return {
    id: report?.id ?? null,
    unit: o.unit,
    template: { code: template.code, version: template.version, name: template.name[locale] },
    period: periodView(o.period),
    status: (report?.status ?? 'new') as ReportStatus,
    version: report?.version ?? 0,
    firstSubmittedAt: report?.first_submitted_at?.toISOString() ?? null,
    onTime: first ? first.on_time : null,
    sections: template.sections.map((s) => ({
      key: s.key,
      title: s.title[locale],
      fields: s.fields.map((f) => ({
        key: f.key,
        label: f.label[locale],
        type: f.type,
        computedFrom: computationOf(f),
        computed: content.computed[f.key] ?? null,
        value: content.values[f.key] ?? null,
        reason: content.reasons[f.key] ?? null,
      })),
    })),
    may: o.may,
    history,
  };
}
