import type { ComparisonOp, RiskIndicator } from '../../../../core/schemas/risk-rule-set.ts';
import { isRiskIndicator } from '../risk/risk-labels.ts';

/**
 * How a rule's condition reads ("Ca cộng đồng … ≥ 150"): which indicator it tests and how its
 * number is shown. Pure, without zod (the schema's arrays are not imported into the page).
 */

export { riskIndicatorKeys as indicatorKeys, isRiskIndicator } from '../risk/risk-labels.ts';

const percentIndicators: ReadonlySet<string> = new Set<RiskIndicator>([
  'vaccine_coverage_1dose_adults',
  'vaccine_coverage_full_adults',
  'vaccine_coverage_high_risk',
  'test_positivity_7d',
  'bed_occupancy',
]);

export type AggregateFn = 'share_at_or_above' | 'count_at_or_above';

/** What a condition's `indicator` names. */
export type IndicatorRef =
  | { kind: 'indicator'; key: RiskIndicator }
  | { kind: 'aggregate'; fn: AggregateFn; level: string }
  /** Not known to this version of the page: shown as is. */
  | { kind: 'unknown'; key: string };

export function indicatorRef(indicator: string): IndicatorRef {
  if (isRiskIndicator(indicator)) return { kind: 'indicator', key: indicator };
  const m = /^(share_at_or_above|count_at_or_above):([a-z][a-z0-9_]{0,31})$/.exec(indicator);
  if (m?.[2] !== undefined)
    return {
      kind: 'aggregate',
      fn: m[1] === 'share_at_or_above' ? 'share_at_or_above' : 'count_at_or_above',
      level: m[2],
    };
  return { kind: 'unknown', key: indicator };
}

/** Whether the indicator's values are percentages (0–100). */
export function isPercent(ref: IndicatorRef): boolean {
  if (ref.kind === 'aggregate') return ref.fn === 'share_at_or_above';
  return ref.kind === 'indicator' && percentIndicators.has(ref.key);
}

/** The comparison as mathematicians write it. */
export const opSymbol: Record<ComparisonOp, string> = { '>': '>', '>=': '≥', '<': '<', '<=': '≤', '==': '=' };

/** "≥ 150" or "≥ 75%": the right-hand side of a condition, `number` formatting the value. */
export function comparisonText(
  ref: IndicatorRef,
  op: ComparisonOp,
  value: number,
  number: (n: number) => string,
): string {
  return `${opSymbol[op]} ${number(value)}${isPercent(ref) ? '%' : ''}`;
}

/** Parses the editor's text: the definition object, or why it is not one. */
export function parseDefinition(
  text: string,
):
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; reason: 'syntax'; message: string }
  | { ok: false; reason: 'notObject' } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: 'syntax', message: e instanceof Error ? e.message : String(e) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'notObject' };
  return { ok: true, value: value as Record<string, unknown> };
}
