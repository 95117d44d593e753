import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import { inject } from 'vitest';
import { openDatabase, openPgliteFromSnapshot, type DatabaseHandle } from '../db/database.ts';
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
