import { describe, expect, it } from 'vitest';
import { dueOf, periodOfDay } from '../reporting-periods.ts';
import { reportReminderKey, reportReminderSteps, reportRemindersToSchedule } from './report-reminders.ts';

const week = periodOfDay('weekly', '2026-11-30'); // Monday 30 November – Sunday 6 December
const due = dueOf(week, { days: 3, time: '00:00' }); // Wednesday 9 December 00:00 (+07)
const next = dueOf(periodOfDay('weekly', '2026-12-07'), { days: 3, time: '00:00' });
const at = (s: string) => new Date(s).toISOString();

describe('report reminder steps', () => {
  it('24 h and 2 h before Wednesday 00:00, then each morning while late until the next deadline', () => {
    const steps = reportReminderSteps(due, next);
    expect(steps.map((s) => [s.step, s.at.toISOString(), s.escalate])).toEqual([
      ['before-24h', at('2026-12-08T00:00:00+07:00'), false],
      ['before-2h', at('2026-12-08T22:00:00+07:00'), false],
      ['late-1', at('2026-12-09T08:00:00+07:00'), false],
      ['late-2', at('2026-12-10T08:00:00+07:00'), true],
      ['late-3', at('2026-12-11T08:00:00+07:00'), true],
      ['late-4', at('2026-12-12T08:00:00+07:00'), true],
      ['late-5', at('2026-12-13T08:00:00+07:00'), true],
      ['late-6', at('2026-12-14T08:00:00+07:00'), true],
      ['late-7', at('2026-12-15T08:00:00+07:00'), true],
    ]);
  });

  it('a deadline after the morning hour is first chased the next morning', () => {
    const noon = new Date('2026-12-08T12:00:00+07:00');
    const steps = reportReminderSteps(noon, new Date('2026-12-09T12:00:00+07:00'));
    expect(steps.filter((s) => s.lateDay > 0).map((s) => s.at.toISOString())).toEqual([
      at('2026-12-09T08:00:00+07:00'),
    ]);
  });

  it('a scan schedules what falls due within two hours and is not superseded', () => {
    const scan = (iso: string) => reportRemindersToSchedule(due, next, new Date(iso)).map((s) => s.step);
    expect(scan('2026-12-07T21:00:00+07:00')).toEqual([]);
    expect(scan('2026-12-07T22:30:00+07:00')).toEqual(['before-24h']);
    expect(scan('2026-12-08T21:00:00+07:00')).toEqual(['before-24h', 'before-2h']);
    expect(scan('2026-12-10T10:00:00+07:00')).toEqual(['late-2']);
    expect(scan('2026-12-16T10:00:00+07:00')).toEqual([]);
  });

  it('keys a step by template, period and unit', () => {
    expect(reportReminderKey('u1', 'weekly-covid', week.id, 'late-2')).toBe(
      'report:weekly-covid:weekly:2026-W49:u1:late-2',
    );
  });
});
