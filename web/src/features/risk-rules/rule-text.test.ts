import { describe, expect, it } from 'vitest';
import { riskIndicators } from '../../../../core/schemas/risk-rule-set.ts';
import { leaves } from '../../i18n/catalogue-checks.ts';
import { riskRulesEn } from './messages.en.ts';
import { riskRulesVi } from './messages.vi.ts';
import { comparisonText, indicatorKeys, indicatorRef, isPercent, parseDefinition } from './rule-text.ts';

const number = (n: number) => String(n);

describe('rule text', () => {
  it('knows every indicator of the schema, each with a label in both languages', () => {
    expect([...indicatorKeys].sort()).toEqual([...riskIndicators].sort());
    for (const cat of [riskRulesVi, riskRulesEn]) {
      const labels = leaves(cat);
      for (const k of riskIndicators)
        expect(String(labels.get(`riskRules.indicator.${k}`) ?? '').trim(), k).not.toBe('');
    }
  });

  it('reads indicators, aggregates and unknown keys', () => {
    expect(indicatorRef('community_cases_7d_per_100k')).toEqual({
      kind: 'indicator',
      key: 'community_cases_7d_per_100k',
    });
    expect(indicatorRef('share_at_or_above:level_3')).toEqual({
      kind: 'aggregate',
      fn: 'share_at_or_above',
      level: 'level_3',
    });
    expect(indicatorRef('count_at_or_above:red')).toEqual({ kind: 'aggregate', fn: 'count_at_or_above', level: 'red' });
    expect(indicatorRef('share_at_or_above:')).toEqual({ kind: 'unknown', key: 'share_at_or_above:' });
    expect(indicatorRef('toString')).toEqual({ kind: 'unknown', key: 'toString' });
  });

  it('writes comparisons with their unit', () => {
    expect(comparisonText(indicatorRef('community_cases_7d_per_100k'), '>=', 150, number)).toBe('≥ 150');
    expect(comparisonText(indicatorRef('vaccine_coverage_full_adults'), '<', 70, number)).toBe('< 70%');
    expect(comparisonText(indicatorRef('share_at_or_above:level_4'), '>=', 20, number)).toBe('≥ 20%');
    expect(comparisonText(indicatorRef('count_at_or_above:level_4'), '==', 0, number)).toBe('= 0');
    expect(isPercent(indicatorRef('treatment_capacity_met'))).toBe(false);
  });

  it('parses the editor text into an object or says why not', () => {
    expect(parseDefinition('{"code":"x"}')).toEqual({ ok: true, value: { code: 'x' } });
    expect(parseDefinition('[1]')).toEqual({ ok: false, reason: 'notObject' });
    expect(parseDefinition('null')).toEqual({ ok: false, reason: 'notObject' });
    const bad = parseDefinition('{"code": }');
    expect(bad.ok).toBe(false);
    expect(bad.ok === false && bad.reason).toBe('syntax');
  });
});
