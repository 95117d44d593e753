/**
 * Issue 14, lists at a national peak: 1 M cases across the 34 provinces (the `risk` bench's
 * generator: skewed by province and commune, waves), as many rows of every other list (contacts,
 * quarantine stays, test orders, declarations, arrivals, check-ins, audit events: row k in the
 * commune of case k, `lists-data.ts`), then every list call as officials make it,
 * through the services (scope, filters, audit record included): a province's CDC and a commune
 * officer, in the biggest province and in a small one; first page, each filter, page 51 through the
 * cursor, text search. Target p95 ≤ 100 ms for each.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import type { Db } from '../server/db/database.ts';
import type { Platform } from '../server/main.ts';
import { intOption } from './lib/options.ts';
import { generateListsCountry } from './lib/lists-country.ts';
import type { CountryShape } from './lib/risk-country.ts';
import { generateListsData } from './lib/lists-data.ts';
import { listScenarios, type ListScenario } from './lib/lists-scenarios.ts';
import { moreListScenarios } from './lib/lists-scenarios-more.ts';
import { dropScratchDatabases } from './lib/scratch-databases.ts';
import { openScratchPlatform } from './lib/scratch-platform.ts';
import { percentile, round } from './lib/stats.ts';
import type { BenchContext, BenchResult, JsonObject } from './lib/types.ts';

export const description =
  'issue 14: every list at 1 M rows each across the country, for a province CDC and a commune officer (target p95 ≤ 100 ms, PostgreSQL)';
export const usage =
  '--cases 1000000 (rows of every list) --seed 1 --rounds 20 --warmup 3 --only contacts,audit (lists to measure) --deep-page 51 (other lists) --reuse (measure the kept database again) --keep --scratch phongdich_bench_lists (the scratch database); with --database-url: an admin URL';

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
      only: { type: 'string' },
      'deep-page': { type: 'string', default: '51' },
      scratch: { type: 'string', default: 'phongdich_bench_lists' },
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
    scratchName: values.scratch,
    deepPage: intOption(values, 'deep-page', 2, 1000),
    only: values.only ? values.only.split(',').map((x) => x.trim()) : null,
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

/** The country and its cases (shared with the `exports` bench), then 1 M rows of every other list. */
async function generate(
  db: Db,
  platform: Platform,
  shape: CountryShape,
  log: (line: string) => void,
): Promise<JsonObject> {
  const t = performance.now();
  const country = await generateListsCountry(db, platform, shape, log);
  const lists = await generateListsData(db, platform, shape.seed, log);
  return { ...country, seconds: round((performance.now() - t) / 1000, 1), otherListsInsertSeconds: lists };
}

export async function run(ctx: BenchContext): Promise<BenchResult> {
  if (ctx.database.kind !== 'postgresql')
    throw new Error('the lists bench measures PostgreSQL: pass --database-url (an admin URL)');
  const o = options(ctx.args);
  const adminUrl = ctx.database.url;
  const platform = await openScratchPlatform(adminUrl, o.scratchName, o.reuse);
  const db = platform.database.db;
  try {
    const generation = o.reuse ? { reused: true } : await generate(db, platform, o.shape, ctx.log);
    ctx.log('vacuum analyze');
    await sql`vacuum analyze`.execute(db);
    const all = [...(await listScenarios(db, platform)), ...(await moreListScenarios(db, platform, o.deepPage))];
    const scenarios = o.only ? all.filter((s) => o.only?.includes(s.list)) : all;
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
      `${results.length} list calls at ${o.shape.cases.toLocaleString('en')} rows per list: ${results.length - slow} within p95 ≤ ${targetMs} ms, ${slow} above`,
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
    if (!o.keep) await dropScratchDatabases(adminUrl, [o.scratchName]);
  }
}
