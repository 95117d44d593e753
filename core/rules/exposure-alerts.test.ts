import { describe, expect, it } from 'vitest';
import { covid19_2021_dec } from './disease-profiles.ts';
import {
  base64url,
  daysTouched,
  fromBase64url,
  identifierDeriver,
  matchExposures,
  venueDayIdentifier,
  windowInMinutes,
  type KeptCheckin,
} from './exposure-alerts.ts';

const contact = covid19_2021_dec.contact;
const at = (iso: string) => new Date(iso);
const entry = (id: string, from: string, to: string) => ({ id, ...windowInMinutes({ from: at(from), to: at(to) }) });
const kept = (ref: string, ids: string[], inAt: string, outAt: string | null = null): KeptCheckin => ({
  ref,
  identifiers: ids,
  checkedInAt: inAt,
  checkedOutAt: outAt,
});

describe('venue-day identifiers', () => {
  const key = base64url(new Uint8Array(16).fill(7));

  it('are the same for the same key and day, and differ between days and keys', async () => {
    const a = await venueDayIdentifier(key, '2021-12-10');
    expect(a).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(await venueDayIdentifier(key, '2021-12-10')).toBe(a);
    expect(await venueDayIdentifier(key, '2021-12-11')).not.toBe(a);
    expect(await venueDayIdentifier(base64url(new Uint8Array(16).fill(8)), '2021-12-10')).not.toBe(a);
    expect(await identifierDeriver()(key, '2021-12-10')).toBe(a);
  });

  it('round-trips base64url', () => {
    const bytes = new Uint8Array([0, 250, 251, 252, 253, 254, 255, 1]);
    expect(fromBase64url(base64url(bytes))).toEqual(bytes);
  });
});

describe('days touched', () => {
  it('counts Viet Nam days, the end instant excluded', () => {
    expect(daysTouched({ from: at('2021-12-10T23:30:00+07:00'), to: at('2021-12-11T00:30:00+07:00') })).toEqual([
      '2021-12-10',
      '2021-12-11',
    ]);
    expect(daysTouched({ from: at('2021-12-10T23:00:00+07:00'), to: at('2021-12-11T00:00:00+07:00') })).toEqual([
      '2021-12-10',
    ]);
  });
});

describe('matching kept check-ins against the feed', () => {
  const w = entry('A', '2021-12-10T09:00:00+07:00', '2021-12-10T10:00:00+07:00');

  it('warns at 15 minutes together inside the window, not at 14', () => {
    expect(matchExposures(contact, [kept('x', ['A'], '2021-12-10T09:45:00+07:00')], [w])).toHaveLength(1);
    expect(matchExposures(contact, [kept('y', ['A'], '2021-12-10T09:46:00+07:00')], [w])).toEqual([]);
  });

  it('assumes 60 minutes without a check-out, and believes a check-out', () => {
    // Arrived 08:15, no check-out: there until 09:15, 15 minutes inside the window.
    expect(matchExposures(contact, [kept('x', ['A'], '2021-12-10T08:15:00+07:00')], [w])).toHaveLength(1);
    expect(
      matchExposures(contact, [kept('x', ['A'], '2021-12-10T08:15:00+07:00', '2021-12-10T09:10:00+07:00')], [w]),
    ).toEqual([]);
  });

  it('needs the same venue-day identifier', () => {
    expect(matchExposures(contact, [kept('x', ['B'], '2021-12-10T09:00:00+07:00')], [w])).toEqual([]);
  });

  it('gives one match for a window published under two days', () => {
    const night = [
      entry('D1', '2021-12-10T23:00:00+07:00', '2021-12-11T01:00:00+07:00'),
      entry('D2', '2021-12-10T23:00:00+07:00', '2021-12-11T01:00:00+07:00'),
    ];
    const m = matchExposures(contact, [kept('x', ['D1', 'D2'], '2021-12-10T23:30:00+07:00')], night);
    expect(m).toHaveLength(1);
    expect(m[0]!.minutes).toBe(60);
    expect(m[0]!.from.toISOString()).toBe('2021-12-10T16:30:00.000Z');
  });
});
