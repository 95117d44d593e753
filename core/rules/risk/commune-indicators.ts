import { riskIndicators, type RiskIndicator, type RiskIndicators } from '../../schemas/risk-rule-set.ts';

/** What is measured for one locality on a day, before it becomes rule inputs. */
export interface LocalityMeasures {
  population: number | null;
  community7: number;
  community14: number;
  known14: number;
  inQuarantine7: number;
  imported7: number;
  tests7: number;
  positives7: number;
  peopleInQuarantine: number;
  /** Latest imported coverage on or before the day (percentages), if any. */
  vaccination: { adults1Dose: number | null; adultsFull: number | null; highRisk: number | null } | null;
  /** Treatment beds of the province in use and in total; null when no bed is registered. */
  beds: { occupied: number; total: number } | null;
}

/**
 * ASSUMPTION TO CONFIRM: C3 (treatment capacity) is read as met while the province's treatment beds
 * are less than 80% occupied — the same threshold as a facility's default capacity alert. Without
 * any registered bed, C3 is not measured, so a rule set that needs it reports it missing.
 */
export const TREATMENT_CAPACITY_MAX_OCCUPANCY = 80;

/** Position of each indicator in an indicator vector (NaN = not measured). */
export const indicatorSlot = Object.fromEntries(riskIndicators.map((k, i) => [k, i])) as Record<RiskIndicator, number>;
export const indicatorCount = riskIndicators.length;

/**
 * Writes the rule inputs of a locality into `out` (NaN where unmeasured): case counts and rates,
 * tests, quarantine, beds, vaccination. The one place their arithmetic is written: the map, the
 * evaluation and the year-long level series all come through here.
 */
export function writeIndicators(m: LocalityMeasures, out: Float64Array): void {
  // Slots by constant (not looked up by name per call): the year-long series calls this a million times.
  const s = slots;
  out.fill(Number.NaN);
  out[s.c7] = m.community7;
  out[s.c14] = m.community14;
  out[s.known14] = m.known14;
  out[s.unknown14] = m.community14 - m.known14;
  // Without a population the rates are left out, so a rule on them reports the indicator as missing.
  if (m.population && m.population > 0) {
    out[s.c7per100k] = (m.community7 * 100_000) / m.population;
    out[s.c14per100k] = (m.community14 * 100_000) / m.population;
  }
  out[s.quarantine7] = m.inQuarantine7;
  out[s.imported7] = m.imported7;
  out[s.tests7] = m.tests7;
  out[s.peopleInQuarantine] = m.peopleInQuarantine;
  // Positivity of no test is not 0%: leave it unmeasured.
  if (m.tests7 > 0) out[s.positivity7] = (m.positives7 * 100) / m.tests7;
  if (m.beds && m.beds.total > 0) {
    const occupancy = (m.beds.occupied * 100) / m.beds.total;
    out[s.bedOccupancy] = occupancy;
    out[s.capacityMet] = occupancy < TREATMENT_CAPACITY_MAX_OCCUPANCY ? 1 : 0;
  }
  const v = m.vaccination;
  if (v?.adults1Dose != null) out[s.vaccine1] = v.adults1Dose;
  if (v?.adultsFull != null) out[s.vaccineFull] = v.adultsFull;
  if (v?.highRisk != null) out[s.vaccineHighRisk] = v.highRisk;
}

const slots = {
  c7: indicatorSlot.community_cases_7d,
  c14: indicatorSlot.community_cases_14d,
  known14: indicatorSlot.community_case_known_source_14d,
  unknown14: indicatorSlot.community_case_unknown_source_14d,
  c7per100k: indicatorSlot.community_cases_7d_per_100k,
  c14per100k: indicatorSlot.community_cases_14d_per_100k,
  quarantine7: indicatorSlot.quarantine_cases_7d,
  imported7: indicatorSlot.imported_cases_7d,
  tests7: indicatorSlot.tests_7d,
  peopleInQuarantine: indicatorSlot.people_in_quarantine,
  positivity7: indicatorSlot.test_positivity_7d,
  bedOccupancy: indicatorSlot.bed_occupancy,
  capacityMet: indicatorSlot.treatment_capacity_met,
  vaccine1: indicatorSlot.vaccine_coverage_1dose_adults,
  vaccineFull: indicatorSlot.vaccine_coverage_full_adults,
  vaccineHighRisk: indicatorSlot.vaccine_coverage_high_risk,
} as const;

/** The rule inputs of a locality as an object (unmeasured indicators absent). */
export function localityIndicators(m: LocalityMeasures): RiskIndicators {
  const vector = new Float64Array(indicatorCount);
  writeIndicators(m, vector);
  const out: RiskIndicators = {};
  riskIndicators.forEach((k, i) => {
    if (!Number.isNaN(vector[i])) out[k] = vector[i]!;
  });
  return out;
}

/** Sums the measures of child units (a district or province), for its own indicators. */
export function sumMeasures(
  children: readonly LocalityMeasures[],
  population: number | null,
  beds: LocalityMeasures['beds'],
): LocalityMeasures {
  const sum = (
    k:
      | 'community7'
      | 'community14'
      | 'known14'
      | 'inQuarantine7'
      | 'imported7'
      | 'tests7'
      | 'positives7'
      | 'peopleInQuarantine',
  ) => children.reduce((s, c) => s + c[k], 0);
  return {
    population,
    community7: sum('community7'),
    community14: sum('community14'),
    known14: sum('known14'),
    inQuarantine7: sum('inQuarantine7'),
    imported7: sum('imported7'),
    tests7: sum('tests7'),
    positives7: sum('positives7'),
    peopleInQuarantine: sum('peopleInQuarantine'),
    // Coverage is not additive without the denominators: an upper level imports its own.
    vaccination: null,
    beds,
  };
}
