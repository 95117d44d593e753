import { describe, expect, it } from 'vitest';
import { assessmentReminderFor, assessmentReminderKey } from './assessment-reminders.ts';

const at8 = (day: string) => new Date(`${day}T08:00:00+07:00`);

describe('reminders of a self-assessment', () => {
  it('reminds once three days ahead, on the day, then daily while late, escalating', () => {
    expect(assessmentReminderFor('2026-12-10', '2026-12-06')).toBeNull();
    const upcoming = assessmentReminderFor('2026-12-10', '2026-12-07');
    expect(upcoming).toEqual({
      stage: 'upcoming',
      day: '2026-12-07',
      at: at8('2026-12-07'),
      daysLate: 0,
      escalate: false,
    });
    // The next two days ask for the same reminder (one key): it is sent once.
    const later = assessmentReminderFor('2026-12-10', '2026-12-09')!;
    expect(assessmentReminderKey('o1', '2026-12-10', later)).toBe(assessmentReminderKey('o1', '2026-12-10', upcoming!));
    expect(assessmentReminderFor('2026-12-10', '2026-12-10')).toMatchObject({ stage: 'due', at: at8('2026-12-10') });
    const late = assessmentReminderFor('2026-12-10', '2026-12-12')!;
    expect(late).toEqual({ stage: 'overdue', day: '2026-12-12', at: at8('2026-12-12'), daysLate: 2, escalate: true });
    expect(assessmentReminderKey('o1', '2026-12-10', late)).toBe('assessment:o1:2026-12-10:overdue:2026-12-12');
    expect(assessmentReminderKey('o1', '2026-12-10', assessmentReminderFor('2026-12-10', '2026-12-13')!)).not.toBe(
      assessmentReminderKey('o1', '2026-12-10', late),
    );
  });

  it('goes out at 08:00 in Viet Nam, which is 01:00 UTC', () => {
    expect(assessmentReminderFor('2027-01-01', '2027-01-01')!.at.toISOString()).toBe('2027-01-01T01:00:00.000Z');
  });
});
