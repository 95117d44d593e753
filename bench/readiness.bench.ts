/**
 * Issue 18's readiness: a country of 3,321 communes and 34 × 30 departments, each with an approved
 * plan and a store of 50 stock lines; the readiness for level 3 of every commune of the largest
 * province (target ≤ 300 ms) and of every commune of the country (target ≤ 2 s), through the service
 * the page and the export call, a keyset page of 500 units at a time (a fixed number of queries per
 * page, never one per commune). Part of the
 * `resources` benchmarks: `bench/resources.bench.ts` may call `runReadiness`.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { AreaReadinessItem } from '../core/schemas/plans.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';
import { openPlatform, type Platform } from '../server/main.ts';
import { newSecret } from '../server/modules/system/signing-secrets.ts';
import { systemActor } from '../server/shared/actor.ts';
import { readProvinceCatalogue } from '../server/modules/localities/vn-admin-loader.ts';
import { writeReadinessCountry } from './lib/readiness-country.ts';
import { loadCountry } from './lib/risk-country.ts';
import { dropScratchDatabases, recreateScratchDatabases, scratchUrl } from './lib/scratch-databases.ts';
import { median, round } from './lib/stats.ts';
import type { BenchContext, BenchResult } from './lib/types.ts';

export const description =
  "issue 18: readiness for a level of a province's communes (≤ 300 ms) and of the country's (≤ 2 s), 3,321 communes + 34×30 departments with plans and 50 stock lines";
export const usage =
  '--rounds 5 --level 3 --departments 30 --scratch phongdich_bench_readiness (the scratch database) --keep (leave it) --reuse (measure the kept database again)';

const targets = { provinceMs: 300, countryMs: 2000 };

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const { values } = parseArgs({
    args: [...ctx.args],
    options: {
      rounds: { type: 'string', default: '5' },
      level: { type: 'string', default: '3' },
      departments: { type: 'string', default: '30' },
      scratch: { type: 'string', default: 'phongdich_bench_readiness' },
      keep: { type: 'boolean', default: false },
      reuse: { type: 'boolean', default: false },
    },
  });
  return runReadiness(ctx, {
    rounds: Number(values.rounds),
    level: Number(values.level),
    departments: Number(values.departments),
    scratch: values.scratch,
    keep: values.keep || values.reuse,
    reuse: values.reuse,
  });
}

export async function runReadiness(
  ctx: BenchContext,
  o: { rounds: number; level: number; departments: number; scratch?: string; keep?: boolean; reuse?: boolean },
): Promise<BenchResult> {
  const pg = ctx.database.kind === 'postgresql' ? ctx.database.url : null;
  const scratch = o.scratch ?? 'phongdich_bench_readiness';
  // Reusing a kept database skips the country's setup (minutes), to measure a change again.
  const reuse = pg !== null && o.reuse === true;
  if (pg && !reuse) await recreateScratchDatabases(pg, [scratch]);
  const handle = await openDatabase(pg ? { url: scratchUrl(pg, scratch), dataDir: '' } : { dataDir: 'memory://' });
  let platform: Platform | null = null;
  try {
    platform = await openPlatform(
      { ...loadConfig({}), logLevel: 'silent', database: { dataDir: 'memory://' }, secret: newSecret() },
      handle,
    );
    const s = platform.services;
    const db = handle.db;
    const sys = systemActor('bench');
    const t = performance.now();
    if (!reuse) {
      await loadCountry(db, ctx.log);
      for (const p of await readProvinceCatalogue()) await s.units.ensureProvinceUnits(sys, p.code);
    }
    const shape = reuse ? { reused: 1 } : await writeReadinessCountry(db, o.departments);
    const setupSeconds = round((performance.now() - t) / 1000, 1);
    ctx.log(`country written in ${setupSeconds} s: ${JSON.stringify(shape)}`);
    const largest = (
      await db
        .selectFrom('reporting_units')
        .select(['province_code', (e) => e.fn.countAll<string>().as('n')])
        .where('kind', '=', 'commune')
        .groupBy('province_code')
        .orderBy('n', 'desc')
        .executeTakeFirstOrThrow()
    ).province_code;
    const time = async (locality: string) => {
      const runs: number[] = [];
      let units = 0;
      let short = 0;
      for (let i = 0; i <= o.rounds; i++) {
        const started = performance.now();
        // Every commune of the area, walked as the map and the export walk it: pages of 500.
        const all: AreaReadinessItem[] = [];
        let after: string | undefined;
        do {
          const r = await s.readiness.forArea(sys, {
            locality,
            level: o.level,
            limit: 500,
            ...(after ? { after } : {}),
          });
          all.push(...r.items);
          after = r.nextCursor ?? undefined;
        } while (after);
        const ms = performance.now() - started;
        if (i > 0) runs.push(ms); // the first run warms the caches
        units = all.length;
        short = all.filter((u) => u.shortfalls.length > 0).length;
      }
      return { medianMs: round(median(runs), 1), maxMs: round(Math.max(...runs), 1), units, withShortfalls: short };
    };
    const province = await time(largest);
    const country = await time('VN');
    const load = os.loadavg().map((l) => round(l, 2));
    const summary = [
      `readiness level ${o.level}, province ${largest} (${province.units} communes): median ${province.medianMs} ms, max ${province.maxMs} ms (target ≤ ${targets.provinceMs})`,
      `readiness level ${o.level}, country (${country.units} communes): median ${country.medianMs} ms, max ${country.maxMs} ms (target ≤ ${targets.countryMs})`,
      `load average ${load.join(' ')} on ${os.cpus().length} cores; setup ${setupSeconds} s`,
    ];
    return {
      summary,
      fields: {
        level: o.level,
        rounds: o.rounds,
        shape,
        province: {
          code: largest,
          ...province,
          targetMs: targets.provinceMs,
          met: province.maxMs <= targets.provinceMs,
        },
        country: { ...country, targetMs: targets.countryMs, met: country.maxMs <= targets.countryMs },
        loadAverage: load,
      },
    };
  } finally {
    if (platform) await platform.close();
    else await handle.close();
    if (pg && !o.keep) await dropScratchDatabases(pg, [scratch]);
  }
}
