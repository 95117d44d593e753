import { describe, expect, it } from 'vitest';
import { base64url, venueDayIdentifier } from '../../../../core/rules/exposure-alerts.ts';
import type { ExposureFeed } from '../../../../core/schemas/exposure.ts';
import { vietnamToday } from '../../../../core/vietnam-calendar.ts';
import type { Visit } from '../visits.ts';
import { matchFeed } from './match.ts';

const key = base64url(new Uint8Array(16).fill(7));
const other = base64url(new Uint8Array(16).fill(9));
const at = new Date('2026-12-07T01:00:00Z');
const minute = at.getTime() / 60_000;
const profile = {
  name: { vi: 'COVID-19', en: 'COVID-19' },
  minOverlapMinutes: 15,
  assumedStayMinutes: 60,
  quarantineDays: 7,
  monitoringDays: 7,
  testDays: [1, 7],
};
const visit = (id: string, k: string, province = '12'): Visit => ({
  id,
  venueCode: id,
  venueName: `Venue ${id}`,
  checkedInAt: at.toISOString(),
  checkedOutAt: null,
  exposureKey: k,
  provinceCode: province,
});
const feedOf = (entries: ExposureFeed['entries']): ExposureFeed => ({
  v: 1,
  province: '12',
  generatedAt: at.toISOString(),
  profiles: { covid: profile },
  entries,
});

describe('matchFeed', () => {
  it("warns for the phone's own venue-day only, a confirmed entry outranking a pending one", async () => {
    const id = await venueDayIdentifier(key, vietnamToday(at));
    const noise = Array.from({ length: 1000 }, (_, i): ExposureFeed['entries'][number] => [
      base64url(new Uint8Array(12).fill(i % 250)),
      minute,
      minute + 60,
      0,
      'covid',
    ]);
    const alerts = await matchFeed(
      feedOf([...noise, [id, minute + 10, minute + 50, 1, 'covid'], [id, minute + 5, minute + 30, 0, 'covid']]),
      [visit('a', key), visit('b', other), visit('c', key, '01')],
    );
    expect(alerts).toEqual([
      expect.objectContaining({ visitId: 'a', venueName: 'Venue a', pending: false, minutes: 25, profile }),
    ]);
  });

  it('does not warn for less than the overlap the profile asks, nor without entries', async () => {
    const id = await venueDayIdentifier(key, vietnamToday(at));
    expect(await matchFeed(feedOf([[id, minute + 50, minute + 90, 0, 'covid']]), [visit('a', key)])).toEqual([]);
    expect(await matchFeed(feedOf([]), [visit('a', key)])).toEqual([]);
  });
});
