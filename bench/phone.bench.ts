/**
 * Citizens' pages as a cheap phone on a slow mobile network sees them: Debian's Chromium with the
 * network shaped to "slow 3G" (400 ms round trip, 400 kbit/s each way) and the CPU slowed 4×, the
 * HTTP cache off (a first visit). For each page: the bytes that crossed the network (headers
 * included) and the time from navigation to "usable" (what the citizen came for is on screen),
 * once as browsers ask (Brotli or gzip accepted) and once with compression refused
 * (`Accept-Encoding: identity`), which is how the server answered before it compressed.
 * The server is the real one, in this process, on an in-memory PGlite with province 12 loaded.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { CDPSession, Page } from 'playwright-core';
import { launchChromium, startE2eServer } from '../e2e/support/e2e-server.ts';
import { lighthouseMobile } from './lib/lighthouse.ts';
import { phoneMatching, type PhoneMatchingResult } from './lib/phone-matching.ts';
import { intOption } from './lib/options.ts';
import { median, round } from './lib/stats.ts';
import type { BenchContext, BenchResult, JsonObject } from './lib/types.ts';

export const description =
  "citizens' pages on a cheap phone over slow 3G: bytes transferred and time to usable, compressed vs not";
export const usage =
  '--rounds 3 --chromium /usr/bin/chromium --latency 400 (ms) --kbps 400 --cpu 4 (slowdown) --lighthouse 3 (runs per page, 0: none) --only all|lighthouse --match-checkins 500 --match-entries 50000 --match-rounds 5';

interface PageSpec {
  name: string;
  url: string;
  /** Run in the page: the time since navigation start once the page is usable, false before. */
  ready: () => number | false;
}

const pages: PageSpec[] = [
  {
    name: 'home',
    url: '/c',
    ready: () => !!document.querySelector('[data-testid="home-declare"]') && performance.now(),
  },
  {
    name: 'declaration form',
    url: '/c/khai-bao',
    ready: () => !!document.querySelector('[data-testid="decl-province"] option[value="12"]') && performance.now(),
  },
  {
    name: 'public risk map (38 communes)',
    url: '/c/ban-do?tinh=12',
    ready: () => document.querySelectorAll('path.commune[data-level]').length >= 38 && performance.now(),
  },
  {
    name: "officials' sign-in page",
    url: '/login',
    ready: () => !!document.querySelector('[data-testid="login-submit"]') && performance.now(),
  },
];

type Encoding = 'compressed' | 'identity';

interface Visit {
  bytes: number;
  /** Of which JavaScript (the budget counts compressed JS). */
  scriptBytes: number;
  requests: number;
  usableMs: number;
  encodings: string[];
}

function options(args: readonly string[]) {
  const { values } = parseArgs({
    args: [...args],
    options: {
      rounds: { type: 'string', default: '3' },
      chromium: { type: 'string', default: '/usr/bin/chromium' },
      latency: { type: 'string', default: '400' },
      kbps: { type: 'string', default: '400' },
      cpu: { type: 'string', default: '4' },
      lighthouse: { type: 'string', default: '3' },
      only: { type: 'string', default: 'all' },
      'match-checkins': { type: 'string', default: '500' },
      'match-entries': { type: 'string', default: '50000' },
      'match-rounds': { type: 'string', default: '5' },
    },
  });
  return {
    rounds: intOption(values, 'rounds', 1, 20),
    chromium: values.chromium,
    latencyMs: intOption(values, 'latency', 0, 5_000),
    kbps: intOption(values, 'kbps', 1, 1_000_000),
    cpuSlowdown: intOption(values, 'cpu', 1, 20),
    /** Lighthouse runs per page (0: none). */
    lighthouseRuns: intOption(values, 'lighthouse', 0, 20),
    /** `lighthouse`: Lighthouse only, without the slow-3G visits. */
    only: values.only === 'lighthouse' ? ('lighthouse' as const) : ('all' as const),
    /** On-device exposure matching (issue 20): check-ins kept, entries in the feed, timed rounds. */
    matchCheckins: intOption(values, 'match-checkins', 1, 10_000),
    matchEntries: intOption(values, 'match-entries', 1, 1_000_000),
    matchRounds: intOption(values, 'match-rounds', 1, 50),
  };
}

/** One first visit: counts every response's bytes on the wire until the page is usable. */
async function visit(page: Page, cdp: CDPSession, url: string, spec: PageSpec): Promise<Visit> {
  let bytes = 0;
  let scriptBytes = 0;
  let requests = 0;
  const encodings = new Set<string>();
  const scripts = new Set<string>();
  const onFinished = (e: { requestId: string; encodedDataLength: number }) => {
    bytes += e.encodedDataLength;
    if (scripts.has(e.requestId)) scriptBytes += e.encodedDataLength;
    requests += 1;
  };
  const onResponse = (e: { requestId: string; type?: string; response: { headers: Record<string, string> } }) => {
    if (e.type === 'Script') scripts.add(e.requestId);
    const h = Object.entries(e.response.headers).find(([k]) => k.toLowerCase() === 'content-encoding');
    encodings.add(h ? h[1] : 'none');
  };
  cdp.on('Network.loadingFinished', onFinished);
  cdp.on('Network.responseReceived', onResponse);
  try {
    await page.goto(url, { waitUntil: 'commit' });
    const usable = await page.waitForFunction(spec.ready, undefined, { timeout: 120_000, polling: 20 });
    const usableMs = Number(await usable.jsonValue());
    // Let the last responses' "finished" events arrive before counting.
    await page.waitForLoadState('networkidle');
    return { bytes, scriptBytes, requests, usableMs, encodings: [...encodings].sort() };
  } finally {
    cdp.off('Network.loadingFinished', onFinished);
    cdp.off('Network.responseReceived', onResponse);
  }
}

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const o = options(ctx.args);
  if (!fs.existsSync(o.chromium)) throw new Error(`no Chromium at ${o.chromium}: apt-get install -y chromium`);
  ctx.log('starting the server (in-memory PGlite, province 12)…');
  const server = await startE2eServer();
  const browser = await launchChromium(o.chromium);
  const results: JsonObject[] = [];
  const summary: string[] = [];
  try {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      locale: 'vi-VN',
      isMobile: true,
      hasTouch: true,
      // A first visit: the citizens' service worker (registered after the page loads) would answer
      // the later rounds from the phone and hide what the network costs.
      serviceWorkers: 'block',
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const throughput = (o.kbps * 1000) / 8;
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: o.latencyMs,
      downloadThroughput: throughput,
      uploadThroughput: throughput,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: o.cpuSlowdown });
    for (const spec of o.only === 'lighthouse' ? [] : pages) {
      const row: Record<string, JsonObject> = {};
      for (const encoding of ['compressed', 'identity'] as Encoding[]) {
        await cdp.send('Network.setExtraHTTPHeaders', {
          headers: encoding === 'identity' ? { 'Accept-Encoding': 'identity' } : {},
        });
        const visits: Visit[] = [];
        for (let r = 0; r < o.rounds; r++) visits.push(await visit(page, cdp, `${server.url}${spec.url}`, spec));
        row[encoding] = {
          kilobytes: round(median(visits.map((v) => v.bytes)) / 1024, 1),
          scriptKilobytes: round(median(visits.map((v) => v.scriptBytes)) / 1024, 1),
          requests: visits[0]?.requests ?? 0,
          usableMedianMs: round(median(visits.map((v) => v.usableMs)), 0),
          usableMs: visits.map((v) => round(v.usableMs, 0)),
          contentEncodings: visits[0]?.encodings ?? [],
        };
      }
      results.push({ page: spec.name, url: spec.url, ...row });
      const c = row.compressed!;
      const i = row.identity!;
      const line = `${spec.name}: ${c.kilobytes} KB (JS ${c.scriptKilobytes} KB), usable in ${c.usableMedianMs} ms (uncompressed: ${i.kilobytes} KB, ${i.usableMedianMs} ms)`;
      summary.push(line);
      ctx.log(line);
    }
    let matching: PhoneMatchingResult | null = null;
    if (o.only !== 'lighthouse') {
      // In the same throttled page (CPU 4×), on the citizens' home so WebCrypto is the app's.
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
      await page.goto(`${server.url}/c`, { waitUntil: 'load' });
      ctx.log(
        `matching ${o.matchCheckins} check-ins against ${o.matchEntries} entries in Chromium at ${o.cpuSlowdown}× CPU…`,
      );
      matching = await phoneMatching(page, {
        checkins: o.matchCheckins,
        entries: o.matchEntries,
        rounds: o.matchRounds,
      });
      const line = `exposure matching on the phone (${matching.checkins} check-ins vs ${matching.entries} entries, ${matching.feedKilobytes} KB feed, ${o.cpuSlowdown}× CPU): ${matching.totalMedianMs} ms from the feed's bytes to the warning (match alone ${matching.matchMedianMs} ms; ${matching.alerts} alerts; target ≤ ${matching.targetMs} ms)`;
      summary.push(line);
      ctx.log(line);
    }
    await context.close();
    const lighthouseResults =
      o.lighthouseRuns === 0
        ? []
        : await lighthouseMobile({
            chromium: o.chromium,
            runs: o.lighthouseRuns,
            log: ctx.log,
            urls: [
              { name: "citizens' home", url: `${server.url}/c` },
              { name: 'public risk map (38 communes)', url: `${server.url}/c/ban-do?tinh=12` },
            ],
          });
    for (const l of lighthouseResults) {
      const line = `Lighthouse mobile, ${l.page}: performance ${l.performanceScore}, TBT ${l.totalBlockingTimeMs} ms, LCP ${l.largestContentfulPaintMs} ms, longest task ${l.longestTaskMs} ms`;
      summary.push(line);
      ctx.log(line);
    }
    return {
      summary,
      fields: {
        lighthouse: {
          profile: 'Lighthouse defaults (mobile, simulated throttling)',
          runs: o.lighthouseRuns,
          pages: lighthouseResults,
        },
        network: { profile: 'slow 3G', latencyMs: o.latencyMs, downKbps: o.kbps, upKbps: o.kbps },
        cpuSlowdown: o.cpuSlowdown,
        viewport: '360×740, mobile',
        browser: browser.version(),
        rounds: o.rounds,
        pages: results,
        exposureMatching: matching ? { ...matching } : null,
      },
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
