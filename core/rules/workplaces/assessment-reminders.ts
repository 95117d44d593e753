import { addDays, daysFrom, vietnamMidnight } from '../../vietnam-calendar.ts';

/**
 * Reminders of an organisation's COVID-safety self-assessment (issue 16, first consumer of the
 * notification channel): a few days before the day it is due, on the day, then every day while it
 * is late, each at a fixed hour of the morning in Viet Nam. Late reminders also go to the commune's
 * officers, who follow organisations up. Pure: the caller gives the due day and today.
 */

/** Days before the due day of the first reminder. */
export const REMIND_DAYS_BEFORE = 3;
/** The hour (Viet Nam time) reminders go out: the start of a working day, outside any quiet hours. */
export const REMINDER_HOUR = 8;

export interface AssessmentReminder {
  stage: 'upcoming' | 'due' | 'overdue';
  /** The local day of the reminder: one reminder per stage, and per day while overdue. */
  day: string;
  /** When it goes out. */
  at: Date;
  /** Whole days after the due day (0 when not late). */
  daysLate: number;
  /** Late reminders go to the commune's officers too. */
  escalate: boolean;
}

/**
 * The reminder to schedule on `today` for a self-assessment due on `dueOn`, or null when none is
 * due yet (more than `REMIND_DAYS_BEFORE` days ahead) or the upcoming reminder's day has passed.
 */
export function assessmentReminderFor(dueOn: string, today: string): AssessmentReminder | null {
  const ahead = daysFrom(today, dueOn);
  const at = (day: string) => new Date(vietnamMidnight(day).getTime() + REMINDER_HOUR * 3_600_000);
  if (ahead > REMIND_DAYS_BEFORE) return null;
  if (ahead > 0) {
    // One upcoming reminder, on the day it first falls due; a scan that starts later sends it that day.
    const day = addDays(dueOn, -REMIND_DAYS_BEFORE);
    const on = day < today ? today : day;
    return { stage: 'upcoming', day: on, at: at(on), daysLate: 0, escalate: false };
  }
  if (ahead === 0) return { stage: 'due', day: today, at: at(today), daysLate: 0, escalate: false };
  return { stage: 'overdue', day: today, at: at(today), daysLate: -ahead, escalate: true };
}

/** The dedupe key of a reminder: the upcoming one once per due day, the late ones once per day. */
export function assessmentReminderKey(organisationId: string, dueOn: string, r: AssessmentReminder): string {
  const stage = r.stage === 'overdue' ? `overdue:${r.day}` : r.stage;
  return `assessment:${organisationId}:${dueOn}:${stage}`;
}
