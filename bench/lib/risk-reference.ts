/**
 * An independent evaluation of the level of every commune on every day, used by the `risk` bench
 * to check the repository's answer (`LevelSeriesRepository.communeSeries` + core `tallyLevels`):
 * its own reads of the stored counts and coverage, its own prefix sums, its own rule compiler
 * (core's `compare`, the rule order and null handling of the SQL CASE `levelCaseSql` that the
 * series used before 2026-11-25, and that CASE's indicator arithmetic). Before the series moved to
 * TypeScript this evaluator was checked against that SQL on the full data set under all four
 * presets (`results/risk-20261125T194750.json`: same rows); the bench now checks the new code
 * against it.
 */
import { sql } from 'kysely';
import { byLevelDescending, compare, levelIndex } from '../../core/rules/risk/evaluate.ts';
import type { RiskIndicator, RiskRuleSet } from '../../core/schemas/risk-rule-set.ts';
import type { Db } from '../../server/db/database.ts';
import type { LevelTally } from '../../core/rules/risk/level-series.ts';
import { DAY_MS } from '../../core/vietnam-calendar.ts';

/** Slots of the per-commune-day inputs, in the order `indicatorSql` lists the indicators. */
const enum In {
  c7,
  c14,
  k14,
  q7,
  i7,
  t7,
  p7,
}

type Reader = (
  inputs: Int32Array,
  base: number,
  population: number,
  cov: readonly (number | null)[] | null,
) => number | null;

/** Each indicator from the window sums, as the SQL series of commit 0c47ff0 computed it (`indicatorSql`, the same IEEE double arithmetic). */
const readers: Record<RiskIndicator, Reader> = {
  community_cases_7d_per_100k: (x, b, pop) => (pop > 0 ? (x[b + In.c7]! * 100000) / pop : null),
  community_cases_14d_per_100k: (x, b, pop) => (pop > 0 ? (x[b + In.c14]! * 100000) / pop : null),
  community_cases_7d: (x, b) => x[b + In.c7]!,
  community_cases_14d: (x, b) => x[b + In.c14]!,
  community_case_known_source_14d: (x, b) => x[b + In.k14]!,
  community_case_unknown_source_14d: (x, b) => x[b + In.c14]! - x[b + In.k14]!,
  vaccine_coverage_1dose_adults: (_x, _b, _p, v) => v?.[0] ?? null,
  vaccine_coverage_full_adults: (_x, _b, _p, v) => v?.[1] ?? null,
  vaccine_coverage_high_risk: (_x, _b, _p, v) => v?.[2] ?? null,
  treatment_capacity_met: () => null,
  quarantine_cases_7d: (x, b) => x[b + In.q7]!,
  imported_cases_7d: (x, b) => x[b + In.i7]!,
  tests_7d: (x, b) => x[b + In.t7]!,
  test_positivity_7d: (x, b) => (x[b + In.t7]! > 0 ? (x[b + In.p7]! * 100) / x[b + In.t7]! : null),
  people_in_quarantine: () => null,
  bed_occupancy: () => null,
};

/** The rule set's commune rules as one function giving the level index: the order and null handling of that series' `levelCaseSql`. */
export function compileLevel(
  ruleSet: RiskRuleSet,
): (x: Int32Array, b: number, population: number, cov: readonly (number | null)[] | null) => number {
  const rules = byLevelDescending(ruleSet, ruleSet.communeRules).map((r) => ({
    level: levelIndex(ruleSet, r.level),
    all: r.match === 'all',
    conditions: r.conditions.map((c) => ({ read: readers[c.indicator], op: c.op, value: c.value })),
  }));
  return (x, b, population, cov) => {
    for (const r of rules) {
      let matched = r.all;
      for (const c of r.conditions) {
        const met = compare(c.read(x, b, population, cov), c.op, c.value);
        if (r.all && !met) {
          matched = false;
          break;
        }
        if (!r.all && met) {
          matched = true;
          break;
        }
      }
      if (matched) return r.level;
    }
    return 0;
  };
}

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const dayText = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** One row per province, day and level with at least one commune; ordered by province, day, level. */
export interface LevelCountRow {
  provinceCode: string;
  day: string;
  /** Index of the level in the rule set (0 = lowest). */
  level: number;
  communes: number;
}

/** The tally of the repository's path as the same rows (groups sorted by code, days from `from`). */
export function tallyRows(tally: LevelTally, from: string): LevelCountRow[] {
  const first = dayNumber(from);
  const order = tally.groups.map((g, i) => ({ g, i })).sort((a, b) => (a.g < b.g ? -1 : a.g > b.g ? 1 : 0));
  const rows: LevelCountRow[] = [];
  for (const { g, i } of order) {
    for (let d = 0; d < tally.days; d++) {
      for (let l = 0; l < tally.levels; l++) {
        const n = tally.counts[(i * tally.days + d) * tally.levels + l]!;
        if (n > 0) rows.push({ provinceCode: g, day: dayText(first + d), level: l, communes: n });
      }
    }
  }
  return rows;
}

/** The level of every commune on every day of [from, to] under `ruleSet`, counted per province, day and level. */
export async function referenceLevelCounts(
  db: Db,
  ruleSet: RiskRuleSet,
  path: string,
  from: string,
  to: string,
): Promise<LevelCountRow[]> {
  const prefix = `${path.replace(/[\\%_]/g, (ch) => `\\${ch}`)}/%`;
  const [communes, counts, coverage] = await Promise.all([
    sql<{ code: string; province_code: string; population: number | null }>`
      select code, province_code, population from localities
      where (path = ${path} or path like ${prefix}) and level = 'commune' and status = 'active' order by code`.execute(
      db,
    ),
    // Offsets from the first day of the grid (13 days before `from`), and the six counts, as one text per commune: far cheaper to read than 124 k rows.
    sql<{ code: string; v: string }>`
      select locality_code as code, string_agg(concat_ws(',', day - (${from}::date - 13), community, community_known, in_quarantine, imported, tests, positives), ';') as v
      from locality_daily_counts
      where (locality_path = ${path} or locality_path like ${prefix}) and day > ${from}::date - 14 and day <= ${to}::date
      group by locality_code`.execute(db),
    sql<{ code: string; v: string }>`
      select locality_code as code, string_agg(concat_ws(',', as_of - (${from}::date - 13), coalesce(adults_1dose::text, ''), coalesce(adults_full::text, ''), coalesce(high_risk::text, '')), ';' order by as_of) as v
      from vaccination_coverage where as_of <= ${to}::date group by locality_code`.execute(db),
  ]);
  const first = dayNumber(from) - 13;
  const G = dayNumber(to) - first + 1; // grid days, the 13 before `from` included
  const provinces = [...new Set(communes.rows.map((c) => c.province_code))].sort();
  const provinceIndex = new Map(provinces.map((p, i) => [p, i]));
  const L = ruleSet.levels.length;
  const D = G - 13;
  const tally = new Int32Array(provinces.length * D * L);
  const level = compileLevel(ruleSet);
  const countsBy = new Map(counts.rows.map((r) => [r.code, r.v]));
  const coverageBy = new Map(coverage.rows.map((r) => [r.code, r.v]));

  // Per commune: daily values, then prefix sums; the window sums of a day are two subtractions.
  const daily = new Int32Array((G + 1) * 6);
  const inputs = new Int32Array(7);
  for (const c of communes.rows) {
    daily.fill(0);
    const text = countsBy.get(c.code);
    if (text) {
      for (const cell of text.split(';')) {
        const [d, ...vals] = cell.split(',').map(Number);
        const at = (d! + 1) * 6;
        for (let k = 0; k < 6; k++) daily[at + k] = vals[k]!;
      }
    }
    for (let d = 1; d <= G; d++) for (let k = 0; k < 6; k++) daily[d * 6 + k]! += daily[(d - 1) * 6 + k]!;
    const snapshots = (coverageBy.get(c.code)?.split(';') ?? []).map((s) => {
      const [d, one, full, high] = s.split(',');
      const num = (v: string | undefined) => (v === undefined || v === '' ? null : Number(v));
      return { day: Number(d), values: [num(one), num(full), num(high)] as (number | null)[] };
    });
    let snap = -1;
    const pop = c.population ?? 0;
    const p = provinceIndex.get(c.province_code)!;
    // A day with nothing in its 14-day window has a level that depends on the coverage snapshot only: computed once per snapshot.
    const quiet = new Int8Array(snapshots.length + 1).fill(-1);
    for (let g = 13; g < G; g++) {
      while (snap + 1 < snapshots.length && snapshots[snap + 1]!.day <= g) snap++;
      const e = (g + 1) * 6;
      const s7 = (g - 6) * 6;
      const s14 = (g - 13) * 6;
      if (
        daily[e]! === daily[s14]! &&
        daily[e + 2]! === daily[s14 + 2]! &&
        daily[e + 3]! === daily[s14 + 3]! &&
        daily[e + 4]! === daily[s14 + 4]!
      ) {
        // community, in quarantine, imported and tests all 0 over 14 days (so over 7, and known and positives too)
        if (quiet[snap + 1] === -1) {
          inputs.fill(0);
          quiet[snap + 1] = level(inputs, 0, pop, snap >= 0 ? snapshots[snap]!.values : null);
        }
        tally[(p * D + (g - 13)) * L + quiet[snap + 1]!]!++;
        continue;
      }
      inputs[In.c7] = daily[e]! - daily[s7]!;
      inputs[In.c14] = daily[e]! - daily[s14]!;
      inputs[In.k14] = daily[e + 1]! - daily[s14 + 1]!;
      inputs[In.q7] = daily[e + 2]! - daily[s7 + 2]!;
      inputs[In.i7] = daily[e + 3]! - daily[s7 + 3]!;
      inputs[In.t7] = daily[e + 4]! - daily[s7 + 4]!;
      inputs[In.p7] = daily[e + 5]! - daily[s7 + 5]!;
      tally[(p * D + (g - 13)) * L + level(inputs, 0, pop, snap >= 0 ? snapshots[snap]!.values : null)]!++;
    }
  }
  const rows: LevelCountRow[] = [];
  for (let p = 0; p < provinces.length; p++) {
    for (let d = 0; d < D; d++) {
      const day = dayText(first + 13 + d);
      for (let l = 0; l < L; l++) {
        const n = tally[(p * D + d) * L + l]!;
        if (n > 0) rows.push({ provinceCode: provinces[p]!, day, level: l, communes: n });
      }
    }
  }
  return rows;
}

/** The first difference between two level series, or null when they are the same. */
export function firstDifference(a: readonly LevelCountRow[], b: readonly LevelCountRow[]): string | null {
  if (a.length !== b.length) return `row counts differ: ${a.length} vs ${b.length}`;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.provinceCode !== y.provinceCode || x.day !== y.day || x.level !== y.level || x.communes !== y.communes)
      return `row ${i}: ${JSON.stringify(x)} vs ${JSON.stringify(y)}`;
  }
  return null;
}
