import { describe, expect, it } from 'vitest';
import { caseIndicators } from './case-indicators.ts';

describe('case-based risk indicators', () => {
  it('gives counts and rates per 100,000 people', () => {
    expect(caseIndicators({ last7Days: 3, last14Days: 5, knownSource14Days: 4, unknownSource14Days: 1 }, 20_000)).toEqual({
      community_cases_7d: 3, community_cases_14d: 5, community_case_known_source_14d: 4, community_case_unknown_source_14d: 1,
      community_cases_7d_per_100k: 15, community_cases_14d_per_100k: 25,
    });
  });

  it('leaves the rates out without a population, instead of reporting zero', () => {
    const i = caseIndicators({ last7Days: 3, last14Days: 5, knownSource14Days: 5, unknownSource14Days: 0 }, null);
    expect(i.community_cases_7d_per_100k).toBeUndefined();
    expect(i.community_cases_14d).toBe(5);
  });
});
