import {
  daysTouched,
  identifierDeriver,
  matchExposures,
  type ExposureEntry,
  type KeptCheckin,
} from '../../../../core/rules/exposure-alerts.ts';
import { stayInterval } from '../../../../core/rules/exposure.ts';
import type { FeedProfile } from '../../../../core/schemas/exposure.ts';
import { listVisits, type Visit } from '../visits.ts';
import { fetchFeed } from './feed.ts';

/** A warning for one kept check-in: where, when together, and what the profile advises. */
export interface ExposureAlert {
  visitId: string;
  venueName: string;
  from: string;
  to: string;
  minutes: number;
  /** Published by a citizen's self-report, not confirmed by an official yet. */
  pending: boolean;
  profile: FeedProfile;
}

const resultItem = 'pd.exposure';

/** The last warnings found (shown offline, and before the next check answers). */
export function lastAlerts(): ExposureAlert[] {
  try {
    return JSON.parse(localStorage.getItem(resultItem) ?? '[]') as ExposureAlert[];
  } catch {
    return [];
  }
}

/** The identifiers of the days a kept check-in's stay touches (the longest stay any profile assumes). */
async function keptWithIdentifiers(visits: readonly Visit[], assumedStayMinutes: number): Promise<KeptCheckin[]> {
  const contact = { minOverlapMinutes: 1, assumedStayMinutes, sameHousehold: false };
  const derive = identifierDeriver();
  return Promise.all(
    visits.map(async (v) => ({
      ref: v.id,
      checkedInAt: v.checkedInAt,
      checkedOutAt: v.checkedOutAt,
      identifiers: await Promise.all(
        daysTouched(stayInterval(v, { contact })).map((day) => derive(v.exposureKey!, day)),
      ),
    })),
  );
}

/**
 * Fetches the feed of each province this phone's check-ins were in and matches them on the phone
 * (core/rules/exposure-alerts.ts): nothing about the check-ins leaves the phone.
 */
export async function checkExposures(): Promise<ExposureAlert[]> {
  const visits = (await listVisits()).filter((v) => v.exposureKey && v.provinceCode);
  const alerts = new Map<string, ExposureAlert>();
  for (const province of new Set(visits.map((v) => v.provinceCode!))) {
    const feed = await fetchFeed(province);
    const mine = visits.filter((v) => v.provinceCode === province);
    const byId = new Map(mine.map((v) => [v.id, v]));
    const longest = Math.max(60, ...Object.values(feed.profiles).map((p) => p.assumedStayMinutes));
    const kept = await keptWithIdentifiers(mine, longest);
    // One rule per profile, confirmed and pending entries apart (the warning says which).
    const groups = new Map<string, ExposureEntry[]>();
    for (const [id, fromMinute, toMinute, pending, profile] of feed.entries) {
      const k = `${pending}|${profile}`;
      const list = groups.get(k) ?? [];
      list.push({ id, fromMinute, toMinute });
      groups.set(k, list);
    }
    for (const [k, entries] of groups) {
      const [pending, code] = k.split('|') as [string, string];
      const profile = feed.profiles[code];
      if (!profile) continue;
      const contact = { ...profile, sameHousehold: false };
      for (const m of matchExposures(contact, kept, entries)) {
        const had = alerts.get(m.ref);
        const alert: ExposureAlert = {
          visitId: m.ref,
          venueName: byId.get(m.ref)!.venueName,
          from: m.from.toISOString(),
          to: m.to.toISOString(),
          minutes: Math.round(m.minutes),
          pending: pending === '1',
          profile,
        };
        // A confirmed entry outranks a pending one; then the longest time together.
        if (!had || (had.pending && !alert.pending) || (had.pending === alert.pending && alert.minutes > had.minutes))
          alerts.set(m.ref, alert);
      }
    }
  }
  const found = [...alerts.values()].sort((a, b) => b.from.localeCompare(a.from));
  try {
    localStorage.setItem(resultItem, JSON.stringify(found));
  } catch {
    // storage blocked: shown now, not offline
  }
  return found;
}
