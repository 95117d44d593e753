import type { RiskIndicators } from '../../schemas/risk-rule-set.ts';
import { caseIndicators } from './case-indicators.ts';

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

/** The rule inputs of a locality: case counts (caseIndicators), tests, quarantine, beds, vaccination. */
export function localityIndicators(m: LocalityMeasures): RiskIndicators {
  const out: RiskIndicators = {
    ...caseIndicators(
      { last7Days: m.community7, last14Days: m.community14, knownSource14Days: m.known14, unknownSource14Days: m.community14 - m.known14 },
      m.population,
    ),
    quarantine_cases_7d: m.inQuarantine7,
    imported_cases_7d: m.imported7,
    tests_7d: m.tests7,
    people_in_quarantine: m.peopleInQuarantine,
  };
  // Positivity of no test is not 0%: leave it unmeasured.
  if (m.tests7 > 0) out.test_positivity_7d = (m.positives7 * 100) / m.tests7;
  if (m.beds && m.beds.total > 0) {
    out.bed_occupancy = (m.beds.occupied * 100) / m.beds.total;
    out.treatment_capacity_met = out.bed_occupancy < TREATMENT_CAPACITY_MAX_OCCUPANCY ? 1 : 0;
  }
  const v = m.vaccination;
  if (v?.adults1Dose != null) out.vaccine_coverage_1dose_adults = v.adults1Dose;
  if (v?.adultsFull != null) out.vaccine_coverage_full_adults = v.adultsFull;
  if (v?.highRisk != null) out.vaccine_coverage_high_risk = v.highRisk;
  return out;
}

/** Sums the measures of child units (a district or province), for its own indicators. */
export function sumMeasures(children: readonly LocalityMeasures[], population: number | null, beds: LocalityMeasures['beds']): LocalityMeasures {
  const sum = (k: 'community7' | 'community14' | 'known14' | 'inQuarantine7' | 'imported7' | 'tests7' | 'positives7' | 'peopleInQuarantine') =>
    children.reduce((s, c) => s + c[k], 0);
  return {
    population,
    community7: sum('community7'), community14: sum('community14'), known14: sum('known14'), inQuarantine7: sum('inQuarantine7'),
    imported7: sum('imported7'), tests7: sum('tests7'), positives7: sum('positives7'), peopleInQuarantine: sum('peopleInQuarantine'),
    // Coverage is not additive without the denominators: an upper level imports its own.
    vaccination: null,
    beds,
  };
}
