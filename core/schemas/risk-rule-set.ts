import { z } from 'zod';

/**
 * A locality risk rule set (DOMAIN §5, issue 6) as data: the levels with their cumulative measures,
 * the commune-level rules on indicators, the district/province aggregation rules and the constraints
 * on changing a level. An admin edits it, a new epidemic or a new decision is a new rule set (or a
 * new version), never new code. Messages are 'vi / en' like the rest of the schemas.
 *
 * Units: every per-100,000 indicator is a rate; every coverage and every share is a percentage
 * (0–100), so a rule reads like the decision it encodes ("≥ 75%" is `value: 75`).
 */

/** The indicators a commune-level rule may test: a closed list so a typo cannot silently never match. */
export const riskIndicators = [
  /** C1 (Resolution 128): new community cases per 100,000 people in the last 7 days. */
  'community_cases_7d_per_100k',
  /** Decision 2686: community cases per 100,000 people in the last 14 days. */
  'community_cases_14d_per_100k',
  'community_cases_7d',
  'community_cases_14d',
  /** Community cases of the last 14 days whose source of infection is known / unknown. */
  'community_case_known_source_14d',
  'community_case_unknown_source_14d',
  /** C2: percentages of the population concerned. */
  'vaccine_coverage_1dose_adults',
  'vaccine_coverage_full_adults',
  'vaccine_coverage_high_risk',
  /** C3: 1 when treatment capacity (beds, care of F0 at home) is met, 0 when not. */
  'treatment_capacity_met',
  /** Cases found among people already in quarantine, and imported cases, over 7 days. */
  'quarantine_cases_7d',
  'imported_cases_7d',
  /** Samples resulted over 7 days, and the percentage of them positive. */
  'tests_7d',
  'test_positivity_7d',
  /** People in quarantine on the day, and the percentage of treatment beds occupied. */
  'people_in_quarantine',
  'bed_occupancy',
] as const;
export const riskIndicator = z.enum(riskIndicators, 'Chỉ số không có trong danh sách / Unknown indicator');
export type RiskIndicator = z.infer<typeof riskIndicator>;
/** The measured values for one commune; a missing indicator makes every condition on it false. */
export type RiskIndicators = Partial<Record<RiskIndicator, number>>;

export const comparisonOps = ['>', '>=', '<', '<=', '=='] as const;
export const comparisonOp = z.enum(
  comparisonOps,
  'Phép so sánh phải là >, >=, <, <= hoặc == / The comparison must be >, >=, <, <= or ==',
);
export type ComparisonOp = z.infer<typeof comparisonOp>;

const threshold = z
  .number('Ngưỡng phải là số / The threshold must be a number')
  .refine(Number.isFinite, 'Ngưỡng phải là số hữu hạn / The threshold must be a finite number');

const levelKey = z
  .string()
  .regex(
    /^[a-z][a-z0-9_]{0,31}$/,
    'Mã cấp độ gồm chữ thường, số và dấu gạch dưới / The level key uses lowercase letters, digits and underscores',
  );

const bilingual = (max: number) =>
  z.object({
    vi: z.string().trim().min(1, 'Cần nội dung tiếng Việt / Vietnamese text is needed').max(max),
    en: z.string().trim().min(1, 'Cần nội dung tiếng Anh / English text is needed').max(max),
  });
export type Bilingual = z.infer<ReturnType<typeof bilingual>>;

export const riskCondition = z.object({ indicator: riskIndicator, op: comparisonOp, value: threshold });
export type RiskCondition = z.infer<typeof riskCondition>;

/**
 * An aggregation indicator: the percentage (`share_at_or_above:<level>`, 0–100) or the number
 * (`count_at_or_above:<level>`) of child units at that level or above.
 */
export const aggregationIndicatorPattern = /^(share_at_or_above|count_at_or_above):([a-z][a-z0-9_]{0,31})$/;
export const aggregationCondition = z.object({
  indicator: z
    .string()
    .regex(
      aggregationIndicatorPattern,
      'Chỉ số tổng hợp phải là share_at_or_above:<cấp> hoặc count_at_or_above:<cấp> / The aggregate indicator must be share_at_or_above:<level> or count_at_or_above:<level>',
    ),
  op: comparisonOp,
  value: threshold,
});
export type AggregationCondition = z.infer<typeof aggregationCondition>;

const ruleId = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9_.-]{0,63}$/,
    'Mã quy tắc gồm chữ thường, số, dấu chấm, gạch / The rule id uses lowercase letters, digits, dots and dashes',
  );

const ruleOf = <C extends z.ZodType>(condition: C) =>
  z.object({
    id: ruleId,
    /** The level this rule gives when it matches. */
    level: levelKey,
    /** `all`: every condition must hold; `any`: one is enough. */
    match: z.enum(['all', 'any'], 'Cách kết hợp phải là all hoặc any / The combination must be all or any'),
    conditions: z
      .array(condition)
      .min(1, 'Quy tắc cần ít nhất một điều kiện / A rule needs at least one condition')
      .max(20, 'Tối đa 20 điều kiện / At most 20 conditions'),
    description: bilingual(500).optional(),
  });

export const communeRule = ruleOf(riskCondition);
export type CommuneRule = z.infer<typeof communeRule>;
export const aggregationRule = ruleOf(aggregationCondition);
export type AggregationRule = z.infer<typeof aggregationRule>;

export const riskLevel = z.object({
  key: levelKey,
  /** 1 for the lowest level; strictly increasing along the list. */
  number: z.number().int('Số cấp độ phải là số nguyên / The level number must be a whole number').min(0).max(20),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Màu phải có dạng #rrggbb / The colour must look like #rrggbb'),
  name: bilingual(200),
  /** Measures added at this level, on top of those of every lower level. */
  measures: z.array(bilingual(500)).max(50, 'Tối đa 50 biện pháp mỗi cấp / At most 50 measures per level'),
});
export type RiskLevel = z.infer<typeof riskLevel>;

export const riskRuleSet = z
  .object({
    code: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9_]{1,63}$/,
        'Mã bộ quy tắc gồm chữ thường, số và dấu gạch dưới / The code uses lowercase letters, digits and underscores',
      ),
    /** Bumped when a published rule set changes, so a decided level can cite the rules it applied. */
    version: z.number().int().min(1, 'Phiên bản bắt đầu từ 1 / The version starts at 1'),
    name: bilingual(200),
    /**
     * The acts a level decision under this rule set cites as its legal basis ("Căn cứ …;" in the
     * decision's PDF), in Vietnamese as they are written, without "Căn cứ". Absent: the name.
     */
    legalBases: z
      .array(z.string().trim().min(1, 'Căn cứ không được trống / A legal basis cannot be empty').max(500))
      .max(10, 'Tối đa 10 căn cứ / At most 10 legal bases')
      .optional(),
    /** Lowest first. The first level is the default when no rule matches. */
    levels: z
      .array(riskLevel)
      .min(2, 'Cần ít nhất hai cấp độ / At least two levels are needed')
      .max(10, 'Tối đa 10 cấp độ / At most 10 levels'),
    /** Evaluated from the highest level down; the first matching rule wins. */
    communeRules: z.array(communeRule).max(100, 'Tối đa 100 quy tắc / At most 100 rules'),
    /** District/province level from the levels of the child units; without it, the highest child level. */
    aggregationRules: z.array(aggregationRule).max(100, 'Tối đa 100 quy tắc / At most 100 rules').optional(),
    constraints: z
      .object({
        /** If any of these holds, a locality's level may not be lowered (C3 of Resolution 128). */
        cannotLowerWhen: z.array(riskCondition).max(20).optional(),
        /** A raise takes effect at least this many hours after it is decided and announced. */
        raiseNoticeHours: z
          .number()
          .int('Số giờ phải là số nguyên / The number of hours must be a whole number')
          .min(0, 'Số giờ không được âm / The number of hours cannot be negative')
          .max(24 * 30, 'Tối đa 720 giờ / At most 720 hours')
          .optional(),
      })
      .optional(),
  })
  .superRefine((set, ctx) => {
    const keys = set.levels.map((l) => l.key);
    set.levels.forEach((l, i) => {
      if (keys.indexOf(l.key) !== i)
        ctx.addIssue({
          code: 'custom',
          path: ['levels', i, 'key'],
          message: `Mã cấp độ "${l.key}" bị trùng / The level key "${l.key}" is repeated`,
        });
      const prev = set.levels[i - 1];
      if (prev && l.number <= prev.number)
        ctx.addIssue({
          code: 'custom',
          path: ['levels', i, 'number'],
          message: 'Số cấp độ phải tăng dần / Level numbers must increase',
        });
    });
    const known = new Set(keys);
    const ids = new Set<string>();
    const checkRules = (
      rules: ReadonlyArray<{ id: string; level: string; conditions: ReadonlyArray<{ indicator: string }> }>,
      field: string,
    ) =>
      rules.forEach((r, i) => {
        if (ids.has(r.id))
          ctx.addIssue({
            code: 'custom',
            path: [field, i, 'id'],
            message: `Mã quy tắc "${r.id}" bị trùng / The rule id "${r.id}" is repeated`,
          });
        ids.add(r.id);
        if (!known.has(r.level))
          ctx.addIssue({
            code: 'custom',
            path: [field, i, 'level'],
            message: `Không có cấp độ "${r.level}" / There is no level "${r.level}"`,
          });
        r.conditions.forEach((c, j) => {
          const m = aggregationIndicatorPattern.exec(c.indicator);
          if (m?.[2] !== undefined && !known.has(m[2]))
            ctx.addIssue({
              code: 'custom',
              path: [field, i, 'conditions', j, 'indicator'],
              message: `Không có cấp độ "${m[2]}" / There is no level "${m[2]}"`,
            });
        });
      });
    checkRules(set.communeRules, 'communeRules');
    checkRules(set.aggregationRules ?? [], 'aggregationRules');
  });
export type RiskRuleSet = z.infer<typeof riskRuleSet>;
