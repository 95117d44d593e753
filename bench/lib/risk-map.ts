/**
 * Time to first colour of the staff risk map (`/risk?province=<code>&date=<day>`) in Debian's
 * Chromium through playwright-core: navigation start → `window.__riskMapFirstColour` (set by the
 * page, `performance.now()` when the coloured layer is first on the map), and the number of
 * `path[data-level]` elements. An init script also records the next frame after that moment
 * (`__riskMapPainted`: two animation frames later, an approximation of the first coloured paint).
 *
 * Measured rounds run with the HTTP cache disabled (CDP `Network.setCacheDisabled`): every
 * navigation fetches the bundle, the levels and the boundaries as a first visit does. One more
 * navigation per target with the cache on gives the repeat-visit figure (boundaries are
 * `max-age=300`).
 */
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { launchChromium, signIn } from '../../e2e/support/e2e-server.ts';
import { median, round } from './stats.ts';

export interface MapVisit {
  target: string;
  cache: 'disabled' | 'enabled';
  /** 'coloured', or why not ('noProvince', 'error: …', 'timeout: …'). */
  status: string;
  firstColourMs: number | null;
  paintedMs: number | null;
  /** From the Navigation Timing entry. */
  domContentLoadedMs: number | null;
  /** The two API calls the map waits for: start → end (ms since navigation start), body bytes. */
  api: { name: string; startMs: number; endMs: number; bytes: number }[];
  paths: number;
  pathsWithLevel: number;
  levels: Record<string, number>;
}

export interface MapTargetResult {
  target: string;
  expectedPaths: number;
  visits: MapVisit[];
  /** Median over the cache-disabled rounds. */
  firstColourMedianMs: number | null;
  paintedMedianMs: number | null;
  pathsWithLevel: number;
  repeatVisitFirstColourMs: number | null;
}

const initScript = `(() => {
  let v;
  Object.defineProperty(window, '__riskMapFirstColour', {
    configurable: true,
    get() { return v; },
    set(x) {
      v = x;
      requestAnimationFrame(() => requestAnimationFrame(() => { window.__riskMapPainted = performance.now(); }));
    },
  });
})();`;

/** Polled in the page: the map's state, with "no province chosen" only once it has lasted 5 s (it shows while the localities load). */
const stateScript = () => {
  const w = window as unknown as {
    __riskMapFirstColour?: number;
    __riskMapPainted?: number;
    __benchNoMapSince?: number;
  };
  if (w.__riskMapFirstColour !== undefined && w.__riskMapPainted !== undefined) return 'coloured';
  const error = document.querySelector('[data-testid="risk-map-error"]');
  if (error) return `error: ${(error.textContent ?? '').trim().slice(0, 200)}`;
  const tabs = document.querySelector('[data-testid="risk-tab-map"]');
  const layout = document.querySelector('.risk-layout');
  if (tabs && !layout) {
    w.__benchNoMapSince ??= performance.now();
    if (performance.now() - w.__benchNoMapSince > 5000) return 'noProvince';
  } else w.__benchNoMapSince = undefined;
  return null;
};

const readScript = () => {
  const w = window as unknown as { __riskMapFirstColour?: number; __riskMapPainted?: number };
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const api = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
    .filter((e) => /\/api\/risk\/map\?|\/boundaries(\?|$)/.test(e.name))
    .map((e) => ({
      name: new URL(e.name).pathname,
      startMs: e.startTime,
      endMs: e.responseEnd,
      bytes: e.encodedBodySize,
    }));
  const levels: Record<string, number> = {};
  const withLevel = document.querySelectorAll('path[data-level]');
  withLevel.forEach((p) => {
    const k = p.getAttribute('data-level') ?? '';
    levels[k] = (levels[k] ?? 0) + 1;
  });
  return {
    firstColourMs: w.__riskMapFirstColour ?? null,
    paintedMs: w.__riskMapPainted ?? null,
    domContentLoadedMs: nav ? nav.domContentLoadedEventEnd : null,
    api,
    paths: document.querySelectorAll('path.commune').length,
    pathsWithLevel: withLevel.length,
    levels,
  };
};

async function visit(
  page: Page,
  baseUrl: string,
  target: string,
  date: string,
  cache: MapVisit['cache'],
  timeoutMs: number,
): Promise<MapVisit> {
  await page.goto(`${baseUrl}/risk?province=${encodeURIComponent(target)}&date=${date}`, { waitUntil: 'commit' });
  let status: string;
  try {
    const handle = await page.waitForFunction(stateScript, undefined, { timeout: timeoutMs, polling: 50 });
    status = String(await handle.jsonValue());
  } catch {
    const text = await page
      .evaluate(() =>
        (document.querySelector('main')?.textContent ?? document.body.textContent ?? '')
          .replace(/\s+/g, ' ')
          .trim()
          .slice(0, 200),
      )
      .catch(() => '');
    status = `timeout after ${timeoutMs / 1000} s: ${text}`;
  }
  const r = await page.evaluate(readScript);
  const ms = (v: number | null) => (v === null ? null : round(v, 1));
  return {
    target,
    cache,
    status,
    firstColourMs: ms(r.firstColourMs),
    paintedMs: ms(r.paintedMs),
    domContentLoadedMs: ms(r.domContentLoadedMs),
    api: r.api.map((a) => ({ name: a.name, startMs: round(a.startMs, 1), endMs: round(a.endMs, 1), bytes: a.bytes })),
    paths: r.paths,
    pathsWithLevel: r.pathsWithLevel,
    levels: r.levels,
  };
}

export interface MapRunOptions {
  baseUrl: string;
  user: { username: string; password: string; totpSecret?: string | null };
  chromiumPath: string;
  date: string;
  /** Targets in order, each with the number of communes its map should colour. */
  targets: { code: string; communes: number }[];
  rounds: number;
  timeoutMs: number;
  /** Stop at the first target that does not colour (used to probe `VN`). */
  stopOnFailure: boolean;
  /** Also measure a repeat visit (HTTP cache on) per target. */
  repeat: boolean;
  log(line: string): void;
}

export async function measureMaps(o: MapRunOptions): Promise<{ results: MapTargetResult[]; browserVersion: string }> {
  const browser: Browser = await launchChromium(o.chromiumPath);
  try {
    const context: BrowserContext = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'vi-VN',
    });
    await context.addInitScript(initScript);
    const page = await context.newPage();
    try {
      await signIn(page, o.baseUrl, o.user);
    } catch (err) {
      const text = await page
        .evaluate(() => document.body.textContent?.replace(/\s+/g, ' ').trim().slice(0, 200) ?? '')
        .catch(() => '');
      throw new Error(
        `sign-in at ${page.url()} failed (${err instanceof Error ? err.message.split('\n')[0] : String(err)}); page: ${text}`,
      );
    }
    const cdp: CDPSession = await context.newCDPSession(page);
    const results: MapTargetResult[] = [];
    // One discarded navigation: JIT of the server's map path, the bundle parsed once.
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const first = o.targets[0];
    if (first) await visit(page, o.baseUrl, first.code, o.date, 'disabled', o.timeoutMs);
    for (const t of o.targets) {
      const visits: MapVisit[] = [];
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      for (let r = 0; r < o.rounds; r++) {
        const v = await visit(page, o.baseUrl, t.code, o.date, 'disabled', o.timeoutMs);
        visits.push(v);
        if (v.status !== 'coloured') break;
      }
      const ok = visits.filter((v) => v.status === 'coloured');
      let repeat: MapVisit | null = null;
      if (o.repeat && ok.length === visits.length) {
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
        await visit(page, o.baseUrl, t.code, o.date, 'enabled', o.timeoutMs); // fills the cache
        repeat = await visit(page, o.baseUrl, t.code, o.date, 'enabled', o.timeoutMs);
        visits.push(repeat);
      }
      const colour = ok.map((v) => v.firstColourMs).filter((v): v is number => v !== null);
      const painted = ok.map((v) => v.paintedMs).filter((v): v is number => v !== null);
      const res: MapTargetResult = {
        target: t.code,
        expectedPaths: t.communes,
        visits,
        firstColourMedianMs: colour.length ? round(median(colour), 1) : null,
        paintedMedianMs: painted.length ? round(median(painted), 1) : null,
        pathsWithLevel: ok[0]?.pathsWithLevel ?? visits[0]?.pathsWithLevel ?? 0,
        repeatVisitFirstColourMs: repeat?.status === 'coloured' ? repeat.firstColourMs : null,
      };
      results.push(res);
      o.log(
        `map ${t.code}: ${ok.length === visits.filter((v) => v.cache === 'disabled').length ? `first colour ${res.firstColourMedianMs} ms (median of ${ok.length}), ${res.pathsWithLevel}/${t.communes} path[data-level]` : `not coloured: ${visits[visits.length - 1]?.status}`}`,
      );
      if (o.stopOnFailure && ok.length < o.rounds) break;
    }
    return { results, browserVersion: browser.version() };
  } finally {
    await browser.close();
  }
}
