import { z } from 'zod';
import { riskIndicators } from './risk-rule-set.ts';

/** Risk of a locality (issue 6, first part): case indicators and "what would the level be under rule set X". */
const communeCode = z.string().regex(/^\d{5}$/, 'Mã xã/phường gồm 5 chữ số / A commune code has 5 digits');
const date = z.iso.date('Ngày không hợp lệ (YYYY-MM-DD) / Invalid date (YYYY-MM-DD)');

export const indicatorsQuery = z.object({ locality: communeCode, date: date.optional() });
export const evaluateQuery = indicatorsQuery.extend({ ruleSet: z.string().max(64) });

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
  level: z.object({ key: z.string(), number: z.number().int(), colour: z.string(), name: bilingual, measures: z.array(bilingual) }),
  matchedRule: z.object({ id: z.string(), description: bilingual.optional() }).nullable(),
  reasons: z.array(bilingual),
  conditions: z.array(z.object({ indicator: z.string(), op: z.string(), value: z.number(), actual: z.number().nullable(), met: z.boolean() })),
  /** Indicators the rule set tests that are not measured yet (vaccination, treatment capacity): the level may be too low. */
  missingIndicators: z.array(z.string()),
  indicators: indicatorsView,
});
export type EvaluationView = z.infer<typeof evaluationView>;
