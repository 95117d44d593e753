import type {
  AggregationRule,
  Bilingual,
  ComparisonOp,
  CommuneRule,
  RiskCondition,
  RiskIndicator,
  RiskIndicators,
  RiskLevel,
  RiskRuleSet,
} from '../../schemas/risk-rule-set.ts';
import { aggregationIndicatorPattern, riskIndicators } from '../../schemas/risk-rule-set.ts';

/**
 * Evaluation of a locality risk rule set (DOMAIN §5): commune level from indicators, district and
 * province level from the child units, and the constraints on changing a level. Pure and
 * deterministic: the same rule set and inputs always give the same answer, so "what would the
 * level be under rule set X" can be asked of any past week.
 */

export interface ConditionResult {
  indicator: string;
  op: ComparisonOp;
  value: number;
  /** The measured value; null when the indicator was not supplied (the condition is then false). */
  actual: number | null;
  met: boolean;
}

export interface LevelResult {
  level: RiskLevel;
  /** The rule that gave the level; null when none matched and the lowest level applies. */
  matchedRule: { id: string; description?: Bilingual } | null;
  /** The conditions of the matched rule, or why the default applies. */
  reasons: Bilingual[];
  conditions: ConditionResult[];
}

export interface CommuneLevelResult extends LevelResult {
  /** Indicators some rule tests but that were not supplied: the result may be too low. */
  missingIndicators: RiskIndicator[];
}

const ops: Record<ComparisonOp, (a: number, b: number) => boolean> = {
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '==': (a, b) => a === b,
};

export function compare(actual: number | null | undefined, op: ComparisonOp, value: number): boolean {
  return actual !== null && actual !== undefined && Number.isFinite(actual) && ops[op](actual, value);
}

export function levelIndex(ruleSet: RiskRuleSet, key: string): number {
  const i = ruleSet.levels.findIndex((l) => l.key === key);
  if (i < 0)
    throw new Error(
      `Không có cấp độ "${key}" trong bộ quy tắc ${ruleSet.code} / There is no level "${key}" in rule set ${ruleSet.code}`,
    );
  return i;
}

export function levelByKey(ruleSet: RiskRuleSet, key: string): RiskLevel {
  return ruleSet.levels[levelIndex(ruleSet, key)] as RiskLevel;
}

function lowest(ruleSet: RiskRuleSet): RiskLevel {
  const first = ruleSet.levels[0];
  if (!first) throw new Error('Bộ quy tắc không có cấp độ / The rule set has no levels');
  return first;
}

/** Every measure in force at a level: measures are cumulative, each level adds to those below. */
export function measuresFor(ruleSet: RiskRuleSet, key: string): Bilingual[] {
  return ruleSet.levels.slice(0, levelIndex(ruleSet, key) + 1).flatMap((l) => l.measures);
}

function describe(c: ConditionResult): Bilingual {
  const actual = c.actual === null ? 'không có số liệu' : String(c.actual);
  const actualEn = c.actual === null ? 'no data' : String(c.actual);
  const verdict = c.met ? ['đạt', 'holds'] : ['không đạt', 'does not hold'];
  return {
    vi: `${c.indicator} ${c.op} ${c.value} (thực tế: ${actual}) — ${verdict[0]}`,
    en: `${c.indicator} ${c.op} ${c.value} (actual: ${actualEn}) — ${verdict[1]}`,
  };
}

/** Rules from the highest level down; rules of the same level keep their order in the list. */
export function byLevelDescending<R extends { level: string }>(ruleSet: RiskRuleSet, rules: readonly R[]): R[] {
  return rules
    .map((rule, order) => ({ rule, order, rank: levelIndex(ruleSet, rule.level) }))
    .sort((a, b) => b.rank - a.rank || a.order - b.order)
    .map((r) => r.rule);
}

function firstMatch<R extends CommuneRule | AggregationRule>(
  ruleSet: RiskRuleSet,
  rules: readonly R[],
  read: (indicator: string) => number | null,
): LevelResult {
  for (const rule of byLevelDescending(ruleSet, rules)) {
    const conditions = rule.conditions.map((c): ConditionResult => {
      const actual = read(c.indicator);
      return { indicator: c.indicator, op: c.op, value: c.value, actual, met: compare(actual, c.op, c.value) };
    });
    const matched = rule.match === 'all' ? conditions.every((c) => c.met) : conditions.some((c) => c.met);
    if (!matched) continue;
    // For `any`, the conditions that held are the reasons; for `all`, every one of them.
    const reasons = conditions.filter((c) => c.met).map(describe);
    return {
      level: levelByKey(ruleSet, rule.level),
      matchedRule: rule.description ? { id: rule.id, description: rule.description } : { id: rule.id },
      reasons,
      conditions,
    };
  }
  const level = lowest(ruleSet);
  return {
    level,
    matchedRule: null,
    reasons: [
      {
        vi: `Không quy tắc nào khớp: cấp thấp nhất (${level.name.vi})`,
        en: `No rule matched: lowest level (${level.name.en})`,
      },
    ],
    conditions: [],
  };
}

/** The level of a commune from its indicators: highest level first, first matching rule wins. */
export function communeLevel(ruleSet: RiskRuleSet, indicators: RiskIndicators): CommuneLevelResult {
  const result = firstMatch(ruleSet, ruleSet.communeRules, (i) => indicators[i as RiskIndicator] ?? null);
  const used = new Set<RiskIndicator>(ruleSet.communeRules.flatMap((r) => r.conditions.map((c) => c.indicator)));
  const missingIndicators = [...used].filter((i) => indicators[i] === undefined).sort();
  return { ...result, missingIndicators };
}

export interface AggregateLevelResult extends LevelResult {
  /** Percentage (0–100) of child units at each level or above, by level key. */
  shareAtOrAbove: Record<string, number>;
  countAtOrAbove: Record<string, number>;
}

/**
 * The level of a district or province from the levels of its child units (communes, or districts
 * in the 3-level tree). Without aggregation rules, the highest child level applies. No child units
 * gives the lowest level.
 */
export function aggregateLevel(ruleSet: RiskRuleSet, childLevels: readonly string[]): AggregateLevelResult {
  const perLevel = ruleSet.levels.map(() => 0);
  for (const k of childLevels) perLevel[levelIndex(ruleSet, k)]! += 1;
  return aggregateLevelOfCounts(ruleSet, perLevel);
}

/** `aggregateLevel` from the number of child units at each level (by level index). */
export function aggregateLevelOfCounts(ruleSet: RiskRuleSet, perLevel: ArrayLike<number>): AggregateLevelResult {
  const countAtOrAbove: Record<string, number> = {};
  const shareAtOrAbove: Record<string, number> = {};
  let total = 0;
  let highest = -1;
  for (let i = 0; i < ruleSet.levels.length; i++) {
    total += perLevel[i] ?? 0;
    if ((perLevel[i] ?? 0) > 0) highest = i;
  }
  let atOrAbove = total;
  ruleSet.levels.forEach((l, i) => {
    countAtOrAbove[l.key] = atOrAbove;
    // count * 100 / total, not count / total * 100: 57 of 100 must be exactly 57.
    shareAtOrAbove[l.key] = total ? (atOrAbove * 100) / total : 0;
    atOrAbove -= perLevel[i] ?? 0;
  });
  const totals = { shareAtOrAbove, countAtOrAbove };

  if (!total) {
    const level = lowest(ruleSet);
    return {
      level,
      matchedRule: null,
      reasons: [{ vi: 'Không có đơn vị cấp dưới: cấp thấp nhất', en: 'No child units: lowest level' }],
      conditions: [],
      ...totals,
    };
  }

  if (!ruleSet.aggregationRules) {
    const level = ruleSet.levels[highest] as RiskLevel;
    return {
      level,
      matchedRule: null,
      reasons: [
        {
          vi: `Không có quy tắc tổng hợp: cấp cao nhất của đơn vị cấp dưới (${level.name.vi})`,
          en: `No aggregation rules: highest child level (${level.name.en})`,
        },
      ],
      conditions: [],
      ...totals,
    };
  }

  const result = firstMatch(ruleSet, ruleSet.aggregationRules, (indicator) => {
    const m = aggregationIndicatorPattern.exec(indicator);
    if (!m?.[2]) return null;
    const table = m[1] === 'share_at_or_above' ? shareAtOrAbove : countAtOrAbove;
    return table[m[2]] ?? null;
  });
  return { ...result, ...totals };
}

export interface ConstraintInput {
  previousLevel: string | null;
  proposedLevel: string;
  indicators: RiskIndicators;
  /** When the change is decided; with it, a raise gets the earliest date it may take effect. */
  decidedAt?: Date;
}

export interface ConstraintResult {
  level: RiskLevel;
  change: 'raise' | 'lower' | 'same' | 'initial';
  /** True when a lowering was refused and the previous level kept. */
  loweringBlocked: boolean;
  /** Hours of notice a raise needs (0 when none or not a raise). */
  noticeHours: number;
  /** decidedAt + noticeHours for a raise, when decidedAt was given; otherwise null. */
  earliestEffectiveAt: Date | null;
  reasons: Bilingual[];
}

/**
 * The constraints of a rule set on a proposed change: a lowering is refused while any
 * `cannotLowerWhen` condition holds (C3 of Resolution 128: treatment capacity not met). An
 * indicator a constraint needs but that was not supplied also blocks the lowering: the capacity
 * has to be shown to be met before a level comes down. A raise carries the notice period.
 */
export function applyConstraints(ruleSet: RiskRuleSet, input: ConstraintInput): ConstraintResult {
  const proposed = levelByKey(ruleSet, input.proposedLevel);
  const noNotice = { noticeHours: 0, earliestEffectiveAt: null };
  if (input.previousLevel === null)
    return { level: proposed, change: 'initial', loweringBlocked: false, ...noNotice, reasons: [] };

  const previous = levelByKey(ruleSet, input.previousLevel);
  const delta = levelIndex(ruleSet, proposed.key) - levelIndex(ruleSet, previous.key);

  if (delta === 0) return { level: proposed, change: 'same', loweringBlocked: false, ...noNotice, reasons: [] };

  if (delta > 0) {
    const noticeHours = ruleSet.constraints?.raiseNoticeHours ?? 0;
    const earliestEffectiveAt = input.decidedAt ? new Date(input.decidedAt.getTime() + noticeHours * 3_600_000) : null;
    const reasons: Bilingual[] = noticeHours
      ? [
          {
            vi: `Nâng cấp độ phải thông báo trước ít nhất ${noticeHours} giờ`,
            en: `Raising the level needs at least ${noticeHours} hours' notice`,
          },
        ]
      : [];
    return { level: proposed, change: 'raise', loweringBlocked: false, noticeHours, earliestEffectiveAt, reasons };
  }

  const blocking = (ruleSet.constraints?.cannotLowerWhen ?? []).flatMap((c: RiskCondition): Bilingual[] => {
    const actual = input.indicators[c.indicator];
    if (actual === undefined)
      return [
        {
          vi: `Thiếu số liệu ${c.indicator}: không được hạ cấp độ`,
          en: `${c.indicator} not supplied: the level may not be lowered`,
        },
      ];
    return compare(actual, c.op, c.value)
      ? [
          {
            vi: `${c.indicator} ${c.op} ${c.value} (thực tế: ${actual}): không được hạ cấp độ`,
            en: `${c.indicator} ${c.op} ${c.value} (actual: ${actual}): the level may not be lowered`,
          },
        ]
      : [];
  });
  if (blocking.length)
    return { level: previous, change: 'same', loweringBlocked: true, ...noNotice, reasons: blocking };
  return { level: proposed, change: 'lower', loweringBlocked: false, ...noNotice, reasons: [] };
}

/**
 * `communeLevel` without the explanation, for millions of commune-days: the rule set compiled
 * once into a function of an indicator vector (slots of `riskIndicators`, NaN = not measured)
 * giving the level index. Same order (highest level first, first matching rule wins), same
 * `compare`, so both always agree (a property test checks it).
 */
export function compileCommuneLevel(ruleSet: RiskRuleSet): (vector: Float64Array) => number {
  const rules = byLevelDescending(ruleSet, ruleSet.communeRules).map((r) => ({
    level: levelIndex(ruleSet, r.level),
    all: r.match === 'all',
    conditions: r.conditions.map((c) => ({ slot: riskIndicators.indexOf(c.indicator), op: c.op, value: c.value })),
  }));
  return (vector) => {
    for (const r of rules) {
      let matched = r.all;
      for (const c of r.conditions) {
        const met = compare(vector[c.slot], c.op, c.value);
        if (r.all !== met) {
          matched = met;
          break;
        }
      }
      if (matched) return r.level;
    }
    return 0;
  };
}
