import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { JsonObject } from './types.ts';
import { median, round } from './stats.ts';

/**
 * Lighthouse's mobile performance audit (its defaults: a mid-range phone, simulated slow 4G and a
 * 4× slower CPU) of each address, `runs` times, in Debian's Chromium launched headless. Reports the
 * performance score (0–100), total blocking time, largest contentful paint and the longest main-
 * thread task, as medians, the figures of issue 13.
 */
export async function lighthouseMobile(o: {
  chromium: string;
  urls: readonly { name: string; url: string }[];
  runs: number;
  log(line: string): void;
}): Promise<JsonObject[]> {
  const chrome = await launch({
    chromePath: o.chromium,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const out: JsonObject[] = [];
    for (const { name, url } of o.urls) {
      const runs: { score: number; tbt: number; lcp: number; longestTask: number }[] = [];
      for (let i = 0; i < o.runs; i++) {
        const result = await lighthouse(url, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance'],
        });
        const lhr = result?.lhr;
        if (!lhr) throw new Error(`Lighthouse gave no report for ${url}`);
        const numeric = (id: string) => Number(lhr.audits[id]?.numericValue ?? NaN);
        const tasks =
          (lhr.audits['long-tasks']?.details as { items?: { duration?: number }[] } | undefined)?.items ?? [];
        runs.push({
          score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
          tbt: numeric('total-blocking-time'),
          lcp: numeric('largest-contentful-paint'),
          longestTask: Math.max(0, ...tasks.map((t) => Number(t.duration ?? 0))),
        });
        o.log(
          `lighthouse ${name} run ${i + 1}: score ${runs.at(-1)!.score}, TBT ${round(runs.at(-1)!.tbt, 0)} ms, LCP ${round(runs.at(-1)!.lcp, 0)} ms`,
        );
      }
      out.push({
        page: name,
        url: new URL(url).pathname + new URL(url).search,
        performanceScore: median(runs.map((r) => r.score)),
        totalBlockingTimeMs: round(median(runs.map((r) => r.tbt)), 0),
        largestContentfulPaintMs: round(median(runs.map((r) => r.lcp)), 0),
        longestTaskMs: round(median(runs.map((r) => r.longestTask)), 0),
        runs: runs.map((r) => ({
          score: r.score,
          tbt: round(r.tbt, 0),
          lcp: round(r.lcp, 0),
          longestTask: round(r.longestTask, 0),
        })),
      });
    }
    return out;
  } finally {
    chrome.kill();
  }
}
