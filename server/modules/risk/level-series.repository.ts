import { sql, type RawBuilder } from 'kysely';
import { byLevelDescending, levelIndex } from '../../../core/rules/risk/evaluate.ts';
import type { RiskCondition, RiskIndicator, RiskRuleSet } from '../../../core/schemas/risk-rule-set.ts';
import type { Db } from '../../db/database.ts';
import { pathWithinSql } from '../../db/path-scope.ts';

export interface LevelCountRow {
  provinceCode: string;
  day: string;
  /** Index of the level in the rule set (0 = lowest). */
  level: number;
  communes: number;
}

/**
 * The rule inputs of one commune-day, as columns of the windowed grid below. The arithmetic is the
 * same IEEE double arithmetic as `localityIndicators`, so a threshold compares identically in both.
 * Occupancy figures (people in quarantine, beds, C3) are today's: the series has none (null, so a
 * rule on them never matches, as with a missing indicator).
 */
const indicatorSql: Record<RiskIndicator, RawBuilder<unknown>> = {
  community_cases_7d_per_100k: sql`(w.c7 * 100000)::float8 / nullif(w.population, 0)`,
  community_cases_14d_per_100k: sql`(w.c14 * 100000)::float8 / nullif(w.population, 0)`,
  community_cases_7d: sql`w.c7`,
  community_cases_14d: sql`w.c14`,
  community_case_known_source_14d: sql`w.k14`,
  community_case_unknown_source_14d: sql`(w.c14 - w.k14)`,
  vaccine_coverage_1dose_adults: sql`v.adults_1dose::float8`,
  vaccine_coverage_full_adults: sql`v.adults_full::float8`,
  vaccine_coverage_high_risk: sql`v.high_risk::float8`,
  treatment_capacity_met: sql`null::float8`,
  quarantine_cases_7d: sql`w.q7`,
  imported_cases_7d: sql`w.i7`,
  tests_7d: sql`w.t7`,
  test_positivity_7d: sql`case when w.t7 > 0 then (w.p7 * 100)::float8 / w.t7 end`,
  people_in_quarantine: sql`null::float8`,
  bed_occupancy: sql`null::float8`,
};

const opSql = { '>': sql`>`, '>=': sql`>=`, '<': sql`<`, '<=': sql`<=`, '==': sql`=` } as const;

function conditionSql(c: RiskCondition): RawBuilder<unknown> {
  return sql`(${indicatorSql[c.indicator]} ${opSql[c.op]} ${c.value}::float8)`;
}

/**
 * A rule set's commune rules as one CASE giving the level index: highest level first, first
 * matching rule wins, the lowest level otherwise — `communeLevel`'s order. A null (unmeasured)
 * input makes a comparison null, which neither AND nor OR can turn true, as in `compare`.
 */
export function levelCaseSql(ruleSet: RiskRuleSet): RawBuilder<number> {
  const rules = byLevelDescending(ruleSet, ruleSet.communeRules);
  if (!rules.length) return sql<number>`0`;
  const whens = rules.map((r) => sql`when ${sql.join(r.conditions.map(conditionSql), r.match === 'all' ? sql` and ` : sql` or `)} then ${sql.lit(levelIndex(ruleSet, r.level))}`);
  return sql<number>`case ${sql.join(whens, sql` `)} else 0 end`;
}

/** The computed level of every commune on every day of a range, counted per province, day and level. */
export class LevelSeriesRepository {
  async levelCounts(db: Db, ruleSet: RiskRuleSet, path: string, from: string, to: string): Promise<LevelCountRow[]> {
    const r = await sql<{ province_code: string; day: string; level: number; n: string }>`
      with communes as (
        select code, province_code, population from localities
        where ${pathWithinSql('path', path)} and level = 'commune' and status = 'active'),
      days as (select d::date as day from generate_series(${from}::date - 13, ${to}::date, interval '1 day') d),
      counts as (
        select locality_code, day, community, community_known, in_quarantine, imported, tests, positives
        from locality_daily_counts where ${pathWithinSql('locality_path', path)} and day > ${from}::date - 14 and day <= ${to}::date),
      grid as (
        select c.code, c.province_code, c.population, d.day,
          coalesce(k.community, 0) as community, coalesce(k.community_known, 0) as known, coalesce(k.in_quarantine, 0) as in_quarantine,
          coalesce(k.imported, 0) as imported, coalesce(k.tests, 0) as tests, coalesce(k.positives, 0) as positives
        from communes c cross join days d left join counts k on k.locality_code = c.code and k.day = d.day),
      w as (
        select code, province_code, population, day,
          sum(community) over w7 as c7, sum(community) over w14 as c14, sum(known) over w14 as k14,
          sum(in_quarantine) over w7 as q7, sum(imported) over w7 as i7, sum(tests) over w7 as t7, sum(positives) over w7 as p7
        from grid
        window w7 as (partition by code order by day rows between 6 preceding and current row),
               w14 as (partition by code order by day rows between 13 preceding and current row)),
      coverage as (
        select locality_code, as_of, lead(as_of) over (partition by locality_code order by as_of) as next_as_of, adults_1dose, adults_full, high_risk
        from vaccination_coverage)
      select w.province_code, w.day::text as day, ${levelCaseSql(ruleSet)} as level, count(*) as n
      from w left join coverage v on v.locality_code = w.code and v.as_of <= w.day and (v.next_as_of is null or w.day < v.next_as_of)
      where w.day >= ${from}::date
      group by 1, 2, 3 order by 1, 2, 3`.execute(db);
    return r.rows.map((x) => ({ provinceCode: x.province_code, day: x.day, level: Number(x.level), communes: Number(x.n) }));
  }
}
