import type { RiskIndicators } from '../../schemas/risk-rule-set.ts';

/** Community cases of a commune counted by confirmation date, up to and including the day asked. */
export interface CommunityCaseCounts {
  last7Days: number;
  last14Days: number;
  /** Of the last 14 days: linked to an infector or a cluster, or not. */
  knownSource14Days: number;
  unknownSource14Days: number;
}

/**
 * The case-based indicators of DOMAIN §5 (C1 of Resolution 128, Decision 2686's 14-day rate) from
 * counts and the population. Without a population the rates are left out, so a rule on them
 * reports the indicator as missing rather than treating the commune as case-free.
 */
export function caseIndicators(c: CommunityCaseCounts, population: number | null): RiskIndicators {
  const per100k = (n: number) => (population && population > 0 ? (n * 100_000) / population : undefined);
  const rates: RiskIndicators = {};
  const r7 = per100k(c.last7Days);
  const r14 = per100k(c.last14Days);
  if (r7 !== undefined) rates.community_cases_7d_per_100k = r7;
  if (r14 !== undefined) rates.community_cases_14d_per_100k = r14;
  return {
    community_cases_7d: c.last7Days,
    community_cases_14d: c.last14Days,
    community_case_known_source_14d: c.knownSource14Days,
    community_case_unknown_source_14d: c.unknownSource14Days,
    ...rates,
  };
}
