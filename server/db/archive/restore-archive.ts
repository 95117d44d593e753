import type { Db } from '../database.ts';
import type { ArchiveKeys } from './archive-cipher.ts';
import { appliedMigrations, migrateTo, migrateToLatest, migrationNames } from '../migrate.ts';
import {
  ArchiveError,
  archiveLines,
  END_MARK,
  parseManifest,
  TABLE_MARK,
  verifyArchive,
  type ArchiveManifest,
} from './archive-format.ts';
import { CatalogueRepository } from './catalogue.repository.ts';

/** Rows per insert statement: one JSON array parameter each. */
const BATCH = 1000;

export interface RestoreOptions {
  /** Replace what the database holds instead of refusing a database that is not empty. */
  force?: boolean;
  /** The signing secrets, to open a sealed archive. */
  keys?: ArchiveKeys | null;
}

export interface RestoreResult {
  manifest: ArchiveManifest;
  rows: number;
  /** Migrations applied after loading: the archive came from an older schema. */
  upgradedWith: string[];
}

/**
 * `phongdich restore <file>`: the archive is checked whole first; the database is brought to the
 * archive's schema (an archive from a newer schema, or a database already past it, is refused);
 * a database holding rows is refused unless `force`; then every table is loaded in one
 * transaction, triggers and foreign key checks deferred, partitions recreated and sequences set,
 * each table's count checked against the manifest. Last, the schema is brought up to date.
 */
export async function restoreFromFile(db: Db, file: string, o: RestoreOptions = {}): Promise<RestoreResult> {
  const keys = o.keys ?? null;
  const manifest = await verifyArchive(file, keys);
  if (!migrationNames.includes(manifest.schemaMigration)) {
    throw new ArchiveError(
      `the backup comes from a newer schema (${manifest.schemaMigration}): restore it with the phongdich version that made it, or a later one`,
    );
  }
  const applied = await appliedMigrations(db);
  const ahead = applied.filter((m) => m > manifest.schemaMigration);
  if (ahead.length) {
    throw new ArchiveError(
      `this database is at a newer schema (${ahead.at(-1)}) than the backup (${manifest.schemaMigration}): restore into a new, empty database`,
    );
  }
  const catalogue = new CatalogueRepository();
  // Checked before migrating: a refused restore changes nothing.
  if (!o.force) {
    const held: string[] = [];
    for (const t of await catalogue.tables(db)) {
      const n = await catalogue.rowCount(db, t);
      if (n > 0) held.push(`${t} (${n})`);
    }
    if (held.length)
      throw new ArchiveError(
        `the database is not empty: ${held.slice(0, 5).join(', ')}${held.length > 5 ? ', …' : ''}. Restore into an empty database, or pass --force to replace everything in it`,
      );
  }
  await migrateTo(db, manifest.schemaMigration);
  const tables = await catalogue.tables(db);
  const missing = manifest.tables.filter((t) => !tables.includes(t.name)).map((t) => t.name);
  if (missing.length) throw new ArchiveError(`the backup has tables this schema does not: ${missing.join(', ')}`);
  const rows = await db.transaction().execute(async (trx) => {
    await catalogue.noStatementTimeout(trx);
    await catalogue.deferTriggers(trx);
    if (o.force) await catalogue.truncate(trx, tables);
    for (const p of manifest.partitions) await catalogue.createPartition(trx, p);
    const loaded = await loadRows(trx, catalogue, file, keys);
    for (const s of manifest.sequences) await catalogue.setSequence(trx, s);
    for (const t of manifest.tables) {
      const n = await catalogue.rowCount(trx, t.name);
      if (n !== t.rows)
        throw new ArchiveError(`table ${t.name}: ${n} rows after loading where the backup has ${t.rows}`);
    }
    return loaded;
  });
  return { manifest, rows, upgradedWith: await migrateToLatest(db) };
}

/** Streams the archive's rows into their tables, `BATCH` rows a statement. */
async function loadRows(
  db: Db,
  catalogue: CatalogueRepository,
  file: string,
  keys: ArchiveKeys | null,
): Promise<number> {
  let table: string | null = null;
  let columns: string[] = [];
  let batch: string[] = [];
  let total = 0;
  let first = true;
  const flush = async () => {
    if (table && batch.length) await catalogue.insertRows(db, table, columns, batch);
    total += batch.length;
    batch = [];
  };
  for await (const line of archiveLines(file, keys)) {
    if (first) {
      parseManifest(line);
      first = false;
    } else if (line.startsWith(TABLE_MARK) || line === END_MARK) {
      await flush();
      table = line === END_MARK ? null : line.slice(TABLE_MARK.length);
      if (table) columns = await catalogue.writableColumns(db, table);
    } else {
      batch.push(line);
      if (batch.length >= BATCH) await flush();
    }
  }
  await flush();
  return total;
}
