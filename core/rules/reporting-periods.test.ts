import { describe, expect, it } from 'vitest';
import {
  adjacentPeriod,
  completeness,
  currentReportingPeriod,
  defaultDueOffsets,
  dueOf,
  isFuturePeriod,
  isOnTime,
  onTimeRate,
  parsePeriodId,
  periodContaining,
  periodKinds,
  periodOfDay,
  periodsEndingWith,
  reportingPeriodAt,
  type PeriodRule,
} from './reporting-periods.ts';

const weekly: PeriodRule = { kind: 'weekly', due: defaultDueOffsets.weekly };
const at = (iso: string) => new Date(iso);

describe('weekly periods (Monday–Sunday, due before Wednesday 00:00 in Viet Nam)', () => {
  it('the week of an instant, its id and its deadline', () => {
    const p = reportingPeriodAt(weekly, at('2026-12-09T10:00:00+07:00'));
    expect(p).toMatchObject({ kind: 'weekly', id: 'weekly:2026-W50', from: '2026-12-07', to: '2026-12-13' });
    expect(p.due.toISOString()).toBe(at('2026-12-16T00:00:00+07:00').toISOString());
  });

  it('counts the day in Viet Nam: Sunday 17:00 UTC is already Monday, Sunday 16:59:59 UTC is not', () => {
    expect(periodContaining('weekly', at('2026-12-13T16:59:59Z')).from).toBe('2026-12-07');
    expect(periodContaining('weekly', at('2026-12-13T17:00:00Z')).from).toBe('2026-12-14');
    expect(periodContaining('weekly', at('2026-12-07T00:00:00+07:00')).from).toBe('2026-12-07');
  });

  it('Tuesday 23:59:59 local is on time, Wednesday 00:00:00 local is late', () => {
    const { due } = reportingPeriodAt(weekly, at('2026-12-08T12:00:00+07:00'));
    expect(isOnTime(due, at('2026-12-15T23:59:59+07:00'))).toBe(true);
    expect(isOnTime(due, at('2026-12-15T23:59:59.999+07:00'))).toBe(true);
    expect(isOnTime(due, at('2026-12-16T00:00:00+07:00'))).toBe(false);
    // The same instants written in UTC: Tuesday 16:59:59Z and 17:00:00Z.
    expect(isOnTime(due, at('2026-12-15T16:59:59Z'))).toBe(true);
    expect(isOnTime(due, at('2026-12-15T17:00:00Z'))).toBe(false);
  });

  it('ISO weeks across the new year: 29 Dec 2025 starts week 1 of 2026', () => {
    expect(periodOfDay('weekly', '2026-01-01')).toMatchObject({
      id: 'weekly:2026-W01',
      from: '2025-12-29',
      to: '2026-01-04',
    });
    expect(periodOfDay('weekly', '2027-01-02').id).toBe('weekly:2026-W53');
  });

  it('a configured offset moves the deadline', () => {
    const p = periodOfDay('weekly', '2026-12-09');
    expect(dueOf(p, { days: 1, time: '17:30' }).toISOString()).toBe(at('2026-12-14T17:30:00+07:00').toISOString());
    expect(() => dueOf(p, { days: 1, time: '24:00' })).toThrow(/Invalid due time/);
    expect(() => dueOf(p, { days: -1, time: '00:00' })).toThrow(/Invalid due days/);
  });
});

describe('daily and monthly periods', () => {
  it('a day is its own period, due the next day at noon by default', () => {
    const p = reportingPeriodAt({ kind: 'daily', due: defaultDueOffsets.daily }, at('2026-03-01T23:30:00+07:00'));
    expect(p).toMatchObject({ id: 'daily:2026-03-01', from: '2026-03-01', to: '2026-03-01' });
    expect(p.due.toISOString()).toBe(at('2026-03-02T12:00:00+07:00').toISOString());
  });

  it('a month runs from its first to its last day, leap years included', () => {
    expect(periodOfDay('monthly', '2028-02-10')).toMatchObject({ id: 'monthly:2028-02', to: '2028-02-29' });
    expect(periodOfDay('monthly', '2026-02-10').to).toBe('2026-02-28');
    expect(periodOfDay('monthly', '2026-12-31')).toMatchObject({ from: '2026-12-01', to: '2026-12-31' });
    const p = reportingPeriodAt({ kind: 'monthly', due: defaultDueOffsets.monthly }, at('2026-01-31T18:00:00Z'));
    // 18:00 UTC on 31 January is 1 February in Viet Nam.
    expect(p.id).toBe('monthly:2026-02');
    expect(p.due.toISOString()).toBe(at('2026-03-05T00:00:00+07:00').toISOString());
  });
});

describe('period ids and neighbours', () => {
  it.each(periodKinds)('%s: an id parses back to its period, and neighbours touch', (kind) => {
    const p = periodOfDay(kind, '2026-12-31');
    expect(parsePeriodId(p.id)).toEqual(p);
    const next = adjacentPeriod(p, 1);
    const previous = adjacentPeriod(p, -1);
    expect(adjacentPeriod(next, -1)).toEqual(p);
    expect(previous.to < p.from && next.from > p.to).toBe(true);
  });

  it('refuses what is not an id or would roll over', () => {
    for (const id of ['weekly:2026-W60', 'daily:2026-02-30', 'monthly:2026-13', 'yearly:2026', 'weekly:2026-50', ''])
      expect(parsePeriodId(id)).toBeNull();
    // 2026 starts on a Thursday and has 53 ISO weeks; 2025 has 52, its "week 53" is 2026's week 1.
    expect(parsePeriodId('weekly:2026-W53')?.from).toBe('2026-12-28');
    expect(parsePeriodId('weekly:2025-W53')).toBeNull();
  });

  it('a trend’s periods end with the chosen one, oldest first, across a year’s end', () => {
    const weeks = periodsEndingWith(periodOfDay('weekly', '2026-01-07'), 3);
    expect(weeks.map((w) => w.id)).toEqual(['weekly:2025-W52', 'weekly:2026-W01', 'weekly:2026-W02']);
    expect(periodsEndingWith(periodOfDay('monthly', '2026-03-15'), 1).map((m) => m.id)).toEqual(['monthly:2026-03']);
  });
});

describe('the period being reported for', () => {
  it('on Tuesday it is last week, from Wednesday 00:00 this week', () => {
    expect(currentReportingPeriod(weekly, at('2026-12-15T23:59:59+07:00')).id).toBe('weekly:2026-W50');
    expect(currentReportingPeriod(weekly, at('2026-12-16T00:00:00+07:00')).id).toBe('weekly:2026-W51');
  });

  it('a period that has not begun is in the future', () => {
    const p = periodOfDay('weekly', '2026-12-14');
    expect(isFuturePeriod(p, at('2026-12-13T23:59:59+07:00'))).toBe(true);
    expect(isFuturePeriod(p, at('2026-12-14T00:00:00+07:00'))).toBe(false);
  });
});

describe('completeness and timeliness', () => {
  const due = at('2026-12-16T00:00:00+07:00');

  it('counts expected, submitted, on time, late and missing, each unit once', () => {
    const s = completeness(
      ['a', 'b', 'c', 'd', 'a'],
      [
        { unit: 'a', submittedAt: at('2026-12-15T10:00:00+07:00') },
        { unit: 'a', submittedAt: at('2026-12-16T09:00:00+07:00') }, // a resend after the deadline
        { unit: 'b', submittedAt: at('2026-12-16T00:00:00+07:00') },
        { unit: 'z', submittedAt: at('2026-12-14T00:00:00+07:00') }, // not expected
      ],
      due,
    );
    expect(s).toMatchObject({ expected: 4, submitted: 2, onTime: 1, late: 1, missing: 2 });
    expect(s.completenessRate).toBe(50);
    expect(s.timelinessRate).toBe(25);
    expect(s.units.find((u) => u.unit === 'a')).toMatchObject({ onTime: true });
    expect(s.units.find((u) => u.unit === 'c')).toEqual({ unit: 'c', submittedAt: null, onTime: null });
  });

  it('the first submission decides, whatever order they come in', () => {
    const s = completeness(
      ['a'],
      [
        { unit: 'a', submittedAt: at('2026-12-17T10:00:00+07:00') },
        { unit: 'a', submittedAt: at('2026-12-14T10:00:00+07:00') },
      ],
      due,
    );
    expect(s.onTime).toBe(1);
  });

  it('no expected unit gives no rate rather than a division by zero', () => {
    expect(completeness([], [], due)).toMatchObject({ expected: 0, completenessRate: null, timelinessRate: null });
    expect(onTimeRate([])).toBeNull();
  });

  it("a unit's on-time rate over weeks", () => {
    expect(
      onTimeRate([
        { due, submittedAt: at('2026-12-15T23:59:59+07:00') },
        { due, submittedAt: at('2026-12-16T00:00:00+07:00') },
        { due, submittedAt: null },
        { due, submittedAt: at('2026-12-01T00:00:00+07:00') },
      ]),
    ).toBe(50);
  });
});
