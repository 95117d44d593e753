import { createReadStream } from 'node:fs';
import readline from 'node:readline';
import { createGunzip } from 'node:zlib';
import { isSealedArchive, openArchive, type ArchiveKeys } from './archive-cipher.ts';
import type { PartitionDef, SequenceState } from './catalogue.repository.ts';

/**
 * A backup archive: gzip-compressed UTF-8 lines. The first line is the manifest (JSON); then, for
 * each table, a line `#table <name>` followed by its rows, one JSON object per line (to_jsonb of
 * the row: exact numbers, timestamps to the microsecond); the last line is `#end`. An archive
 * without it was cut short and is refused.
 */
export const ARCHIVE_FORMAT = 'phongdich-backup';
export const ARCHIVE_VERSION = 1;
export const TABLE_MARK = '#table ';
export const END_MARK = '#end';

export interface ArchiveManifest {
  format: typeof ARCHIVE_FORMAT;
  formatVersion: number;
  /** The last migration applied to the database backed up: its schema. */
  schemaMigration: string;
  createdAt: string;
  databaseKind: 'pglite' | 'postgresql';
  appVersion: string;
  tables: { name: string; rows: number }[];
  partitions: PartitionDef[];
  sequences: SequenceState[];
}

export class ArchiveError extends Error {}

export function parseManifest(line: string | undefined): ArchiveManifest {
  let m: Partial<ArchiveManifest>;
  try {
    m = JSON.parse(line ?? '') as Partial<ArchiveManifest>;
  } catch {
    throw new ArchiveError('not a phongdich backup (no manifest)');
  }
  if (m.format !== ARCHIVE_FORMAT) throw new ArchiveError('not a phongdich backup (unknown format)');
  if (m.formatVersion !== ARCHIVE_VERSION)
    throw new ArchiveError(
      `backup format ${String(m.formatVersion)} is not readable by this version (reads ${ARCHIVE_VERSION})`,
    );
  if (!m.schemaMigration || !Array.isArray(m.tables) || !Array.isArray(m.partitions) || !Array.isArray(m.sequences)) {
    throw new ArchiveError('the backup manifest is incomplete');
  }
  return m as ArchiveManifest;
}

/**
 * The archive's lines, opened (when sealed) and decompressed, as they come. A sealed archive needs
 * the signing secret that sealed it among `keys`.
 */
export async function* archiveLines(file: string, keys: ArchiveKeys | null): AsyncIterable<string> {
  const sealed = await isSealedArchive(file);
  if (sealed && !keys)
    throw new ArchiveError(
      'the backup is encrypted: run it with the signing secret that wrote it (PHONGDICH_SECRET_FILE)',
    );
  const raw = createReadStream(file);
  const opener = sealed && keys ? openArchive(keys) : null;
  const gunzip = (opener ? raw.pipe(opener) : raw).pipe(createGunzip());
  // The first failure of any stage (a wrong key, an altered chunk, bad gzip) is the archive's error.
  const failure: { first?: Error } = {};
  for (const stage of [raw, opener, gunzip]) {
    stage?.on('error', (err: Error) => {
      failure.first ??= err;
      // Destroyed with the error, readline's iterator ends (destroyed without one, it would wait).
      if (stage !== gunzip) gunzip.destroy(err);
    });
  }
  for await (const line of readline.createInterface({ input: gunzip, crlfDelay: Infinity })) yield line;
  if (failure.first) throw failure.first;
}

/**
 * Reads a whole archive and checks it: a manifest, every table's rows as announced, the end mark.
 * Returns the manifest; throws ArchiveError on an archive cut short or altered.
 */
export async function verifyArchive(file: string, keys: ArchiveKeys | null): Promise<ArchiveManifest> {
  let manifest: ArchiveManifest | null = null;
  let table: string | null = null;
  let rows = 0;
  let ended = false;
  const counted = new Map<string, number>();
  for await (const line of archiveLines(file, keys)) {
    if (!manifest) {
      manifest = parseManifest(line);
      continue;
    }
    if (ended) throw new ArchiveError('data after the end of the backup');
    if (line.startsWith(TABLE_MARK) || line === END_MARK) {
      if (table) counted.set(table, rows);
      table = line === END_MARK ? null : line.slice(TABLE_MARK.length);
      rows = 0;
      ended = line === END_MARK;
    } else if (table) rows++;
    else throw new ArchiveError('a row outside any table');
  }
  if (!manifest) throw new ArchiveError('empty backup file');
  if (!ended) throw new ArchiveError('the backup is incomplete (no end mark): it was cut short');
  for (const t of manifest.tables) {
    if ((counted.get(t.name) ?? -1) !== t.rows)
      throw new ArchiveError(`table ${t.name}: ${counted.get(t.name) ?? 0} rows where the manifest says ${t.rows}`);
  }
  return manifest;
}
