import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { seedTestData } from './seed-test-data.ts';

/**
 * Migrates and seeds one database per run, which every test file then copies: a dumped PGlite
 * data folder, or a PostgreSQL template database. Each test file gets its own fresh copy.
 */
export default async function setup(project: TestProject) {
  const target = project.config.provide.testDatabase;
  if (!target) throw new Error('the test project must provide testDatabase');
  if (target.kind === 'pglite') {
    const handle = await openDatabase({ dataDir: 'memory://' });
    await migrateToLatest(handle.db);
    await seedTestData(handle.db);
    const blob = await handle.snapshot!();
    await handle.close();
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'phongdich-test-'));
    const file = path.join(dir, 'snapshot.tar');
    await fs.writeFile(file, Buffer.from(await blob.arrayBuffer()));
    project.provide('testSnapshot', { kind: 'pglite', file });
    return async () => fs.rm(dir, { recursive: true, force: true });
  }
  const adminUrl = target.url!;
  const template = `phongdich_test_template_${process.pid}`;
  await adminQuery(adminUrl, `drop database if exists ${template}`);
  await adminQuery(adminUrl, `create database ${template}`);
  const handle = await openDatabase({ url: withDatabase(adminUrl, template), dataDir: '' });
  await migrateToLatest(handle.db);
  await seedTestData(handle.db);
  await handle.close();
  project.provide('testSnapshot', { kind: 'postgresql', adminUrl, template });
  return async () => adminQuery(adminUrl, `drop database if exists ${template} with (force)`);
}

export async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
