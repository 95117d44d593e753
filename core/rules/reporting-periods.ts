import { addDays, isoWeek, isoWeekStart, vietnamMidnight, vietnamToday } from '../vietnam-calendar.ts';

/**
 * Reporting periods and their deadlines (issue 16), all in Viet Nam's calendar (UTC+7, no daylight
 * saving). A period is a run of local calendar days; its deadline is an instant computed from the
 * period's last day and the template's due offset. A report is on time when it is submitted strictly
 * before the deadline: with the province's weekly default (due "before Wednesday", 2810/UBND-KGVX)
 * Tuesday 23:59:59 local is on time and Wednesday 00:00:00 is late.
 */

export const periodKinds = ['daily', 'weekly', 'monthly'] as const;
export type PeriodKind = (typeof periodKinds)[number];

/**
 * When a period's report is due: `days` calendar days after the period's last day, at `time`
 * ('HH:MM', local). `{ days: 3, time: '00:00' }` after a Monday–Sunday week is Wednesday 00:00.
 */
export interface DueOffset {
  days: number;
  time: string;
}

export interface PeriodRule {
  kind: PeriodKind;
  due: DueOffset;
}

/**
 * The defaults a template takes when it names only its kind. Weekly is the province's rule; daily
 * (during a wave) and monthly are ASSUMPTIONS the issue leaves open: a day's report by noon the next
 * day, a month's before the 5th of the next month.
 */
export const defaultDueOffsets: Readonly<Record<PeriodKind, DueOffset>> = {
  daily: { days: 1, time: '12:00' },
  weekly: { days: 3, time: '00:00' },
  monthly: { days: 5, time: '00:00' },
};

export interface ReportingPeriod {
  kind: PeriodKind;
  /** Stable identifier: `daily:2026-12-07`, `weekly:2026-W50` (ISO week), `monthly:2026-12`. */
  id: string;
  /** First and last local calendar days, inclusive ('YYYY-MM-DD'). */
  from: string;
  to: string;
}

export interface DatedPeriod extends ReportingPeriod {
  /** The deadline: a submission at or after it is late. */
  due: Date;
}

const timeOfDay = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Checks a due offset (a template's schema checks it too; this guards direct callers). */
export function assertDueOffset(due: DueOffset): void {
  if (!Number.isInteger(due.days) || due.days < 0 || due.days > 62)
    throw new RangeError(`Số ngày hạn nộp không hợp lệ / Invalid due days: ${due.days}`);
  if (!timeOfDay.test(due.time)) throw new RangeError(`Giờ hạn nộp không hợp lệ / Invalid due time: ${due.time}`);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The period of the given kind that contains a local calendar day. */
export function periodOfDay(kind: PeriodKind, day: string): ReportingPeriod {
  vietnamMidnight(day); // refuses what is not a calendar date, 2026-02-30 included
  switch (kind) {
    case 'daily':
      return { kind, id: `daily:${day}`, from: day, to: day };
    case 'weekly': {
      const { year, week } = isoWeek(day);
      const from = isoWeekStart(year, week);
      return { kind, id: `weekly:${year}-W${pad2(week)}`, from, to: addDays(from, 6) };
    }
    case 'monthly': {
      const month = day.slice(0, 7);
      const from = `${month}-01`;
      const to = addDays(addDays(from, 31).slice(0, 7) + '-01', -1);
      return { kind, id: `monthly:${month}`, from, to };
    }
  }
}

/** The period of the given kind that contains an instant (its Viet Nam calendar day). */
export function periodContaining(kind: PeriodKind, instant: Date): ReportingPeriod {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Thời điểm không hợp lệ / Invalid instant');
  return periodOfDay(kind, vietnamToday(instant));
}

/** The deadline of a period under a due offset. */
export function dueOf(period: ReportingPeriod, due: DueOffset): Date {
  assertDueOffset(due);
  const [hours, minutes] = due.time.split(':').map(Number) as [number, number];
  return new Date(vietnamMidnight(addDays(period.to, due.days)).getTime() + (hours * 60 + minutes) * 60_000);
}

/** The period containing an instant, with its deadline. */
export function reportingPeriodAt(rule: PeriodRule, instant: Date): DatedPeriod {
  const period = periodContaining(rule.kind, instant);
  return { ...period, due: dueOf(period, rule.due) };
}

/** The period just before or after one of the same kind. */
export function adjacentPeriod(period: ReportingPeriod, step: -1 | 1): ReportingPeriod {
  return periodOfDay(period.kind, step === 1 ? addDays(period.to, 1) : addDays(period.from, -1));
}

/** The `count` periods that end with `last`, oldest first (a trend's weeks). */
export function periodsEndingWith(last: ReportingPeriod, count: number): ReportingPeriod[] {
  const periods = [last];
  while (periods.length < count) periods.unshift(adjacentPeriod(periods[0]!, -1));
  return periods;
}

/** Parses a period identifier back into its period; null when it is not one. */
export function parsePeriodId(id: string): ReportingPeriod | null {
  const m = /^(daily|weekly|monthly):(.+)$/.exec(id);
  if (!m) return null;
  const kind = m[1] as PeriodKind;
  const rest = m[2]!;
  let day: string | null = null;
  if (kind === 'daily' && /^\d{4}-\d{2}-\d{2}$/.test(rest)) day = rest;
  if (kind === 'monthly' && /^\d{4}-(0[1-9]|1[0-2])$/.test(rest)) day = `${rest}-01`;
  const w = kind === 'weekly' ? /^(\d{4})-W(\d{2})$/.exec(rest) : null;
  if (w) day = isoWeekStart(Number(w[1]), Number(w[2]));
  if (!day) return null;
  try {
    const period = periodOfDay(kind, day);
    // `2026-02-30` or week 60 would roll over into another period: not the id that was given.
    return period.id === id ? period : null;
  } catch {
    return null;
  }
}

/**
 * The period a unit is reporting for at an instant: the previous period while its deadline has not
 * passed (on Tuesday, last week's report), otherwise the period containing the instant.
 */
export function currentReportingPeriod(rule: PeriodRule, now: Date): DatedPeriod {
  const containing = periodContaining(rule.kind, now);
  const previous = adjacentPeriod(containing, -1);
  const previousDue = dueOf(previous, rule.due);
  if (now.getTime() < previousDue.getTime()) return { ...previous, due: previousDue };
  return { ...containing, due: dueOf(containing, rule.due) };
}

/** On time means strictly before the deadline. */
export function isOnTime(due: Date, submittedAt: Date): boolean {
  return submittedAt.getTime() < due.getTime();
}

/** A period has not begun yet at `now` (a report for it is refused). */
export function isFuturePeriod(period: ReportingPeriod, now: Date): boolean {
  return now.getTime() < vietnamMidnight(period.from).getTime();
}

export interface Submission {
  unit: string;
  submittedAt: Date;
}

export interface UnitTimeliness {
  unit: string;
  /** The first submission: a resend or a resubmission after a return does not move it. */
  submittedAt: Date | null;
  onTime: boolean | null;
}

export interface CompletenessSummary {
  expected: number;
  submitted: number;
  onTime: number;
  late: number;
  missing: number;
  /** Percentages (0–100) of the expected units; null when no unit is expected. */
  completenessRate: number | null;
  timelinessRate: number | null;
  units: UnitTimeliness[];
}

/**
 * Completeness and timeliness of one period (DHIS2's reporting rate and reporting rate on time):
 * each expected unit counts once, by its first submission, so duplicates cannot skew the rates
 * (SORMAS #994); submissions of units that were not expected are ignored.
 */
export function completeness(expectedUnits: readonly string[], submissions: readonly Submission[], due: Date) {
  const first = new Map<string, Date>();
  for (const s of submissions) {
    const seen = first.get(s.unit);
    if (!seen || s.submittedAt.getTime() < seen.getTime()) first.set(s.unit, s.submittedAt);
  }
  const units: UnitTimeliness[] = [...new Set(expectedUnits)].map((unit) => {
    const submittedAt = first.get(unit) ?? null;
    return { unit, submittedAt, onTime: submittedAt ? isOnTime(due, submittedAt) : null };
  });
  const expected = units.length;
  const submitted = units.filter((u) => u.submittedAt).length;
  const onTime = units.filter((u) => u.onTime).length;
  const rate = (n: number) => (expected === 0 ? null : (100 * n) / expected);
  const summary: CompletenessSummary = {
    expected,
    submitted,
    onTime,
    late: submitted - onTime,
    missing: expected - submitted,
    completenessRate: rate(submitted),
    timelinessRate: rate(onTime),
    units,
  };
  return summary;
}

/**
 * One unit's on-time rate over several periods it was expected to report for: the percentage of them
 * whose first submission came before the deadline; null over no period.
 */
export function onTimeRate(periods: readonly { due: Date; submittedAt: Date | null }[]): number | null {
  if (periods.length === 0) return null;
  const onTime = periods.filter((p) => p.submittedAt && isOnTime(p.due, p.submittedAt)).length;
  return (100 * onTime) / periods.length;
}
