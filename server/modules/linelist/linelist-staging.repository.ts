import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';

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
/**
 * The join key of a row and its place: province and commune codes never hold a slash, so the key
 * is one per pair, and an equality (unlike `is not distinct from`) lets PostgreSQL hash the join.
 */
const placeKey = sql.raw(`coalesce(province, '') || '/' || coalesce(commune, '')`);

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
      cluster text, place_key text generated always as (${placeKey}) stored) on commit drop`.execute(db);
    await sql`create temp table ll_resolved (row_number int not null, classification text not null,
      source_country text, cluster text) on commit drop`.execute(db);
    await sql`create temp table ll_places (province text, commune text, locality_code text not null,
      locality_path text not null, province_code text not null, place_key text generated always as (${placeKey}) stored)
      on commit drop`.execute(db);
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
      where r.place_key = any(${pairs.map((p) => `${p.province ?? ''}/${p.commune ?? ''}`)}::text[])
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

  /**
   * Clusters named by the staged rows, each with the province of the first row naming it: the
   * relation `LinelistRepository.insertClustersFrom` writes.
   */
  clusters(): RawBuilder<unknown> {
    return sql`select distinct on (v.cluster) v.cluster as code, pl.province_code as locality_code,
        'VN/' || pl.province_code as locality_path
      from ll_resolved v join ll_rows r using (row_number)
      join ll_places pl using (place_key)
      where v.cluster is not null
      order by v.cluster, r.row_number`;
  }

  /** The staged rows as the columns `LinelistRepository.upsertCasesFrom` writes. */
  cases(sourceLabel: string): RawBuilder<unknown> {
    return sql`select ${sourceLabel} || ':' || s.case_number as import_key, s.case_number, s.gender, s.birth_year,
        s.nationality, s.onset_date, s.sample_date, s.confirmed_date, v.classification, v.source_country, s.status,
        s.outcome_date, s.treatment_place, pl.locality_code, pl.locality_path, pl.province_code, v.cluster as cluster_code, s.notes
      from ll_rows s join ll_resolved v using (row_number)
      join ll_places pl using (place_key)
      order by s.row_number`;
  }

  /** The staged links, for `LinelistRepository.linkCasesFrom`. */
  links(): RawBuilder<unknown> {
    return sql`select infector, infectee from ll_links`;
  }

  /** The province every staged row lies in, when they share one; null when they do not (or none). */
  async commonProvince(db: Db): Promise<string | null> {
    const r = await sql<{ n: number; code: string | null }>`
      select count(distinct pl.province_code)::int as n, min(pl.province_code) as code
      from (select distinct place_key from ll_rows) r join ll_places pl using (place_key)`.execute(db);
    const row = r.rows[0];
    return row && row.n === 1 ? row.code : null;
  }

  /** Statistics of the staged tables, which autovacuum never sees: the joins that write are planned on them. */
  async analyzeStaged(db: Db): Promise<void> {
    await sql`analyze ll_rows, ll_resolved, ll_places, ll_links`.execute(db);
  }
}
