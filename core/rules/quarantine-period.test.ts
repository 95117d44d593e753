import { describe, expect, it } from 'vitest';
import { covid19_2020, covid19_2021_dec, covid19_2021_mid } from './disease-profiles.ts';
import { extendPlan, NoQuarantineRule, quarantinePlan, releaseCheck } from './quarantine-period.ts';

describe('planned release under each profile', () => {
  it('2020: 14 days (day 1 = admission), then 14 of home monitoring, tests on days 1 and 14', () => {
    const p = quarantinePlan(covid19_2020, { reason: 'f1', startsOn: '2020-03-06', vaccinatedOrRecovered: false });
    expect(p).toEqual({
      startsOn: '2020-03-06',
      days: 14,
      endsOn: '2020-03-19',
      homeMonitoringDays: 14,
      monitoringUntil: '2020-04-02',
      testDates: ['2020-03-06', '2020-03-19'],
      shortened: false,
    });
  });

  it('2020: vaccination changes nothing (there was no shortened rule)', () => {
    expect(
      quarantinePlan(covid19_2020, { reason: 'f1', startsOn: '2020-03-06', vaccinatedOrRecovered: true }).days,
    ).toBe(14);
  });

  it('mid-2021: 14 + 14 with tests on days 1, 7 and 14; arrivals the same', () => {
    const f1 = quarantinePlan(covid19_2021_mid, { reason: 'f1', startsOn: '2021-07-30', vaccinatedOrRecovered: false });
    expect(f1.testDates).toEqual(['2021-07-30', '2021-08-05', '2021-08-12']);
    expect(f1.endsOn).toBe('2021-08-12');
    expect(
      quarantinePlan(covid19_2021_mid, { reason: 'arrival', startsOn: '2021-07-30', vaccinatedOrRecovered: false }),
    ).toEqual(f1);
  });

  it('Dec 2021: vaccinated or recovered F1s do 7 + 7 with tests on days 1 and 7; others 14 days', () => {
    const short = quarantinePlan(covid19_2021_dec, {
      reason: 'f1',
      startsOn: '2021-12-28',
      vaccinatedOrRecovered: true,
    });
    expect(short).toMatchObject({
      days: 7,
      endsOn: '2022-01-03',
      homeMonitoringDays: 7,
      monitoringUntil: '2022-01-10',
      testDates: ['2021-12-28', '2022-01-03'],
      shortened: true,
    });
    const full = quarantinePlan(covid19_2021_dec, {
      reason: 'f1',
      startsOn: '2021-12-28',
      vaccinatedOrRecovered: false,
    });
    expect(full).toMatchObject({ days: 14, endsOn: '2022-01-10', monitoringUntil: '2022-01-10', shortened: false });
  });

  it('Dec 2021: a mild F0 isolates 10 days, 7 when vaccinated, released on a test on the last day', () => {
    const p = quarantinePlan(covid19_2021_dec, {
      reason: 'f0_mild',
      startsOn: '2022-01-01',
      vaccinatedOrRecovered: true,
    });
    expect(p).toMatchObject({ days: 7, endsOn: '2022-01-07', testDates: ['2022-01-01', '2022-01-07'] });
    expect(
      quarantinePlan(covid19_2021_dec, { reason: 'f0_mild', startsOn: '2022-01-01', vaccinatedOrRecovered: false })
        .endsOn,
    ).toBe('2022-01-10');
  });

  it('has no mild-F0 isolation in 2020, when every case went to hospital', () => {
    expect(() =>
      quarantinePlan(covid19_2020, { reason: 'f0_mild', startsOn: '2020-03-06', vaccinatedOrRecovered: false }),
    ).toThrow(NoQuarantineRule);
  });

  it('moves the end, the monitoring and the release test when extended', () => {
    const p = extendPlan(
      quarantinePlan(covid19_2020, { reason: 'f1', startsOn: '2020-03-06', vaccinatedOrRecovered: false }),
      7,
    );
    expect(p).toMatchObject({
      days: 21,
      endsOn: '2020-03-26',
      monitoringUntil: '2020-04-09',
      testDates: ['2020-03-06', '2020-03-26'],
    });
  });
});

describe('release check', () => {
  const plan = quarantinePlan(covid19_2021_dec, { reason: 'f1', startsOn: '2021-12-28', vaccinatedOrRecovered: true }); // ends 2022-01-03

  it('releases the day after the last day with a negative release test (taken that day or the evening before)', () => {
    expect(releaseCheck(plan, '2022-01-04', [{ sampledOn: '2022-01-03', result: 'negative' }])).toEqual({
      allowed: true,
      blockers: [],
    });
    expect(releaseCheck(plan, '2022-01-04', [{ sampledOn: '2022-01-02', result: 'negative' }]).allowed).toBe(true);
  });

  it('refuses on the last day itself, without the release test, or after any positive', () => {
    expect(releaseCheck(plan, '2022-01-03', [{ sampledOn: '2022-01-03', result: 'negative' }]).blockers).toEqual([
      'too_early',
    ]);
    expect(releaseCheck(plan, '2022-01-04', [{ sampledOn: '2021-12-28', result: 'negative' }]).blockers).toEqual([
      'release_test_missing',
    ]);
    expect(
      releaseCheck(plan, '2022-01-04', [
        { sampledOn: '2022-01-01', result: 'positive' },
        { sampledOn: '2022-01-03', result: 'negative' },
      ]).blockers,
    ).toEqual(['positive_result']);
    expect(releaseCheck(plan, '2022-01-04', [{ sampledOn: '2022-01-03', result: 'invalid' }]).blockers).toEqual([
      'release_test_missing',
    ]);
  });
});
