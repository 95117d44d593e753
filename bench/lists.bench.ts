/**
 * Issue 14, lists at a national peak: 1 M cases across the 34 provinces (the `risk` bench's
 * generator: skewed by province and commune, waves), then every list call as officials make it,
 * through the services (scope, filters, audit record included): a province's CDC and a commune
 * officer, in the biggest province and in a small one; first page, each filter, page 51 through the
 * cursor, text search. Target p95 ≤ 100 ms for each.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';
import { openPlatform } from '../server/main.ts';
import { newSecret } from '../server/modules/system/signing-secrets.ts';
import { intOption } from './lib/options.ts';
import { generateListsCountry } from './lib/lists-country.ts';
import type { CountryShape } from './lib/risk-country.ts';
import { listScenarios, type ListScenario } from './lib/lists-scenarios.ts';
import { dropScratchDatabases, recreateScratchDatabases, scratchUrl } from './lib/scratch-databases.ts';
import { percentile, round } from './lib/stats.ts';
import type { BenchContext, BenchResult, JsonObject } from './lib/types.ts';

export const description =
  'issue 14: every list at 1 M cases across the country, for a province CDC and a commune officer (target p95 ≤ 100 ms, PostgreSQL)';
export const usage =
  '--cases 1000000 --seed 1 --rounds 20 --warmup 3 --reuse (measure the kept database again) --keep; with --database-url: an admin URL, the bench creates phongdich_bench_lists';

const scratchName = 'phongdich_bench_lists';
const targetMs = 100;

function options(args: readonly string[]) {
  const { values } = parseArgs({
    args: [...args],
    options: {
      cases: { type: 'string', default: '1000000' },
      seed: { type: 'string', default: '1' },
      rounds: { type: 'string', default: '20' },
      warmup: { type: 'string', default: '3' },
      reuse: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
    },
  });
  const shape: CountryShape = {
    seed: intOption(values, 'seed', 0, 1_000_000),
    cases: intOption(values, 'cases', 1_000, 20_000_000),
    days: 365,
    lastDay: '2026-11-24',
    coverageSnapshots: 0,
  };
  return {
    shape,
    rounds: intOption(values, 'rounds', 1, 200),
    warmup: intOption(values, 'warmup', 0, 20),
    reuse: values.reuse,
    keep: values.keep || values.reuse,
  };
}

/** One timed call per round; the p50/p95 over the rounds. */
async function measure(s: ListScenario, rounds: number, warmup: number) {
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < warmup + rounds; i++) {
    const prepared = await s.prepare();
    const t = performance.now();
    rows = await s.call(prepared);
    if (i >= warmup) times.push(performance.now() - t);
  }
  return {
    p50: round(percentile(times, 0.5), 1),
    p95: round(percentile(times, 0.95), 1),
    max: round(Math.max(...times), 1),
    rows,
  };
}

export async function run(ctx: BenchContext): Promise<BenchResult> {
  if (ctx.database.kind !== 'postgresql')
    throw new Error('the lists bench measures PostgreSQL: pass --database-url (an admin URL)');
  const o = options(ctx.args);
  const adminUrl = ctx.database.url;
  if (!o.reuse) await recreateScratchDatabases(adminUrl, [scratchName]);
  const handle = await openDatabase({ url: scratchUrl(adminUrl, scratchName), dataDir: '' });
  const config = {
    ...loadConfig({}),
    logLevel: 'silent' as const,
    database: { dataDir: 'memory://' },
    secret: newSecret(),
  };
  const platform = await openPlatform(config, handle);
  const db = handle.db;
  try {
    const generation = o.reuse ? { reused: true } : await generateListsCountry(db, platform, o.shape, ctx.log);
    ctx.log('vacuum analyze');
    await sql`vacuum analyze`.execute(db);
    const scenarios = await listScenarios(db, platform);
    const results: JsonObject[] = [];
    const summary: string[] = [];
    for (const s of scenarios) {
      const m = await measure(s, o.rounds, o.warmup);
      ctx.log(`${s.label}: p50 ${m.p50} ms, p95 ${m.p95} ms (${m.rows} rows)`);
      results.push({
        list: s.list,
        who: s.who,
        call: s.call.name || s.label,
        label: s.label,
        ...m,
        withinTarget: m.p95 <= targetMs,
      });
      summary.push(
        `${m.p95 <= targetMs ? 'ok  ' : 'SLOW'} p50 ${String(m.p50).padStart(7)} ms  p95 ${String(m.p95).padStart(7)} ms  ${s.label}`,
      );
    }
    const slow = results.filter((r) => r.withinTarget === false).length;
    summary.unshift(
      `${results.length} list calls at ${o.shape.cases.toLocaleString('en')} cases: ${results.length - slow} within p95 ≤ ${targetMs} ms, ${slow} above`,
    );
    return {
      summary,
      fields: {
        targetMs,
        shape: o.shape as unknown as JsonObject,
        generation,
        rounds: o.rounds,
        warmup: o.warmup,
        results,
      },
    };
  } finally {
    await platform.close();
    if (!o.keep) await dropScratchDatabases(adminUrl, [scratchName]);
  }
}
