import type { DiseaseProfile } from '../schemas/disease-profile.ts';
import { addDays, vietnamMidnight, vietnamToday } from '../vietnam-calendar.ts';
import { overlapMinutes, stayInterval, type Checkin, type Interval } from './exposure.ts';

/**
 * Exposure alerts on the phone (issue 20), CrowdNotifier-like. Each venue has a secret key printed
 * in its poster's QR (the `#k=` part of `/v/<code>#k=<key>`, which a browser never sends to a server)
 * and handed to a visitor's phone at check-in. The feed publishes, for a case's stay at a venue,
 * an identifier derived from that key and the Viet Nam calendar day, and the window of the stay:
 * someone who never held the key cannot tell which venue an identifier belongs to, and identifiers
 * of different days of one venue cannot be linked. Per day rather than per hour: a stay touches one
 * or two days, so a phone derives one or two identifiers per check-in, and a day is short enough.
 */

/** Identifier length in bytes (96 bits: no collisions among millions of venue-days, 16 base64url characters). */
const idBytes = 12;
const label = 'pd-exposure-v1|';

export function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const s = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  const out = new Uint8Array(new ArrayBuffer(s.length));
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** A venue key as the poster carries it: 16 random bytes, base64url (22 characters). */
export const venueKeyPattern = /^[A-Za-z0-9_-]{22}$/;

/** The venue's identifier for a Viet Nam calendar day: HMAC-SHA-256(key, label | day), truncated. */
export async function venueDayIdentifier(
  key: string,
  day: string,
  subtle: SubtleCrypto = crypto.subtle,
): Promise<string> {
  const k = await subtle.importKey('raw', fromBase64url(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await subtle.sign('HMAC', k, new TextEncoder().encode(label + day));
  return base64url(new Uint8Array(mac).slice(0, idBytes));
}

/**
 * `venueDayIdentifier` for many check-ins: each venue's key is imported once and each venue-day
 * derived once (a regular's 500 check-ins are a few dozen venues and days).
 */
export function identifierDeriver(subtle: SubtleCrypto = crypto.subtle): (key: string, day: string) => Promise<string> {
  const keys = new Map<string, Promise<CryptoKey>>();
  const ids = new Map<string, Promise<string>>();
  return (key, day) => {
    const k = `${key}|${day}`;
    let id = ids.get(k);
    if (!id) {
      let imported = keys.get(key);
      if (!imported) {
        imported = subtle.importKey('raw', fromBase64url(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
        keys.set(key, imported);
      }
      id = imported
        .then((c) => subtle.sign('HMAC', c, new TextEncoder().encode(label + day)))
        .then((mac) => base64url(new Uint8Array(mac).slice(0, idBytes)));
      ids.set(k, id);
    }
    return id;
  };
}

/** The Viet Nam calendar days an interval touches (its end instant excluded), oldest first. */
export function daysTouched(i: Interval): string[] {
  const days: string[] = [];
  if (i.to <= i.from) return days;
  for (let day = vietnamToday(i.from); vietnamMidnight(day) < i.to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** A published entry: the venue-day identifier and the window, as minutes since the epoch (half-open). */
export interface ExposureEntry {
  id: string;
  fromMinute: number;
  toMinute: number;
}

/** A check-in kept on the phone, with the identifiers of the days its stay touches. */
export interface KeptCheckin extends Checkin {
  ref: string;
  identifiers: readonly string[];
}

export interface ExposureMatch {
  ref: string;
  /** The overlapping part of the stay and the published window. */
  from: Date;
  to: Date;
  minutes: number;
}

const MINUTE = 60_000;

/**
 * The phone's matching: the same overlap rule as tracing (`isVenueContact` in ./exposure.ts): the
 * visitor's stay (the profile's assumed stay without a check-out) shares at least
 * `minOverlapMinutes` with the published window. An entry is published under each day its window
 * touches, so a stay across midnight meets it twice: one match per check-in and window. Pure, and
 * linear in check-ins plus entries (a map by identifier), so 500 check-ins against 50,000 entries
 * is a few milliseconds.
 */
export function matchExposures(
  contact: DiseaseProfile['contact'],
  checkins: readonly KeptCheckin[],
  entries: readonly ExposureEntry[],
): ExposureMatch[] {
  const byId = new Map<string, ExposureEntry[]>();
  for (const e of entries) {
    const list = byId.get(e.id);
    if (list) list.push(e);
    else byId.set(e.id, [e]);
  }
  const matches: ExposureMatch[] = [];
  for (const c of checkins) {
    const stay = stayInterval(c, { contact });
    const seen = new Set<string>();
    for (const id of c.identifiers) {
      for (const e of byId.get(id) ?? []) {
        const key = `${e.fromMinute}-${e.toMinute}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const window = { from: new Date(e.fromMinute * MINUTE), to: new Date(e.toMinute * MINUTE) };
        const minutes = overlapMinutes(stay, window);
        if (minutes > 0 && minutes >= contact.minOverlapMinutes) {
          const from = new Date(Math.max(stay.from.getTime(), window.from.getTime()));
          const to = new Date(Math.min(stay.to.getTime(), window.to.getTime()));
          matches.push({ ref: c.ref, from, to, minutes });
        }
      }
    }
  }
  return matches.sort((a, b) => b.from.getTime() - a.from.getTime());
}

/** A published window in whole minutes, widened outwards so rounding never shortens a stay. */
export function windowInMinutes(i: Interval): { fromMinute: number; toMinute: number } {
  return { fromMinute: Math.floor(i.from.getTime() / MINUTE), toMinute: Math.ceil(i.to.getTime() / MINUTE) };
}
