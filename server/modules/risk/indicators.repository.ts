import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { pathWithinSql } from '../../db/path-scope.ts';
import type { LocalityMeasures } from '../../../core/rules/risk/commune-indicators.ts';

/** Counts of one locality summed over the 7 and 14 days ending on the day asked. */
export type WindowTotals = { code: string } & Pick<
  LocalityMeasures,
  'community7' | 'community14' | 'known14' | 'inQuarantine7' | 'imported7' | 'tests7' | 'positives7'
>;

export interface DailyCountsRow {
  day: string;
  community: number;
  inQuarantine: number;
  imported: number;
}

/**
 * Beyond this many dirty cells (a line-list import, a bulk correction) recounting everything in
 * one pass is cheaper than cell by cell.
 */
const REBUILD_ABOVE_CELLS = 20_000;

/** Case and test counts of the cells in `cells (locality_code, day, path)`; `fromCells` makes them rows. */
const countsOfCells = sql`
  case_counts as (
    select c.locality_code, c.confirmed_date as day,
      count(*) filter (where c.classification = 'community') as community,
      count(*) filter (where c.classification = 'community'
        and (c.cluster_id is not null or exists (select 1 from case_links k where k.infectee_id = c.id))) as community_known,
      count(*) filter (where c.classification = 'in_quarantine') as in_quarantine,
      count(*) filter (where c.classification = 'imported') as imported
    from cells join cases c on c.locality_code = cells.locality_code and c.confirmed_date = cells.day
    group by 1, 2),
  test_counts as (
    select cells.locality_code, cells.day, count(*) as tests, count(*) filter (where s.result = 'positive') as positives
    from cells join samples s on s.locality_path = cells.path
      and s.resulted_at >= (cells.day::timestamp at time zone 'Asia/Ho_Chi_Minh')
      and s.resulted_at < ((cells.day + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh')
      and s.result in ('positive', 'negative')
    group by 1, 2)`;

const fromCells = sql`
  select cells.locality_code, cells.path, cells.day,
    coalesce(cc.community, 0), coalesce(cc.community_known, 0), coalesce(cc.in_quarantine, 0), coalesce(cc.imported, 0),
    coalesce(tc.tests, 0), coalesce(tc.positives, 0)
  from cells
  left join case_counts cc on cc.locality_code = cells.locality_code and cc.day = cells.day
  left join test_counts tc on tc.locality_code = cells.locality_code and tc.day = cells.day`;

/** A subtree of localities, or a list of communes (the dashboard's selection). */
export type CountScope = { path: string } | { codes: readonly string[] };

/** `scope` on a table with `locality_path` and `locality_code` columns (`prefix`: its alias and a dot). */
function scopeSql(scope: CountScope, prefix: '' | 'c.') {
  return 'path' in scope
    ? pathWithinSql(`${prefix}locality_path`, scope.path)
    : sql`${sql.ref(`${prefix}locality_code`)} = any(${[...scope.codes]}::text[])`;
}

const countColumns = sql`community, community_known, in_quarantine, imported, tests, positives`;

/**
 * The daily counts of every locality: cases by classification on their confirmation date, resulted
 * tests on their result date. Writes mark cells dirty (triggers of migration 0007); `refreshDirty`
 * recounts only those cells, so a new case costs one cell, whatever the size of the history.
 */
export class IndicatorsRepository {
  /**
   * Takes the dirty cells and recounts them, in one transaction (a failure leaves them dirty);
   * returns how many. The cells travel as arrays, so the plan is the index lookup per cell that a
   * handful of cells wants, whatever the table statistics say after a bulk import. A cell whose
   * cases all moved away keeps a row of zeros (harmless to every sum). A read comes first, so the
   * usual case (nothing written since the last read) opens no write transaction.
   */
  async refreshDirty(db: Db): Promise<number> {
    const found = await sql<{ dirty: boolean }>`select exists (select 1 from risk_dirty_cells) as dirty`.execute(db);
    if (!found.rows[0]?.dirty) return 0;
    return db.transaction().execute(async (trx) => {
      const taken = await sql<{
        locality_code: string;
        day: string;
      }>`delete from risk_dirty_cells returning locality_code, day::text as day`.execute(trx);
      const n = taken.rows.length;
      if (n === 0) return 0;
      if (n > REBUILD_ABOVE_CELLS) {
        await this.recountAll(trx);
        return n;
      }
      await sql`
        with cells as (
          select d.locality_code, d.day, l.path
          from unnest(${taken.rows.map((r) => r.locality_code)}::text[], ${taken.rows.map((r) => r.day)}::date[]) as d (locality_code, day)
          join localities l on l.code = d.locality_code),
        ${countsOfCells}
        insert into locality_daily_counts (locality_code, locality_path, day, ${countColumns})
        ${fromCells}
        on conflict (locality_code, day) do update set locality_path = excluded.locality_path,
          community = excluded.community, community_known = excluded.community_known, in_quarantine = excluded.in_quarantine,
          imported = excluded.imported, tests = excluded.tests, positives = excluded.positives`.execute(trx);
      return n;
    });
  }

  /** Recounts everything from the source tables (after a bulk change, or to check the incremental path). */
  async rebuildAll(db: Db): Promise<number> {
    return db.transaction().execute((trx) => this.recountAll(trx));
  }

  /**
   * One aggregation of the cases and one of the samples (a hashed set answers "known source"),
   * written in key order, then fresh statistics: the table was just refilled from empty, and the
   * next reads must not be planned for an empty table. The aggregation fills a temporary table
   * first: `create table … as` may run as a parallel query where `insert … select` may not
   * (PostgreSQL 15), and aggregating the million cases is most of the work. Rows are sorted by
   * byte order (`collate "C"`): codes are digits, so the order is the index's, without a
   * locale-aware comparison per row.
   */
  private async recountAll(trx: Db): Promise<number> {
    // Enough memory to aggregate a million cases without spilling to disk, for this transaction only.
    await sql`set local work_mem = '64MB'`.execute(trx);
    // The planner's default price of passing a row from a worker keeps this aggregation (100 k
    // groups) serial. Two workers need idle cores to help: measured on 2 shared cores, a fifth
    // off at a load average of 12 and nothing at 7; more cores, more gain.
    await sql`set local parallel_tuple_cost = 0.01`.execute(trx);
    // The cases are read in (commune, day) order from the covering index (migration 0028), about 40 %
    // of the table's pages, on a vacuumed table. The default page cost models a spinning disk and
    // prices that walk above a full scan and a hash; at SSD's usual 1.1 the planner takes it: 1.0 s →
    // 0.63 s for a million cases (issue 14, item 6, measured side by side at load 9).
    await sql`set local random_page_cost = 1.1`.execute(trx);
    await sql`truncate risk_dirty_cells, locality_daily_counts`.execute(trx);
    await sql`
      create temporary table daily_counts_rebuild on commit drop as
      with case_counts as (
        select c.locality_code, c.confirmed_date as day,
          count(*) filter (where c.classification = 'community') as community,
          count(*) filter (where c.classification = 'community'
            and (c.cluster_id is not null or c.id in (select infectee_id from case_links))) as community_known,
          count(*) filter (where c.classification = 'in_quarantine') as in_quarantine,
          count(*) filter (where c.classification = 'imported') as imported
        from cases c
        group by 1, 2),
      test_counts as (
        select regexp_replace(s.locality_path, '^.*/', '') as locality_code, (s.resulted_at at time zone 'Asia/Ho_Chi_Minh')::date as day,
          count(*) as tests, count(*) filter (where s.result = 'positive') as positives
        from samples s where s.resulted_at is not null and s.result in ('positive', 'negative')
        group by 1, 2)
      select coalesce(cc.locality_code, tc.locality_code) as locality_code, coalesce(cc.day, tc.day) as day,
        coalesce(cc.community, 0) as community, coalesce(cc.community_known, 0) as community_known,
        coalesce(cc.in_quarantine, 0) as in_quarantine, coalesce(cc.imported, 0) as imported,
        coalesce(tc.tests, 0) as tests, coalesce(tc.positives, 0) as positives
      from case_counts cc full join test_counts tc on tc.locality_code = cc.locality_code and tc.day = cc.day`.execute(
      trx,
    );
    // Filling an empty table and building its indexes once, from sorted rows, costs less than
    // descending both indexes 124 k times (measured: about 40 % of the write). The table is
    // locked by the truncate until commit; its indexes are read back from the catalogue, so
    // they come back exactly as the migrations made them.
    const rebuild = await withoutIndexes(trx, 'locality_daily_counts');
    const r = await sql`
      insert into locality_daily_counts (locality_code, locality_path, day, ${countColumns})
      select k.locality_code, l.path, k.day, k.community, k.community_known, k.in_quarantine, k.imported, k.tests, k.positives
      from daily_counts_rebuild k join localities l on l.code = k.locality_code
      order by k.locality_code collate "C", k.day`.execute(trx);
    await rebuild();
    await sql`drop table daily_counts_rebuild`.execute(trx);
    await sql`analyze locality_daily_counts`.execute(trx);
    return Number(r.numAffectedRows ?? 0);
  }

  /**
   * Per locality at or under `path` (or only `codes`), the sums over the 7 and 14 days ending on
   * `day`. Only localities with counts in the window appear.
   */
  async windowTotals(db: Db, scope: { path: string }, day: string): Promise<WindowTotals[]> {
    const where = pathWithinSql('locality_path', scope.path);
    const r = await sql<{
      code: string;
      c7: string;
      c14: string;
      k14: string;
      q7: string;
      i7: string;
      t7: string;
      p7: string;
    }>`
      select locality_code as code,
        sum(community) filter (where day > ${day}::date - 7) as c7, sum(community) as c14, sum(community_known) as k14,
        sum(in_quarantine) filter (where day > ${day}::date - 7) as q7, sum(imported) filter (where day > ${day}::date - 7) as i7,
        sum(tests) filter (where day > ${day}::date - 7) as t7, sum(positives) filter (where day > ${day}::date - 7) as p7
      from locality_daily_counts
      where ${where} and day > ${day}::date - 14 and day <= ${day}::date
      group by locality_code`.execute(db);
    const n = (v: string | null) => Number(v ?? 0);
    return r.rows.map((x) => ({
      code: x.code,
      community7: n(x.c7),
      community14: n(x.c14),
      known14: n(x.k14),
      inQuarantine7: n(x.q7),
      imported7: n(x.i7),
      tests7: n(x.t7),
      positives7: n(x.p7),
    }));
  }

  /** Daily cases by classification, by confirmation date, summed over a subtree or a list of communes. */
  async dailyByConfirmation(db: Db, scope: CountScope, from: string, to: string): Promise<DailyCountsRow[]> {
    const where = scopeSql(scope, '');
    const r = await sql<{ day: string; community: string; in_quarantine: string; imported: string }>`
      select day::text as day, sum(community) as community, sum(in_quarantine) as in_quarantine, sum(imported) as imported
      from locality_daily_counts where ${where} and day >= ${from}::date and day <= ${to}::date
      group by day order by day`.execute(db);
    return r.rows.map((x) => ({
      day: x.day,
      community: Number(x.community),
      inQuarantine: Number(x.in_quarantine),
      imported: Number(x.imported),
    }));
  }

  /**
   * Daily cases by onset date (the confirmation date when the onset is unknown), and how many had
   * no onset. Read from the cases, since the stored counts are by confirmation date.
   */
  async dailyByOnset(
    db: Db,
    scope: CountScope,
    from: string,
    to: string,
  ): Promise<{ rows: DailyCountsRow[]; imputed: number }> {
    const where = scopeSql(scope, 'c.');
    const r = await sql<{ day: string; community: string; in_quarantine: string; imported: string; imputed: string }>`
      select coalesce(c.onset_date, c.confirmed_date)::text as day,
        count(*) filter (where c.classification = 'community') as community,
        count(*) filter (where c.classification = 'in_quarantine') as in_quarantine,
        count(*) filter (where c.classification = 'imported') as imported,
        count(*) filter (where c.onset_date is null) as imputed
      from cases c
      where ${where} and coalesce(c.onset_date, c.confirmed_date) between ${from}::date and ${to}::date
      group by 1 order by 1`.execute(db);
    return {
      rows: r.rows.map((x) => ({
        day: x.day,
        community: Number(x.community),
        inQuarantine: Number(x.in_quarantine),
        imported: Number(x.imported),
      })),
      imputed: r.rows.reduce((s, x) => s + Number(x.imputed), 0),
    };
  }
}

/**
 * Drops the indexes of `table` (those of its constraints through the constraint) and returns what
 * recreates them as they were. Only inside the transaction that emptied the table: nobody else can
 * read it until commit, and a failure rolls everything back.
 */
async function withoutIndexes(trx: Db, table: string): Promise<() => Promise<void>> {
  const r = await sql<{
    name: string;
    definition: string;
    constraint_name: string | null;
    constraint_def: string | null;
  }>`
    select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition,
      c.conname as constraint_name, pg_get_constraintdef(c.oid) as constraint_def
    from pg_index i left join pg_constraint c on c.conindid = i.indexrelid and c.conrelid = i.indrelid
    where i.indrelid = ${table}::regclass`.execute(trx);
  for (const ix of r.rows) {
    if (ix.constraint_name)
      await sql`alter table ${sql.table(table)} drop constraint ${sql.id(ix.constraint_name)}`.execute(trx);
    else await sql`drop index ${sql.id(ix.name)}`.execute(trx);
  }
  return async () => {
    for (const ix of r.rows) {
      if (ix.constraint_name && ix.constraint_def)
        await sql`alter table ${sql.table(table)} add constraint ${sql.id(ix.constraint_name)} ${sql.raw(ix.constraint_def)}`.execute(
          trx,
        );
      else await sql.raw(ix.definition).execute(trx);
    }
  };
}
