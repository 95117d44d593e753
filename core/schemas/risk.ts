import { z } from 'zod';
import { queryFlag } from './common.ts';
import { decisionActFields, signerCapacity } from './risk-decision-act.ts';
import { riskIndicators } from './risk-rule-set.ts';

/** Risk of a locality (issue 6, first part): case indicators and "what would the level be under rule set X". */
/** Levels are assessed for communes (5 digits) and, from them, for provinces (2 digits). */
const communeCode = z
  .string()
  .regex(
    /^\d{2}(\d{3})?$/,
    'Mã tỉnh (2 chữ số) hoặc xã/phường (5 chữ số) / A province (2 digits) or commune (5 digits) code',
  );
const date = z.iso.date('Ngày không hợp lệ (YYYY-MM-DD) / Invalid date (YYYY-MM-DD)');

export const indicatorsQuery = z.object({ locality: communeCode, date: date.optional() });
export const evaluateQuery = indicatorsQuery.extend({ ruleSet: z.string().max(64).optional() });

const bilingual = z.object({ vi: z.string(), en: z.string() });
export const indicatorsView = z.object({
  localityCode: z.string(),
  localityName: z.string(),
  date: z.string(),
  population: z.number().int().nullable(),
  populationIsDemo: z.boolean(),
  indicators: z.partialRecord(z.enum(riskIndicators), z.number()),
});
export type IndicatorsView = z.infer<typeof indicatorsView>;

export const evaluationView = z.object({
  ruleSet: z.object({ code: z.string(), version: z.number().int(), name: bilingual }),
  level: z.object({
    key: z.string(),
    number: z.number().int(),
    colour: z.string(),
    name: bilingual,
    measures: z.array(bilingual),
  }),
  matchedRule: z.object({ id: z.string(), description: bilingual.optional() }).nullable(),
  reasons: z.array(bilingual),
  conditions: z.array(
    z.object({
      indicator: z.string(),
      op: z.string(),
      value: z.number(),
      actual: z.number().nullable(),
      met: z.boolean(),
    }),
  ),
  /** Indicators the rule set tests that are not measured yet (vaccination, treatment capacity): the level may be too low. */
  missingIndicators: z.array(z.string()),
  /** For a province: its communes per level (the inputs of the aggregation rules). */
  childLevels: z.record(z.string(), z.number().int()).optional(),
  /** The decision in force, if any, and the level shown (decided ?? computed). */
  decidedLevel: z.string().nullable(),
  indicators: indicatorsView,
});
export type EvaluationView = z.infer<typeof evaluationView>;

export const decideLevelRequest = z.object({
  locality: communeCode,
  /** Generated once per form: a resend (double tap, flaky network) returns the decision of the first. */
  clientKey: z.string().uuid('Khóa gửi không hợp lệ / Invalid submission key').optional(),
  ruleSet: z.string().max(64).optional(),
  /** Absent: approve the computed level. A different level is an override and needs a reason. */
  levelKey: z.string().max(32).optional(),
  reason: z.string().trim().min(5, 'Lý do: ít nhất 5 ký tự / Reason: at least 5 characters').max(1000).optional(),
  /** Absent: now, or for a raise the earliest moment the rule set's notice allows. */
  effectiveFrom: z.iso.datetime({ offset: true, message: 'Thời điểm không hợp lệ / Invalid date and time' }).optional(),
  ...decisionActFields,
});
export type DecideLevelRequest = z.infer<typeof decideLevelRequest>;

export const levelDecisionView = z.object({
  id: z.string().uuid(),
  localityCode: z.string(),
  localityName: z.string(),
  ruleSet: z.string(),
  ruleSetVersion: z.number().int(),
  computedLevel: z.string(),
  levelKey: z.string(),
  levelNumber: z.number().int(),
  kind: z.enum(['approve', 'override']),
  reason: z.string().nullable(),
  effectiveFrom: z.string(),
  decidedAt: z.string(),
  /** Who recorded the decision in the platform (null for the system). */
  decidedByName: z.string().nullable(),
  /** The act: "125/QĐ-UBND", its authority, date of signing and signer. */
  documentNumber: z.string(),
  issuerName: z.string(),
  signedOn: z.string(),
  signerName: z.string(),
  signerCapacity,
  legalBases: z.array(z.string()),
});
export type LevelDecisionView = z.infer<typeof levelDecisionView>;
export const decisionHistoryQuery = z.object({
  locality: communeCode,
  /** true: the decisions of every locality at or below `locality` (a province's register), not its own only. */
  subtree: queryFlag.optional(),
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type DecisionHistoryQuery = z.infer<typeof decisionHistoryQuery>;
