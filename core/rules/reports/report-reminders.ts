import { addDays, vietnamMidnight, vietnamToday } from '../../vietnam-calendar.ts';

/**
 * Reminders of a period's report to the units that have not submitted it (issue 16): 24 h and 2 h
 * before the deadline, then every morning while late, from the second late day to the supervisor
 * unit's officers too (escalation). Pure: the caller gives the deadline, the end of the late window
 * and now; the condition "still not submitted" is checked again when each reminder goes out.
 */

/** Hours before the deadline of the reminders that precede it. */
export const HOURS_BEFORE = [24, 2] as const;
/** The hour (Viet Nam time) late reminders go out: the start of a working day, outside quiet hours. */
export const LATE_REMINDER_HOUR = 8;
/** A late day from which the supervisor unit's officers are reminded too. */
export const ESCALATE_FROM_LATE_DAY = 2;
/**
 * How far ahead a scan schedules (the platform job runs hourly): a step is in the queue before it
 * falls due, the queue holding it until its instant.
 */
export const LOOK_AHEAD_MS = 2 * 3_600_000;
/** A step more than this in the past is superseded by the next one (a scan after an outage sends one, not a backlog). */
export const STALE_AFTER_MS = 24 * 3_600_000;

export interface ReportReminderStep {
  /** `before-24h`, `before-2h`, `late-1`, `late-2`…: with the unit and period, the dedupe key. */
  step: string;
  at: Date;
  /** Hours before the deadline (before steps), null once late. */
  hoursBefore: number | null;
  /** The late day (1 = the first morning after the deadline), 0 before it. */
  lateDay: number;
  escalate: boolean;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Every step of a period's reminders: the two before the deadline, and one each morning from the
 * first morning at or after the deadline while before `lateUntil` (the next period's deadline: from
 * then on, that period's reminders take over).
 */
export function reportReminderSteps(due: Date, lateUntil: Date): ReportReminderStep[] {
  const steps: ReportReminderStep[] = HOURS_BEFORE.map((h) => ({
    step: `before-${h}h`,
    at: new Date(due.getTime() - h * HOUR),
    hoursBefore: h,
    lateDay: 0,
    escalate: false,
  }));
  let first = new Date(vietnamMidnight(vietnamToday(due)).getTime() + LATE_REMINDER_HOUR * HOUR);
  if (first.getTime() < due.getTime())
    first = new Date(vietnamMidnight(addDays(vietnamToday(due), 1)).getTime() + LATE_REMINDER_HOUR * HOUR);
  for (let day = 1; ; day++) {
    const at = new Date(first.getTime() + (day - 1) * DAY);
    if (at.getTime() >= lateUntil.getTime()) break;
    steps.push({ step: `late-${day}`, at, hoursBefore: null, lateDay: day, escalate: day >= ESCALATE_FROM_LATE_DAY });
  }
  return steps;
}

/** The steps a scan at `now` schedules: due within the look-ahead, and not yet superseded. */
export function reportRemindersToSchedule(due: Date, lateUntil: Date, now: Date): ReportReminderStep[] {
  const t = now.getTime();
  return reportReminderSteps(due, lateUntil).filter(
    (s) => s.at.getTime() <= t + LOOK_AHEAD_MS && s.at.getTime() > t - STALE_AFTER_MS,
  );
}

/** The dedupe key: once per unit, template, period and step. */
export function reportReminderKey(unitId: string, templateCode: string, periodId: string, step: string): string {
  return `report:${templateCode}:${periodId}:${unitId}:${step}`;
}
