import type {
  AssessmentAnswers,
  AssessmentTemplate,
  GroupConsequence,
  RiskGroup,
  ScoringRuleCode,
} from '../../schemas/assessment-template.ts';

/**
 * Scoring of a COVID-safety self-assessment (DOMAIN §7). The total as a share of the maximum,
 * rounded half up to a whole percent (the decisions band whole percentages: 15.4% is "very low",
 * 15.5% is "low"), gives the group. Pure integer arithmetic: no float lands on the wrong side of a
 * band edge.
 */

/** One scored line: an item's points out of its maximum, in a component. */
export interface ScoredLine {
  component: string;
  points: number;
  max: number;
}

export interface ComponentScore {
  component: string;
  points: number;
  max: number;
  sharePercent: number;
}

export interface AssessmentScore {
  points: number;
  max: number;
  sharePercent: number;
  group: RiskGroup;
  /** Components that stop the organisation operating under the rule (Decision 1203's medium band). */
  blockedBy: string[];
  components: ComponentScore[];
  /** Components that weigh most, riskiest share first (what to fix first); only those with points. */
  drivers: string[];
}

interface ScoringRule {
  /** Highest whole percentage of each group, lowest group first; the last is 100. */
  upTo: readonly [number, number, number, number, number];
  /** Groups in which a component at or over `sharePercent` of its maximum blocks operation. */
  componentRule?: { groups: readonly RiskGroup[]; sharePercent: number };
}

/**
 * - `2194` (Decision 2194/QĐ-BCĐQG, 27/5/2020): ≤ 15% very low, 16–30% low, 31–50% medium,
 *   51–80% high, 81–100% very high.
 * - `1203` (Decision 1203/QĐ-BCĐ of Ho Chi Minh City, 6/4/2020): < 10% may operate, < 30% periodic
 *   checks, 30–< 50% may operate only if no component scores ≥ 7 (of 10, i.e. 70% of its maximum),
 *   50–< 80% must mitigate first, ≥ 80% may not operate. Its own thresholds, as the decision words
 *   them: the index is sum / 100, so with its ten components of 1–10 every share is whole.
 */
export const scoringRules: Record<ScoringRuleCode, ScoringRule> = {
  '2194': { upTo: [15, 30, 50, 80, 100] },
  '1203': { upTo: [9, 29, 49, 79, 100], componentRule: { groups: ['medium'], sharePercent: 70 } },
};

const groupsInOrder: readonly RiskGroup[] = ['very_low', 'low', 'medium', 'high', 'very_high'];

/** points / max × 100 rounded half up, in integers: ⌊(200·points + max) / (2·max)⌋. */
export function roundedSharePercent(points: number, max: number): number {
  if (max <= 0) throw new Error('roundedSharePercent: the maximum must be positive');
  return Math.floor((200 * points + max) / (2 * max));
}

export function groupOfShare(rule: ScoringRuleCode, sharePercent: number): RiskGroup {
  const upTo = scoringRules[rule].upTo;
  const i = upTo.findIndex((top) => sharePercent <= top);
  return groupsInOrder[i === -1 ? groupsInOrder.length - 1 : i]!;
}

/** Scores scored lines under a rule (a template's answers, or a check without a template). */
export function scoreLines(rule: ScoringRuleCode, lines: readonly ScoredLine[]): AssessmentScore {
  const byComponent = new Map<string, { points: number; max: number }>();
  let points = 0;
  let max = 0;
  for (const l of lines) {
    points += l.points;
    max += l.max;
    const c = byComponent.get(l.component) ?? { points: 0, max: 0 };
    c.points += l.points;
    c.max += l.max;
    byComponent.set(l.component, c);
  }
  const sharePercent = roundedSharePercent(points, max);
  const group = groupOfShare(rule, sharePercent);
  const components = [...byComponent].map(([component, c]) => ({
    component,
    points: c.points,
    max: c.max,
    sharePercent: c.max > 0 ? roundedSharePercent(c.points, c.max) : 0,
  }));
  const cr = scoringRules[rule].componentRule;
  // Compared exactly (points / max ≥ share / 100), not on the rounded share.
  const blockedBy =
    cr && cr.groups.includes(group)
      ? components.filter((c) => c.max > 0 && 100 * c.points >= cr.sharePercent * c.max).map((c) => c.component)
      : [];
  const drivers = components
    .filter((c) => c.points > 0)
    .sort((a, b) => b.points * a.max - a.points * b.max || b.points - a.points)
    .map((c) => c.component);
  return { points, max, sharePercent, group, blockedBy, components, drivers };
}

export type AnswerProblem =
  | { item: string; problem: 'missing' }
  | { item: string; problem: 'unknown_item' }
  | { item: string; problem: 'unknown_option'; allowed: string[] };

export type TemplateScoring = { ok: true; score: AssessmentScore } | { ok: false; problems: AnswerProblem[] };

/** Scores a template's answers: every item answered with one of its options, nothing else. */
export function scoreAnswers(template: AssessmentTemplate, answers: AssessmentAnswers): TemplateScoring {
  const problems: AnswerProblem[] = [];
  const known = new Set(template.items.map((i) => i.code));
  for (const item of Object.keys(answers)) if (!known.has(item)) problems.push({ item, problem: 'unknown_item' });
  const lines: ScoredLine[] = [];
  for (const item of template.items) {
    const raw = Object.hasOwn(answers, item.code) ? answers[item.code] : undefined;
    if (raw === undefined) {
      problems.push({ item: item.code, problem: 'missing' });
      continue;
    }
    const option = item.options.find((o) => o.code === String(raw));
    if (!option) {
      problems.push({ item: item.code, problem: 'unknown_option', allowed: item.options.map((o) => o.code) });
      continue;
    }
    lines.push({
      component: item.component,
      points: option.points,
      max: Math.max(...item.options.map((o) => o.points)),
    });
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, score: scoreLines(template.rule, lines) };
}

/** A bare scored line as a caller sends it; checked before scoring. */
export interface LineInput {
  points: unknown;
  max: unknown;
  component: unknown;
}

export type LineProblem = { index: number; problem: 'not_whole' | 'out_of_range' | 'no_component' };

/** Checks bare lines (`phongdich assess score` without a template): whole points 0 ≤ points ≤ max, max > 0. */
export function checkLines(
  lines: readonly LineInput[],
): { ok: true; lines: ScoredLine[] } | { ok: false; problems: LineProblem[] } {
  const problems: LineProblem[] = [];
  const out: ScoredLine[] = [];
  lines.forEach((l, index) => {
    if (typeof l.component !== 'string' || !l.component.trim())
      return problems.push({ index, problem: 'no_component' });
    if (!Number.isSafeInteger(l.points) || !Number.isSafeInteger(l.max))
      return problems.push({ index, problem: 'not_whole' });
    const p = l.points as number;
    const m = l.max as number;
    if (m <= 0 || p < 0 || p > m) return problems.push({ index, problem: 'out_of_range' });
    out.push({ component: l.component, points: p, max: m });
  });
  if (!lines.length) problems.push({ index: 0, problem: 'out_of_range' });
  return problems.length ? { ok: false, problems } : { ok: true, lines: out };
}

/**
 * What the organisation must do after a score: the group's consequence, made stricter when a
 * component blocks operation (Decision 1203: a medium index with a component ≥ 7 may not operate).
 */
export function consequenceOf(template: AssessmentTemplate, score: AssessmentScore): GroupConsequence {
  const c = template.consequences[score.group];
  if (c.mayOperate === 'conditional') return { ...c, mayOperate: score.blockedBy.length ? 'no' : 'yes' };
  return c;
}

/** The date the next self-assessment is due (ISO day), from the day of this one. */
export function reassessmentDue(day: string, consequence: GroupConsequence): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + consequence.reassessDays);
  return d.toISOString().slice(0, 10);
}
