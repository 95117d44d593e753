import { describe, expect, it } from 'vitest';
import { covid19_2021_dec } from './disease-profiles.ts';
import {
  MAX_STAY_MINUTES,
  infectiousWindow,
  isVenueContact,
  overlapMinutes,
  rankEvidence,
  stayInterval,
  type Interval,
} from './exposure.ts';
import { vietnamMidnight } from '../vietnam-calendar.ts';

const profile = covid19_2021_dec;
const at = (iso: string) => new Date(iso);
const span = (from: string, to: string): Interval => ({ from: at(from), to: at(to) });
const now = at('2021-12-20T12:00:00+07:00');

describe('infectious window', () => {
  it('starts at 00:00 Viet Nam time two days before onset and ends at isolation', () => {
    const w = infectiousWindow(
      profile,
      { onsetDate: '2021-12-10', sampleDate: '2021-12-11', isolatedAt: '2021-12-11T09:30:00+07:00' },
      now,
    );
    expect(w.from.toISOString()).toBe('2021-12-07T17:00:00.000Z'); // 08/12 00:00 +07
    expect(w.to.toISOString()).toBe('2021-12-11T02:30:00.000Z');
  });

  it('uses the positive sample date for an asymptomatic case', () => {
    const w = infectiousWindow(profile, { sampleDate: '2021-12-15' }, now);
    expect(w.from).toEqual(vietnamMidnight('2021-12-13'));
    expect(w.to).toEqual(now); // not isolated yet: still infectious
  });

  it('ends an isolation known only by its date at the end of that day', () => {
    const w = infectiousWindow(profile, { onsetDate: '2021-12-10', isolatedAt: '2021-12-12' }, now);
    expect(w.to).toEqual(vietnamMidnight('2021-12-13'));
  });

  it('never inverts a window with dirty dates, and needs a date to start from', () => {
    const w = infectiousWindow(profile, { onsetDate: '2021-12-10', isolatedAt: '2021-12-01T00:00:00+07:00' }, now);
    expect(w.to).toEqual(w.from);
    expect(() => infectiousWindow(profile, {}, now)).toThrow(/onset date or a sample date/);
    expect(() => infectiousWindow(profile, { onsetDate: '10/12/2021' }, now)).toThrow(RangeError);
  });
});

describe('stays and overlap', () => {
  it('assumes the profile stay when there is no check-out (or a check-out before the check-in)', () => {
    const s = stayInterval({ checkedInAt: '2021-12-09T10:00:00+07:00' }, profile);
    expect(s.to.getTime() - s.from.getTime()).toBe(profile.contact.assumedStayMinutes * 60_000);
    const bad = stayInterval(
      { checkedInAt: '2021-12-09T10:00:00+07:00', checkedOutAt: '2021-12-09T09:00:00+07:00' },
      profile,
    );
    expect(bad).toEqual(s);
    const real = stayInterval(
      { checkedInAt: '2021-12-09T10:00:00+07:00', checkedOutAt: '2021-12-09T10:20:00+07:00' },
      profile,
    );
    expect(overlapMinutes(real, real)).toBe(20);
  });

  it('takes a check-out more than a day later as a forgotten one: the stay stops at 24 hours', () => {
    const s = stayInterval(
      { checkedInAt: '2021-12-09T10:00:00+07:00', checkedOutAt: '2021-12-11T10:00:00+07:00' },
      profile,
    );
    expect(s.to.getTime() - s.from.getTime()).toBe(MAX_STAY_MINUTES * 60_000);
    const dayLong = stayInterval(
      { checkedInAt: '2021-12-09T10:00:00+07:00', checkedOutAt: '2021-12-10T10:00:00+07:00' },
      profile,
    );
    expect(dayLong.to.toISOString()).toBe('2021-12-10T03:00:00.000Z');
  });

  it('counts no overlap for back-to-back or disjoint stays', () => {
    expect(
      overlapMinutes(
        span('2021-12-09T10:00:00Z', '2021-12-09T11:00:00Z'),
        span('2021-12-09T11:00:00Z', '2021-12-09T12:00:00Z'),
      ),
    ).toBe(0);
    expect(
      overlapMinutes(
        span('2021-12-09T10:00:00Z', '2021-12-09T11:00:00Z'),
        span('2021-12-10T10:00:00Z', '2021-12-10T11:00:00Z'),
      ),
    ).toBe(0);
  });
});

describe('venue contact', () => {
  const window = infectiousWindow(profile, { onsetDate: '2021-12-10', isolatedAt: '2021-12-11T12:00:00+07:00' }, now);
  const caseStay = span('2021-12-09T10:00:00+07:00', '2021-12-09T11:00:00+07:00');

  it('counts exactly 15 minutes together and not 14', () => {
    expect(
      isVenueContact(profile, caseStay, span('2021-12-09T10:45:00+07:00', '2021-12-09T12:00:00+07:00'), window),
    ).toEqual({ contact: true, overlapMinutes: 15 });
    expect(
      isVenueContact(profile, caseStay, span('2021-12-09T10:46:00+07:00', '2021-12-09T12:00:00+07:00'), window),
    ).toEqual({ contact: false, overlapMinutes: 14 });
    const almost = isVenueContact(
      profile,
      caseStay,
      span('2021-12-09T10:45:01+07:00', '2021-12-09T12:00:00+07:00'),
      window,
    );
    expect(almost.contact).toBe(false);
  });

  it('is no contact at the same venue on another day', () => {
    expect(
      isVenueContact(profile, caseStay, span('2021-12-10T10:00:00+07:00', '2021-12-10T11:00:00+07:00'), window).contact,
    ).toBe(false);
  });

  it('uses the assumed stay of a visitor who never checked out', () => {
    const visitor = stayInterval({ checkedInAt: '2021-12-09T10:30:00+07:00' }, profile);
    expect(isVenueContact(profile, caseStay, visitor, window)).toEqual({ contact: true, overlapMinutes: 30 });
  });

  it('includes the window start instant and excludes the end instant', () => {
    // 29 minutes together, but only the 14 from 00:00 on the window's first day are infectious.
    const aroundStart = span('2021-12-07T23:45:00+07:00', '2021-12-08T00:14:00+07:00');
    const other = span('2021-12-07T23:00:00+07:00', '2021-12-08T01:00:00+07:00');
    expect(isVenueContact(profile, aroundStart, other, window)).toEqual({ contact: false, overlapMinutes: 14 });
    const fromStart = span('2021-12-08T00:00:00+07:00', '2021-12-08T00:15:00+07:00');
    expect(isVenueContact(profile, fromStart, other, window)).toEqual({ contact: true, overlapMinutes: 15 });
    // Isolation at 12:00: the 15 minutes from 12:00 are no longer infectious.
    const atEnd = span('2021-12-11T11:45:00+07:00', '2021-12-11T12:15:00+07:00');
    const late = span('2021-12-11T11:46:00+07:00', '2021-12-11T13:00:00+07:00');
    expect(isVenueContact(profile, atEnd, late, window)).toEqual({ contact: false, overlapMinutes: 14 });
    const onTime = span('2021-12-11T11:45:00+07:00', '2021-12-11T13:00:00+07:00');
    expect(isVenueContact(profile, atEnd, onTime, window)).toEqual({ contact: true, overlapMinutes: 15 });
    const afterIsolation = span('2021-12-11T12:00:00+07:00', '2021-12-11T13:00:00+07:00');
    expect(isVenueContact(profile, atEnd, afterIsolation, window)).toEqual({ contact: false, overlapMinutes: 0 });
  });

  it('finds the contact of an asymptomatic case through its sample date', () => {
    const w = infectiousWindow(profile, { sampleDate: '2021-12-12' }, now);
    const stay = span('2021-12-10T08:00:00+07:00', '2021-12-10T09:00:00+07:00'); // sample − 2 days
    expect(isVenueContact(profile, stay, stay, w).contact).toBe(true);
    const before = span('2021-12-09T08:00:00+07:00', '2021-12-09T09:00:00+07:00');
    expect(isVenueContact(profile, before, before, w).contact).toBe(false);
  });
});

describe('rankEvidence', () => {
  it('puts household first, then time together, then distinct venues, then id', () => {
    const ranked = rankEvidence([
      { personId: 'd', household: false, venueContacts: [{ venueId: 'v1', overlapMinutes: 30 }] },
      {
        personId: 'c',
        household: false,
        venueContacts: [
          { venueId: 'v1', overlapMinutes: 15 },
          { venueId: 'v2', overlapMinutes: 15 },
        ],
      },
      { personId: 'a', household: false, venueContacts: [{ venueId: 'v1', overlapMinutes: 60 }] },
      { personId: 'h', household: true, venueContacts: [] },
      { personId: 'b', household: false, venueContacts: [{ venueId: 'v1', overlapMinutes: 30 }] },
    ]);
    expect(ranked.map((r) => r.personId)).toEqual(['h', 'a', 'c', 'b', 'd']);
    expect(ranked[2]).toMatchObject({ totalOverlapMinutes: 30, distinctVenues: 2 });
  });
});
