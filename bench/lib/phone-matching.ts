import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { defaultDiseaseProfile } from '../../core/rules/disease-profiles.ts';
import { base64url, daysTouched, venueDayIdentifier } from '../../core/rules/exposure-alerts.ts';
import { stayInterval } from '../../core/rules/exposure.ts';
import type { ExposureFeed } from '../../core/schemas/exposure.ts';
import type { Visit } from '../../web/src/citizen/visits.ts';
import type { PhoneMatchingRun } from './phone-matching.entry.ts';
import { median, round } from './stats.ts';

/**
 * On-device matching (issue 20) in the phone bench's throttled Chromium: a heavy user's 500 check-ins
 * over 21 days at 40 venues against a signed feed of 50,000 entries (1 in 200 at one of the user's
 * venue-days around the visit, the rest random identifiers), through the app's own code.
 */
export interface PhoneMatchingResult {
  checkins: number;
  entries: number;
  feedKilobytes: number;
  rounds: number;
  totalMedianMs: number;
  totalMs: number[];
  matchMedianMs: number;
  verifyMedianMs: number;
  parseMedianMs: number;
  deriveMedianMs: number;
  alerts: number;
  targetMs: number;
}

const MINUTE = 60_000;

async function fixture(checkins: number, entryCount: number) {
  const now = Date.now();
  const keys = Array.from({ length: 40 }, () => base64url(randomBytes(16)));
  const visits: Visit[] = Array.from({ length: checkins }, (_, i) => {
    const at = new Date(now - Math.floor(Math.random() * 21 * 24 * 60) * MINUTE);
    return {
      id: `v${i}`,
      venueCode: `V${i % keys.length}`,
      venueName: `Venue ${i % keys.length}`,
      checkedInAt: at.toISOString(),
      checkedOutAt: i % 3 === 0 ? null : new Date(at.getTime() + 45 * MINUTE).toISOString(),
      exposureKey: keys[i % keys.length]!,
      provinceCode: '12',
    };
  });
  const entries: ExposureFeed['entries'] = [];
  for (let i = 0; i < entryCount; i++) {
    const v = visits[i % visits.length]!;
    const inVisit = i % 200 === 0;
    const id = inVisit
      ? await venueDayIdentifier(v.exposureKey!, daysTouched(stayInterval(v, defaultDiseaseProfile))[0]!)
      : base64url(randomBytes(12));
    const from = Math.floor(new Date(v.checkedInAt).getTime() / MINUTE) - 30 + (i % 60);
    entries.push([id, from, from + 90, i % 7 === 0 ? 1 : 0, defaultDiseaseProfile.code]);
  }
  const p = defaultDiseaseProfile;
  const feed: ExposureFeed = {
    v: 1,
    province: '12',
    generatedAt: new Date(now).toISOString(),
    profiles: {
      [p.code]: {
        name: p.name,
        minOverlapMinutes: p.contact.minOverlapMinutes,
        assumedStayMinutes: p.contact.assumedStayMinutes,
        quarantineDays: p.quarantine.f1.days,
        monitoringDays: p.quarantine.f1.homeMonitoringDays,
        testDays: p.testScheduleDays,
      },
    },
    entries,
  };
  const body = JSON.stringify(feed);
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  return {
    visits,
    body,
    signature: base64url(sign(null, Buffer.from(body), privateKey)),
    publicKey: base64url(raw),
  };
}

/** Runs in the page as it is (its CPU throttling included); the page must be a secure context (127.0.0.1). */
export async function phoneMatching(
  page: Page,
  o: { checkins: number; entries: number; rounds: number },
): Promise<PhoneMatchingResult> {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('./phone-matching.entry.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    minify: true,
  });
  // Served from the page's own origin: the citizens' Content Security Policy refuses inline scripts.
  const origin = new URL(page.url()).origin;
  const scriptUrl = `${origin}/__bench/phone-matching.js`;
  await page.route(scriptUrl, (r) =>
    r.fulfill({ status: 200, contentType: 'text/javascript', body: bundle.outputFiles[0]!.text }),
  );
  await page.addScriptTag({ url: scriptUrl });
  const f = await fixture(o.checkins, o.entries);
  const runs: PhoneMatchingRun[] = [];
  for (let r = 0; r < o.rounds; r++) {
    runs.push(
      await page.evaluate(
        ([body, signature, key, visits]) =>
          (
            globalThis as unknown as {
              pdPhoneMatching: (b: string, s: string, k: string, v: Visit[]) => Promise<PhoneMatchingRun>;
            }
          ).pdPhoneMatching(body, signature, key, visits),
        [f.body, f.signature, f.publicKey, f.visits] as const,
      ),
    );
  }
  if (runs.some((r) => !r.verified)) throw new Error('the feed did not verify in Chromium');
  return {
    checkins: o.checkins,
    entries: o.entries,
    feedKilobytes: round(Buffer.byteLength(f.body) / 1024, 1),
    rounds: o.rounds,
    totalMedianMs: round(median(runs.map((r) => r.totalMs)), 0),
    totalMs: runs.map((r) => round(r.totalMs, 0)),
    matchMedianMs: round(median(runs.map((r) => r.matchMs)), 0),
    verifyMedianMs: round(median(runs.map((r) => r.verifyMs)), 0),
    parseMedianMs: round(median(runs.map((r) => r.parseMs)), 0),
    deriveMedianMs: round(median(runs.map((r) => r.deriveMs)), 0),
    alerts: runs[0]?.alerts ?? 0,
    targetMs: 200,
  };
}
