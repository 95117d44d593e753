import fs from 'node:fs/promises';
import pg from 'pg';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import type { DatabaseConfig } from '../config.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;

export interface DatabaseHandle {
  db: Db;
  kind: 'pglite' | 'postgresql';
  /** PGlite only: the whole data folder as a blob. */
  snapshot?: () => Promise<Blob>;
  close(): Promise<void>;
}

// Keep bigint identities and numerics exact as strings; dates stay strings so no timezone shifts.
pg.types.setTypeParser(pg.types.builtins.DATE, (v: string) => v);

/** The pool of each database that is a PostgreSQL server (PGlite's is not: it has one connection). */
const serverPools = new WeakMap<Db, pg.Pool>();

/**
 * Whether `db` is a PostgreSQL server, where a long transaction (an export's snapshot, an import)
 * takes one of several connections; on PGlite it would take the only one from every other request.
 */
export function holdsConcurrentTransactions(db: Db): boolean {
  return serverPools.has(db);
}

/** The pg pool behind a PostgreSQL server's handle, for what Kysely cannot send (COPY); null on PGlite. */
export function serverPoolOf(db: Db): pg.Pool | null {
  return serverPools.get(db) ?? null;
}

/**
 * Opens the database: a PostgreSQL server when `url` is set, the embedded PGlite otherwise. Both go
 * through a `pg.Pool` and Kysely's one PostgreSQL dialect, so every query and migration is the same.
 * PGlite's pool has a single connection: code inside a transaction must use the transaction handle.
 */
export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  if (config.url) {
    // A runaway query (a client gone, a filter nothing serves) must not hold the server's CPU.
    const pool = new pg.Pool({
      connectionString: config.url,
      max: config.poolSize ?? 10,
      ...(config.statementTimeoutMs ? { statement_timeout: config.statementTimeoutMs } : {}),
    });
    // An idle connection killed by the server (restart, admin termination, a dropped test database)
    // is discarded by the pool; without a listener its 'error' event would crash the process.
    pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    serverPools.set(db, pool);
    return { db, kind: 'postgresql', close: () => db.destroy() };
  }
  return pgliteHandle(await openPglite(config.dataDir));
}

/** An in-memory PGlite started from a snapshot (tests share one migrated, seeded database). */
export async function openPgliteFromSnapshot(snapshot: Blob): Promise<DatabaseHandle> {
  return pgliteHandle(await openPglite('memory://', snapshot));
}

/** Writes a PGlite snapshot into a folder on disk (a database another process then opens: crash tests). */
export async function restorePgliteSnapshot(dataDir: string, snapshot: Blob): Promise<void> {
  const lite = await openPglite(dataDir, snapshot);
  await lite.close();
}

type Pglite = Awaited<ReturnType<typeof openPglite>>;

async function pgliteHandle(lite: Pglite): Promise<DatabaseHandle> {
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  const pool = new pg.Pool(createPgConfig(lite) as unknown as pg.PoolConfig);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'pglite',
    snapshot: () => lite.dumpDataDir('none'),
    close: async () => {
      await db.destroy();
      await lite.close();
    },
  };
}

async function openPglite(dataDir: string, loadDataDir?: Blob) {
  const [{ PGlite }, extensions] = await Promise.all([import('@electric-sql/pglite'), loadExtensions()]);
  if (!dataDir.startsWith('memory://')) await fs.mkdir(dataDir, { recursive: true });
  return PGlite.create({ dataDir, extensions, loadDataDir });
}

async function loadExtensions() {
  const [gist, trgm, unaccent, citext] = await Promise.all([
    import('@electric-sql/pglite/contrib/btree_gist'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite/contrib/unaccent'),
    import('@electric-sql/pglite/contrib/citext'),
  ]);
  return {
    btree_gist: gist.btree_gist,
    pg_trgm: trgm.pg_trgm,
    unaccent: unaccent.unaccent,
    citext: citext.citext,
  };
}
