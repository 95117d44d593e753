/**
 * The officials' home page (the situation room) in Debian's Chromium on localhost: a health
 * department account of the demo province (Lai Châu with its demo outbreak) signs in once, then
 * the home page is opened afresh each round. Times from navigation start to: the headline figures
 * on screen (first meaningful paint), the level map drawn coloured, today's work listed; and the
 * server time of `GET /api/today/situation` on its own. Target: figures ≤ 1 s.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { seedDemoOutbreak } from '../server/cli/demo-outbreak.ts';
import { launchChromium, signIn, startE2eServer } from '../e2e/support/e2e-server.ts';
import { intOption } from './lib/options.ts';
import { median, round } from './lib/stats.ts';
import type { BenchContext, BenchResult } from './lib/types.ts';

export const description =
  "officials' home page in Chromium: figures, coloured map and today's work, ms from navigation";
export const usage = '--rounds 7 --chromium /usr/bin/chromium';

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const { values } = parseArgs({
    args: [...ctx.args],
    options: { rounds: { type: 'string', default: '7' }, chromium: { type: 'string', default: '/usr/bin/chromium' } },
  });
  const rounds = intOption(values, 'rounds', 1, 50);
  if (!fs.existsSync(values.chromium))
    throw new Error(`no Chromium at ${values.chromium}: apt-get install -y chromium`);
  ctx.log('starting the server (in-memory PGlite, province 12 and the demo outbreak)…');
  const server = await startE2eServer();
  await seedDemoOutbreak(server.platform);
  const browser = await launchChromium(values.chromium);
  try {
    const user = await server.createUser('cdc.bench', 'health_department', '12');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await signIn(page, server.url, user);
    const samples: { figures: number; map: number; today: number; api: number }[] = [];
    for (let r = 0; r < rounds; r++) {
      await page.goto(`${server.url}/`, { waitUntil: 'commit' });
      const at = (selector: string) =>
        page
          .waitForFunction((s) => !!document.querySelector(s) && performance.now(), selector, {
            timeout: 60_000,
            polling: 'raf',
          })
          .then((h) => h.jsonValue())
          .then(Number);
      const [figures, map, today] = await Promise.all([
        at('[data-testid="figure-value-cases_community"]'),
        at('[data-testid="map"] path.commune[data-level]'),
        at('[data-testid="today-panel"] .today-groups, [data-testid="today-empty"]'),
      ]);
      const api = await page.evaluate(async () => {
        const t0 = performance.now();
        await (await fetch('/api/today/situation?locality=12')).json();
        return performance.now() - t0;
      });
      samples.push({ figures, map, today, api });
      ctx.log(`round ${r + 1}: figures ${round(figures, 0)} ms, map ${round(map, 0)} ms, today ${round(today, 0)} ms`);
    }
    const med = (k: keyof (typeof samples)[number]) => round(median(samples.map((s) => s[k])), 0);
    const summary = [
      `home page (demo province, ${rounds} rounds, median): figures ${med('figures')} ms, coloured map ${med('map')} ms, today's work ${med('today')} ms from navigation; GET /api/today/situation ${med('api')} ms`,
    ];
    return {
      summary,
      fields: {
        browser: browser.version(),
        rounds,
        medianMs: {
          figures: med('figures'),
          colouredMap: med('map'),
          todayWork: med('today'),
          situationApi: med('api'),
        },
        samples: samples.map((s) => ({
          figures: round(s.figures, 0),
          map: round(s.map, 0),
          today: round(s.today, 0),
          api: round(s.api, 0),
        })),
      },
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
