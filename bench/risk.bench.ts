/**
 * Issue 6's proof: recompute the daily indicators and the level of every commune of the country
 * (3,321 communes of the vendored GSO list) on every day of a year from 1 M synthetic cases.
 * Target ≤ 1 s on PostgreSQL (issue 14, item 6; it was 2 s) for (a) `IndicatorsRepository.rebuildAll` + (b) the level series of
 * the whole country under the active rule set: `LevelSeriesRepository.communeSeries('VN', a year)`,
 * core `tallyLevels` (every commune, every day) and `levelTrends` (every province's level every
 * day). Also: the first refresh after the bulk insert, the incremental path (one new case → one
 * cell), the four presets, one province's map read, and the staff map's first colour in Chromium.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { riskRuleSetPresets } from '../core/rules/risk/rule-sets.ts';
import { loadConfig } from '../server/config.ts';
import { openPlatform, type Platform } from '../server/main.ts';
import { newSecret } from '../server/modules/system/signing-secrets.ts';
import type { LevelTally } from '../core/rules/risk/level-series.ts';
import { LevelSeriesRepository } from '../server/modules/risk/level-series.repository.ts';
import { IndicatorsRepository } from '../server/modules/risk/indicators.repository.ts';
import { systemActor } from '../server/shared/actor.ts';
import { intOption } from './lib/options.ts';
import {
  createBenchRandom,
  expectedCommunes,
  firstDayOf,
  generateCases,
  loadCountry,
  type CountryShape,
} from './lib/risk-country.ts';
import { incrementalCost } from './lib/risk-incremental.ts';
import { mapPart } from './lib/risk-map-part.ts';
import { slowestNodes, type RiskPlanReport } from './lib/risk-plan.ts';
import { firstDifference, referenceLevelCounts, tallyRows } from './lib/risk-reference.ts';
import { median, round } from './lib/stats.ts';
import type { BenchContext, BenchResult, Json, JsonObject } from './lib/types.ts';
import { codeVersion, openTarget, postgresSettings } from './lib/risk-target.ts';
import { checkLevels, explainAll, levelSeries, pictureOf, type Trends } from './lib/risk-level-series.ts';

export const description =
  "issue 6: daily indicators + level of all 3,321 communes × 365 days from 1 M cases (target ≤ 1 s on PostgreSQL), and the map page's first colour";
export const usage =
  '--cases 1000000 --days 365 --last-day 2026-11-24 --seed 1 --rounds 5 --warmup 1 --coverage 12 (vaccination snapshots per commune, 0: none) ' +
  '--no-map (skip Chromium) --map-provinces VN|all|<code,code> --map-rounds 3 --map-timeout 90 --chromium /usr/bin/chromium ' +
  '--data-dir <folder> (PGlite; default a temp folder) --keep; with --database-url: an admin URL, the bench creates (and drops) phongdich_bench_risk';

const targetMs = 1000;

function options(args: readonly string[]) {
  const { values } = parseArgs({
    args: [...args],
    options: {
      cases: { type: 'string', default: '1000000' },
      days: { type: 'string', default: '365' },
      'last-day': { type: 'string', default: '2026-11-24' },
      seed: { type: 'string', default: '1' },
      rounds: { type: 'string', default: '5' },
      warmup: { type: 'string', default: '1' },
      coverage: { type: 'string', default: '12' },
      map: { type: 'boolean', default: true },
      'no-map': { type: 'boolean', default: false },
      'map-provinces': { type: 'string', default: 'VN' },
      'map-rounds': { type: 'string', default: '3' },
      'map-timeout': { type: 'string', default: '90' },
      chromium: { type: 'string', default: '/usr/bin/chromium' },
      'data-dir': { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
  });
  const lastDay = values['last-day'];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(lastDay) || Number.isNaN(Date.parse(lastDay)))
    throw new Error('--last-day must be YYYY-MM-DD');
  const mapProvinces = values['map-provinces'];
  if (!/^(VN|all|\d{2}(,\d{2})*)$/.test(mapProvinces))
    throw new Error('--map-provinces must be VN, all or a list of 2-digit codes');
  const shape: CountryShape = {
    seed: intOption(values, 'seed', 0, 1_000_000),
    cases: intOption(values, 'cases', 1_000, 20_000_000),
    days: intOption(values, 'days', 60, 730),
    lastDay,
    coverageSnapshots: intOption(values, 'coverage', 0, 60),
  };
  return {
    shape,
    rounds: intOption(values, 'rounds', 1, 50),
    warmup: intOption(values, 'warmup', 0, 10),
    map: values.map && !values['no-map'],
    mapProvinces,
    mapRounds: intOption(values, 'map-rounds', 1, 20),
    mapTimeoutMs: intOption(values, 'map-timeout', 5, 600) * 1000,
    chromium: values.chromium,
    dataDir: values['data-dir'],
    keep: values.keep,
  };
}

const ms = (t0: number) => performance.now() - t0;

interface Round {
  rebuildMs: number;
  rebuildRows: number;
  readMs: number;
  tallyMs: number;
  trendsMs: number;
  levelsMs: number;
  totalMs: number;
}

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const o = options(ctx.args);
  const kind = ctx.database.kind;
  const opened = await openTarget(ctx, o);
  const db = opened.handle.db;
  const config = {
    ...loadConfig({}),
    logLevel: 'silent' as const,
    database: { dataDir: 'memory://' },
    secret: newSecret(),
  };
  let platform: Platform | null = null;
  try {
    ctx.log(`${kind}: ${opened.storage}; migrating`);
    platform = await openPlatform(config, opened.handle); // migrates, writes the rule set presets (active: qd218_2022)
    const sys = systemActor('bench');
    const settings = kind === 'postgresql' ? await postgresSettings(db) : { engine: 'PGlite 0.5.16 (in process)' };
    const code = codeVersion();

    // ---- setup (not timed) ----
    let t = performance.now();
    await createBenchRandom(db);
    const country = await loadCountry(db, ctx.log);
    const localitiesSeconds = round(ms(t) / 1000, 1);
    ctx.log(`generating ${JSON.stringify(o.shape)}`);
    const generation = await generateCases(db, o.shape, ctx.log);
    generation.seconds.localities = localitiesSeconds;
    generation.seconds.total = round(generation.seconds.total + localitiesSeconds, 1);
    // The first refresh after the bulk insert takes every dirty cell the triggers marked (above
    // the repository's threshold it recounts everything in one pass): the import's real follow-up.
    t = performance.now();
    const firstRefreshCells = await platform.services.indicators.refreshDirty(db);
    const firstRefreshMs = round(ms(t), 1);
    const leftDirty = await sql<{ n: string }>`select count(*) as n from risk_dirty_cells`.execute(db);
    if (Number(leftDirty.rows[0]?.n) !== 0) throw new Error('risk_dirty_cells not empty after refreshDirty');
    ctx.log(
      `generated in ${generation.seconds.total} s (cases insert ${generation.casesInsert.seconds} s, ${generation.casesInsert.dirtyCells} dirty cells marked); first refreshDirty took them in ${firstRefreshMs} ms`,
    );

    const first = firstDayOf(o.shape);
    const last = o.shape.lastDay;
    const days = o.shape.days;
    const ruleSet = await platform.services.ruleSets.resolve(sys, undefined);
    const indicators = new IndicatorsRepository();
    const series = new LevelSeriesRepository();
    const provinceRows = await sql<{ code: string; path: string; communes: string }>`
      select p.code, p.path, count(c.code) as communes from localities p join localities c on c.parent_code = p.code and c.level = 'commune'
      where p.level = 'province' group by p.code, p.path order by p.code`.execute(db);
    const provinces = provinceRows.rows.map((r) => ({ code: r.code, path: r.path, communes: Number(r.communes) }));

    // ---- timed: (a) rebuildAll, (b) communeSeries('VN', the year) + tallyLevels + levelTrends ----
    const rounds: Round[] = [];
    let lastTally: LevelTally | null = null;
    let lastTrends: Trends = new Map();
    const loadBefore = os.loadavg()[0] ?? 0;
    for (let i = 0; i < o.warmup + o.rounds; i++) {
      t = performance.now();
      const rebuildRows = await indicators.rebuildAll(db);
      const rebuildMs = ms(t);
      const b = await levelSeries(db, series, ruleSet, first, last, days);
      const levelsMs = b.readMs + b.tallyMs + b.trendsMs;
      const r: Round = {
        rebuildMs,
        rebuildRows,
        readMs: b.readMs,
        tallyMs: b.tallyMs,
        trendsMs: b.trendsMs,
        levelsMs,
        totalMs: rebuildMs + levelsMs,
      };
      if (i === 0) checkLevels(b.tally, b.trends, days, provinces.length);
      lastTally = b.tally;
      lastTrends = b.trends;
      const label = i < o.warmup ? `warm-up ${i + 1}` : `round ${i - o.warmup + 1}/${o.rounds}`;
      ctx.log(
        `${label}: rebuildAll ${round(rebuildMs)} ms (${rebuildRows} rows), series read ${round(b.readMs)} ms + tally ${round(b.tallyMs)} ms + trends ${round(b.trendsMs)} ms, total ${round(r.totalMs)} ms`,
      );
      if (i >= o.warmup) rounds.push(r);
    }
    const loadDuring = round(Math.max(loadBefore, os.loadavg()[0] ?? 0));
    const med = (f: (r: Round) => number) => round(median(rounds.map(f)), 1);
    const totals = rounds.map((r) => r.totalMs);
    const total = {
      medianMs: med((r) => r.totalMs),
      minMs: round(Math.min(...totals), 1),
      maxMs: round(Math.max(...totals), 1),
    };
    const targetMet = total.medianMs <= targetMs;
    const picture = pictureOf(ruleSet, lastTally!, lastTrends, first, last);

    // ---- also reported (not in the total) ----
    const { n: dailyRows } = await db
      .selectFrom('locality_daily_counts')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();

    // Every preset: the series' tally, checked against the bench's independent evaluation (lib/risk-reference.ts).
    const presets: JsonObject[] = [];
    for (const preset of riskRuleSetPresets) {
      const times: number[] = [];
      let b: Awaited<ReturnType<typeof levelSeries>> | null = null;
      for (let i = 0; i < 3; i++) {
        b = await levelSeries(db, series, preset, first, last, days);
        times.push(b.readMs + b.tallyMs + b.trendsMs);
      }
      t = performance.now();
      const reference = await referenceLevelCounts(db, preset, 'VN', first, last);
      const referenceMs = ms(t);
      const diff = firstDifference(reference, tallyRows(b!.tally, first));
      if (diff)
        throw new Error(`the level series under ${preset.code} differs from the bench's reference evaluation: ${diff}`);
      presets.push({
        code: preset.code,
        levelsMedianMs: round(median(times), 1),
        runsMs: times.map((x) => round(x, 1)),
        tallyMs: round(b!.tallyMs, 1),
        sameAsReference: true,
        referenceMs: round(referenceMs, 1),
        lastDay: pictureOf(preset, b!.tally, b!.trends, first, last),
      });
      ctx.log(
        `preset ${preset.code}: series + tally + trends ${round(median(times))} ms (median of 3); same levels as the reference evaluation`,
      );
    }

    // One province's map read: windowTotals of the province with the most cases in the last 14 days.
    const busiest = await sql<{ province_code: string; n: string }>`
      select split_part(locality_path, '/', 2) as province_code, sum(community + in_quarantine + imported) as n from locality_daily_counts
      where day > ${last}::date - 14 and day <= ${last}::date group by 1 order by 2 desc limit 1`.execute(db);
    const busiestCode = busiest.rows[0]?.province_code ?? provinces[0]!.code;
    const busiestProvince = provinces.find((p) => p.code === busiestCode)!;
    const wt: number[] = [];
    let wtRows = 0;
    for (let i = 0; i < 21; i++) {
      t = performance.now();
      wtRows = (await indicators.windowTotals(db, { path: busiestProvince.path }, last)).length;
      if (i > 0) wt.push(ms(t));
    }
    const windowTotals = {
      province: busiestProvince.code,
      path: busiestProvince.path,
      communes: busiestProvince.communes,
      day: last,
      medianMs: round(median(wt), 2),
      maxMs: round(Math.max(...wt), 2),
      communesWithCounts: wtRows,
      runs: wt.length,
    };
    ctx.log(
      `windowTotals(${busiestProvince.path}, ${last}): ${windowTotals.medianMs} ms (median of 20), ${wtRows} communes with counts`,
    );

    // Incremental: one case in the busiest commune of the last day, then refreshDirty; 20 times.
    const incremental = await incrementalCost(db, platform, last, 'after rebuildAll');
    ctx.log(
      `incremental: insert 1 case ${incremental.insertOneCaseMedianMs} ms, refreshDirty ${incremental.refreshDirtyMedianMs} ms (1 cell each time, median of 20)`,
    );

    // Plans of the timed statements (on the data as it is now: 20 more cases than timed).
    ctx.log("EXPLAIN (ANALYZE, BUFFERS) of rebuildAll's insert and of the series' counts read");
    const plans = await explainAll(db, platform, first, last);

    // ---- the map page in Chromium ----
    const map = await mapPart(
      ctx,
      { ...o, lastDay: o.shape.lastDay },
      platform,
      provinces.map((p) => ({ code: p.code, communes: p.communes })),
    );

    const fullScale = o.shape.cases === 1_000_000 && o.shape.days === 365;
    const d = generation.distribution;
    const pg = kind === 'postgresql';
    const digest = (p: RiskPlanReport) =>
      `${p.label}: ${p.executionMs} ms; sorts: ${p.sorts.length ? [...new Set(p.sorts)].join(' | ') : 'none'}${p.hashSpills.length ? `; hash spills: ${p.hashSpills.join(' | ')}` : ''}${p.parallel ? '; parallel' : ''}`;
    const mapLine = (() => {
      if (map.status !== 'measured' && map.status !== 'fallback') return [`map: ${map.status}`];
      const lines: string[] = [];
      const vn = map.vn as JsonObject | null;
      if (vn)
        lines.push(
          `map /risk?province=VN: first colour ${vn.firstColourMs} ms (painted ${vn.paintedMs} ms), ${vn.pathsWithLevel}/${vn.expectedPaths} path[data-level]; repeat visit ${vn.repeatVisitFirstColourMs} ms`,
        );
      if (map.fallback) lines.push(`map: ${String(map.fallback)}`);
      const pv = map.provinces as JsonObject | null;
      if (pv) {
        const slow = pv.slowest as JsonObject | null;
        lines.push(
          `map per province (${pv.measured} provinces, cache off): first colour median ${pv.firstColourMedianMs} ms, max ${pv.firstColourMaxMs} ms (${slow?.code}, ${slow?.paths} communes); path[data-level] ${pv.pathsWithLevelTotal}/${pv.pathsExpectedTotal}`,
        );
      }
      return lines;
    })();
    const summary = [
      `country: ${country.provinces} provinces, ${country.communes} communes; ${o.shape.cases.toLocaleString('en')} cases over ${days} days ${first}…${last}, seed ${o.shape.seed}${fullScale ? '' : " (NOT the issue's full scale)"}`,
      `  skew: top 3 provinces ${round(Number(d.shareOfTop3Provinces) * 100, 1)}% of cases, ${d.communesWithoutCases} communes without a case, commune p50 ${d.casesPerCommuneP50} / max ${d.casesPerCommuneMax}; ${d.cellsWithCases} (commune, day) cells with cases; community ${d.community}, with cluster ${d.communityWithCluster}`,
      `setup (not timed): localities ${generation.seconds.localities} s, cases insert ${generation.casesInsert.seconds} s (${generation.casesInsert.rowsPerSecond.toLocaleString('en')} rows/s, triggers marked ${generation.casesInsert.dirtyCells.toLocaleString('en')} dirty cells), first refreshDirty ${firstRefreshMs} ms, vacuum+analyze ${generation.seconds.vacuumAnalyze} s`,
      `(a) rebuildAll: median ${med((r) => r.rebuildMs)} ms → ${Number(dailyRows).toLocaleString('en')} locality_daily_counts rows`,
      `(b) level series (VN, ${days} days, ${ruleSet.code}): communeSeries ${med((r) => r.readMs)} ms + tallyLevels ${med((r) => r.tallyMs)} ms + levelTrends ${med((r) => r.trendsMs)} ms = median ${med((r) => r.levelsMs)} ms (${expectedCommunes} × ${days} commune-days, ${provinces.length} provinces)`,
      `total (a + b) over ${rounds.length} rounds after ${o.warmup} warm-up: median ${total.medianMs} ms, min ${total.minMs}, max ${total.maxMs} — target ≤ ${targetMs} ms${pg ? `: ${targetMet ? 'met' : 'NOT met'}` : ` (PostgreSQL target; ${targetMet ? 'within it' : 'over it'} here)`}`,
      `  last day ${last} (${ruleSet.code}): communes ${JSON.stringify(picture.communes)}, provinces ${JSON.stringify(picture.provinces)}`,
      `incremental: one new case → refreshDirty ${incremental.refreshDirtyMedianMs} ms (1 cell, median of 20; the insert ${incremental.insertOneCaseMedianMs} ms)`,
      `presets, series + tally + trends (median of 3), same levels as the reference evaluation: ${presets.map((p) => `${String(p.code)} ${String(p.levelsMedianMs)} ms`).join(', ')}`,
      `one province's map read: windowTotals(${windowTotals.path}, ${last}) ${windowTotals.medianMs} ms (${windowTotals.communesWithCounts}/${windowTotals.communes} communes with counts)`,
      ...(pg && !targetMet ? plans.map((p) => `plan ${digest(p)}`) : []),
      ...mapLine,
      ...(loadDuring > 1.5
        ? [`WARNING: load average ${loadDuring} during the timed rounds (2 cores): other work competed for the CPU`]
        : []),
    ];
    return {
      summary,
      fields: {
        shape: { ...o.shape, firstDay: first, fullScale },
        code,
        storage: opened.storage,
        databaseSettings: settings,
        ruleSet: { code: ruleSet.code, version: ruleSet.version, active: true },
        method: {
          timed:
            '(a) IndicatorsRepository.rebuildAll(db); (b) LevelSeriesRepository.communeSeries(db, "VN", firstDay, lastDay) + tallyLevels(activeRuleSet, series, days) + levelTrends(ruleSet, tally, dayOf); sequential, through Kysely and openDatabase\'s pool',
          rounds: o.rounds,
          warmup: o.warmup,
          total: 'a + b per round; median, min, max over the rounds',
          setup:
            'openPlatform (migrations, rule set presets), loadProvince(all 34, demoPopulation), cases set-based in SQL (lib/risk-country.ts) in statements of 100,000 through the real table and its triggers, vacuum (analyze), then refreshDirty takes the dirty cells',
          check:
            'every day counts 3,321 communes; every province has every day; under each preset the tally equals lib/risk-reference.ts (own reads, own prefix sums, own rule compiler)',
        },
        generation: generation as unknown as Json,
        firstRefreshAfterInsert: { cells: firstRefreshCells, ms: firstRefreshMs },
        rebuildMs: { median: med((r) => r.rebuildMs) },
        seriesReadMs: { median: med((r) => r.readMs) },
        tallyMs: { median: med((r) => r.tallyMs) },
        trendsMs: { median: med((r) => r.trendsMs) },
        levelsMs: { median: med((r) => r.levelsMs) },
        totalMs: total,
        targetMs,
        targetMet: pg ? targetMet : null,
        loadAvgDuringRounds: loadDuring,
        rounds: rounds.map((r) => ({
          rebuildMs: round(r.rebuildMs, 1),
          readMs: round(r.readMs, 1),
          tallyMs: round(r.tallyMs, 1),
          trendsMs: round(r.trendsMs, 1),
          totalMs: round(r.totalMs, 1),
        })),
        dailyCountsRows: Number(dailyRows),
        lastDay: picture,
        incremental,
        presets,
        windowTotals,
        explain: plans.map((p) => ({ ...p, slowestNodes: slowestNodes(p.plan) })) as unknown as Json,
        map,
      },
    };
  } finally {
    if (platform) await platform.close();
    else await opened.handle.close();
    await opened.cleanup();
  }
}
