import { z } from 'zod';
import { resourceKinds } from '../rules/plans/readiness.ts';
import { localityCode, pageOf, pageQuery, queryFlag } from './common.ts';
import { unitRef } from './units.ts';

/** Response plans per epidemic level and command on the spot (issue 18). */

const uuid = z.string().uuid();
const levelKey = z.string().regex(/^[a-z0-9_]{1,40}$/, 'Mã cấp độ không hợp lệ / Invalid level key');

export const committeeRoles = ['head', 'deputy_head', 'standing_member', 'member', 'secretary'] as const;
export const committeeStates = ['normal', 'activated'] as const;
export const planStatuses = ['draft', 'submitted', 'approved', 'returned'] as const;
export const activationTaskStandings = ['open', 'done', 'overdue', 'closed'] as const;

export const committeeMemberInput = z.object({
  fullName: z.string().trim().min(1).max(200),
  role: z.enum(committeeRoles),
  position: z.string().trim().max(200).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 .-]{6,20}$/, 'Số điện thoại không hợp lệ / Invalid phone number')
    .optional(),
  /** The member's staff account, when they have one: they are notified in the app. */
  userId: uuid.optional(),
  /** The duty roster: when the member is on duty, e.g. "Thứ 2, thứ 4 — trực đêm". */
  duty: z.string().trim().max(500).optional(),
});
export type CommitteeMemberInput = z.infer<typeof committeeMemberInput>;

export const putCommitteeMembersRequest = z.object({ members: z.array(committeeMemberInput).max(60) });
export type PutCommitteeMembersRequest = z.infer<typeof putCommitteeMembersRequest>;

export const committeeStateRequest = z.object({
  state: z.enum(committeeStates),
  /** The decision activating (or standing down) the committee, e.g. "QĐ 12/QĐ-BCĐ". */
  decision: z.string().trim().min(1).max(300),
});
export type CommitteeStateRequest = z.infer<typeof committeeStateRequest>;

export const committeeView = z.object({
  unit: unitRef,
  state: z.enum(committeeStates),
  decision: z.string().nullable(),
  stateSince: z.string().nullable(),
  members: z.array(committeeMemberInput.extend({ id: uuid })),
  mayManage: z.boolean(),
});
export type CommitteeView = z.infer<typeof committeeView>;

export const resourceLine = z.object({
  kind: z.enum(resourceKinds),
  code: z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,59}$/, 'Mã nguồn lực không hợp lệ / Invalid resource code'),
  quantity: z.number().int().min(1).max(10_000_000),
});

export const planTaskInput = z.object({
  title: z.string().trim().min(1).max(500),
  responsibleUnitId: uuid,
  /** Hours after activation by which the task must be done. */
  dueAfterHours: z.number().int().min(0).max(2160),
});

export const planSectionInput = z.object({
  levelKey,
  /** The unit's own measures, on top of the rule set's for that level. */
  ownMeasures: z.array(z.string().trim().min(1).max(500)).max(50).default([]),
  tasks: z.array(planTaskInput).max(100).default([]),
  requirements: z.array(resourceLine).max(200).default([]),
});
export type PlanSectionInput = z.infer<typeof planSectionInput>;

export const savePlanRequest = z.object({
  /** A resend with the same key answers the version saved the first time. */
  clientKey: uuid,
  sections: z.array(planSectionInput).min(1).max(20),
});
export type SavePlanRequest = z.infer<typeof savePlanRequest>;

export const reviewPlanRequest = z.object({
  decision: z.enum(['approve', 'return']),
  comment: z.string().trim().max(2000).optional(),
});
export type ReviewPlanRequest = z.infer<typeof reviewPlanRequest>;

export const planSectionView = z.object({
  levelKey: z.string(),
  levelNumber: z.number().int(),
  levelName: z.string(),
  /** The rule set's measures in force at that level (cumulative), in the reader's language. */
  ruleSetMeasures: z.array(z.string()),
  ownMeasures: z.array(z.string()),
  tasks: z.array(planTaskInput.extend({ responsibleUnit: unitRef })),
  requirements: z.array(resourceLine),
});

export const planVersionView = z.object({
  id: uuid,
  unit: unitRef,
  version: z.number().int(),
  ruleSetCode: z.string(),
  status: z.enum(planStatuses),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  sections: z.array(planSectionView),
});
export type PlanVersionView = z.infer<typeof planVersionView>;

export const unitPlanView = z.object({
  unit: unitRef,
  /** The latest version, whatever its status. */
  latest: planVersionView.nullable(),
  /** The version in force: the latest approved. */
  approved: planVersionView.nullable(),
  /** The levels of the active rule set, for the editor. */
  levels: z.array(
    z.object({ key: z.string(), number: z.number().int(), name: z.string(), measures: z.array(z.string()) }),
  ),
  mayEdit: z.boolean(),
  mayReview: z.boolean(),
});
export type UnitPlanView = z.infer<typeof unitPlanView>;

export const listPlansQuery = pageQuery.extend({
  locality: localityCode.optional(),
  status: z.enum(planStatuses).optional(),
  /** Units with no approved plan at all. */
  withoutApproved: queryFlag.optional(),
  /** Plans waiting for the caller's review. */
  toReview: queryFlag.optional(),
});
export type ListPlansQuery = z.infer<typeof listPlansQuery>;

export const planSummaryView = z.object({
  unit: unitRef,
  localityCode: z.string(),
  latestVersion: z.number().int().nullable(),
  latestStatus: z.enum(planStatuses).nullable(),
  latestId: uuid.nullable(),
  approvedVersion: z.number().int().nullable(),
});
export type PlanSummaryView = z.infer<typeof planSummaryView>;

export const activationTaskView = z.object({
  id: uuid,
  title: z.string(),
  responsibleUnit: unitRef,
  dueAt: z.string(),
  standing: z.enum(activationTaskStandings),
  mayComplete: z.boolean(),
});

export const activationView = z.object({
  id: uuid,
  unit: unitRef,
  levelKey: z.string(),
  levelNumber: z.number().int(),
  levelName: z.string(),
  activatedAt: z.string(),
  closedAt: z.string().nullable(),
  progressPercent: z.number().int(),
  measures: z.array(z.string()),
  tasks: z.array(activationTaskView),
});
export type ActivationView = z.infer<typeof activationView>;

export const activationsQuery = z.object({ unit: uuid, open: queryFlag.optional() });

export const readinessQuery = z.object({ unit: uuid, level: z.coerce.number().int().min(0).max(20) });
export type ReadinessQuery = z.infer<typeof readinessQuery>;

export const shortfallView = resourceLine.extend({ required: z.number().int(), available: z.number().int() });
export const readinessView = z.object({
  unit: unitRef,
  levelKey: z.string(),
  levelNumber: z.number().int(),
  /** False when the unit has no approved plan, or none with a section for that level. */
  hasPlan: z.boolean(),
  required: z.array(resourceLine),
  available: z.array(resourceLine.extend({ quantity: z.number().int().min(0) })),
  shortfalls: z.array(shortfallView),
  readinessPercent: z.number().int(),
});
export type ReadinessView = z.infer<typeof readinessView>;

/**
 * Readiness of the communes and districts of an area (the caller's own when no locality), keyset
 * paged by unit code; `shortOnly` keeps the units with a plan that lack something (a page may then
 * hold fewer than `limit` units and still have a next one).
 */
export const areaReadinessQuery = pageQuery.extend({
  locality: localityCode.optional(),
  level: z.coerce.number().int().min(0).max(20),
  shortOnly: queryFlag.optional(),
});
export type AreaReadinessQuery = z.infer<typeof areaReadinessQuery>;
export const areaReadinessItem = readinessView.extend({ localityCode: z.string() });
export type AreaReadinessItem = z.infer<typeof areaReadinessItem>;
export const areaReadinessView = pageOf(areaReadinessItem).extend({
  levelKey: z.string(),
  levelNumber: z.number().int(),
});
export type AreaReadinessView = z.infer<typeof areaReadinessView>;

export const whatIfQuery = z.object({ unit: uuid, level: z.coerce.number().int().min(0).max(20) });
export const whatIfView = z.object({
  unit: unitRef,
  levelKey: z.string(),
  levelName: z.string(),
  /** When it would take effect: tomorrow at 00:00 in Viet Nam. */
  at: z.string(),
  wouldOpen: z.boolean(),
  measures: z.array(z.string()),
  tasks: z.array(z.object({ title: z.string(), responsibleUnit: unitRef, dueAt: z.string() })),
  /** Open sections above the level that would close. */
  wouldClose: z.array(z.object({ levelKey: z.string(), levelName: z.string() })),
  readiness: readinessView,
});
export type WhatIfView = z.infer<typeof whatIfView>;
