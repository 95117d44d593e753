import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { sql } from 'kysely';
import type { Db } from '../database.ts';
import { sealArchive, type ArchiveKeys } from './archive-cipher.ts';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  END_MARK,
  TABLE_MARK,
  verifyArchive,
  type ArchiveManifest,
} from './archive-format.ts';
import { CatalogueRepository } from './catalogue.repository.ts';

const BATCH = 2000;

export interface ArchiveSource {
  db: Db;
  kind: ArchiveManifest['databaseKind'];
  appVersion: string;
}

/**
 * Writes a consistent archive of the database to `out` (gzip; sealed when `keys` are given): one REPEATABLE READ, READ ONLY
 * transaction sees every table at the same instant, while the platform keeps writing. Rows are
 * read through a cursor, `BATCH` at a time, so no table is ever held in memory.
 */
export async function writeArchive(
  source: ArchiveSource,
  out: Writable,
  keys: ArchiveKeys | null = null,
): Promise<ArchiveManifest> {
  const catalogue = new CatalogueRepository();
  return source.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      await sql`set transaction read only`.execute(trx);
      await catalogue.noStatementTimeout(trx);
      const names = await catalogue.tables(trx);
      const tables: ArchiveManifest['tables'] = [];
      for (const name of names) tables.push({ name, rows: await catalogue.rowCount(trx, name) });
      const manifest: ArchiveManifest = {
        format: ARCHIVE_FORMAT,
        formatVersion: ARCHIVE_VERSION,
        schemaMigration: (await catalogue.lastMigration(trx)) ?? '',
        createdAt: new Date().toISOString(),
        databaseKind: source.kind,
        appVersion: source.appVersion,
        tables,
        partitions: await catalogue.partitions(trx),
        sequences: await catalogue.sequences(trx),
      };
      async function* lines() {
        yield `${JSON.stringify(manifest)}\n`;
        for (const { name } of tables) {
          yield `${TABLE_MARK}${name}\n`;
          const cursor = `archive_${name}`;
          await catalogue.openRows(trx, cursor, name);
          for (
            let rows = await catalogue.fetchRows(trx, cursor, BATCH);
            rows.length > 0;
            rows = await catalogue.fetchRows(trx, cursor, BATCH)
          ) {
            yield `${rows.join('\n')}\n`;
          }
          await catalogue.closeRows(trx, cursor);
        }
        yield `${END_MARK}\n`;
      }
      if (keys) await pipeline(Readable.from(lines()), createGzip(), sealArchive(keys), out);
      else await pipeline(Readable.from(lines()), createGzip(), out);
      return manifest;
    });
}

/**
 * `phongdich backup <file>` against a database opened here: written to a temporary file beside
 * `file`, read back and checked, then renamed, so `file` is either a whole archive or untouched.
 * Sealed with `keys` (the instance's signing secrets) when given.
 */
export async function backupToFile(
  source: ArchiveSource,
  file: string,
  keys: ArchiveKeys | null,
): Promise<ArchiveManifest> {
  return writeThenRename(file, keys, async (tmp) => {
    const out = (await fs.open(tmp, 'wx', 0o600)).createWriteStream();
    await writeArchive(source, out, keys);
  });
}

/** Runs `write` into a temporary file beside `file`, checks the archive, and renames it to `file`. */
export async function writeThenRename(
  file: string,
  keys: ArchiveKeys | null,
  write: (tmp: string) => Promise<void>,
): Promise<ArchiveManifest> {
  const tmp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${randomUUID().slice(0, 8)}.tmp`);
  try {
    await write(tmp);
    const manifest = await verifyArchive(tmp, keys);
    await fs.rename(tmp, file);
    return manifest;
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}
