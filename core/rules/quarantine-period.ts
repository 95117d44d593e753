import type { DiseaseProfile, QuarantineRule } from '../schemas/disease-profile.ts';
import { addDays } from '../vietnam-calendar.ts';

export type QuarantineReason = 'f1' | 'arrival' | 'f0_mild';

export interface QuarantinePlan {
  /** Day 1 of quarantine (Viet Nam calendar date). */
  startsOn: string;
  days: number;
  /** Last day in quarantine: release is due the day after. */
  endsOn: string;
  homeMonitoringDays: number;
  /** Last day of home monitoring after release (equal to endsOn when there is none). */
  monitoringUntil: string;
  /** Calendar dates of the scheduled tests (the profile's days that fall inside the quarantine). */
  testDates: string[];
  shortened: boolean;
}

export class NoQuarantineRule extends Error {
  constructor(
    readonly reason: QuarantineReason,
    readonly profileCode: string,
  ) {
    super(`profile ${profileCode} has no rule for ${reason}`);
  }
}

function ruleFor(profile: DiseaseProfile, reason: QuarantineReason): QuarantineRule {
  if (reason === 'f1') return profile.quarantine.f1;
  if (reason === 'arrival') return profile.quarantine.arrival ?? profile.quarantine.f1;
  if (!profile.quarantine.f0Mild) throw new NoQuarantineRule(reason, profile.code);
  return profile.quarantine.f0Mild;
}

/**
 * The planned quarantine of one admission (DOMAIN §4). Vaccinated or recovered people get the
 * shortened rule where the profile has one (Dec 2021: 7 + 7 instead of 14); tests are the profile's
 * schedule days that fall inside the quarantine — for a shortened stay the later ones drop out, and
 * the last remaining one is the release test.
 */
export function quarantinePlan(
  profile: DiseaseProfile,
  o: { reason: QuarantineReason; startsOn: string; vaccinatedOrRecovered: boolean },
): QuarantinePlan {
  const rule = ruleFor(profile, o.reason);
  const short = o.vaccinatedOrRecovered ? rule.shortenedIfVaccinatedOrRecovered : undefined;
  const days = short?.days ?? rule.days;
  const homeMonitoringDays = short?.monitoringDays ?? rule.homeMonitoringDays;
  const endsOn = addDays(o.startsOn, days - 1);
  const inside = profile.testScheduleDays.filter((d) => d <= days);
  // A stay must end on a test: without a scheduled day inside it, the last day is the release test.
  const testDays = inside.length ? inside : [days];
  return {
    startsOn: o.startsOn,
    days,
    endsOn,
    homeMonitoringDays,
    monitoringUntil: addDays(endsOn, homeMonitoringDays),
    testDates: testDays.map((d) => addDays(o.startsOn, d - 1)),
    shortened: short !== undefined,
  };
}

/** Moves the end (and the monitoring after it) by whole days, e.g. after symptoms or a positive roommate. */
export function extendPlan(plan: QuarantinePlan, extraDays: number): QuarantinePlan {
  const endsOn = addDays(plan.endsOn, extraDays);
  return {
    ...plan,
    days: plan.days + extraDays,
    endsOn,
    monitoringUntil: addDays(endsOn, plan.homeMonitoringDays),
    testDates: [...plan.testDates.slice(0, -1), endsOn],
  };
}

export interface TestResultOnFile {
  /** Viet Nam date the sample was taken. */
  sampledOn: string;
  result: 'negative' | 'positive' | 'invalid';
}

export type ReleaseBlocker = 'too_early' | 'positive_result' | 'release_test_missing';

/**
 * Whether a person may be released on `today`: the stay is over, nothing positive was found, and
 * the release test (the last scheduled one) is negative. A sample taken one day before its
 * scheduled day counts, since results take a day to come back and labs sample the evening before.
 */
export function releaseCheck(
  plan: QuarantinePlan,
  today: string,
  results: readonly TestResultOnFile[],
): { allowed: boolean; blockers: ReleaseBlocker[] } {
  const blockers: ReleaseBlocker[] = [];
  if (today <= plan.endsOn) blockers.push('too_early');
  if (results.some((r) => r.result === 'positive' && r.sampledOn >= plan.startsOn)) blockers.push('positive_result');
  const releaseTest = plan.testDates.at(-1) ?? plan.endsOn;
  const earliest = addDays(releaseTest, -1);
  if (!results.some((r) => r.result === 'negative' && r.sampledOn >= earliest)) blockers.push('release_test_missing');
  return { allowed: blockers.length === 0, blockers };
}
