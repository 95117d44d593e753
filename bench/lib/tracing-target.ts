import fs from 'node:fs/promises';
import os from 'node:os';
import nodePath from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, type DatabaseHandle, type Db } from '../../server/db/database.ts';
import { dropScratchDatabases, recreateScratchDatabases, scratchUrl } from './scratch-databases.ts';
import type { GenerationReport, ProvinceShape } from './tracing-province.ts';
import type { BenchContext } from './types.ts';

/** The scratch database when `--database-name` does not choose another (several runs can then keep several sizes). */
export const defaultScratchName = 'phongdich_bench_tracing';

/** The options of the bench that choose and keep its database. */
export interface TargetOptions {
  noParallel: boolean;
  reuse: boolean;
  keep: boolean;
  dataDir: string | undefined;
  /** PostgreSQL only: the scratch database's name. */
  databaseName: string;
}

/** The shape and generation report kept in the bench database, so `--reuse` knows what it holds. */
export async function keptGeneration(db: Db, shape: ProvinceShape): Promise<GenerationReport | null> {
  const exists = await sql<{ t: string | null }>`select to_regclass('bench_tracing_meta')::text as t`.execute(db);
  if (!exists.rows[0]?.t) return null;
  const r = await sql<{
    shape: ProvinceShape;
    report: GenerationReport;
  }>`select shape, report from bench_tracing_meta`.execute(db);
  const row = r.rows[0];
  // jsonb reorders keys: compare field by field.
  const same =
    row !== undefined && (Object.keys(shape) as (keyof ProvinceShape)[]).every((k) => row.shape[k] === shape[k]);
  return same ? row.report : null;
}

async function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return (await client.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  } finally {
    await client.end();
  }
}

export interface Opened {
  handle: DatabaseHandle;
  storage: string;
  cleanup: () => Promise<void>;
}

/** Where the bench runs: a scratch PostgreSQL database or a PGlite folder, kept between runs on request. */
export async function openTarget(ctx: BenchContext, o: TargetOptions): Promise<Opened> {
  if (ctx.database.kind === 'postgresql') {
    const adminUrl = ctx.database.url;
    const scratchName = o.databaseName;
    const url = new URL(scratchUrl(adminUrl, scratchName));
    // Session setting for every pooled connection: the "index plan without parallel workers" variant.
    if (o.noParallel) url.searchParams.set('options', '-c max_parallel_workers_per_gather=0');
    // --reuse keeps an existing scratch database (its shape is checked after migrating); else a fresh one.
    if (!o.reuse || !(await databaseExists(adminUrl, scratchName)))
      await recreateScratchDatabases(adminUrl, [scratchName]);
    const handle = await openDatabase({ url: url.href, dataDir: '' });
    return {
      handle,
      storage: `database ${scratchName}`,
      cleanup: o.keep ? async () => undefined : () => dropScratchDatabases(adminUrl, [scratchName]),
    };
  }
  const dir = o.dataDir ?? (await fs.mkdtemp(nodePath.join(os.tmpdir(), 'phongdich-tracing-')));
  const handle = await openDatabase({ dataDir: dir });
  const removable = o.dataDir === undefined && !o.keep;
  return {
    handle,
    storage: `PGlite folder ${dir}${removable ? ' (removed at the end)' : ''}`,
    cleanup: removable ? () => fs.rm(dir, { recursive: true, force: true }) : async () => undefined,
  };
}
