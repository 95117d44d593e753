/**
 * Bundled for Chromium by the phone bench (esbuild, IIFE): the citizens' app's own feed check and
 * matching (web/src/citizen/exposure/match.ts), timed inside the throttled page.
 */
import type { ExposureFeed } from '../../core/schemas/exposure.ts';
import { identifierDeriver } from '../../core/rules/exposure-alerts.ts';
import { matchFeed, verifyFeed } from '../../web/src/citizen/exposure/match.ts';
import type { Visit } from '../../web/src/citizen/visits.ts';

export interface PhoneMatchingRun {
  /** Signature checked, JSON parsed, identifiers derived and matched: from the feed's bytes to the warning. */
  totalMs: number;
  /** The match alone (identifiers derived and looked up), after the feed was parsed. */
  matchMs: number;
  verifyMs: number;
  parseMs: number;
  /** One HMAC per venue-day of the check-ins (about what the match derives). */
  deriveMs: number;
  verified: boolean;
  alerts: number;
}

async function phoneMatching(
  bodyText: string,
  signature: string,
  publicKey: string,
  visits: Visit[],
): Promise<PhoneMatchingRun> {
  // The bytes as the network hands them over: not part of the phone's work on them.
  const body = new TextEncoder().encode(bodyText).buffer;
  const t0 = performance.now();
  const verified = await verifyFeed(body, signature, publicKey);
  const feed = JSON.parse(new TextDecoder().decode(body)) as ExposureFeed;
  const t1 = performance.now();
  const alerts = await matchFeed(feed, visits);
  const t2 = performance.now();
  // The split, measured apart after the run (not inside it): the signature, the parse, the HMACs.
  const s0 = performance.now();
  await verifyFeed(body, signature, publicKey);
  const s1 = performance.now();
  JSON.parse(new TextDecoder().decode(body));
  const s2 = performance.now();
  const derive = identifierDeriver();
  await Promise.all(visits.map((v) => derive(v.exposureKey!, v.checkedInAt.slice(0, 10))));
  const s3 = performance.now();
  return {
    totalMs: t2 - t0,
    matchMs: t2 - t1,
    verifyMs: s1 - s0,
    parseMs: s2 - s1,
    deriveMs: s3 - s2,
    verified,
    alerts: alerts.length,
  };
}

(globalThis as { pdPhoneMatching?: typeof phoneMatching }).pdPhoneMatching = phoneMatching;
