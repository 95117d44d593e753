/**
 * Issue 4's proof: F1 + F2 proposals for one F0 (`TracingRepository.candidates`, twice) over a
 * synthetic province (default 1 M people, 50 000 venues, 10 M check-ins over 21 days, fixed seed),
 * timed per F0 over many F0s. Target on PostgreSQL: p50 ≤ 50 ms, p95 ≤ 150 ms.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { defaultDiseaseProfile } from '../core/rules/disease-profiles.ts';
import { infectiousWindow, type Interval } from '../core/rules/exposure.ts';
import type { Db } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import {
  TracingRepository,
  type ContactRules,
  type TracingSource,
} from '../server/modules/tracing/tracing.repository.ts';
import { intOption } from './lib/options.ts';
import { percentile, round } from './lib/stats.ts';
import { candidatesStatement, explainStatement, type PlanReport } from './lib/tracing-plan.ts';
import { dataEnd, generateProvince, tableSizes, u, type ProvinceShape } from './lib/tracing-province.ts';
import type { BenchContext, BenchResult, Json, JsonObject } from './lib/types.ts';
import { DAY_MS } from '../core/vietnam-calendar.ts';
import { defaultScratchName, keptGeneration, openTarget } from './lib/tracing-target.ts';

export const description = 'F1+F2 tracing proposals for one F0 over a synthetic province (p50/p95 per F0)';
export const usage =
  '--people 1000000 --venues 50000 --checkins 10000000 --days 21 --seed 1 --first-day 2026-11-01 --f0 200 --warmup 20 ' +
  '--keep (keep the scratch database / PGlite folder) --reuse (skip generation when the kept data has the same shape) ' +
  '--generate-only (generate and keep, measure later with --reuse) --data-dir <folder> (PGlite; default a temp folder) --no-parallel (PostgreSQL sessions with max_parallel_workers_per_gather = 0); ' +
  'with --database-url: an admin URL, the bench creates (and drops) --database-name (default phongdich_bench_tracing; e.g. one per size with --keep)';

const targets = { p50Ms: 50, p95Ms: 150 };

function options(args: readonly string[]) {
  const { values } = parseArgs({
    args: [...args],
    options: {
      people: { type: 'string', default: '1000000' },
      venues: { type: 'string', default: '50000' },
      checkins: { type: 'string', default: '10000000' },
      days: { type: 'string', default: '21' },
      seed: { type: 'string', default: '1' },
      'first-day': { type: 'string', default: '2026-11-01' },
      f0: { type: 'string', default: '200' },
      warmup: { type: 'string', default: '20' },
      keep: { type: 'boolean', default: false },
      reuse: { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
      'no-parallel': { type: 'boolean', default: false },
      'generate-only': { type: 'boolean', default: false },
      'database-name': { type: 'string', default: defaultScratchName },
    },
  });
  const firstDay = values['first-day'];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(firstDay)) throw new Error('--first-day must be YYYY-MM-DD');
  const shape: ProvinceShape = {
    seed: intOption(values, 'seed', 0, 1_000_000),
    people: intOption(values, 'people', 1_000, 10_000_000),
    venues: intOption(values, 'venues', 100, 1_000_000),
    checkins: intOption(values, 'checkins', 1_000, 100_000_000),
    days: intOption(values, 'days', 8, 60),
    firstDay,
  };
  return {
    shape,
    f0: intOption(values, 'f0', 10, 10_000),
    warmup: intOption(values, 'warmup', 0, 1_000),
    keep: values.keep || values.reuse || values['generate-only'],
    reuse: values.reuse,
    dataDir: values['data-dir'],
    noParallel: values['no-parallel'],
    generateOnly: values['generate-only'],
    databaseName: databaseNameOption(values['database-name']),
  };
}

/** A plain lower-case identifier: it is spliced into CREATE/DROP DATABASE. */
function databaseNameOption(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error('--database-name must be a lower-case identifier');
  return name;
}

interface F0 {
  personId: string;
  sampleDate: string;
  window: Interval;
}

/**
 * F0s: people drawn by hash (stream `f0`), each with a sample date in the last 7 days of the data
 * and the profile's infectious window from 2 days before it to the end of the data ("now", not
 * isolated yet); kept when they checked in somewhere inside that window.
 */
async function pickF0s(db: Db, shape: ProvinceShape, count: number): Promise<F0[]> {
  const now = dataEnd(shape);
  const lowDay = Math.max(2, shape.days - 7);
  const r = await sql<{ id: string; day: number }>`
    select md5(${`p:${shape.seed}:`}::text || (1 + floor(${shape.people} * ${u(shape.seed, 'f0', 'j')})::bigint))::uuid::text as id,
      (${lowDay} + floor(${shape.days - lowDay} * ${u(shape.seed, 'f0Day', 'j')}))::int as day
    from generate_series(1::bigint, ${count * 3}::bigint) j order by j`.execute(db);
  const picked: F0[] = [];
  const seen = new Set<string>();
  for (const row of r.rows) {
    if (picked.length === count) break;
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    const sampleDate = new Date(Date.parse(`${shape.firstDay}T00:00:00Z`) + row.day * DAY_MS)
      .toISOString()
      .slice(0, 10);
    const window = infectiousWindow(defaultDiseaseProfile, { sampleDate }, now);
    const has = await sql<{ n: number }>`select count(*)::int as n from checkins where person_id = ${row.id}
      and checked_in_at >= ${window.from.toISOString()}::timestamptz and checked_in_at < ${window.to.toISOString()}::timestamptz`.execute(
      db,
    );
    if ((has.rows[0]?.n ?? 0) > 0) picked.push({ personId: row.id, sampleDate, window });
  }
  if (picked.length < count)
    throw new Error(`only ${picked.length} F0s with check-ins in their window, wanted ${count}`);
  return picked;
}

interface Sample {
  totalMs: number;
  f1Ms: number;
  f2Ms: number;
  f1: number;
  f1Household: number;
  f2: number;
  f2Sources: number;
}

const rules: ContactRules = { ...defaultDiseaseProfile.contact };

/** F1 sources for step 2: each F1 from its first exposure (household members: the window start) to the window end. */
function f1Sources(f0: F0, f1Rows: Awaited<ReturnType<TracingRepository['candidates']>>): TracingSource[] {
  const byPerson = new Map<string, TracingSource>();
  for (const row of f1Rows) {
    if (row.person_id === f0.personId) continue;
    const from = row.first_at ? new Date(row.first_at) : f0.window.from;
    const prev = byPerson.get(row.person_id);
    if (!prev || from < prev.from)
      byPerson.set(row.person_id, { personId: row.person_id, from, to: f0.window.to, viaContactId: null });
  }
  return [...byPerson.values()].filter((s) => s.from < s.to);
}

async function traceOne(db: Db, repo: TracingRepository, f0: F0): Promise<Sample> {
  const t0 = performance.now();
  const f1Rows = await repo.candidates(
    db,
    [{ personId: f0.personId, from: f0.window.from, to: f0.window.to, viaContactId: null }],
    rules,
  );
  const t1 = performance.now();
  const sources = f1Sources(f0, f1Rows);
  const f2Rows = await repo.candidates(db, sources, rules);
  const t2 = performance.now();
  const f1 = new Set(sources.map((s) => s.personId));
  const f2 = new Set(f2Rows.map((r) => r.person_id).filter((id) => id !== f0.personId && !f1.has(id)));
  return {
    totalMs: t2 - t0,
    f1Ms: t1 - t0,
    f2Ms: t2 - t1,
    f1: f1.size,
    f1Household: f1Rows.filter((r) => r.household).length,
    f2: f2.size,
    f2Sources: sources.length,
  };
}

function spread(values: readonly number[]): JsonObject {
  return {
    p50: round(percentile(values, 0.5), 1),
    p95: round(percentile(values, 0.95), 1),
    p99: round(percentile(values, 0.99), 1),
    max: round(Math.max(...values), 1),
    mean: round(values.reduce((a, b) => a + b, 0) / values.length, 1),
  };
}

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const o = options(ctx.args);
  const kind = ctx.database.kind;
  const opened = await openTarget(ctx, o);
  const db = opened.handle.db;
  try {
    ctx.log(`${kind}: ${opened.storage}; migrating`);
    await migrateToLatest(db);
    let generation = o.reuse ? await keptGeneration(db, o.shape) : null;
    const reused = generation !== null;
    if (generation) ctx.log('reusing the kept data (same shape and seed)');
    else {
      const { n } = await db
        .selectFrom('checkins')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      if (Number(n) > 0) {
        const what = o.reuse ? ' of another shape or seed' : ' (pass --reuse to measure them)';
        const fix =
          kind === 'postgresql' ? 'run without --reuse to regenerate' : 'remove the folder or pass another --data-dir';
        throw new Error(`${opened.storage} already holds check-ins${what}: ${fix}`);
      }
      ctx.log(`generating ${JSON.stringify(o.shape)}`);
      generation = await generateProvince(db, o.shape, ctx.log);
      await sql`create table if not exists bench_tracing_meta (shape jsonb not null, report jsonb not null)`.execute(
        db,
      );
      await sql`insert into bench_tracing_meta values (${JSON.stringify(o.shape)}::jsonb, ${JSON.stringify(generation)}::jsonb)`.execute(
        db,
      );
      ctx.log(`generated in ${generation.seconds.total} s`);
    }
    const sizes = await tableSizes(db);
    if (o.generateOnly) {
      return {
        summary: [
          `generated ${JSON.stringify(o.shape)} in ${generation.seconds.total} s into ${opened.storage}; measure with --reuse`,
        ],
        fields: {
          shape: { ...o.shape },
          storage: opened.storage,
          generation: generation as unknown as Json,
          tableSizes: sizes,
        },
      };
    }

    const f0s = await pickF0s(db, o.shape, o.warmup + o.f0);
    const repo = new TracingRepository();
    // The repository's statement as it is, or with the proposed change applied on the way out.
    ctx.log(`warm-up: ${o.warmup} F0s`);
    for (const f0 of f0s.slice(0, o.warmup)) await traceOne(db, repo, f0);
    const measured = f0s.slice(o.warmup);
    const samples: Sample[] = [];
    const tRun = performance.now();
    for (const [i, f0] of measured.entries()) {
      samples.push(await traceOne(db, repo, f0));
      if ((i + 1) % 50 === 0)
        ctx.log(`${i + 1}/${measured.length} F0s, ${round((performance.now() - tRun) / 1000, 1)} s`);
    }

    // Plans for the F0 at the median total time and for the slowest: its F1 statement and its F2
    // statement (the F2 one of the slowest F0 only on PostgreSQL: on PGlite it can take minutes).
    const order = samples.map((s, i) => ({ ms: s.totalMs, i })).sort((a, b) => a.ms - b.ms);
    const explainBoth = async (sources: TracingSource[]): Promise<PlanReport[]> => {
      const statement = await candidatesStatement(db, sources, rules);
      const plans: PlanReport[] = [await explainStatement(db, statement, false)];
      if (kind === 'postgresql' && (plans[0] as PlanReport).parallel)
        plans.push(await explainStatement(db, statement, true));
      return plans;
    };
    const planFor = async (label: string, index: number, withF2: boolean): Promise<JsonObject> => {
      const f0 = measured[index] as F0;
      const f1Source: TracingSource[] = [
        { personId: f0.personId, from: f0.window.from, to: f0.window.to, viaContactId: null },
      ];
      const f1 = await explainBoth(f1Source);
      const f2 = withF2 ? await explainBoth(f1Sources(f0, await repo.candidates(db, f1Source, rules))) : null;
      const sample = samples[index] as Sample;
      return {
        label,
        f0: f0.personId,
        window: { from: f0.window.from.toISOString(), to: f0.window.to.toISOString() },
        f1: sample.f1,
        f2: sample.f2,
        f1Statement: f1 as unknown as Json,
        f2Statement: f2 as unknown as Json,
      };
    };
    const medianIdx = (order[Math.floor(order.length / 2)] as { i: number }).i;
    const slowestIdx = (order[order.length - 1] as { i: number }).i;
    ctx.log('EXPLAIN (ANALYZE, BUFFERS) of the median and slowest F0');
    const explain = [
      await planFor('median F0', medianIdx, true),
      await planFor('slowest F0', slowestIdx, kind === 'postgresql'),
    ];

    const total = spread(samples.map((s) => s.totalMs));
    const avg = (f: (s: Sample) => number) => round(samples.reduce((a, s) => a + f(s), 0) / samples.length, 1);
    const met =
      kind === 'postgresql'
        ? { ...targets, met: Number(total.p50) <= targets.p50Ms && Number(total.p95) <= targets.p95Ms }
        : null;
    const firstPlan = (explain[0]?.f1Statement as unknown as PlanReport[])[0] as PlanReport;
    const fullScale =
      o.shape.people === 1_000_000 &&
      o.shape.venues === 50_000 &&
      o.shape.checkins === 10_000_000 &&
      o.shape.days === 21;
    const summary = [
      `province: ${o.shape.people.toLocaleString('en')} people, ${o.shape.venues.toLocaleString('en')} venues, ${o.shape.checkins.toLocaleString('en')} check-ins / ${o.shape.days} days, seed ${o.shape.seed}${fullScale ? '' : " (NOT the issue's full scale)"}`,
      `generation: ${reused ? 'reused kept data, originally ' : ''}${generation.seconds.total} s (check-ins ${generation.seconds.checkins} s, vacuum+analyze ${generation.seconds.vacuumAnalyze} s); checkins ${sizes.checkins?.totalMiB ?? '?'} MiB, people ${sizes.people?.totalMiB ?? '?'} MiB`,
      `F1+F2 per F0 over ${samples.length} F0s: p50 ${total.p50} ms, p95 ${total.p95} ms, p99 ${total.p99} ms, max ${total.max} ms`,
      `  F1 step p50 ${spread(samples.map((s) => s.f1Ms)).p50} ms, F2 step p50 ${spread(samples.map((s) => s.f2Ms)).p50} ms; F1 avg ${avg((s) => s.f1)} (household ${avg((s) => s.f1Household)}), F2 avg ${avg((s) => s.f2)}`,
      `F1 plan (median F0): venue-time index ${firstPlan.usesVenueTimeIndex ? 'yes' : 'NO'} (time bound in its Index Cond: ${firstPlan.timeBoundInIndexCond ? 'yes' : 'NO'}), parallel ${firstPlan.parallel ? 'YES' : 'no'}, executed seq scans of check-in partitions ${firstPlan.seqScans.length}, ${firstPlan.executionMs} ms`,
      ...explain
        .map((e) => {
          const f2 = (e.f2Statement as unknown as PlanReport[] | null)?.[0];
          return f2
            ? `F2 plan (${String(e.label)}, ${String(e.f1)} sources): venue-time index ${f2.usesVenueTimeIndex ? 'yes' : 'NO'} (time bound in Index Cond: ${f2.timeBoundInIndexCond ? 'yes' : 'NO'}), parallel ${f2.parallel ? 'YES' : 'no'}, ${f2.executionMs} ms`
            : '';
        })
        .filter(Boolean),
      ...(met ? [`target p50 ≤ ${targets.p50Ms} ms, p95 ≤ ${targets.p95Ms} ms: ${met.met ? 'met' : 'NOT met'}`] : []),
    ];
    return {
      summary,
      fields: {
        shape: { ...o.shape, fullScale },
        storage: opened.storage,
        sessionSettings: o.noParallel ? 'max_parallel_workers_per_gather = 0' : 'server defaults',
        method: {
          f0s: samples.length,
          warmupF0s: o.warmup,
          rules: { ...rules },
          window:
            'infectiousWindow(defaultDiseaseProfile, { sampleDate }, now): sample date drawn in the last 7 days, now = end of the data',
          step1: 'candidates([F0 window])',
          step2: 'candidates(F1s, each [first exposure or window start, window end))',
          timed: 'both candidates calls, through Kysely and the pg pool of openDatabase, sequentially',
        },
        generation: generation as unknown as Json,
        reusedData: reused,
        tableSizes: sizes,
        totalMs: total,
        f1StepMs: spread(samples.map((s) => s.f1Ms)),
        f2StepMs: spread(samples.map((s) => s.f2Ms)),
        counts: {
          f1Mean: avg((s) => s.f1),
          f1Max: Math.max(...samples.map((s) => s.f1)),
          f1HouseholdMean: avg((s) => s.f1Household),
          f2Mean: avg((s) => s.f2),
          f2Max: Math.max(...samples.map((s) => s.f2)),
          f2p50: percentile(
            samples.map((s) => s.f2),
            0.5,
          ),
        },
        target: met,
        explain,
        samples: samples.map((s) => [round(s.totalMs, 1), round(s.f1Ms, 1), round(s.f2Ms, 1), s.f1, s.f2]),
        samplesColumns: ['totalMs', 'f1Ms', 'f2Ms', 'f1', 'f2'],
      },
    };
  } finally {
    await opened.handle.close();
    await opened.cleanup();
  }
}
