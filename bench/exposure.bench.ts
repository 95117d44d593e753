/**
 * Exposure alerts (issue 20): the size of a province's feed with 5,000 entries over 21 days, raw and
 * compressed as served (Brotli, gzip); its request rate beside a bare node:http server answering the
 * same bytes from memory (both child processes, alternating rounds); and the phone's matching of a
 * heavy user's 500 check-ins against 50,000 entries (identifier derivation with WebCrypto HMAC and
 * `matchExposures`), timed in Node: the phone bench's 4× CPU throttling is applied by arithmetic.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import {
  base64url,
  daysTouched,
  identifierDeriver,
  matchExposures,
  venueDayIdentifier,
  type ExposureEntry,
  type KeptCheckin,
} from '../core/rules/exposure-alerts.ts';
import { stayInterval } from '../core/rules/exposure.ts';
import { defaultDiseaseProfile } from '../core/rules/disease-profiles.ts';
import { startServer, type ServerChild } from './lib/children.ts';
import { loadGenerator, runLoad, type LoadSample } from './lib/load.ts';
import { loadOptions } from './lib/options.ts';
import { median, round } from './lib/stats.ts';
import type { BenchContext, BenchResult } from './lib/types.ts';

export const description = 'exposure feed: size of 5,000 entries, rps vs a bare server, on-phone matching time';
export const usage =
  '--entries 5000 --rounds 3 --duration 5 --warmup 2 --connections 50 --checkins 500 --match-entries 50000';

const feedPath = '/api/public/exposure/feeds/12';

function options(args: readonly string[]) {
  const { values } = parseArgs({
    args: [...args],
    options: {
      entries: { type: 'string', default: '5000' },
      rounds: { type: 'string', default: '3' },
      duration: { type: 'string', default: '5' },
      warmup: { type: 'string', default: '2' },
      connections: { type: 'string', default: '50' },
      checkins: { type: 'string', default: '500' },
      'match-entries': { type: 'string', default: '50000' },
    },
  });
  return {
    ...loadOptions(values),
    entries: Number(values.entries),
    checkins: Number(values.checkins),
    matchEntries: Number(values['match-entries']),
  };
}

/** The bytes of one answer as sent (compressed when asked), with its headers. */
function fetchRaw(
  server: ServerChild,
  encoding: string,
): Promise<{ bytes: Buffer; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    http
      .get(new URL(feedPath, server.origin), { headers: { 'accept-encoding': encoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ bytes: Buffer.concat(chunks), headers: res.headers }));
      })
      .on('error', reject);
  });
}

/** 500 check-ins over 21 days with keys of 100 venues; entries at the same venues, some overlapping. */
async function matching(checkins: number, entryCount: number) {
  const now = Date.now();
  const keys = Array.from({ length: 100 }, (_, i) => base64url(new Uint8Array(16).fill(i + 1)));
  const visits = Array.from({ length: checkins }, (_, i) => ({
    key: keys[i % keys.length]!,
    checkedInAt: new Date(now - Math.floor(Math.random() * 21 * 24 * 60) * 60_000).toISOString(),
    checkedOutAt: null,
  }));
  const entries: ExposureEntry[] = [];
  for (let i = 0; i < entryCount; i++) {
    const v = visits[i % visits.length]!;
    // One in a hundred at a kept visit's venue and day, around its time; the others random.
    const id =
      i % 100 === 0
        ? await venueDayIdentifier(v.key, daysTouched(stayInterval(v, defaultDiseaseProfile))[0]!)
        : base64url(crypto.getRandomValues(new Uint8Array(12)));
    const from = Math.floor(new Date(v.checkedInAt).getTime() / 60_000) - 30 + (i % 60);
    entries.push({ id, fromMinute: from, toMinute: from + 60 });
  }
  const times: number[] = [];
  let found = 0;
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    const derive = identifierDeriver();
    const kept: KeptCheckin[] = await Promise.all(
      visits.map(async (v, i) => ({
        ref: String(i),
        checkedInAt: v.checkedInAt,
        checkedOutAt: v.checkedOutAt,
        identifiers: await Promise.all(
          daysTouched(stayInterval(v, defaultDiseaseProfile)).map((d) => derive(v.key, d)),
        ),
      })),
    );
    found = matchExposures(defaultDiseaseProfile.contact, kept, entries).length;
    times.push(performance.now() - t0);
  }
  return { medianMs: round(median(times), 1), matches: found };
}

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const o = options(ctx.args);
  const servers: ServerChild[] = [];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-exposure-bench-'));
  try {
    ctx.log(`starting phongdich with ${o.entries} exposure entries (pglite)…`);
    const phongdich = await startServer(
      'phongdich',
      new URL('./servers/phongdich-exposure-server.ts', import.meta.url),
      ['--entries', String(o.entries)],
    );
    servers.push(phongdich);
    const raw = await fetchRaw(phongdich, 'identity');
    const gzip = await fetchRaw(phongdich, 'gzip');
    const br = await fetchRaw(phongdich, 'br');
    const feed = JSON.parse(raw.bytes.toString()) as { entries: unknown[] };
    if (feed.entries.length !== o.entries) throw new Error(`feed has ${feed.entries.length} entries`);
    const sizes = { rawBytes: raw.bytes.length, gzipBytes: gzip.bytes.length, brotliBytes: br.bytes.length };
    ctx.log(`feed: raw ${sizes.rawBytes} B, gzip ${sizes.gzipBytes} B, brotli ${sizes.brotliBytes} B`);

    // The same bytes from a bare server: the uncompressed body, as a static file would be served.
    const file = path.join(tmp, 'feed.json');
    fs.writeFileSync(file, raw.bytes);
    const bare = await startServer('bare', new URL('./servers/bare-server.ts', import.meta.url), ['--file', file]);
    servers.push(bare);

    const load = { connections: o.connections, durationSec: o.durationSec };
    for (const s of [phongdich, bare])
      if (o.warmupSec > 0) await runLoad(s, feedPath, { ...load, durationSec: o.warmupSec });
    const samples: { phongdich: LoadSample; bare: LoadSample }[] = [];
    for (let i = 0; i < o.rounds; i++) {
      const order = i % 2 === 0 ? [phongdich, bare] : [bare, phongdich];
      const got = new Map<string, LoadSample>();
      for (const s of order) {
        const sample = await runLoad(s, feedPath, load);
        got.set(s.label, sample);
        ctx.log(
          `round ${i + 1} ${s.label.padEnd(9)} ${sample.rps} rps p99 ${sample.latencyMs.p99} ms non2xx ${sample.non2xx}`,
        );
      }
      samples.push({ phongdich: got.get('phongdich')!, bare: got.get('bare')! });
    }
    const rps = {
      phongdich: round(median(samples.map((s) => s.phongdich.rps)), 0),
      bare: round(median(samples.map((s) => s.bare.rps)), 0),
    };
    const ratio = round(rps.phongdich / rps.bare, 3);

    ctx.log(`matching ${o.checkins} check-ins against ${o.matchEntries} entries…`);
    const match = await matching(o.checkins, o.matchEntries);
    const throttled = round(match.medianMs * 4, 0);
    return {
      summary: [
        `feed of ${o.entries} entries: raw ${sizes.rawBytes} B, gzip ${sizes.gzipBytes} B, brotli ${sizes.brotliBytes} B (target ≤ 200 KB compressed)`,
        `feed rps: phongdich ${rps.phongdich}, bare ${rps.bare}, ratio ${ratio} (target ≥ 0.5)`,
        `matching ${o.checkins} check-ins vs ${o.matchEntries} entries: ${match.medianMs} ms in Node, ≈ ${throttled} ms at 4× slower CPU (${match.matches} matches; target ≤ 200 ms)`,
      ],
      fields: {
        loadGenerator,
        entries: o.entries,
        sizes,
        rps,
        ratio,
        rounds: samples.map((s) => ({ phongdich: s.phongdich.rps, bare: s.bare.rps })),
        matching: { checkins: o.checkins, entries: o.matchEntries, ...match, estimated4xSlowerMs: throttled },
      },
    };
  } finally {
    for (const s of servers) await s.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
