import { describe, expect, it } from 'vitest';
import {
  localityIndicators,
  sumMeasures,
  TREATMENT_CAPACITY_MAX_OCCUPANCY,
  type LocalityMeasures,
} from './commune-indicators.ts';

const base: LocalityMeasures = {
  population: 20_000,
  community7: 3,
  community14: 5,
  known14: 4,
  inQuarantine7: 2,
  imported7: 1,
  tests7: 0,
  positives7: 0,
  peopleInQuarantine: 12,
  vaccination: null,
  beds: null,
};

describe('localityIndicators', () => {
  it('turns counts into rates per 100,000 and keeps the raw counts', () => {
    const i = localityIndicators(base);
    expect(i.community_cases_7d_per_100k).toBe(15);
    expect(i.community_cases_14d_per_100k).toBe(25);
    expect(i.community_case_unknown_source_14d).toBe(1);
    expect(i.quarantine_cases_7d).toBe(2);
    expect(i.imported_cases_7d).toBe(1);
    expect(i.people_in_quarantine).toBe(12);
  });

  it('leaves positivity, beds and vaccination unmeasured when there is nothing to measure', () => {
    const i = localityIndicators(base);
    expect(i.tests_7d).toBe(0);
    expect(i.test_positivity_7d).toBeUndefined();
    expect(i.bed_occupancy).toBeUndefined();
    expect(i.treatment_capacity_met).toBeUndefined();
    expect(i.vaccine_coverage_full_adults).toBeUndefined();
  });

  it('computes positivity as a percentage', () => {
    expect(localityIndicators({ ...base, tests7: 400, positives7: 6 }).test_positivity_7d).toBe(1.5);
  });

  it('reads C3 as met just below the occupancy threshold and not met at it', () => {
    const below = localityIndicators({ ...base, beds: { occupied: TREATMENT_CAPACITY_MAX_OCCUPANCY - 1, total: 100 } });
    const at = localityIndicators({ ...base, beds: { occupied: TREATMENT_CAPACITY_MAX_OCCUPANCY, total: 100 } });
    expect(below.treatment_capacity_met).toBe(1);
    expect(at.treatment_capacity_met).toBe(0);
    expect(at.bed_occupancy).toBe(80);
    expect(localityIndicators({ ...base, beds: { occupied: 0, total: 0 } }).treatment_capacity_met).toBeUndefined();
  });

  it('passes imported coverage through, a null coverage staying unmeasured', () => {
    const i = localityIndicators({ ...base, vaccination: { adults1Dose: 92.5, adultsFull: null, highRisk: 90 } });
    expect(i.vaccine_coverage_1dose_adults).toBe(92.5);
    expect(i.vaccine_coverage_full_adults).toBeUndefined();
    expect(i.vaccine_coverage_high_risk).toBe(90);
  });

  it('has no rates without a population', () => {
    expect(localityIndicators({ ...base, population: null }).community_cases_7d_per_100k).toBeUndefined();
  });
});

describe('sumMeasures', () => {
  it('adds the counts of child units and drops coverage', () => {
    const s = sumMeasures(
      [base, { ...base, community7: 1, vaccination: { adults1Dose: 50, adultsFull: 40, highRisk: 30 } }],
      40_000,
      { occupied: 5, total: 10 },
    );
    expect(s.community7).toBe(4);
    expect(s.peopleInQuarantine).toBe(24);
    expect(s.vaccination).toBeNull();
    expect(localityIndicators(s).community_cases_7d_per_100k).toBe(10);
  });
});
