import type { RiskCondition } from '../../schemas/risk-rule-set.ts';

/** Short forms for writing the rule sets as data: a condition, a share or count of child units at a level, a vi/en text. */
export const when = (indicator: RiskCondition['indicator'], op: RiskCondition['op'], value: number): RiskCondition => ({
  indicator,
  op,
  value,
});
export const share = (level: string, op: RiskCondition['op'], value: number) => ({
  indicator: `share_at_or_above:${level}`,
  op,
  value,
});
export const count = (level: string, op: RiskCondition['op'], value: number) => ({
  indicator: `count_at_or_above:${level}`,
  op,
  value,
});
export const m = (vi: string, en: string) => ({ vi, en });

export const colours = { green: '#2e9e44', yellow: '#f2c200', orange: '#f07f00', red: '#d62828' } as const;
