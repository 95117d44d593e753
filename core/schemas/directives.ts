import { z } from 'zod';
import { pageQuery } from './common.ts';
import { unitRef } from './units.ts';

/** Directives (issue 16): sent down to units, acknowledged by each, with tasks and their progress. */

export const directiveKinds = [
  'directive',
  'official_letter',
  'plan',
  'conclusion',
  'decision',
  'notice',
  'resolution',
  'other',
] as const;
export const taskStatuses = ['not_started', 'in_progress', 'done'] as const;
export const taskStandings = ['not_started', 'in_progress', 'done', 'overdue'] as const;

const date = z.iso.date('Ngày không hợp lệ (YYYY-MM-DD) / Invalid date (YYYY-MM-DD)');
const uuid = z.string().uuid();

export const newTaskRequest = z.object({
  unitId: uuid,
  title: z.string().trim().min(1).max(500),
  dueOn: date,
});

export const issueDirectiveRequest = z.object({
  /** A resend with the same key answers the directive recorded the first time. */
  clientKey: uuid,
  issuerUnitId: uuid,
  /** Number and symbol, e.g. "1510-CV/TU". */
  numberSymbol: z.string().trim().min(1).max(60),
  issuedOn: date,
  kind: z.enum(directiveKinds),
  summary: z.string().trim().min(1).max(2000),
  /** E.g. "Chỉ thị số 15/CT-TTg ngày 27/3/2020". */
  legalReferences: z.array(z.string().trim().min(1).max(300)).max(20).default([]),
  recipientUnitIds: z.array(uuid).min(1).max(500),
  tasks: z.array(newTaskRequest).max(50).default([]),
});
export type IssueDirectiveRequest = z.infer<typeof issueDirectiveRequest>;
export type NewTaskRequest = z.infer<typeof newTaskRequest>;

export const acknowledgeRequest = z.object({ unitId: uuid });
export type AcknowledgeRequest = z.infer<typeof acknowledgeRequest>;

export const taskProgressRequest = z.object({
  clientKey: uuid,
  status: z.enum(taskStatuses),
  note: z.string().trim().max(2000).optional(),
  /** What shows the work: a document's number, a link, what was done. */
  evidence: z.string().trim().max(2000).optional(),
});
export type TaskProgressRequest = z.infer<typeof taskProgressRequest>;

export const taskProgressView = z.object({
  id: uuid,
  status: z.enum(taskStatuses),
  note: z.string().nullable(),
  evidence: z.string().nullable(),
  reportedBy: z.string().nullable(),
  reportedAt: z.string(),
});

/** A file of evidence on a task's progress (shown to the issuer, those above it and the task's unit). */
export const taskEvidenceView = z.object({
  id: uuid,
  filename: z.string(),
  mediaType: z.string(),
  byteSize: z.number().int(),
  uploadedBy: z.string().nullable(),
  uploadedAt: z.string(),
  url: z.string(),
});
export type TaskEvidenceView = z.infer<typeof taskEvidenceView>;

export const directiveTaskView = z.object({
  id: uuid,
  unit: unitRef,
  title: z.string(),
  dueOn: z.string(),
  status: z.enum(taskStatuses),
  standing: z.enum(taskStandings),
  /** Whether the caller reports for the task's unit. */
  mayReport: z.boolean(),
  history: z.array(taskProgressView),
  evidence: z.array(taskEvidenceView),
});

export const recipientView = z.object({
  unit: unitRef,
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  /** Whether the caller is an officer of this unit and may acknowledge for it. */
  mayAcknowledge: z.boolean(),
});

export const directiveTally = z.object({
  recipients: z.number().int(),
  acknowledged: z.number().int(),
  tasks: z.number().int(),
  done: z.number().int(),
  inProgress: z.number().int(),
  notStarted: z.number().int(),
  overdue: z.number().int(),
});

export const directiveSummaryView = z.object({
  id: uuid,
  numberSymbol: z.string(),
  issuedOn: z.string(),
  kind: z.enum(directiveKinds),
  issuer: unitRef,
  summary: z.string(),
  recipients: z.number().int(),
  acknowledged: z.number().int(),
});
export type DirectiveSummaryView = z.infer<typeof directiveSummaryView>;

export const directiveView = directiveSummaryView.extend({
  legalReferences: z.array(z.string()),
  hasDocument: z.boolean(),
  /** Whether the caller is an officer of the issuer (sees the follow-up, adds tasks, uploads the text). */
  isIssuer: z.boolean(),
  recipientUnits: z.array(recipientView),
  tasks: z.array(directiveTaskView),
  tally: directiveTally,
});
export type DirectiveView = z.infer<typeof directiveView>;

export const listDirectivesQuery = pageQuery.extend({
  /** Part of the number or summary (accents ignored). */
  q: z.string().trim().max(100).optional(),
  kind: z.enum(directiveKinds).optional(),
  issuer: uuid.optional(),
  /** Directives sent to this unit. */
  recipient: uuid.optional(),
  /** Directives some recipient has not acknowledged yet. */
  pending: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type ListDirectivesQuery = z.infer<typeof listDirectivesQuery>;
