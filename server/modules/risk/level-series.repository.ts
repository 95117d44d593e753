import { sql } from 'kysely';
import { addDays } from '../../../core/vietnam-calendar.ts';
import type { CommuneSeries } from '../../../core/rules/risk/level-series.ts';
import type { Db } from '../../db/database.ts';
import { pathWithinSql } from '../../db/path-scope.ts';

const num = (v: string | undefined) => (v === undefined || v === '' ? null : Number(v));

/**
 * What the level series of an area needs, read in three statements: its communes, their daily
 * counts over the range and the 13 days before it, and their coverage snapshots. Counts come as
 * one text per commune ("day,c,k,q,i,t,p;…", days from the grid's first day): reading 3,321 rows
 * is far cheaper than 124,000, and the day offsets are computed by the database.
 */
export class LevelSeriesRepository {
  async communeSeries(db: Db, path: string, from: string, to: string): Promise<CommuneSeries[]> {
    const first = addDays(from, -13);
    const [communes, counts, coverage] = await Promise.all([
      sql<{ code: string; province_code: string; population: number | null }>`
        select code, province_code, population from localities
        where ${pathWithinSql('path', path)} and level = 'commune' and status = 'active' order by code`.execute(db),
      sql<{ code: string; v: string }>`
        select locality_code as code,
          string_agg(concat_ws(',', day - ${first}::date, community, community_known, in_quarantine, imported, tests, positives), ';') as v
        from locality_daily_counts
        where ${pathWithinSql('locality_path', path)} and day >= ${first}::date and day <= ${to}::date
        group by locality_code`.execute(db),
      sql<{ code: string; v: string }>`
        select v.locality_code as code,
          string_agg(concat_ws(',', v.as_of - ${first}::date, coalesce(v.adults_1dose::text, ''), coalesce(v.adults_full::text, ''), coalesce(v.high_risk::text, '')), ';' order by v.as_of) as v
        from vaccination_coverage v join localities l on l.code = v.locality_code
        where ${pathWithinSql('l.path', path)} and v.as_of <= ${to}::date
        group by v.locality_code`.execute(db),
    ]);
    const countsBy = new Map(counts.rows.map((r) => [r.code, r.v]));
    const coverageBy = new Map(coverage.rows.map((r) => [r.code, r.v]));
    return communes.rows.map((c) => ({
      group: c.province_code,
      population: c.population,
      cells: countsBy.get(c.code)?.split(/[;,]/).map(Number) ?? [],
      coverage: (coverageBy.get(c.code)?.split(';') ?? []).map((s) => {
        const [day, one, full, high] = s.split(',');
        return { day: Number(day), adults1Dose: num(one), adultsFull: num(full), highRisk: num(high) };
      }),
    }));
  }
}
