import type { DiseaseProfile } from '../schemas/disease-profile.ts';

/**
 * ASSUMPTION TO CONFIRM (not in DOMAIN): the serial interval of COVID-19 from Nishiura, Linton and
 * Akhmetzhanov (2020, Int J Infect Dis 93:284–6), mean 4.7 days, SD 2.9 days — a common choice for
 * the ancestral strain; a Delta or Omicron profile should use a shorter one.
 */
export const covidSerialInterval = { meanDays: 4.7, sdDays: 2.9 } as const;

/**
 * COVID-19 presets from DOMAIN §3–4. What every period shares:
 * - infectious period: 2 days before onset, or before the positive sample when asymptomatic,
 *   until isolation (§3);
 * - contact: ≥ 15 minutes together (§3, "within 2 m … for ≥ 15 min");
 * - assumed stay of 60 minutes when a visitor never checks out. Check-out is optional in the
 *   app and most people skip it, so the default must be realistic for a typical visit (a meal, a
 *   shop, a clinic queue). 60 minutes is long enough that two visitors who arrived close together
 *   still reach the 15-minute threshold, and short enough that a whole day at the venue is not
 *   assumed for everyone, which would flood tracers with candidates. Venues with long stays (a
 *   factory shift) are expected to record check-outs, or to use a profile with a longer value;
 * - household members are F1 without venue evidence (living together is "the same small closed
 *   space").
 */
const shared = {
  infectiousPeriod: { daysBeforeOnset: 2, daysBeforeSampleIfAsymptomatic: 2, endsAt: 'isolation' },
  contact: { minOverlapMinutes: 15, assumedStayMinutes: 60, sameHousehold: true },
  serialInterval: covidSerialInterval,
} as const satisfies Pick<DiseaseProfile, 'infectiousPeriod' | 'contact' | 'serialInterval'>;

/**
 * 2020: 14 days concentrated quarantine + 14 days home monitoring; F2 and F3 were traced too
 * (§3, "F3, F4… likewise (2020 practice)"), so three levels. DOMAIN gives no test schedule for
 * 2020; testing on admission and before release (days 1 and 14) was the common practice.
 */
export const covid19_2020: DiseaseProfile = {
  code: 'covid19_2020',
  name: { vi: 'COVID-19 (quy định năm 2020)', en: 'COVID-19 (2020 rules)' },
  version: 1,
  ...shared,
  // Entries from abroad did the same 14 + 14 days in concentrated quarantine; every F0 went to hospital.
  quarantine: { f1: { days: 14, homeMonitoringDays: 14 }, arrival: { days: 14, homeMonitoringDays: 14 } },
  testScheduleDays: [1, 14],
  expandLevels: 3,
};

/**
 * Mid-2021: the period started with 21 days of concentrated quarantine and moved to 14 + 14. The
 * default here is 14 days quarantine + 14 days home monitoring, with tests on days 1, 7 and 14 —
 * the later rule, and the one DOMAIN's home-quarantine test schedule belongs to. The 21-day rule
 * is a separate profile if a province needs it (days: 21, homeMonitoringDays: 0). Two levels: F2s
 * were still identified and asked to stay home, further levels were no longer traced.
 */
export const covid19_2021_mid: DiseaseProfile = {
  code: 'covid19_2021_mid',
  name: { vi: 'COVID-19 (quy định giữa năm 2021)', en: 'COVID-19 (mid-2021 rules)' },
  version: 1,
  ...shared,
  quarantine: { f1: { days: 14, homeMonitoringDays: 14 }, arrival: { days: 14, homeMonitoringDays: 14 } },
  testScheduleDays: [1, 7, 14],
  expandLevels: 2,
};

/**
 * December 2021 (the DOMAIN default period): vaccinated or recovered F1s do 7 days at home + 7 days
 * of self-monitoring with tests on days 1 and 7. DOMAIN does not state the rule for the others; the
 * base here (14 days, no extra monitoring) is an assumption to confirm with the health department.
 * One level: F1 only, F2 tracing had stopped being systematic by then.
 */
export const covid19_2021_dec: DiseaseProfile = {
  code: 'covid19_2021_dec',
  name: { vi: 'COVID-19 (quy định tháng 12/2021)', en: 'COVID-19 (December 2021 rules)' },
  version: 1,
  ...shared,
  // Mild F0s were treated at home from late 2021: 10 days, 7 when vaccinated (assumption to confirm,
  // DOMAIN does not give it). Arrivals follow the F1 rule.
  quarantine: {
    f1: { days: 14, homeMonitoringDays: 0, shortenedIfVaccinatedOrRecovered: { days: 7, monitoringDays: 7 } },
    f0Mild: { days: 10, homeMonitoringDays: 0, shortenedIfVaccinatedOrRecovered: { days: 7, monitoringDays: 0 } },
  },
  testScheduleDays: [1, 7],
  expandLevels: 1,
};

export const diseaseProfilePresets: readonly DiseaseProfile[] = [covid19_2020, covid19_2021_mid, covid19_2021_dec];

/** The DOMAIN §3 default ("Ministry of Health guidance of Dec 2021"). */
export const defaultDiseaseProfile = covid19_2021_dec;
