import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import { scopeWithinSql } from '../../db/path-scope.ts';
import { decodeCursor } from '../../shared/cursor.ts';

export interface FigureRow {
  expected: number;
  arrived: number;
  arrived_valid: number;
  refused: number;
  missing: number;
}

/**
 * Each roster worker's day at the gate: whether they came, whether they were let in with a valid
 * declaration at least once, and so whether they were refused every time they came. A worker
 * refused at 7:00 who declared and came back at 7:20 counts as arrived with a valid declaration.
 */
const workerDay = (organisation: RawBuilder<unknown>, from: string, to: string) => sql`
  select g.day, g.roster_worker_id, bool_or(g.allowed) as allowed, bool_or(g.allowed and g.valid_declaration) as valid
  from workplace_gate_events g
  where g.organisation_id = ${organisation} and g.day between ${from}::date and ${to}::date
    and g.roster_worker_id is not null
  group by g.day, g.roster_worker_id`;

/** The figures over roster workers `w` left-joined to their day `e`. */
const figures = sql`
  count(*) filter (where w.on_site)::int as expected,
  count(e.roster_worker_id)::int as arrived,
  count(*) filter (where e.valid)::int as arrived_valid,
  count(*) filter (where e.roster_worker_id is not null and not e.allowed)::int as refused,
  count(*) filter (where w.on_site and e.roster_worker_id is null)::int as missing`;

/** SQL of the daily gate compliance: one organisation's days and departments, an area's organisations. */
export class ComplianceRepository {
  /** Figures per day and department for one organisation over the roster as it stands. */
  async byDayAndDepartment(db: Db, organisationId: string, from: string, to: string) {
    const r = await sql<FigureRow & { day: string; department: string }>`
      with d as (select generate_series(${from}::date, ${to}::date, interval '1 day')::date as day),
      e as (${workerDay(sql`${organisationId}::uuid`, from, to)})
      select d.day::text as day, w.department, ${figures}
      from d cross join roster_workers w
      left join e on e.day = d.day and e.roster_worker_id = w.id
      where w.organisation_id = ${organisationId}
      group by d.day, w.department
      order by d.day, w.department`.execute(db);
    return r.rows;
  }

  private areaScope(within: string) {
    return sql`${scopeWithinSql({ path: 'o.locality_path', province: 'o.scope_province', commune: 'o.scope_code' }, within)}
      and o.status = 'approved'`;
  }

  /**
   * An area's organisations with a roster, by name, with their figures of the day (keyset paged):
   * the page of organisations is chosen first, then each one's roster count and its counts of the
   * day kept by the gate (`workplace_compliance_days`, 0042), so a page costs a page.
   */
  async area(db: Db, within: string, day: string, after: string | undefined, limit: number) {
    const cursor = decodeCursor(after, ['text', 'uuid']);
    const r = await sql<FigureRow & { id: string; name: string; commune_code: string }>`
      with page as (
        select o.id, o.name, o.commune_code, rc.on_site as expected from organisations o
        join workplace_roster_counts rc on rc.organisation_id = o.id and rc.workers > 0
        where ${this.areaScope(within)}
          and ${cursor ? sql`(o.name, o.id) > (${cursor[0]}, ${cursor[1]}::uuid)` : sql`true`}
        order by o.name, o.id
        limit ${limit + 1}
      )
      select o.id, o.name, o.commune_code, ${keptFigures}
      from page o
      left join workplace_compliance_days c on c.organisation_id = o.id and c.day = ${day}::date
      order by o.name, o.id`.execute(db);
    return r.rows;
  }

  /**
   * The area's totals of the day: the on-site rosters and the day's counts summed from one row per
   * organisation each (never the roster's workers nor the day's events, a million at a province's size).
   */
  async areaTotals(db: Db, within: string, day: string): Promise<FigureRow> {
    const r = await sql<FigureRow>`
      with r as (
        select coalesce(sum(rc.on_site), 0)::int as expected
        from workplace_roster_counts rc join organisations o on o.id = rc.organisation_id
        where ${this.areaScope(within)}
      ),
      c as (
        select coalesce(sum(c.arrived), 0)::int as arrived, coalesce(sum(c.arrived_on_site), 0)::int as arrived_on_site,
          coalesce(sum(c.arrived_valid), 0)::int as arrived_valid, coalesce(sum(c.refused), 0)::int as refused
        from workplace_compliance_days c join organisations o on o.id = c.organisation_id
        where ${this.areaScope(within)} and c.day = ${day}::date
      )
      select r.expected, c.arrived, c.arrived_valid, c.refused, greatest(r.expected - c.arrived_on_site, 0) as missing
      from r cross join c`.execute(db);
    return r.rows[0]!;
  }
}

/** The figures of an organisation `o` from its kept roster count and its kept counts of the day `c`. */
const keptFigures = sql`
  o.expected,
  coalesce(c.arrived, 0) as arrived,
  coalesce(c.arrived_valid, 0) as arrived_valid,
  coalesce(c.refused, 0) as refused,
  greatest(o.expected - coalesce(c.arrived_on_site, 0), 0) as missing`;
