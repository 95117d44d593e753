import type { DiseaseProfile } from '../schemas/disease-profile.ts';
import { DAY_MS, vietnamMidnight } from '../vietnam-calendar.ts';

/**
 * Exposure rules for tracing (DOMAIN §3, issue 4). Every interval here is half-open
 * [from, to): the start instant belongs to it, the end instant does not. That makes back-to-back
 * intervals share no minute (a visitor arriving the instant another leaves is not a contact), and an
 * isolation at 10:00 ends the infectious period before anything that starts at 10:00.
 */
export interface Interval {
  from: Date;
  to: Date;
}

const MINUTE = 60_000;
const plainDate = /^\d{4}-\d{2}-\d{2}$/;

function instant(value: string | Date, label: string): Date {
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime()))
    throw new RangeError(`Thời điểm không hợp lệ / Invalid instant (${label}): ${String(value)}`);
  return d;
}

export interface CaseDates {
  /** Vietnam calendar date of symptom onset; absent for an asymptomatic case. */
  onsetDate?: string;
  /** Vietnam calendar date of the positive sample. */
  sampleDate?: string;
  /** Instant of isolation, or a plain date when only the day is known. */
  isolatedAt?: string;
}

/**
 * When the case could infect others: from 00:00 local of (onset − N days), or of (sample − N days)
 * for an asymptomatic case, until isolation, or `now` while the case is not isolated yet.
 * An isolation known only by its date ends at the end of that day: tracers would rather review a
 * few extra candidates than miss contacts from the morning before the case was taken in.
 * A window that would end before it starts (dirty dates) is returned empty, never inverted.
 */
export function infectiousWindow(profile: DiseaseProfile, c: CaseDates, now: Date): Interval {
  const { daysBeforeOnset, daysBeforeSampleIfAsymptomatic } = profile.infectiousPeriod;
  let from: Date;
  if (c.onsetDate) from = new Date(vietnamMidnight(c.onsetDate).getTime() - daysBeforeOnset * DAY_MS);
  else if (c.sampleDate)
    from = new Date(vietnamMidnight(c.sampleDate).getTime() - daysBeforeSampleIfAsymptomatic * DAY_MS);
  else throw new RangeError('Cần ngày khởi phát hoặc ngày lấy mẫu / An onset date or a sample date is needed');

  let to: Date;
  if (!c.isolatedAt) to = now;
  else if (plainDate.test(c.isolatedAt)) to = new Date(vietnamMidnight(c.isolatedAt).getTime() + DAY_MS);
  else to = instant(c.isolatedAt, 'isolatedAt');

  return { from, to: to < from ? from : to };
}

/**
 * Longest stay tracing believes: a check-out more than a day after the check-in is a forgotten
 * check-out, not a 30-hour visit. The cap also bounds how far back the tracing query searches a
 * venue's check-ins for people still inside when the case arrived.
 */
export const MAX_STAY_MINUTES = 24 * 60;

export interface Checkin {
  checkedInAt: string | Date;
  checkedOutAt?: string | Date | null;
}

/**
 * The time a person was at the venue. Without a check-out — or with one not after the check-in,
 * which is a clock or data error — the profile's assumed stay is used; no stay exceeds
 * MAX_STAY_MINUTES.
 */
export function stayInterval(checkin: Checkin, profile: Pick<DiseaseProfile, 'contact'>): Interval {
  const from = instant(checkin.checkedInAt, 'checkedInAt');
  const out = checkin.checkedOutAt ? instant(checkin.checkedOutAt, 'checkedOutAt') : null;
  const to = out && out > from ? out : new Date(from.getTime() + profile.contact.assumedStayMinutes * MINUTE);
  const cap = from.getTime() + MAX_STAY_MINUTES * MINUTE;
  return { from, to: to.getTime() > cap ? new Date(cap) : to };
}

/** Minutes two half-open intervals share (fractions kept, so 14 min 59 s stays below 15). */
export function overlapMinutes(a: Interval, b: Interval): number {
  const ms = Math.min(a.to.getTime(), b.to.getTime()) - Math.max(a.from.getTime(), b.from.getTime());
  return ms > 0 ? ms / MINUTE : 0;
}

/** The part of `a` inside `b`, or null when they share nothing. */
export function clip(a: Interval, b: Interval): Interval | null {
  const from = Math.max(a.from.getTime(), b.from.getTime());
  const to = Math.min(a.to.getTime(), b.to.getTime());
  return to > from ? { from: new Date(from), to: new Date(to) } : null;
}

export interface VenueContact {
  contact: boolean;
  overlapMinutes: number;
}

/**
 * Whether another person's stay at the same venue makes them a contact of the case. Only time the
 * case spent there while infectious counts: a visit two days before the window opened, or after
 * isolation, shares no infectious minutes. Reaching exactly `minOverlapMinutes` counts ("≥ 15 min").
 * Callers pass stays at the same venue; matching venues is their join, not this rule.
 */
export function isVenueContact(
  profile: DiseaseProfile,
  caseStay: Interval,
  otherStay: Interval,
  window: Interval,
): VenueContact {
  const infectiousStay = clip(caseStay, window);
  const minutes = infectiousStay ? overlapMinutes(infectiousStay, otherStay) : 0;
  return { contact: minutes > 0 && minutes >= profile.contact.minOverlapMinutes, overlapMinutes: minutes };
}

export interface CandidateEvidence {
  personId: string;
  /** Lives with the case: F1 by definition when the profile says so. */
  household: boolean;
  venueContacts: readonly { venueId: string; overlapMinutes: number }[];
}

export interface RankedCandidate extends CandidateEvidence {
  totalOverlapMinutes: number;
  distinctVenues: number;
}

/**
 * Order in which a tracer should call candidates: household members first (sure exposure, and
 * usually the easiest to reach), then the most time spent with the case, then the most distinct
 * venues shared (repeated meetings in different places are stronger than one long stay the
 * check-in data may overstate), then the person id so the list is stable between runs. Total time
 * comes before venue count because the contact definition itself is about time together.
 */
export function rankEvidence(candidates: readonly CandidateEvidence[]): RankedCandidate[] {
  return candidates
    .map((c) => ({
      ...c,
      totalOverlapMinutes: c.venueContacts.reduce((sum, v) => sum + v.overlapMinutes, 0),
      distinctVenues: new Set(c.venueContacts.map((v) => v.venueId)).size,
    }))
    .sort(
      (a, b) =>
        Number(b.household) - Number(a.household) ||
        b.totalOverlapMinutes - a.totalOverlapMinutes ||
        b.distinctVenues - a.distinctVenues ||
        (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0),
    );
}
