import { z } from 'zod';
import { localityCode, pageQuery } from './common.ts';
import { reportFieldTypes } from './report-template.ts';
import { taskStatuses } from './directives.ts';
import { unitRef } from './units.ts';

/** Unit reports (issue 16): the form, drafts, submissions, reviews and completeness. */

export const reportStatuses = ['new', 'draft', 'submitted', 'returned', 'accepted'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

const periodId = z
  .string()
  .trim()
  .max(20)
  .regex(
    /^(daily|weekly|monthly):[0-9W-]+$/,
    'Kỳ báo cáo không hợp lệ (ví dụ weekly:2026-W50) / Invalid period (e.g. weekly:2026-W50)',
  );
const templateCode = z.string().trim().max(40).default('weekly-covid');

/** A figure is a whole number, text, or blank; its type per field is checked against the template. */
const reportValue = z.union([z.number(), z.string().max(6000), z.boolean(), z.null()]);
const values = z.record(z.string().max(64), reportValue);
const reasons = z.record(z.string().max(64), z.string().max(2000));

export const reportFormQuery = z.object({
  unit: z.string().uuid(),
  /** Absent: the period the unit is reporting for now (last week's until its deadline). */
  period: periodId.optional(),
  template: templateCode,
});
export type ReportFormQuery = z.infer<typeof reportFormQuery>;

export const saveDraftRequest = z.object({
  unitId: z.string().uuid(),
  periodId,
  template: templateCode,
  values,
  reasons: reasons.default({}),
});
export type SaveDraftRequest = z.infer<typeof saveDraftRequest>;

export const submitReportRequest = saveDraftRequest.extend({
  /** Made once per form by the client: a resend or a double tap records one submission. */
  clientKey: z.string().uuid(),
  /** Needed from the second version on (a resubmission after a return, an amendment). */
  amendmentReason: z.string().trim().max(1000).optional(),
  /** Progress on the unit's directive tasks, recorded as task progress with the submission. */
  taskProgress: z
    .array(
      z.object({
        directiveId: z.string().uuid(),
        taskId: z.string().uuid(),
        status: z.enum(taskStatuses),
        note: z.string().trim().max(2000).optional(),
      }),
    )
    .max(50)
    .optional(),
});
export type SubmitReportRequest = z.infer<typeof submitReportRequest>;

export const reviewReportRequest = z.object({
  decision: z.enum(['accept', 'return']),
  /** Needed to return a report: what the unit must correct. */
  comment: z.string().trim().max(2000).optional(),
});
export type ReviewReportRequest = z.infer<typeof reviewReportRequest>;

export const reportFieldView = z.object({
  key: z.string(),
  label: z.string(),
  type: z.enum(reportFieldTypes),
  computedFrom: z.string().nullable(),
  /** What phongdich counted (computed fields); null for manual ones. */
  computed: z.number().nullable(),
  value: z.union([z.number(), z.string(), z.null()]),
  reason: z.string().nullable(),
});

export const reportHistoryEntry = z.object({
  kind: z.enum(['submission', 'review']),
  version: z.number().int(),
  at: z.string(),
  by: z.string().nullable(),
  onTime: z.boolean().nullable(),
  amendmentReason: z.string().nullable(),
  decision: z.enum(['accept', 'return']).nullable(),
  comment: z.string().nullable(),
});

export const reportView = z.object({
  /** Null until the report is first saved or submitted. */
  id: z.string().uuid().nullable(),
  unit: unitRef,
  template: z.object({ code: z.string(), version: z.number().int(), name: z.string() }),
  period: z.object({ id: z.string(), from: z.string(), to: z.string(), due: z.string() }),
  status: z.enum(reportStatuses),
  version: z.number().int(),
  firstSubmittedAt: z.string().nullable(),
  onTime: z.boolean().nullable(),
  sections: z.array(z.object({ key: z.string(), title: z.string(), fields: z.array(reportFieldView) })),
  /** What the caller may do now. */
  may: z.object({ edit: z.boolean(), submit: z.boolean(), review: z.boolean() }),
  /** Newest first: submissions and reviews. */
  history: z.array(reportHistoryEntry),
});
export type ReportView = z.infer<typeof reportView>;

export const completenessFilters = ['missing', 'late', 'on_time'] as const;

export const completenessQuery = pageQuery.extend({
  period: periodId,
  template: templateCode,
  /** Units whose area lies within this locality; the caller's scope otherwise. */
  locality: localityCode.optional(),
  /** Only the units missing, late or on time. */
  only: z.enum(completenessFilters).optional(),
});
export type CompletenessQuery = z.infer<typeof completenessQuery>;

/**
 * The consolidated provincial report of a period: the province (a province's officials: theirs), and
 * what the signed document will carry when known (its number and symbol, the signer's name); left
 * blank for the clerk to fill at signing otherwise.
 */
export const consolidatedReportQuery = z.object({
  period: periodId,
  template: templateCode,
  locality: localityCode.optional(),
  number: z.string().trim().min(1).max(60).optional(),
  signer: z.string().trim().min(1).max(120).optional(),
});
export type ConsolidatedReportQuery = z.infer<typeof consolidatedReportQuery>;

export const completenessRow = z.object({
  unit: unitRef,
  kind: z.string(),
  reportId: z.string().uuid().nullable(),
  status: z.enum(reportStatuses),
  submittedAt: z.string().nullable(),
  onTime: z.boolean().nullable(),
  /** Percentage of the trend's periods (up to this one) whose report came before the deadline. */
  onTimeRate: z.number().nullable(),
  officers: z.array(z.object({ fullName: z.string(), phone: z.string().nullable() })),
  /** The unit office's own phone and e-mail, set on the units page (null when not set). */
  contact: z.object({ phone: z.string().nullable(), email: z.string().nullable() }),
});
export type CompletenessRow = z.infer<typeof completenessRow>;

export const completenessTotals = z.object({
  expected: z.number().int(),
  submitted: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
  completenessRate: z.number().nullable(),
  timelinessRate: z.number().nullable(),
});
export type CompletenessTotals = z.infer<typeof completenessTotals>;

const periodOfView = z.object({ id: z.string(), from: z.string(), to: z.string(), due: z.string() });

export const communeReportStates = ['on_time', 'late', 'missing'] as const;

export const completenessView = z.object({
  period: periodOfView,
  totals: completenessTotals,
  /** The same units over the periods up to this one, oldest first (12 of them). */
  trend: z.array(z.object({ period: periodOfView, totals: completenessTotals })),
  /** Each commune unit's state in this period, for the map (the whole scope, not the page). */
  communes: z.array(z.object({ code: z.string(), state: z.enum(communeReportStates) })),
  items: z.array(completenessRow),
  nextCursor: z.string().nullable(),
});
export type CompletenessView = z.infer<typeof completenessView>;
