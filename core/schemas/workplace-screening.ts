import { z } from 'zod';
import { pageQuery } from './common.ts';

/** Screening of workers under Decision 2787 and workers with symptoms (issue 15). */

const isoDay = z.string().regex(/^\d{4}-\d\d-\d\d$/, 'Ngày dạng YYYY-MM-DD / a day as YYYY-MM-DD');
const screenedRole = z.enum(['service_contact', 'high_risk']);

export const screeningDueQuery = pageQuery.extend({
  role: screenedRole.optional(),
  department: z.string().max(100).optional(),
});
export type ScreeningDueQuery = z.infer<typeof screeningDueQuery>;

export const screeningDueRow = z.object({
  workerId: z.string().uuid(),
  fullName: z.string(),
  department: z.string(),
  shift: z.string(),
  role: screenedRole,
  /** The worker's last sample, or last screening order when later (Viet Nam day); null when never. */
  lastTestedOn: z.string().nullable(),
  /** Whether the worker's ID document is on file: only those can be ordered a test. */
  onFile: z.boolean(),
});
export type ScreeningDueRow = z.infer<typeof screeningDueRow>;

/**
 * Coverage of the current 7-day round (the 7 Viet Nam days ending today): workers due today, workers
 * ordered a screening test in the round and how many of those were sampled and tested; the share of
 * on-site service-contact workers with a result in the round and of high-risk workers sampled in it,
 * against the rule's share. Shares are null when there is no such worker.
 */
export const screeningCoverage = z.object({
  from: z.string(),
  to: z.string(),
  due: z.number().int(),
  ordered: z.number().int(),
  sampled: z.number().int(),
  tested: z.number().int(),
  serviceContactWorkers: z.number().int(),
  serviceContactTested: z.number().int(),
  serviceContactTestedShare: z.number().nullable(),
  highRiskWorkers: z.number().int(),
  highRiskSampled: z.number().int(),
  highRiskSampledShare: z.number().nullable(),
  /** Whether the high-risk workers sampled in the round reach the rule's share (true when there are none). */
  highRiskShareMet: z.boolean(),
});
export type ScreeningCoverage = z.infer<typeof screeningCoverage>;

export const screeningDue = z.object({
  day: z.string(),
  /** The organisation's rule (Decision 2787's unless it set its own): whether it screens, days, share. */
  rule: z.object({ screens: z.boolean(), intervalDays: z.number().int(), highRiskSharePercent: z.number().int() }),
  /** Workers due today in the whole list (before paging): service contact and high-risk sample. */
  totals: z.object({ serviceContact: z.number().int(), highRisk: z.number().int(), highRiskOnSite: z.number().int() }),
  coverage: screeningCoverage,
  items: z.array(screeningDueRow),
  nextCursor: z.string().nullable(),
});
export type ScreeningDue = z.infer<typeof screeningDue>;

/**
 * An organisation's screening rule: whether its workers are screened, days between tests of a
 * service-contact worker (5–7) and the share of high-risk workers sampled each round (≥ 20%).
 * The ranges are checked by the server with a message in the user's language.
 */
export const screeningSettingsRequest = z.object({
  screens: z.boolean(),
  intervalDays: z.number().int(),
  highRiskSharePercent: z.number().int(),
});
export type ScreeningSettingsRequest = z.infer<typeof screeningSettingsRequest>;
export const screeningSettingsView = screeningSettingsRequest.extend({
  /** True while the organisation keeps Decision 2787's default (never set its own). */
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type ScreeningSettingsView = z.infer<typeof screeningSettingsView>;

export const orderScreeningRequest = z.object({ clientKey: z.string().uuid() });
export const orderScreeningResult = z.object({
  day: z.string(),
  /** Test orders created by this click (a resend answers the first click's figures). */
  ordered: z.number().int(),
  /** Due workers whose ID document is not on file: no order (the commune registers them first). */
  notOnFile: z.number().int(),
});
export type OrderScreeningResult = z.infer<typeof orderScreeningResult>;

export const areaScreeningQuery = pageQuery.extend({
  locality: z
    .string()
    .regex(/^(VN|\d{2}|\d{3}|\d{5})$/)
    .optional(),
});
export type AreaScreeningQuery = z.infer<typeof areaScreeningQuery>;
export const areaScreeningRow = z.object({
  organisationId: z.string().uuid(),
  name: z.string(),
  communeCode: z.string(),
  serviceContactDue: z.number().int(),
  highRiskDue: z.number().int(),
  notOnFile: z.number().int(),
  coverage: screeningCoverage,
});
export type AreaScreeningRow = z.infer<typeof areaScreeningRow>;
export const areaScreening = z.object({
  day: z.string(),
  items: z.array(areaScreeningRow),
  nextCursor: z.string().nullable(),
});

export const symptomKinds = [
  'fever',
  'cough',
  'sore_throat',
  'shortness_of_breath',
  'loss_of_taste_or_smell',
  'fatigue',
  'other',
] as const;
export const symptomReportRequest = z.object({
  clientKey: z.string().uuid(),
  workerId: z.string().uuid(),
  symptoms: z.array(z.enum(symptomKinds)).min(1).max(symptomKinds.length),
  onsetOn: isoDay,
});
export type SymptomReportRequest = z.infer<typeof symptomReportRequest>;
export const symptomReportView = z.object({
  id: z.string().uuid(),
  workerId: z.string().uuid(),
  fullName: z.string(),
  department: z.string(),
  symptoms: z.array(z.enum(symptomKinds)),
  onsetOn: z.string(),
  /** Whether a test was ordered (the worker's document is on file). */
  testOrdered: z.boolean(),
  reportedAt: z.string(),
  /** When the commune took it in (it then leaves today's work); null while open. */
  handledAt: z.string().nullable(),
});
export type SymptomReportView = z.infer<typeof symptomReportView>;
export const symptomReportsQuery = pageQuery;

/**
 * Rostered workers who became a case confirmed in the last `days` days (issue 15): who, where they
 * work and the day only, never the classification, results, symptoms or status of the case.
 */
export const workerCaseRow = z.object({
  workerId: z.string().uuid(),
  fullName: z.string(),
  department: z.string(),
  shift: z.string(),
  confirmedOn: z.string(),
});
export type WorkerCaseRow = z.infer<typeof workerCaseRow>;
export const workerCasesQuery = pageQuery;
export const workerCases = z.object({
  since: z.string(),
  days: z.number().int(),
  items: z.array(workerCaseRow),
  nextCursor: z.string().nullable(),
});
export type WorkerCases = z.infer<typeof workerCases>;
