import { ConfigurationError, type Config } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import type { ArchiveKeys } from '../db/archive/archive-cipher.ts';
import { ArchiveError, type ArchiveManifest } from '../db/archive/archive-format.ts';
import { answers, backupOverSocket, backupSocketPath } from '../db/archive/backup-socket.ts';
import { PermissionError } from '../db/archive/catalogue.repository.ts';
import { restoreFromFile } from '../db/archive/restore-archive.ts';
import { backupToFile } from '../db/archive/write-archive.ts';
import { version } from '../main.ts';

const summary = (m: ArchiveManifest) =>
  `${m.tables.reduce((n, t) => n + t.rows, 0)} rows in ${m.tables.length} tables, schema ${m.schemaMigration}, ${m.databaseKind}`;

/**
 * Archives are sealed with the configured signing secret (previous ones still open older archives).
 * Only a demo without a configured secret writes them plain: its secret is inside the database.
 */
export function archiveKeys(config: Config): ArchiveKeys | null {
  return config.secret ? { current: config.secret, previous: config.previousSecrets } : null;
}

const sealing = (keys: ArchiveKeys | null) =>
  keys
    ? 'encrypted with the signing secret: keep that key file, a restore needs it'
    : 'NOT encrypted: no signing secret is configured (demo)';

/**
 * `phongdich backup <file>`. The embedded database of a running server is archived by that server
 * (over its socket); otherwise the database is opened here: a PostgreSQL server, or the embedded
 * folder of a stopped one.
 */
export async function backupCommand(config: Config, file: string): Promise<string> {
  try {
    const keys = archiveKeys(config);
    if (!config.database.url) {
      const fromServer = await backupOverSocket(backupSocketPath(config.dataDir), file, keys);
      if (fromServer)
        return `backup written to ${file} by the running server: ${summary(fromServer)}; ${sealing(keys)}`;
    }
    const handle = await openDatabase(config.database);
    try {
      const manifest = await backupToFile({ db: handle.db, kind: handle.kind, appVersion: version }, file, keys);
      return `backup written to ${file}: ${summary(manifest)}; ${sealing(keys)}`;
    } finally {
      await handle.close();
    }
  } catch (err) {
    if (err instanceof ArchiveError) throw new ConfigurationError(`backup failed: ${err.message}`);
    throw err;
  }
}

/** `phongdich restore <file> [--force]`: into an empty database (or replacing one with --force), never under a running embedded server. */
export async function restoreCommand(config: Config, file: string, force: boolean): Promise<string> {
  if (!config.database.url && (await answers(backupSocketPath(config.dataDir)))) {
    throw new ConfigurationError('a phongdich server is running on this data folder: stop it before restoring');
  }
  const handle = await openDatabase(config.database);
  try {
    const r = await restoreFromFile(handle.db, file, { force, keys: archiveKeys(config) });
    const upgraded = r.upgradedWith.length ? `; schema then brought up to date (${r.upgradedWith.join(', ')})` : '';
    return `restored ${r.rows} rows from ${file} (${summary(r.manifest)})${upgraded}`;
  } catch (err) {
    if (err instanceof ArchiveError || err instanceof PermissionError)
      throw new ConfigurationError(`restore refused: ${err.message}`);
    throw err;
  } finally {
    await handle.close();
  }
}
