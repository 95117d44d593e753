import { z } from 'zod';
import { checklistKinds, findingResults } from '../rules/inspections/checklists.ts';
import { localityCode, pageQuery } from './common.ts';
import { unitRef } from './units.ts';

/** Inspections (issue 17): plans, visits with findings, photos and signature, violations, corrective actions. */

export const targetKinds = ['locality', 'village', 'organisation', 'venue', 'facility', 'checkpoint', 'other'] as const;
export const violationSubjects = ['individual', 'organisation'] as const;
export const actionStatuses = ['open', 'reported', 'closed'] as const;

const date = z.iso.date('Ngày không hợp lệ (YYYY-MM-DD) / Invalid date (YYYY-MM-DD)');
const uuid = z.string().uuid();
const text = (max: number) => z.string().trim().max(max);

// --- checklists and the catalogue ------------------------------------------------------------------

export const checklistView = z.object({
  id: uuid,
  code: z.enum(checklistKinds),
  version: z.number().int(),
  title: z.string(),
  items: z.array(z.object({ key: z.string(), text: z.string(), legalBasis: z.string().nullable() })),
});
export type ChecklistView = z.infer<typeof checklistView>;

export const articleView = z.object({
  code: z.string(),
  version: z.number().int(),
  title: z.string(),
  individual: z.object({ minVnd: z.number().int(), maxVnd: z.number().int() }),
  organisation: z.object({ minVnd: z.number().int(), maxVnd: z.number().int() }),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  remedy: z.string().nullable(),
});
export type ArticleView = z.infer<typeof articleView>;
export const articlesQuery = z.object({ on: date.optional() });

// --- plans ---------------------------------------------------------------------------------------

export const newTargetRequest = z.object({
  kind: z.enum(targetKinds),
  /** The target's name; an organisation's is taken from its record. A village is named by its commune. */
  name: text(300).min(1).optional(),
  organisationId: uuid.optional(),
  /** Where it is: the commune (or district) code; an organisation's comes from its record. */
  localityCode: localityCode.optional(),
  checklist: z.enum(checklistKinds),
  scheduledOn: date,
  proposedBecause: text(300).optional(),
});
export type NewTargetRequest = z.infer<typeof newTargetRequest>;

export const newPlanRequest = z.object({
  clientKey: uuid,
  unitId: uuid,
  title: text(300).min(1),
  periodFrom: date,
  periodTo: date,
  leaderUserId: uuid,
  memberUserIds: z.array(uuid).max(30).default([]),
  targets: z.array(newTargetRequest).min(1).max(500),
});
export type NewPlanRequest = z.infer<typeof newPlanRequest>;

export const targetView = z.object({
  id: uuid,
  kind: z.enum(targetKinds),
  name: z.string(),
  organisationId: uuid.nullable(),
  localityCode: z.string(),
  checklistId: uuid,
  checklistCode: z.string(),
  scheduledOn: z.string(),
  proposedBecause: z.string().nullable(),
  visits: z.array(
    z.object({ id: uuid, clientKey: uuid, status: z.string(), visitedOn: z.string(), failures: z.number() }),
  ),
});
export type TargetView = z.infer<typeof targetView>;

export const planSummaryView = z.object({
  id: uuid,
  title: z.string(),
  unit: unitRef,
  periodFrom: z.string(),
  periodTo: z.string(),
  targets: z.number().int(),
  visited: z.number().int(),
});
export type PlanSummaryView = z.infer<typeof planSummaryView>;

export const planView = planSummaryView.extend({
  team: z.array(z.object({ userId: uuid, fullName: z.string(), leader: z.boolean() })),
  targetList: z.array(targetView),
});
export type PlanView = z.infer<typeof planView>;

export const listPlansQuery = pageQuery.extend({
  locality: localityCode.optional(),
  unit: uuid.optional(),
  /** Plans with this organisation among their targets (the organisation's page). */
  organisation: uuid.optional(),
});
export type ListPlansQuery = z.infer<typeof listPlansQuery>;

export const proposalsQuery = z.object({ unit: uuid });

/** Accounts of the unit's area who can be on its team (by name), a page at a time. */
export const teamCandidatesQuery = pageQuery.extend({ unit: uuid, q: z.string().trim().max(100).optional() });
export type TeamCandidatesQuery = z.infer<typeof teamCandidatesQuery>;
export const teamCandidateView = z.object({
  id: uuid,
  fullName: z.string(),
  username: z.string(),
  role: z.string(),
  localityName: z.string(),
});
export type TeamCandidateView = z.infer<typeof teamCandidateView>;
export const proposalView = z.object({
  kind: z.enum(targetKinds),
  name: z.string(),
  organisationId: uuid.nullable(),
  localityCode: z.string().nullable(),
  because: z.string(),
});
export type ProposalView = z.infer<typeof proposalView>;

/** The inspector's day: targets of their plans scheduled up to today and not visited, with their checklist. */
export const fieldWorkView = z.object({
  date: z.string(),
  items: z.array(z.object({ planId: uuid, planTitle: z.string(), target: targetView, checklist: checklistView })),
});
export type FieldWorkView = z.infer<typeof fieldWorkView>;

// --- visits --------------------------------------------------------------------------------------

export const findingInput = z.object({
  itemKey: z.string().min(1).max(60),
  result: z.enum(findingResults),
  note: text(2000).optional(),
  legalBasis: text(20).optional(),
});

export const visitRequest = z.object({
  /** The visit's client key; a resend answers the visit recorded the first time. */
  clientKey: uuid,
  targetId: uuid,
  /** For an edit: the version the inspector started from (409 CONFLICT when it changed meanwhile). */
  baseVersion: z.number().int().min(1).optional(),
  /** The outbox item's key of an edit, so a resent edit is answered, not taken for a conflict. */
  editKey: uuid.optional(),
  startedAt: z.iso.datetime({ offset: true }),
  complete: z.boolean(),
  findings: z.array(findingInput).max(100),
  summary: text(4000).optional(),
  /** The inspectors' own note: never shown to the inspected party. */
  privateNote: text(4000).optional(),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
  representativeName: text(200).min(1).optional(),
  representativeTitle: text(200).optional(),
  /** The representative's signature drawn on the screen: a PNG as a data URL or base64. */
  signaturePng: z.string().max(400_000).optional(),
});
export type VisitRequest = z.infer<typeof visitRequest>;

export const photoParams = z.object({ key: uuid, photoKey: uuid });
export const photoQuery = z.object({ item: z.string().min(1).max(60).optional() });

// --- violations ----------------------------------------------------------------------------------

export const fineInput = z.object({
  decisionNumber: text(60).min(1).optional(),
  decidedOn: date,
  amountVnd: z.number().int().positive(),
  remedies: text(2000).optional(),
  paymentDueOn: date,
  /** The decision is final (no longer open to complaint): organisations' final violations are published. */
  final: z.boolean().default(false),
});
export type FineInput = z.infer<typeof fineInput>;

export const violationRequest = z.object({
  clientKey: uuid,
  /** The visit it was found at, by its client key (the visit may still be waiting on the phone). */
  visitKey: uuid,
  itemKey: z.string().max(60).optional(),
  articleCode: z.string().min(1).max(20),
  subject: z.object({
    kind: z.enum(violationSubjects),
    name: text(300).min(1),
    document: text(40).optional(),
    organisationId: uuid.optional(),
  }),
  committedOn: date,
  description: text(4000).min(1),
  fine: fineInput.optional(),
});
export type ViolationRequest = z.infer<typeof violationRequest>;

export const violationView = z.object({
  id: uuid,
  clientKey: uuid,
  visitId: uuid.nullable(),
  itemKey: z.string().nullable(),
  article: z.object({ code: z.string(), version: z.number(), title: z.string() }),
  subject: z.object({ kind: z.enum(violationSubjects), name: z.string(), organisationId: uuid.nullable() }),
  committedOn: z.string(),
  description: z.string(),
  unit: unitRef,
  fine: z
    .object({
      decisionNumber: z.string().nullable(),
      decidedOn: z.string(),
      amountVnd: z.number(),
      remedies: z.string().nullable(),
      paymentDueOn: z.string().nullable(),
      paidOn: z.string().nullable(),
      paymentStatus: z.enum(['unpaid', 'paid', 'overdue']),
      final: z.boolean(),
    })
    .nullable(),
  /** Earlier violations of the same subject (a repeat aggravates). */
  earlierViolations: z.number().int(),
  published: z.boolean(),
});
export type ViolationView = z.infer<typeof violationView>;

export const listViolationsQuery = pageQuery.extend({
  locality: localityCode.optional(),
  article: z.string().max(20).optional(),
  subject: z.enum(violationSubjects).optional(),
});
export type ListViolationsQuery = z.infer<typeof listViolationsQuery>;

export const paymentRequest = z.object({ paidOn: date });
export const publicationDecisionRequest = z.object({
  /** The legal decision allowing an individual's violation to be made public (number, date, by whom). */
  decision: text(300).min(1),
  namesSubject: z.boolean(),
});

export const publishedViolation = z.object({
  name: z.string(),
  violation: z.string(),
  article: z.string(),
  fineVnd: z.number(),
  decidedOn: z.string(),
  locality: z.string(),
});
export type PublishedViolation = z.infer<typeof publishedViolation>;
export const publicationQuery = pageQuery.extend({ province: z.string().regex(/^\d{2}$/) });

// --- corrective actions --------------------------------------------------------------------------

export const actionRequest = z.object({
  clientKey: uuid,
  visitKey: uuid,
  itemKey: z.string().max(60).optional(),
  violationId: uuid.optional(),
  description: text(2000).min(1),
  responsiblePerson: text(200).min(1),
  dueOn: date,
});
export type ActionRequest = z.infer<typeof actionRequest>;

export const actionReportRequest = z.object({ text: text(2000).min(1), evidence: text(2000).optional() });

export const actionView = z.object({
  id: uuid,
  visitId: uuid,
  itemKey: z.string().nullable(),
  description: z.string(),
  responsiblePerson: z.string(),
  dueOn: z.string(),
  status: z.enum(actionStatuses),
  overdue: z.boolean(),
  /** At the deadline, a follow-up inspection is proposed until the action is closed. */
  followUpProposed: z.boolean(),
  report: z.object({ text: z.string(), evidence: z.string().nullable(), at: z.string() }).nullable(),
});
export type ActionView = z.infer<typeof actionView>;

// --- dashboard -----------------------------------------------------------------------------------

export const dashboardQuery = z.object({ locality: localityCode.optional(), from: date, to: date });
export type DashboardQuery = z.infer<typeof dashboardQuery>;
export const dashboardView = z.object({
  from: z.string(),
  to: z.string(),
  planned: z.number().int(),
  done: z.number().int(),
  overdue: z.number().int(),
  failuresByItem: z.array(z.object({ itemKey: z.string(), count: z.number().int() })),
  violationsByArticle: z.array(z.object({ code: z.string(), count: z.number().int() })),
  finesDecidedVnd: z.number(),
  finesPaidVnd: z.number(),
  byUnit: z.array(
    z.object({ unit: unitRef, done: z.number().int(), violations: z.number().int(), finesVnd: z.number() }),
  ),
  openActions: z.number().int(),
  overdueActions: z.number().int(),
});
export type DashboardView = z.infer<typeof dashboardView>;

export const rangeAnswer = z.object({
  article: z.string(),
  minVnd: z.number().nullable(),
  maxVnd: z.number().nullable(),
  inForce: z.boolean(),
});

export const visitView = z.object({
  id: uuid,
  clientKey: uuid,
  version: z.number().int(),
  status: z.enum(['in_progress', 'completed']),
  planId: uuid,
  target: z.object({ id: uuid, kind: z.enum(targetKinds), name: z.string(), localityCode: z.string() }),
  unit: unitRef,
  checklist: checklistView,
  visitedOn: z.string(),
  startedAt: z.string(),
  completedAt: z.string().nullable(),
  findings: z.array(
    z.object({
      itemKey: z.string(),
      result: z.enum(findingResults),
      note: z.string().nullable(),
      legalBasis: z.string().nullable(),
    }),
  ),
  failures: z.number().int(),
  summary: z.string().nullable(),
  /** Null for the inspected party. */
  privateNote: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  representativeName: z.string().nullable(),
  signed: z.boolean(),
  photos: z.array(z.object({ id: uuid, itemKey: z.string().nullable(), url: z.string() })),
  actions: z.array(actionView),
  violations: z.array(violationView),
});
export type VisitView = z.infer<typeof visitView>;
