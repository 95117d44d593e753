import { describe, expect, it } from 'vitest';
import type { RiskIndicators } from '../../schemas/risk-rule-set.ts';
import { riskRuleSet } from '../../schemas/risk-rule-set.ts';
import { aggregateLevel, applyConstraints, communeLevel, measuresFor } from './evaluate.ts';
import { nq128_qd4800_2021, qd218_2022, qd2686_2021, riskRuleSetPresets, vn2020_three_groups } from './rule-sets.ts';

/** n child units at each level, in order of the given keys. */
const children = (counts: Record<string, number>) =>
  Object.entries(counts).flatMap(([k, n]) => Array<string>(n).fill(k));

describe('risk rule set presets', () => {
  it.each(riskRuleSetPresets.map((p) => [p.code, p] as const))(
    '%s parses with the schema unchanged',
    (_code, preset) => {
      expect(riskRuleSet.parse(preset)).toEqual(preset);
    },
  );

  it('have distinct codes', () => {
    expect(new Set(riskRuleSetPresets.map((p) => p.code)).size).toBe(riskRuleSetPresets.length);
  });

  it('accumulate measures level by level', () => {
    const red = measuresFor(qd2686_2021, 'very_high').map((x) => x.en);
    expect(red).toContain('No gatherings of 30 people or more');
    expect(red).toContain('Only essential goods and services may operate');
    expect(measuresFor(qd2686_2021, 'new_normal')).toHaveLength(1);
    expect(measuresFor(vn2020_three_groups, 'high').length).toBeGreaterThan(
      measuresFor(vn2020_three_groups, 'at_risk').length,
    );
  });
});

describe('2020 three groups', () => {
  const level = (i: RiskIndicators) => communeLevel(vn2020_three_groups, i).level.key;

  it('no community case is low, a traced one at risk, an untraced one high', () => {
    expect(level({ community_cases_14d: 0, community_case_unknown_source_14d: 0 })).toBe('low');
    expect(level({ community_cases_14d: 1, community_case_unknown_source_14d: 0 })).toBe('at_risk');
    expect(level({ community_cases_14d: 1, community_case_unknown_source_14d: 1 })).toBe('high');
  });

  it('a province takes its worst child unit', () => {
    expect(aggregateLevel(vn2020_three_groups, children({ low: 9, high: 1 })).level.key).toBe('high');
    expect(aggregateLevel(vn2020_three_groups, children({ low: 9, at_risk: 1 })).level.key).toBe('at_risk');
    expect(aggregateLevel(vn2020_three_groups, children({ low: 10 })).level.key).toBe('low');
  });
});

describe('Decision 2686: commune', () => {
  const result = (i: RiskIndicators) => communeLevel(qd2686_2021, i);
  const level = (i: RiskIndicators) => result(i).level.key;

  it('"nguy cơ" above 1 F0 per 100,000 in 14 days, not at 1', () => {
    expect(level({ community_cases_14d_per_100k: 1.0 })).toBe('new_normal');
    expect(level({ community_cases_14d_per_100k: 1.01 })).toBe('at_risk');
  });

  it('"nguy cơ" with one community F0 of known source', () => {
    expect(level({ community_case_known_source_14d: 0, community_cases_14d_per_100k: 0.5 })).toBe('new_normal');
    const r = result({ community_case_known_source_14d: 1, community_cases_14d_per_100k: 0.5 });
    expect(r.level.key).toBe('at_risk');
    expect(r.matchedRule?.id).toBe('at_risk.known_source_or_rate');
    expect(r.reasons).toHaveLength(1);
    expect(r.reasons[0]?.en).toMatch(/community_case_known_source_14d >= 1/);
  });

  it('assumed high / very high thresholds, just below and above', () => {
    expect(level({ community_cases_14d_per_100k: 10 })).toBe('at_risk');
    expect(level({ community_cases_14d_per_100k: 10.01 })).toBe('high');
    expect(level({ community_cases_14d_per_100k: 50 })).toBe('high');
    expect(level({ community_cases_14d_per_100k: 50.01 })).toBe('very_high');
    expect(level({ community_case_unknown_source_14d: 1 })).toBe('high');
    expect(level({ community_case_unknown_source_14d: 2 })).toBe('very_high');
  });

  it('defaults to the lowest level and lists the indicators it lacked', () => {
    const r = result({});
    expect(r.level.key).toBe('new_normal');
    expect(r.matchedRule).toBeNull();
    expect(r.missingIndicators).toEqual([
      'community_case_known_source_14d',
      'community_case_unknown_source_14d',
      'community_cases_14d_per_100k',
    ]);
  });
});

describe('Decision 2686: district aggregation', () => {
  const level = (counts: Record<string, number>) => aggregateLevel(qd2686_2021, children(counts)).level.key;

  it('≥ 30% of communes very high → very high (29% is not)', () => {
    // 29 very high of 100 is below 30% but a very-high commune still makes the district high.
    expect(level({ very_high: 29, new_normal: 71 })).toBe('high');
    expect(level({ very_high: 30, new_normal: 70 })).toBe('very_high');
  });

  it('≥ 50% of communes high (or above) → very high', () => {
    expect(level({ high: 49, new_normal: 51 })).toBe('high');
    expect(level({ high: 50, new_normal: 50 })).toBe('very_high');
    expect(level({ high: 40, very_high: 10, new_normal: 50 })).toBe('very_high');
  });

  it('≥ 30% of communes high → high', () => {
    expect(level({ high: 29, new_normal: 71 })).toBe('at_risk');
    expect(level({ high: 30, new_normal: 70 })).toBe('high');
  });

  it('≥ 50% at "nguy cơ" (or above) → high', () => {
    expect(level({ at_risk: 49, new_normal: 51 })).toBe('at_risk');
    expect(level({ at_risk: 50, new_normal: 50 })).toBe('high');
  });

  it('any commune very high → high', () => {
    const r = aggregateLevel(qd2686_2021, children({ very_high: 1, new_normal: 99 }));
    expect(r.level.key).toBe('high');
    expect(r.matchedRule?.id).toBe('agg.high');
    expect(r.countAtOrAbove.very_high).toBe(1);
    expect(r.shareAtOrAbove.very_high).toBe(1);
  });

  it('all communes in new normal → new normal; no communes → lowest level', () => {
    expect(level({ new_normal: 12 })).toBe('new_normal');
    expect(aggregateLevel(qd2686_2021, []).level.key).toBe('new_normal');
  });

  it('computes shares exactly (57 of 100 is 57%)', () => {
    expect(aggregateLevel(qd2686_2021, children({ high: 57, new_normal: 43 })).shareAtOrAbove.high).toBe(57);
  });
});

describe('Resolution 128 / Decision 4800', () => {
  const covered = { vaccine_coverage_1dose_adults: 80 };
  const level = (c1: number, extra: RiskIndicators = covered) =>
    communeLevel(nq128_qd4800_2021, { community_cases_7d_per_100k: c1, ...extra }).level.key;

  it('C1 bands with C2 met: < 20, 20–< 50, 50–< 150, ≥ 150', () => {
    expect(level(0)).toBe('level_1');
    expect(level(19.99)).toBe('level_1');
    expect(level(20)).toBe('level_2');
    expect(level(49.99)).toBe('level_2');
    expect(level(50)).toBe('level_3');
    expect(level(149.99)).toBe('level_3');
    expect(level(150)).toBe('level_4');
  });

  it('C2 not met moves one band up; the coverage threshold just below and at', () => {
    expect(level(10, { vaccine_coverage_1dose_adults: 69.99 })).toBe('level_2');
    expect(level(10, { vaccine_coverage_1dose_adults: 70 })).toBe('level_1');
    expect(level(30, { vaccine_coverage_1dose_adults: 69.99 })).toBe('level_3');
    expect(level(100, { vaccine_coverage_1dose_adults: 69.99 })).toBe('level_4');
    expect(level(200, { vaccine_coverage_1dose_adults: 95 })).toBe('level_4');
  });

  it('aggregates from the commune up (assumed ≥ 50% at or above)', () => {
    expect(aggregateLevel(nq128_qd4800_2021, children({ level_3: 1, level_1: 1 })).level.key).toBe('level_3');
    expect(aggregateLevel(nq128_qd4800_2021, children({ level_3: 49, level_1: 51 })).level.key).toBe('level_1');
    expect(aggregateLevel(nq128_qd4800_2021, children({ level_4: 2, level_2: 3, level_1: 5 })).level.key).toBe(
      'level_2',
    );
  });
});

describe('Decision 218', () => {
  const covered = { vaccine_coverage_full_adults: 80, vaccine_coverage_high_risk: 95 };
  const level = (c1: number, extra: RiskIndicators = covered) =>
    communeLevel(qd218_2022, { community_cases_7d_per_100k: c1, ...extra }).level.key;

  it('very high above 600 per 100,000 per week, not at 600', () => {
    expect(level(600)).toBe('level_3');
    expect(level(600.01)).toBe('level_4');
  });

  it('assumed lower bands at 20 and 150', () => {
    expect(level(20)).toBe('level_1');
    expect(level(20.01)).toBe('level_2');
    expect(level(150)).toBe('level_2');
    expect(level(150.01)).toBe('level_3');
  });

  it('C2: ≥ 75% fully vaccinated and ≥ 90% of high-risk groups', () => {
    expect(level(100, { vaccine_coverage_full_adults: 75, vaccine_coverage_high_risk: 90 })).toBe('level_2');
    expect(level(100, { vaccine_coverage_full_adults: 74.99, vaccine_coverage_high_risk: 90 })).toBe('level_3');
    expect(level(100, { vaccine_coverage_full_adults: 75, vaccine_coverage_high_risk: 89.99 })).toBe('level_3');
    expect(level(5, { vaccine_coverage_full_adults: 74.99, vaccine_coverage_high_risk: 95 })).toBe('level_2');
    const r = communeLevel(qd218_2022, {
      community_cases_7d_per_100k: 300,
      vaccine_coverage_full_adults: 80,
      vaccine_coverage_high_risk: 89,
    });
    expect(r.level.key).toBe('level_4');
    expect(r.matchedRule?.id).toBe('level_4.c2_low_high_risk');
  });
});

describe('C3 and notice under Resolution 128', () => {
  for (const set of [nq128_qd4800_2021, qd218_2022]) {
    it(`${set.code}: treatment capacity not met blocks a lowering`, () => {
      const r = applyConstraints(set, {
        previousLevel: 'level_3',
        proposedLevel: 'level_2',
        indicators: { treatment_capacity_met: 0 },
      });
      expect(r.level.key).toBe('level_3');
      expect(r.loweringBlocked).toBe(true);
      expect(r.reasons[0]?.en).toMatch(/treatment_capacity_met == 0/);
    });

    it(`${set.code}: capacity met lets the level come down; unknown capacity does not`, () => {
      const met = applyConstraints(set, {
        previousLevel: 'level_3',
        proposedLevel: 'level_2',
        indicators: { treatment_capacity_met: 1 },
      });
      expect(met).toMatchObject({ change: 'lower', loweringBlocked: false });
      expect(met.level.key).toBe('level_2');
      const unknown = applyConstraints(set, { previousLevel: 'level_3', proposedLevel: 'level_1', indicators: {} });
      expect(unknown.loweringBlocked).toBe(true);
      expect(unknown.level.key).toBe('level_3');
    });

    it(`${set.code}: a raise is never blocked and needs 48 hours' notice`, () => {
      const decidedAt = new Date('2021-11-01T08:00:00Z');
      const r = applyConstraints(set, {
        previousLevel: 'level_1',
        proposedLevel: 'level_3',
        indicators: { treatment_capacity_met: 0 },
        decidedAt,
      });
      expect(r).toMatchObject({ change: 'raise', loweringBlocked: false, noticeHours: 48 });
      expect(r.level.key).toBe('level_3');
      expect(r.earliestEffectiveAt?.toISOString()).toBe('2021-11-03T08:00:00.000Z');
    });
  }

  it('rule sets without constraints lower freely and need no notice', () => {
    const down = applyConstraints(qd2686_2021, { previousLevel: 'high', proposedLevel: 'new_normal', indicators: {} });
    expect(down).toMatchObject({ change: 'lower', loweringBlocked: false });
    const up = applyConstraints(qd2686_2021, {
      previousLevel: 'at_risk',
      proposedLevel: 'high',
      indicators: {},
      decidedAt: new Date(0),
    });
    expect(up).toMatchObject({ change: 'raise', noticeHours: 0 });
    expect(applyConstraints(qd2686_2021, { previousLevel: null, proposedLevel: 'high', indicators: {} }).change).toBe(
      'initial',
    );
    expect(applyConstraints(qd2686_2021, { previousLevel: 'high', proposedLevel: 'high', indicators: {} }).change).toBe(
      'same',
    );
  });
});
