import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';

/** One batch of cases, column by column (the shape `unnest` takes): index i of every array is one case. */
export interface CaseColumns {
  importKey: string[];
  caseNumber: string[];
  gender: (string | null)[];
  birthYear: (number | null)[];
  nationality: (string | null)[];
  onsetDate: (string | null)[];
  sampleDate: (string | null)[];
  confirmedDate: string[];
  classification: string[];
  sourceCountry: (string | null)[];
  status: string[];
  outcomeDate: (string | null)[];
  treatmentPlace: (string | null)[];
  localityCode: string[];
  localityPath: string[];
  provinceCode: string[];
  clusterCode: (string | null)[];
  notes: (string | null)[];
}

export interface UpsertCasesOptions {
  /** Prefix of a case number that collides with a case of another source: `<label>-<id>`. */
  sourceLabel: string;
  profileCode: string;
  createdBy: string | null;
}

export interface NewImportLog {
  sourceLabel: string;
  filename: string | null;
  totalRows: number;
  createdCases: number;
  updatedCases: number;
  links: number;
  actorId: string | null;
  startedAt: Date;
}

/**
 * A PostgreSQL array literal. pg's generic serialiser runs two regular expressions over every
 * element; at a million rows × 18 columns that alone is seconds, so elements without a quote or
 * backslash (nearly all) are copied as they are.
 */
export function pgArray(values: readonly (string | number | null)[]): string {
  const parts: string[] = new Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) parts[i] = 'NULL';
    else if (typeof v === 'number') parts[i] = String(v);
    else parts[i] = `"${/["\\]/.test(v) ? v.replace(/["\\]/g, '\\$&') : v}"`;
  }
  return `{${parts.join(',')}}`;
}

/**
 * SQL of line-list imports. Everything is set-based: a batch of thousands of rows is one
 * statement over `unnest` of typed arrays, never a statement per row.
 */
export class LinelistRepository {
  async existingLocalities(db: Db, codes: readonly string[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const rows = await db
      .selectFrom('localities')
      .select('code')
      .where('code', 'in', [...codes])
      .execute();
    return new Set(rows.map((r) => r.code));
  }

  /** Clusters named by the file and not known yet, each in the province of its first case. */
  async insertClustersIfAbsent(
    db: Db,
    clusters: { code: string; localityCode: string; localityPath: string }[],
  ): Promise<number> {
    if (clusters.length === 0) return 0;
    return this.insertClustersFrom(
      db,
      sql`select * from unnest(${clusters.map((c) => c.code)}::text[], ${clusters.map((c) => c.localityCode)}::text[],
        ${clusters.map((c) => c.localityPath)}::text[]) as c(code, locality_code, locality_path)`,
    );
  }

  /** The statement of both import paths: `clusters` is a query of (code, locality_code, locality_path). */
  async insertClustersFrom(db: Db, clusters: RawBuilder<unknown>): Promise<number> {
    const r = await sql<{ n: number }>`
      with c as (${clusters}), ins as (
        insert into clusters (code, name, locality_code, locality_path)
        select c.code, c.code, c.locality_code, c.locality_path from c
        on conflict (code) do nothing
        returning 1
      )
      select count(*)::int as n from ins`.execute(db);
    return r.rows[0]?.n ?? 0;
  }

  /**
   * Inserts or updates one batch, keyed by `import_key` (`<label>:<id>`), so importing the same
   * file again updates the same rows. The case number is the file's id unless a case of another
   * source already holds it. An update keeps the case number and who created the case.
   */
  async upsertCases(db: Db, c: CaseColumns, o: UpsertCasesOptions): Promise<{ created: number; total: number }> {
    return this.upsertCasesFrom(
      db,
      sql`select * from unnest(
          ${pgArray(c.importKey)}::text[], ${pgArray(c.caseNumber)}::text[], ${pgArray(c.gender)}::text[], ${pgArray(c.birthYear)}::int[], ${pgArray(c.nationality)}::text[],
          ${pgArray(c.onsetDate)}::date[], ${pgArray(c.sampleDate)}::date[], ${pgArray(c.confirmedDate)}::date[], ${pgArray(c.classification)}::text[],
          ${pgArray(c.sourceCountry)}::text[], ${pgArray(c.status)}::text[], ${pgArray(c.outcomeDate)}::date[], ${pgArray(c.treatmentPlace)}::text[],
          ${pgArray(c.localityCode)}::text[], ${pgArray(c.localityPath)}::text[], ${pgArray(c.provinceCode)}::text[], ${pgArray(c.clusterCode)}::text[], ${pgArray(c.notes)}::text[]
        ) as r(import_key, case_number, gender, birth_year, nationality, onset_date, sample_date, confirmed_date, classification,
               source_country, status, outcome_date, treatment_place, locality_code, locality_path, province_code, cluster_code, notes)`,
      o,
    );
  }

  /**
   * The one statement that writes imported cases, whichever path holds the rows (a batch of
   * arrays in memory, or the COPY path's staged tables): `rows` is a query with the columns of
   * `CaseColumns` in snake case, statuses already mapped by `importedCaseStatus`. A case created
   * gets its history (registered, then its outcome); an update never takes a case in treatment
   * here out of it (only discharge does).
   */
  async upsertCasesFrom(
    db: Db,
    rows: RawBuilder<unknown>,
    o: UpsertCasesOptions,
  ): Promise<{ created: number; total: number }> {
    const r = await sql<{ created: number; total: number }>`
      with r as (${rows}),
      -- Case numbers held by a case of another source, found by one join before anything is
      -- written: a per-row subquery on the table being filled would rescan its growing heap for
      -- every row (a million rows into an empty table never finished). \`case_number\` is unique.
      taken as materialized (
        select o.case_number from r join cases o on o.case_number = r.case_number
        where o.import_key is distinct from r.import_key
      ), up as (
        insert into cases (
          case_number, gender, birth_year, nationality, onset_date, sample_date, confirmed_date, classification, source_country,
          status, outcome_date, treatment_place, locality_code, locality_path, province_code, cluster_id, profile_code, notes,
          import_key, created_by
        )
        select
          case when t.case_number is not null then ${o.sourceLabel} || '-' || r.case_number else r.case_number end,
          r.gender, r.birth_year, r.nationality, r.onset_date, r.sample_date, r.confirmed_date, r.classification, r.source_country,
          r.status, r.outcome_date, r.treatment_place, r.locality_code, r.locality_path, r.province_code, cl.id, ${o.profileCode}, r.notes,
          r.import_key, ${o.createdBy}::uuid
        from r left join taken t on t.case_number = r.case_number left join clusters cl on cl.code = r.cluster_code
        on conflict (import_key) do update set
          gender = excluded.gender, birth_year = excluded.birth_year, nationality = excluded.nationality,
          onset_date = excluded.onset_date, sample_date = excluded.sample_date, confirmed_date = excluded.confirmed_date,
          classification = excluded.classification, source_country = excluded.source_country,
          -- A case in treatment here leaves it by discharge only, never by a file.
          status = case when cases.status = 'treating' then cases.status else excluded.status end,
          outcome_date = case when cases.status = 'treating' then cases.outcome_date else excluded.outcome_date end,
          treatment_place = excluded.treatment_place, locality_code = excluded.locality_code,
          locality_path = excluded.locality_path, province_code = excluded.province_code, cluster_id = excluded.cluster_id,
          profile_code = excluded.profile_code, notes = excluded.notes, updated_at = now()
        returning id, (xmax = 0) as created, status, outcome_date
      ), registered as (
        insert into case_status_transitions (case_id, kind, from_status, to_status, actor_id, at)
        select id, 'registered', null, 'awaiting_treatment', ${o.createdBy}::uuid, now() from up where created
      ), closed as (
        insert into case_status_transitions (case_id, kind, from_status, to_status, reason, actor_id, at)
        select id, 'status_set', 'awaiting_treatment', status, ${o.sourceLabel}, ${o.createdBy}::uuid,
          coalesce(outcome_date::timestamp at time zone 'Asia/Ho_Chi_Minh', now())
        from up where created and status <> 'awaiting_treatment'
      )
      select (count(*) filter (where created))::int as created, count(*)::int as total from up`.execute(db);
    return r.rows[0] ?? { created: 0, total: 0 };
  }

  /**
   * Case-to-case links of one batch, both ends found by import key within the same source. Links
   * already present stay; `links` counts every pair the file states that exists, new or not.
   */
  async linkCases(
    db: Db,
    sourceLabel: string,
    pairs: { infector: string[]; infectee: string[] },
  ): Promise<{ links: number; inserted: number }> {
    if (pairs.infector.length === 0) return { links: 0, inserted: 0 };
    return this.linkCasesFrom(
      db,
      sourceLabel,
      sql`select * from unnest(${pgArray(pairs.infector)}::text[], ${pgArray(pairs.infectee)}::text[]) as l(infector, infectee)`,
    );
  }

  /** The statement of both import paths: `pairs` is a query of (infector, infectee) case ids of the file. */
  async linkCasesFrom(
    db: Db,
    sourceLabel: string,
    pairs: RawBuilder<unknown>,
  ): Promise<{ links: number; inserted: number }> {
    const r = await sql<{ links: number; inserted: number }>`
      with l as (${pairs}), k as (
        -- Scalar lookups: one probe of the import_key index per end. A join lets the planner
        -- hash the whole cases table for every batch, which at a million cases is the import.
        select (select id from cases where import_key = ${sourceLabel} || ':' || l.infector) as infector_id,
               (select id from cases where import_key = ${sourceLabel} || ':' || l.infectee) as infectee_id
        from l
      ), p as (
        select infector_id, infectee_id from k where infector_id <> infectee_id
      ), ins as (
        insert into case_links (infector_id, infectee_id, origin)
        select infector_id, infectee_id, 'import' from p
        on conflict do nothing
        returning 1
      )
      select (select count(*) from p)::int as links, (select count(*) from ins)::int as inserted`.execute(db);
    return r.rows[0] ?? { links: 0, inserted: 0 };
  }

  /**
   * Drops the links an earlier import of this source stated, before the file's links are written
   * again: a link removed from a corrected file disappears, one still there comes back unchanged.
   * Links recorded by investigators ('declared', 'tracing') are never touched.
   */
  async deleteImportedLinks(db: Db, sourceLabel: string): Promise<void> {
    await sql`
      delete from case_links l using cases c
      where c.id = l.infectee_id and l.origin = 'import' and starts_with(c.import_key, ${`${sourceLabel}:`})`.execute(
      db,
    );
  }

  async insertLog(db: Db, log: NewImportLog): Promise<string> {
    const row = await db
      .insertInto('linelist_imports')
      .values({
        source_label: log.sourceLabel,
        filename: log.filename,
        status: 'done',
        total_rows: log.totalRows,
        created_cases: log.createdCases,
        updated_cases: log.updatedCases,
        links: log.links,
        errors: JSON.stringify([]),
        actor_id: log.actorId,
        started_at: log.startedAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** Fresh statistics for the planner after an import: a million new rows would otherwise be planned as none. */
  async analyze(db: Db): Promise<void> {
    await sql`analyze cases`.execute(db);
    await sql`analyze case_links`.execute(db);
    await sql`analyze case_status_transitions`.execute(db);
  }
}
