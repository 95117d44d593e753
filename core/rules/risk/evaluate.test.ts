import { describe, expect, it } from 'vitest';
import type { RiskRuleSet } from '../../schemas/risk-rule-set.ts';
import { riskRuleSet } from '../../schemas/risk-rule-set.ts';
import { aggregateLevel, communeLevel, compare, levelIndex } from './evaluate.ts';
import { qd2686_2021 } from './rule-sets.ts';

const level = (key: string, number: number) => ({
  key,
  number,
  colour: '#000000',
  name: { vi: key, en: key },
  measures: [],
});

/** A small rule set whose rules are listed lowest level first, to show the order does not matter. */
const toy: RiskRuleSet = riskRuleSet.parse({
  code: 'toy',
  version: 1,
  name: { vi: 'Thử', en: 'Toy' },
  levels: [level('a', 1), level('b', 2), level('c', 3)],
  communeRules: [
    {
      id: 'b.any',
      level: 'b',
      match: 'any',
      conditions: [
        { indicator: 'community_cases_14d', op: '>=', value: 1 },
        { indicator: 'community_cases_7d', op: '>=', value: 1 },
      ],
    },
    {
      id: 'c.all',
      level: 'c',
      match: 'all',
      conditions: [
        { indicator: 'community_cases_14d', op: '>=', value: 5 },
        { indicator: 'vaccine_coverage_full_adults', op: '<', value: 50 },
      ],
    },
    {
      id: 'c.second',
      level: 'c',
      match: 'all',
      conditions: [{ indicator: 'community_cases_14d', op: '>=', value: 10 }],
    },
  ],
});

describe('compare', () => {
  it('applies each operator and treats a missing or non-finite value as not met', () => {
    expect([
      compare(2, '>', 1),
      compare(1, '>', 1),
      compare(1, '>=', 1),
      compare(1, '<', 1),
      compare(1, '<=', 1),
      compare(1, '==', 1),
    ]).toEqual([true, false, true, false, true, true]);
    expect(compare(undefined, '>=', 0)).toBe(false);
    expect(compare(null, '<', 1)).toBe(false);
    expect(compare(Number.NaN, '<', 1)).toBe(false);
  });
});

describe('communeLevel', () => {
  it('checks the highest level first whatever the order of the list', () => {
    const r = communeLevel(toy, { community_cases_14d: 12, vaccine_coverage_full_adults: 90 });
    expect(r.level.key).toBe('c');
    expect(r.matchedRule?.id).toBe('c.second');
  });

  it('within a level, the first rule in the list wins', () => {
    expect(communeLevel(toy, { community_cases_14d: 12, vaccine_coverage_full_adults: 10 }).matchedRule?.id).toBe(
      'c.all',
    );
  });

  it('`all` needs every condition, `any` one', () => {
    expect(communeLevel(toy, { community_cases_14d: 5, vaccine_coverage_full_adults: 50 }).level.key).toBe('b');
    expect(communeLevel(toy, { community_cases_14d: 0, community_cases_7d: 1 }).level.key).toBe('b');
    expect(communeLevel(toy, { community_cases_14d: 0, community_cases_7d: 0 }).level.key).toBe('a');
  });

  it('is deterministic', () => {
    const i = { community_cases_14d: 7, vaccine_coverage_full_adults: 20 };
    expect(communeLevel(toy, i)).toEqual(communeLevel(toy, i));
  });
});

describe('aggregateLevel', () => {
  it('without aggregation rules takes the highest child level', () => {
    const r = aggregateLevel(toy, ['a', 'b', 'a']);
    expect(r.level.key).toBe('b');
    expect(r.countAtOrAbove).toEqual({ a: 3, b: 1, c: 0 });
  });

  it('refuses a level the rule set does not have', () => {
    expect(() => aggregateLevel(qd2686_2021, ['level_9'])).toThrow(/level_9/);
    expect(() => levelIndex(toy, 'z')).toThrow(/ \/ /);
  });
});

describe('risk rule set schema', () => {
  it('rejects broken rule sets with bilingual messages', () => {
    const broken = {
      ...qd2686_2021,
      code: 'Bad Code',
      levels: [...qd2686_2021.levels, { ...level('high', 2), colour: 'red' }],
      communeRules: [
        ...qd2686_2021.communeRules,
        { id: 'x', level: 'nowhere', match: 'all', conditions: [{ indicator: 'cases_typo', op: '>', value: 1 }] },
        { id: 'x', level: 'high', match: 'some', conditions: [] },
      ],
      aggregationRules: [
        {
          id: 'agg.y',
          level: 'high',
          match: 'any',
          conditions: [{ indicator: 'share_at_or_above:purple', op: '=>', value: 30 }],
        },
      ],
    };
    const result = riskRuleSet.safeParse(broken);
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((i) => i.message) ?? [];
    expect(messages.length).toBeGreaterThanOrEqual(6);
    for (const msg of messages) expect(msg).toMatch(/ \/ /);
  });

  it('catches repeated keys, decreasing numbers, unknown levels and repeated rule ids', () => {
    const result = riskRuleSet.safeParse({
      ...qd2686_2021,
      levels: [level('a', 2), level('a', 1)],
      communeRules: [
        { id: 'r', level: 'a', match: 'all', conditions: [{ indicator: 'community_cases_14d', op: '>', value: 1 }] },
        { id: 'r', level: 'zz', match: 'all', conditions: [{ indicator: 'community_cases_14d', op: '>', value: 1 }] },
      ],
      aggregationRules: [
        {
          id: 'agg',
          level: 'a',
          match: 'any',
          conditions: [{ indicator: 'count_at_or_above:zz', op: '>=', value: 1 }],
        },
      ],
    });
    expect(result.success).toBe(false);
    const messages = (result.error?.issues ?? []).map((i) => i.message).join('\n');
    expect(messages).toMatch(/repeated/);
    expect(messages).toMatch(/must increase/);
    expect(messages).toMatch(/no level "zz"/);
    expect(messages).toMatch(/rule id "r" is repeated/);
  });
});
