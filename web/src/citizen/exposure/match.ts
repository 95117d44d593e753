import {
  daysTouched,
  fromBase64url,
  identifierDeriver,
  matchExposures,
  type ExposureEntry,
  type KeptCheckin,
} from '../../../../core/rules/exposure-alerts.ts';
import { stayInterval } from '../../../../core/rules/exposure.ts';
import type { ExposureFeed, FeedProfile } from '../../../../core/schemas/exposure.ts';
import type { Visit } from '../visits.ts';

/**
 * The phone's work on a feed, without storage or network (the phone bench times exactly this in
 * Chromium): the signature, then the match of the kept check-ins against the entries.
 */

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

export async function verifyFeed(body: ArrayBuffer, signature: string, publicKey: string): Promise<boolean> {
  try {
    const key = await crypto.subtle.importKey('raw', fromBase64url(publicKey), { name: 'Ed25519' }, false, ['verify']);
    return await crypto.subtle.verify({ name: 'Ed25519' }, key, fromBase64url(signature), body);
  } catch {
    return false;
  }
}

/**
 * The identifiers of the days a kept check-in's stay touches (the longest stay any profile assumes):
 * one HMAC per venue and day the person visited (21 days × their venues at most), never one per entry.
 */
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

/** One province's feed against the check-ins kept in that province: the alerts, one per check-in at most. */
export async function matchFeed(feed: ExposureFeed, visits: readonly Visit[]): Promise<ExposureAlert[]> {
  const mine = visits.filter((v) => v.exposureKey && v.provinceCode === feed.province);
  if (!mine.length || !feed.entries.length) return [];
  const byId = new Map(mine.map((v) => [v.id, v]));
  const longest = Math.max(60, ...Object.values(feed.profiles).map((p) => p.assumedStayMinutes));
  const kept = await keptWithIdentifiers(mine, longest);
  // Only the entries whose identifier is one of this phone's are kept: the other 99.9 % are skipped
  // with one Set look-up each, before any grouping or Date.
  const wanted = new Set(kept.flatMap((k) => k.identifiers));
  // One rule per profile, confirmed and pending entries apart (the warning says which).
  const groups = new Map<string, ExposureEntry[]>();
  for (const [id, fromMinute, toMinute, pending, profile] of feed.entries) {
    if (!wanted.has(id)) continue;
    const k = `${pending}|${profile}`;
    const list = groups.get(k) ?? [];
    list.push({ id, fromMinute, toMinute });
    groups.set(k, list);
  }
  const alerts = new Map<string, ExposureAlert>();
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
  return [...alerts.values()];
}
