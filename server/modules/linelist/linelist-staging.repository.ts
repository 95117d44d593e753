import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { UpsertCasesOptions } from './linelist.repository.ts';

/** The columns of the staged rows, in COPY order: a valid row of the file as its rules read it. */
export const stagedRowColumns = [
  'row_number',
  'case_number',
  'gender',
  'birth_year',
  'nationality',
  'onset_date',
  'sample_date',
  'confirmed_date',
  'status',
  'outcome_date',
  'treatment_place',
  'province',
  'commune',
  'notes',
  'sources',
  'classification',
  'cluster',
] as const;

export const resolvedColumns = ['row_number', 'classification', 'source_country', 'cluster'] as const;
export const placeColumns = ['province', 'commune', 'locality_code', 'locality_path', 'province_code'] as const;
export const linkColumns = ['infector', 'infectee'] as const;

/**
 * SQL of a line-list import through COPY (PostgreSQL): the file's valid rows are streamed into
 * temporary tables of the import's transaction (`ll_rows`; then what the rules resolve per row,
 * `ll_resolved`; the place of each province/commune pair, `ll_places`; the links, `ll_links`), and
 * written into the real tables by a few set-based statements. The temporary tables go with the
 * transaction.
 */
export class LinelistStagingRepository {
  async createStaging(db: Db): Promise<void> {
    await sql`create temp table ll_rows (
      row_number int not null, case_number text not null, gender text, birth_year int, nationality text,
      onset_date date, sample_date date, confirmed_date date not null, status text not null, outcome_date date,
      treatment_place text, province text, commune text, notes text, sources text not null, classification text,
      cluster text) on commit drop`.execute(db);
    await sql`create temp table ll_resolved (row_number int not null, classification text not null,
      source_country text, cluster text) on commit drop`.execute(db);
    await sql`create temp table ll_places (province text, commune text, locality_code text not null,
      locality_path text not null, province_code text not null) on commit drop`.execute(db);
    await sql`create temp table ll_links (infector text not null, infectee text not null) on commit drop`.execute(db);
  }

  /** The distinct province/commune pairs of the staged rows: a few thousand at most. */
  async distinctPlaces(db: Db): Promise<{ province: string | null; commune: string | null }[]> {
    const r = await sql<{ province: string | null; commune: string | null }>`
      select distinct province, commune from ll_rows`.execute(db);
    return r.rows;
  }

  /** Row numbers of the staged rows at the given province/commune pairs, in file order. */
  async rowsAt(
    db: Db,
    pairs: readonly { province: string | null; commune: string | null }[],
  ): Promise<{ row_number: number; province: string | null; commune: string | null }[]> {
    if (pairs.length === 0) return [];
    const r = await sql<{ row_number: number; province: string | null; commune: string | null }>`
      select r.row_number, r.province, r.commune from ll_rows r
      join unnest(${pairs.map((p) => p.province)}::text[], ${pairs.map((p) => p.commune)}::text[]) as p(province, commune)
        on p.province is not distinct from r.province and p.commune is not distinct from r.commune
      order by r.row_number`.execute(db);
    return r.rows;
  }

  /** What the source rules read of each staged row, through a cursor (see `fetchSources`). */
  async openSources(db: Db): Promise<void> {
    await sql`declare ll_sources no scroll cursor for
      select row_number, case_number, sources, classification, cluster from ll_rows`.execute(db);
  }

  async fetchSources(
    db: Db,
    n: number,
  ): Promise<
    {
      row_number: number;
      case_number: string;
      sources: string;
      classification: string | null;
      cluster: string | null;
    }[]
  > {
    const r = await sql<{
      row_number: number;
      case_number: string;
      sources: string;
      classification: string | null;
      cluster: string | null;
    }>`fetch ${sql.raw(String(n))} from ll_sources`.execute(db);
    return r.rows;
  }

  async closeSources(db: Db): Promise<void> {
    await sql`close ll_sources`.execute(db);
  }

  /** Clusters named by the file and not known yet, each in the province of its first case. */
  async insertClustersIfAbsent(db: Db): Promise<void> {
    await sql`
      insert into clusters (code, name, locality_code, locality_path)
      select distinct on (v.cluster) v.cluster, v.cluster, pl.province_code, 'VN/' || pl.province_code
      from ll_resolved v join ll_rows r using (row_number)
      join ll_places pl on pl.province is not distinct from r.province and pl.commune is not distinct from r.commune
      where v.cluster is not null
      order by v.cluster, r.row_number
      on conflict (code) do nothing`.execute(db);
  }

  /** The staged rows into `cases`, as `LinelistRepository.upsertCases` does with a batch. */
  async upsertCases(db: Db, o: UpsertCasesOptions): Promise<{ created: number; total: number }> {
    const r = await sql<{ created: number; total: number }>`
      with r as (
        select ${o.sourceLabel} || ':' || s.case_number as import_key, s.case_number, s.gender, s.birth_year, s.nationality,
               s.onset_date, s.sample_date, s.confirmed_date, v.classification, v.source_country, s.status, s.outcome_date,
               s.treatment_place, pl.locality_code, pl.locality_path, pl.province_code, v.cluster as cluster_code, s.notes
        from ll_rows s join ll_resolved v using (row_number)
        join ll_places pl on pl.province is not distinct from s.province and pl.commune is not distinct from s.commune
      ), up as (
        insert into cases (
          case_number, gender, birth_year, nationality, onset_date, sample_date, confirmed_date, classification, source_country,
          status, outcome_date, treatment_place, locality_code, locality_path, province_code, cluster_id, profile_code, notes,
          import_key, created_by
        )
        select
          case when exists (select 1 from cases o where o.case_number = r.case_number and o.import_key is distinct from r.import_key)
               then ${o.sourceLabel} || '-' || r.case_number else r.case_number end,
          r.gender, r.birth_year, r.nationality, r.onset_date, r.sample_date, r.confirmed_date, r.classification, r.source_country,
          r.status, r.outcome_date, r.treatment_place, r.locality_code, r.locality_path, r.province_code, cl.id, ${o.profileCode}, r.notes,
          r.import_key, ${o.createdBy}::uuid
        from r left join clusters cl on cl.code = r.cluster_code
        on conflict (import_key) do update set
          gender = excluded.gender, birth_year = excluded.birth_year, nationality = excluded.nationality,
          onset_date = excluded.onset_date, sample_date = excluded.sample_date, confirmed_date = excluded.confirmed_date,
          classification = excluded.classification, source_country = excluded.source_country, status = excluded.status,
          outcome_date = excluded.outcome_date, treatment_place = excluded.treatment_place, locality_code = excluded.locality_code,
          locality_path = excluded.locality_path, province_code = excluded.province_code, cluster_id = excluded.cluster_id,
          profile_code = excluded.profile_code, notes = excluded.notes, updated_at = now()
        returning (xmax = 0) as created
      )
      select (count(*) filter (where created))::int as created, count(*)::int as total from up`.execute(db);
    return r.rows[0] ?? { created: 0, total: 0 };
  }

  /** The staged links, both ends found by import key within the source, as `LinelistRepository.linkCases`. */
  async linkCases(db: Db, sourceLabel: string): Promise<{ links: number; inserted: number }> {
    const r = await sql<{ links: number; inserted: number }>`
      with p as (
        select a.id as infector_id, b.id as infectee_id
        from ll_links l
        join cases a on a.import_key = ${sourceLabel} || ':' || l.infector
        join cases b on b.import_key = ${sourceLabel} || ':' || l.infectee
        where a.id <> b.id
      ), ins as (
        insert into case_links (infector_id, infectee_id, origin)
        select infector_id, infectee_id, 'import' from p
        on conflict do nothing
        returning 1
      )
      select (select count(*) from p)::int as links, (select count(*) from ins)::int as inserted`.execute(db);
    return r.rows[0] ?? { links: 0, inserted: 0 };
  }

  /** The province every staged row lies in, when they share one; null when they do not (or none). */
  async commonProvince(db: Db): Promise<string | null> {
    const r = await sql<{ n: number; code: string | null }>`
      select count(distinct pl.province_code)::int as n, min(pl.province_code) as code
      from (select distinct province, commune from ll_rows) r
      join ll_places pl on pl.province is not distinct from r.province and pl.commune is not distinct from r.commune`.execute(
      db,
    );
    const row = r.rows[0];
    return row && row.n === 1 ? row.code : null;
  }

  /** Fresh statistics for the planner: a million new rows would otherwise be planned as none. */
  async analyze(db: Db): Promise<void> {
    await sql`analyze cases`.execute(db);
    await sql`analyze case_links`.execute(db);
  }
}
