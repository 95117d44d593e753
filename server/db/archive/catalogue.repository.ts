import { sql } from 'kysely';
import type { Db } from '../database.ts';

/** A day (or other) partition of a partitioned table, as `create table … partition of` needs it. */
export interface PartitionDef {
  name: string;
  parent: string;
  /** `FOR VALUES FROM (…) TO (…)`, as PostgreSQL prints it. */
  bound: string;
}

export interface SequenceState {
  name: string;
  /** Null when the sequence was never used. */
  lastValue: string | null;
}

/** Kysely's own bookkeeping: recreated by migrating, never archived. */
const notArchived = ['schema_migrations', 'kysely_migration_lock'];

/**
 * SQL over the catalogue of the `public` schema, for backups: which tables hold rows (partitioned
 * tables through their parent), their columns, partitions and sequences, and the rows themselves.
 */
export class CatalogueRepository {
  /** Tables whose rows an archive holds, by name: plain tables and partitioned parents, not partitions. */
  async tables(db: Db): Promise<string[]> {
    const r = await sql<{ name: string }>`
      select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
        and c.relname <> all(${notArchived}::text[])
      order by c.relname`.execute(db);
    return r.rows.map((x) => x.name);
  }

  /** The columns a restore writes: all but generated ones, in table order. */
  async writableColumns(db: Db, table: string): Promise<string[]> {
    const r = await sql<{ name: string }>`
      select a.attname as name from pg_attribute a
      where a.attrelid = ${`public.${quoteIdent(table)}`}::regclass and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
      order by a.attnum`.execute(db);
    return r.rows.map((x) => x.name);
  }

  async partitions(db: Db): Promise<PartitionDef[]> {
    const r = await sql<PartitionDef>`
      select c.relname as name, p.relname as parent, pg_get_expr(c.relpartbound, c.oid) as bound
      from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
      join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relispartition and c.relkind in ('r', 'p') order by c.relname`.execute(db);
    return r.rows;
  }

  async createPartition(db: Db, p: PartitionDef): Promise<void> {
    await sql
      .raw(
        `create table if not exists public.${quoteIdent(p.name)} partition of public.${quoteIdent(p.parent)} ${p.bound}`,
      )
      .execute(db);
  }

  async sequences(db: Db): Promise<SequenceState[]> {
    const r = await sql<{ name: string; last_value: string | null }>`
      select sequencename as name, last_value::text from pg_sequences where schemaname = 'public' order by sequencename`.execute(
      db,
    );
    return r.rows.map((x) => ({ name: x.name, lastValue: x.last_value }));
  }

  async setSequence(db: Db, s: SequenceState): Promise<void> {
    if (s.lastValue === null) return;
    await sql`select setval(${`public.${quoteIdent(s.name)}`}::regclass, ${s.lastValue}::bigint, true)`.execute(db);
  }

  async rowCount(db: Db, table: string): Promise<number> {
    const r = await sql<{ n: string }>`select count(*)::text as n from ${sql.table(`public.${table}`)}`.execute(db);
    return Number(r.rows[0]!.n);
  }

  /** Opens a cursor over every row of `table` as one JSON object each (inside the caller's transaction). */
  async openRows(db: Db, cursor: string, table: string): Promise<void> {
    await sql
      .raw(
        `declare ${quoteIdent(cursor)} no scroll cursor for select to_jsonb(t)::text as r from public.${quoteIdent(table)} t`,
      )
      .execute(db);
  }

  async fetchRows(db: Db, cursor: string, count: number): Promise<string[]> {
    const r = await sql.raw<{ r: string }>(`fetch forward ${Math.trunc(count)} from ${quoteIdent(cursor)}`).execute(db);
    return r.rows.map((x) => x.r);
  }

  async closeRows(db: Db, cursor: string): Promise<void> {
    await sql.raw(`close ${quoteIdent(cursor)}`).execute(db);
  }

  /** Writes rows given as JSON objects into `table`, identity values included, as one statement. */
  async insertRows(db: Db, table: string, columns: readonly string[], rows: readonly string[]): Promise<void> {
    const cols = columns.map(quoteIdent).join(', ');
    const target = `public.${quoteIdent(table)}`;
    await sql`insert into ${sql.raw(target)} (${sql.raw(cols)}) overriding system value
      select ${sql.raw(cols)} from jsonb_populate_recordset(null::${sql.raw(target)}, ${`[${rows.join(',')}]`}::jsonb)`.execute(
      db,
    );
  }

  async truncate(db: Db, tables: readonly string[]): Promise<void> {
    if (tables.length === 0) return;
    await sql.raw(`truncate ${tables.map((t) => `public.${quoteIdent(t)}`).join(', ')} restart identity`).execute(db);
  }

  /**
   * Triggers (foreign key checks included) stay off until the transaction ends: rows are loaded in
   * any order, and the derived counts come from the archive rather than from triggers.
   */
  /** Backups and restores read or write whole tables: exempt from the requests' statement timeout. */
  async noStatementTimeout(db: Db): Promise<void> {
    await sql`set local statement_timeout = 0`.execute(db);
  }

  async deferTriggers(db: Db): Promise<void> {
    try {
      await sql`set local session_replication_role = replica`.execute(db);
    } catch (err) {
      if ((err as { code?: string }).code !== '42501') throw err;
      throw new PermissionError(
        'restoring needs a database superuser, or on PostgreSQL 15 and later: GRANT SET ON PARAMETER session_replication_role TO <the role>',
      );
    }
  }

  async lastMigration(db: Db): Promise<string | null> {
    const r = await sql<{ name: string | null }>`select max(name) as name from schema_migrations`.execute(db);
    return r.rows[0]?.name ?? null;
  }
}

/** The database role may not do what a restore needs. */
export class PermissionError extends Error {}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
