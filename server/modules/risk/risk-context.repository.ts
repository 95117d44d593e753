import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { pathWithinSql } from '../../db/path-scope.ts';
import { decisionsInForceSql } from './risk.repository.ts';

export interface CoverageRow {
  code: string;
  adults1Dose: number | null;
  adultsFull: number | null;
  highRisk: number | null;
}

const num = (v: string | null) => (v === null ? null : Number(v));

/**
 * The inputs of the risk indicators that are not counts of events: people in quarantine and beds
 * in use on a day, imported vaccination coverage, and the communes of a subtree.
 */
export class RiskContextRepository {
  /** Active communes at or below `path`, with population (the denominators of the rates). */
  communes(db: Db, path: string) {
    return db
      .selectFrom('localities')
      .select(['code', 'name', 'full_name', 'path', 'population', 'population_is_demo', 'centroid_lon', 'centroid_lat'])
      .where(pathWithinSql('path', path))
      .where('level', '=', 'commune')
      .where('status', '=', 'active')
      .orderBy('code')
      .execute();
  }

  /** People in quarantine on `day` per commune of the stay's record (a transferred person counts once). */
  async peopleInQuarantine(db: Db, path: string, day: string): Promise<Map<string, number>> {
    const r = await sql<{ code: string; n: string }>`
      select regexp_replace(a.locality_path, '^.*/', '') as code, count(distinct a.person_id) as n
      from quarantine_admissions a
      where ${pathWithinSql('a.locality_path', path)} and a.status <> 'cancelled'
        and a.starts_on <= ${day}::date and coalesce(a.released_on, a.ends_on + 1) > ${day}::date
      group by 1`.execute(db);
    return new Map(r.rows.map((x) => [x.code, Number(x.n)]));
  }

  /** Treatment beds (regular, oxygen, ICU) of the facilities in a subtree, and those occupied at `at`. */
  async beds(db: Db, path: string, at: Date): Promise<{ occupied: number; total: number } | null> {
    const r = await sql<{ total: string | null; occupied: string }>`
      select
        (select sum(c.capacity) from facility_capacity c join facilities f on f.id = c.facility_id
          where ${pathWithinSql('f.locality_path', path)} and c.kind in ('regular_bed', 'oxygen_bed', 'icu_bed')) as total,
        (select count(*) from treatment_stays t where ${pathWithinSql('t.locality_path', path)}
          and t.admitted_at <= ${at} and (t.discharged_at is null or t.discharged_at > ${at})) as occupied`.execute(db);
    const row = r.rows[0];
    if (!row?.total) return null;
    return { total: Number(row.total), occupied: Number(row.occupied) };
  }

  /** Each commune's latest imported coverage on or before `day`. */
  async coverage(db: Db, path: string, day: string): Promise<Map<string, CoverageRow>> {
    const r = await sql<{ code: string; a1: string | null; af: string | null; hr: string | null }>`
      select distinct on (v.locality_code) v.locality_code as code, v.adults_1dose as a1, v.adults_full as af, v.high_risk as hr
      from vaccination_coverage v join localities l on l.code = v.locality_code
      where ${pathWithinSql('l.path', path)} and v.as_of <= ${day}::date
      order by v.locality_code, v.as_of desc`.execute(db);
    return new Map(
      r.rows.map((x) => [x.code, { code: x.code, adults1Dose: num(x.a1), adultsFull: num(x.af), highRisk: num(x.hr) }]),
    );
  }

  /** Upserts coverage rows; returns how many replaced an earlier import of the same commune and date. */
  async upsertCoverage(
    db: Db,
    rows: ReadonlyArray<{
      code: string;
      asOf: string;
      adults1Dose: number | null;
      adultsFull: number | null;
      highRisk: number | null;
    }>,
    by: string | null,
  ): Promise<{ imported: number; replaced: number }> {
    const r = await sql<{ replaced: boolean }>`
      insert into vaccination_coverage (locality_code, as_of, adults_1dose, adults_full, high_risk, imported_by)
      select u.*, ${by}::uuid from unnest(${rows.map((x) => x.code)}::text[], ${rows.map((x) => x.asOf)}::date[], ${rows.map((x) => x.adults1Dose)}::numeric[],
        ${rows.map((x) => x.adultsFull)}::numeric[], ${rows.map((x) => x.highRisk)}::numeric[]) as u
      on conflict (locality_code, as_of) do update set adults_1dose = excluded.adults_1dose, adults_full = excluded.adults_full,
        high_risk = excluded.high_risk, imported_by = excluded.imported_by, imported_at = now()
      -- xmax is set on a row an upsert updated: how an import tells new rows from replaced ones.
      returning (xmax <> 0) as replaced`.execute(db);
    const replaced = r.rows.filter((x) => x.replaced).length;
    return { imported: r.rows.length - replaced, replaced };
  }

  /** The latest decision in force at `at` of each locality at or below `path`, under a rule set. */
  async decisionsInForce(db: Db, path: string, ruleSetCode: string, at: Date): Promise<Map<string, string>> {
    const inForce = decisionsInForceSql(
      at,
      sql`${pathWithinSql('d.locality_path', path)} and d.rule_set_code = ${ruleSetCode}`,
    );
    const r = await sql<{
      code: string;
      level: string;
    }>`select d.locality_code as code, d.level_key as level from (${inForce}) d`.execute(db);
    return new Map(r.rows.map((x) => [x.code, x.level]));
  }

  /**
   * Decisions announced but not yet in force at `at` (a raise waiting out its notice) of the
   * localities at or below `path`, soonest first: what the public is told to prepare for.
   */
  async announced(
    db: Db,
    path: string,
    ruleSetCode: string,
    at: Date,
  ): Promise<{ code: string; level: string; effectiveFrom: Date }[]> {
    const r = await sql<{ code: string; level: string; effective_from: Date }>`
      select d.locality_code as code, d.level_key as level, d.effective_from
      from risk_level_decisions d
      where ${pathWithinSql('d.locality_path', path)} and d.rule_set_code = ${ruleSetCode} and d.effective_from > ${at}
      order by d.effective_from, d.locality_code, d.id
      limit 500`.execute(db);
    return r.rows.map((x) => ({ code: x.code, level: x.level, effectiveFrom: new Date(x.effective_from) }));
  }
}
