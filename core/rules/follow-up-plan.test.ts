import { describe, expect, it } from 'vitest';
import { covid19_2020, covid19_2021_dec, covid19_2021_mid } from './disease-profiles.ts';
import { followUpPlan } from './follow-up-plan.ts';
import { addDays } from '../vietnam-calendar.ts';

describe('follow-up plan of a confirmed contact', () => {
  it('counts calendar days across month and year ends', () => {
    expect(addDays('2021-12-30', 3)).toBe('2022-01-02');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('quarantines a 2020 F1 for 14 days (day 1 = start) with tests on days 1 and 14', () => {
    const plan = followUpPlan(covid19_2020, 1, '2020-03-06');
    expect(plan[0]).toMatchObject({
      kind: 'quarantine',
      dueOn: '2020-03-06',
      details: { days: 14, homeMonitoringDays: 14, endsOn: '2020-03-19' },
    });
    expect(plan.filter((t) => t.kind === 'test').map((t) => t.dueOn)).toEqual(['2020-03-06', '2020-03-19']);
  });

  it('schedules mid-2021 tests on days 1, 7 and 14', () => {
    expect(
      followUpPlan(covid19_2021_mid, 1, '2021-07-01')
        .filter((t) => t.kind === 'test')
        .map((t) => t.dueOn),
    ).toEqual(['2021-07-01', '2021-07-07', '2021-07-14']);
  });

  it('carries the December 2021 shortened rule for the quarantine module to apply', () => {
    const [q] = followUpPlan(covid19_2021_dec, 1, '2021-12-20');
    expect(q!.details).toMatchObject({ days: 14, shortenedIfVaccinatedOrRecovered: { days: 7, monitoringDays: 7 } });
  });

  it('asks an F2 to stay home until their source tests negative, without tests of their own', () => {
    expect(followUpPlan(covid19_2020, 2, '2020-03-06')).toEqual([
      {
        kind: 'quarantine',
        dueOn: '2020-03-06',
        details: { profile: 'covid19_2020', level: 2, mode: 'home_until_source_negative' },
      },
    ]);
  });
});
