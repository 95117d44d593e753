import { z } from 'zod';

/**
 * A COVID-safety self-assessment template (DOMAIN §7, issue 15) as data: items grouped by
 * component, each item with its answer options and points, the scoring rule it is read with and
 * what each risk group must do. A changed checklist is a new version; a submitted assessment keeps
 * the version it used, so its score stays reproducible. Messages are 'vi / en' like the rest.
 *
 * Points measure risk: the more points, the riskier (as in Decisions 1203 and 2194).
 */

/** The five groups of Decision 2194 (and of 1203's index), lowest risk first. */
export const riskGroups = ['very_low', 'low', 'medium', 'high', 'very_high'] as const;
export type RiskGroup = (typeof riskGroups)[number];

/** Scoring rules a template (or a bare list of items) is read with: see `core/rules/workplaces/assessment-scoring.ts`. */
export const scoringRuleCodes = ['2194', '1203'] as const;
export type ScoringRuleCode = (typeof scoringRuleCodes)[number];

/** Kinds of organisation (issue 15); templates say which kinds they are meant for. */
export const organisationTypes = [
  'agency',
  'enterprise',
  'school',
  'market',
  'supermarket',
  'restaurant',
  'industrial_park',
  'dormitory',
  'health_facility',
  'other',
] as const;
export type OrganisationType = (typeof organisationTypes)[number];

const words = z.object({ vi: z.string().min(1), en: z.string().min(1) });
export type Words = z.infer<typeof words>;

const key = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9_]{0,47}$/,
    'Mã gồm chữ thường, số và dấu gạch dưới / A code uses lowercase letters, digits and underscores',
  );

const points = z
  .number('Điểm phải là số / Points must be a number')
  .int('Điểm là số nguyên / Points are whole numbers')
  .min(0, 'Điểm không âm / Points are not negative')
  .max(1000);

export const assessmentOption = z.object({ code: key, label: words, points });
export const assessmentItem = z.object({
  code: key,
  component: key,
  text: words,
  /** Why the item matters or how to answer it, shown under the question. */
  hint: words.optional(),
  options: z.array(assessmentOption).min(2).max(20),
});
export type AssessmentItem = z.infer<typeof assessmentItem>;

/** What the group obliges the organisation (and its commune) to do. */
export const groupConsequence = z.object({
  /** `conditional`: may operate when no component blocks it (Decision 1203's medium band). */
  mayOperate: z.enum(['yes', 'conditional', 'no']),
  todo: words,
  /** Days until the next self-assessment is due. */
  reassessDays: z.number().int().min(1).max(365),
  /** The commune inspects the organisation (a follow-up task on its work). */
  communeInspects: z.boolean(),
  /** Days the organisation has to hand a corrective plan to the commune; null when none is asked. */
  correctivePlanDays: z.number().int().min(1).max(90).nullable(),
});
export type GroupConsequence = z.infer<typeof groupConsequence>;

export const assessmentTemplate = z
  .object({
    code: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,47}$/, 'Mã mẫu không hợp lệ / Invalid template code'),
    version: z.number().int().min(1),
    name: words,
    /** The decision the template follows and what of it was written here. */
    source: words,
    /** True when the items were written from the decision's headings, not its own checklist. */
    illustrative: z.boolean(),
    appliesTo: z.array(z.enum(organisationTypes)).min(1),
    rule: z.enum(scoringRuleCodes),
    components: z.array(z.object({ code: key, name: words })).min(1),
    items: z.array(assessmentItem).min(1).max(200),
    consequences: z.object({
      very_low: groupConsequence,
      low: groupConsequence,
      medium: groupConsequence,
      high: groupConsequence,
      very_high: groupConsequence,
    }),
  })
  .superRefine((t, ctx) => {
    const components = new Set(t.components.map((c) => c.code));
    if (components.size !== t.components.length)
      ctx.addIssue({ code: 'custom', path: ['components'], message: 'Mã thành phần trùng / Duplicate component code' });
    const items = new Set<string>();
    t.items.forEach((item, i) => {
      if (items.has(item.code))
        ctx.addIssue({ code: 'custom', path: ['items', i, 'code'], message: 'Mã mục trùng / Duplicate item code' });
      items.add(item.code);
      if (!components.has(item.component))
        ctx.addIssue({
          code: 'custom',
          path: ['items', i, 'component'],
          message: 'Thành phần không có trong mẫu / The component is not in the template',
        });
      if (new Set(item.options.map((o) => o.code)).size !== item.options.length)
        ctx.addIssue({
          code: 'custom',
          path: ['items', i, 'options'],
          message: 'Mã lựa chọn trùng / Duplicate option',
        });
    });
    if (t.items.every((item) => Math.max(...item.options.map((o) => o.points)) === 0))
      ctx.addIssue({ code: 'custom', path: ['items'], message: 'Điểm tối đa bằng 0 / The maximum is 0 points' });
  });
export type AssessmentTemplate = z.infer<typeof assessmentTemplate>;

/** Answers: item code → option code (a number is read as its digits, for scores 1–10). */
export const assessmentAnswers = z.record(z.string().max(48), z.union([z.string().max(48), z.number()]));
export type AssessmentAnswers = z.infer<typeof assessmentAnswers>;
