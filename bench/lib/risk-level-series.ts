import { performance } from 'node:perf_hooks';
import type { RiskRuleSet } from '../../core/schemas/risk-rule-set.ts';
import type { Db } from '../../server/db/database.ts';
import type { Platform } from '../../server/main.ts';
import { tallyLevels, type LevelTally } from '../../core/rules/risk/level-series.ts';
import { LevelSeriesRepository } from '../../server/modules/risk/level-series.repository.ts';
import { levelTrends } from '../../server/modules/risk/level-trend.ts';
import { addDays, expectedCommunes } from './risk-country.ts';
import { captureStatements, explainAnalyze, type RiskPlanReport } from './risk-plan.ts';
import type { JsonObject } from './types.ts';
import { daysFrom } from '../../core/vietnam-calendar.ts';

/** Part (b) of the risk bench, the level series of the whole country, with its checks, its picture and the plans of (a) and (b). */
const ms = (t0: number) => performance.now() - t0;

export type Trends = ReturnType<typeof levelTrends>;

/** Every day counts all communes once; every province has every day. */
export function checkLevels(tally: LevelTally, trends: Trends, days: number, provinces: number): void {
  if (tally.days !== days || tally.groups.length !== provinces)
    throw new Error(
      `tallyLevels: expected ${provinces} provinces × ${days} days, got ${tally.groups.length} × ${tally.days}`,
    );
  for (let d = 0; d < days; d++) {
    let n = 0;
    for (let g = 0; g < tally.groups.length; g++)
      for (let l = 0; l < tally.levels; l++) n += tally.counts[(g * days + d) * tally.levels + l]!;
    if (n !== expectedCommunes) throw new Error(`tallyLevels: day ${d} counts ${n} communes, not ${expectedCommunes}`);
  }
  if (trends.size !== provinces || [...trends.values()].some((l) => l.length !== days))
    throw new Error(`levelTrends: expected ${provinces} provinces × ${days} days`);
}

/** Communes per level and provinces per level on one day, and the days on which some commune is above the lowest level. */
export function pictureOf(
  ruleSet: RiskRuleSet,
  tally: LevelTally,
  trends: Trends,
  from: string,
  day: string,
): JsonObject {
  const d = daysFrom(from, day);
  const communes: Record<string, number> = {};
  let raisedDays = 0;
  for (let x = 0; x < tally.days; x++) {
    let raised = false;
    for (let g = 0; g < tally.groups.length; g++) {
      for (let l = 0; l < tally.levels; l++) {
        const n = tally.counts[(g * tally.days + x) * tally.levels + l]!;
        if (n > 0 && l > 0) raised = true;
        if (x === d && n > 0) communes[ruleSet.levels[l]!.key] = (communes[ruleSet.levels[l]!.key] ?? 0) + n;
      }
    }
    if (raised) raisedDays++;
  }
  const provinces: Record<string, number> = {};
  for (const list of trends.values()) {
    const t = list.find((x) => x.day === day);
    if (t) provinces[t.level] = (provinces[t.level] ?? 0) + 1;
  }
  return { day, communes, provinces, daysWithARaisedCommune: raisedDays };
}

/** (b): read the series, tally the levels, the provinces' levels; each part timed. */
export async function levelSeries(
  db: Db,
  series: LevelSeriesRepository,
  ruleSet: RiskRuleSet,
  first: string,
  last: string,
  days: number,
) {
  let t = performance.now();
  const communes = await series.communeSeries(db, 'VN', first, last);
  const readMs = ms(t);
  t = performance.now();
  const tally = tallyLevels(ruleSet, communes, days);
  const tallyMs = ms(t);
  t = performance.now();
  const trends = levelTrends(ruleSet, tally, (d) => addDays(first, d));
  const trendsMs = ms(t);
  return { tally, trends, readMs, tallyMs, trendsMs };
}

export async function explainAll(db: Db, platform: Platform, first: string, last: string): Promise<RiskPlanReport[]> {
  const rebuild = await captureStatements(db, (d) => platform.services.indicators.rebuildAll(d));
  const insert = rebuild.find((st) => /insert into locality_daily_counts/.test(st.sql));
  const prelude = rebuild.filter(
    (st) => st !== insert && /^\s*(delete|truncate|set local|create temporary)/.test(st.sql),
  );
  const read = await captureStatements(db, (d) => new LevelSeriesRepository().communeSeries(d, 'VN', first, last));
  const counts = read.find((st) => /from locality_daily_counts/.test(st.sql));
  const aggregate = rebuild.find((st) => /^\s*create temporary table/.test(st.sql));
  const out: RiskPlanReport[] = [];
  if (aggregate)
    out.push(
      await explainAnalyze(
        db,
        'rebuildAll: the aggregation into a temporary table (in its transaction, rolled back)',
        aggregate,
        prelude.filter((st) => st !== aggregate),
      ),
    );
  if (insert)
    out.push(
      await explainAnalyze(
        db,
        'rebuildAll: insert into locality_daily_counts (in its transaction, rolled back)',
        insert,
        prelude,
      ),
    );
  if (counts) out.push(await explainAnalyze(db, `communeSeries(VN, ${first}…${last}): daily counts read`, counts));
  return out;
}
