import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import type { DatabaseConfig } from '../config.ts';
import { openDatabase, openPgliteFromSnapshot, restorePgliteSnapshot, type DatabaseHandle } from '../db/database.ts';
import { adminQuery, withDatabase } from './global-setup.ts';

/** A fresh copy of the migrated, seeded test database, private to the calling test file. */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const snapshot = inject('testSnapshot');
  if (snapshot.kind === 'pglite') {
    return openPgliteFromSnapshot(new Blob([await fs.readFile(snapshot.file)]));
  }
  const name = `phongdich_test_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
  await createFromTemplate(snapshot.adminUrl, name, snapshot.template);
  return openDroppedOnClose(snapshot.adminUrl, name);
}

/**
 * A fresh copy of the migrated, seeded test database that other processes can open (a server a test
 * spawns, kills and starts again): a PostgreSQL database, or a PGlite folder on disk. `dispose`
 * removes it; only one process at a time may open a PGlite folder.
 */
export async function testDatabaseOnDisk(): Promise<{ config: DatabaseConfig; dispose(): Promise<void> }> {
  const snapshot = inject('testSnapshot');
  if (snapshot.kind === 'pglite') {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'phongdich-disk-'));
    await restorePgliteSnapshot(dir, new Blob([await fs.readFile(snapshot.file)]));
    return { config: { dataDir: dir }, dispose: () => fs.rm(dir, { recursive: true, force: true }) };
  }
  const name = `phongdich_disk_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
  await createFromTemplate(snapshot.adminUrl, name, snapshot.template);
  return {
    config: { url: withDatabase(snapshot.adminUrl, name), dataDir: '' },
    dispose: () => adminQuery(snapshot.adminUrl, `drop database if exists ${name} with (force)`),
  };
}

/** A database with nothing in it, not even the schema (a restore's target), private to the caller. */
export async function openEmptyTestDatabase(): Promise<DatabaseHandle> {
  const snapshot = inject('testSnapshot');
  if (snapshot.kind === 'pglite') return openDatabase({ dataDir: 'memory://' });
  const name = `phongdich_empty_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
  await adminQuery(snapshot.adminUrl, `create database ${name}`);
  return openDroppedOnClose(snapshot.adminUrl, name);
}

/** Opens a database of the PostgreSQL server that is dropped when the caller closes it. */
async function openDroppedOnClose(adminUrl: string, name: string): Promise<DatabaseHandle> {
  const handle = await openDatabase({ url: withDatabase(adminUrl, name), dataDir: '' });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

// Two workers copying one template at the same instant get "source database is being accessed".
async function createFromTemplate(adminUrl: string, name: string, template: string) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await adminQuery(adminUrl, `create database ${name} template ${template}`);
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code !== '55006' || attempt >= 50) throw err;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
}
