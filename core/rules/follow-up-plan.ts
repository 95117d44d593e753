import type { DiseaseProfile } from '../schemas/disease-profile.ts';
import { addDays } from '../vietnam-calendar.ts';

export interface PlannedTask {
  kind: 'quarantine' | 'test';
  /** Viet Nam calendar date. */
  dueOn: string;
  details: Record<string, unknown>;
}

/**
 * What a confirmed contact must do, from the disease profile (DOMAIN §3–4). An F1 is quarantined
 * from `start` (day 1) for the profile's days and tested on the schedule's days; whether the
 * shortened rule applies (vaccinated or recovered) is decided at admission by the quarantine
 * module, so both durations travel in the task. An F2 or further stays home and self-monitors until
 * the contact they come from tests negative (2020 practice), with no test of their own scheduled.
 */
export function followUpPlan(profile: DiseaseProfile, level: number, start: string): PlannedTask[] {
  if (level >= 2) {
    return [
      {
        kind: 'quarantine',
        dueOn: start,
        details: { profile: profile.code, level, mode: 'home_until_source_negative' },
      },
    ];
  }
  const q = profile.quarantine.f1;
  const tasks: PlannedTask[] = [
    {
      kind: 'quarantine',
      dueOn: start,
      details: {
        profile: profile.code,
        level,
        mode: 'quarantine',
        days: q.days,
        homeMonitoringDays: q.homeMonitoringDays,
        endsOn: addDays(start, q.days - 1),
        ...(q.shortenedIfVaccinatedOrRecovered
          ? { shortenedIfVaccinatedOrRecovered: q.shortenedIfVaccinatedOrRecovered }
          : {}),
      },
    },
  ];
  for (const day of profile.testScheduleDays) {
    tasks.push({ kind: 'test', dueOn: addDays(start, day - 1), details: { profile: profile.code, level, day } });
  }
  return tasks;
}
