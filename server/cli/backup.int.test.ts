import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync, gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { Writable } from 'node:stream';
import { appendFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DatabaseHandle, Db } from '../db/database.ts';
import { verifyArchive, type ArchiveManifest } from '../db/archive/archive-format.ts';
import { backupOverSocket, serveBackups } from '../db/archive/backup-socket.ts';
import { CatalogueRepository } from '../db/archive/catalogue.repository.ts';
import { restoreFromFile } from '../db/archive/restore-archive.ts';
import { backupToFile, writeArchive } from '../db/archive/write-archive.ts';
import { migrationNames } from '../db/migrate.ts';
import { openPlatform } from '../main.ts';
import { openEmptyTestDatabase } from '../testing/test-database.ts';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.ts';
import { seedDemo } from './seed.ts';

/**
 * Issue 11, backup and restore: a demo database is archived (a consistent snapshot, the platform
 * still open), restored into an empty database, and comes back the same, table by table.
 */
let t: TestPlatform;
let dir: string;
let archive: string;
/** The instance's signing secret seals archives (a restore needs it). */
const keys = { current: 's'.repeat(43), previous: [] };
let manifest: ArchiveManifest;
/** Rows per table when the archive was written, and a person's QR token issued before. */
let before: Record<string, number>;
let token: { personId: string; qr: string };
/** The restore target: empty at first. */
let target: DatabaseHandle;
const source = () => t.platform.database.db;
const catalogue = new CatalogueRepository();

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'phongdich-backup-'));
  t = await createTestPlatform({ dataDir: dir });
  await seedDemo(t.platform);
  const personId = (await records(source())).person.id;
  token = { personId, qr: await t.platform.services.people.tokenFor(source(), personId, '+84912000111') };
  archive = path.join(dir, 'demo.backup');
  manifest = await backupToFile({ db: source(), kind: t.platform.database.kind, appVersion: 'test' }, archive, keys);
  before = await counts(source());
  target = await openEmptyTestDatabase();
}, 180_000);
afterAll(async () => {
  await target?.close();
  await t.close();
  await fs.rm(dir, { recursive: true, force: true });
});

async function counts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of await catalogue.tables(db)) out[table] = await catalogue.rowCount(db, table);
  return out;
}

/** One record of each kind the issue names, read whole. */
async function records(db: Db) {
  const theCase = await db
    .selectFrom('cases')
    .selectAll()
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirstOrThrow();
  return {
    theCase,
    person: await db.selectFrom('people').selectAll().where('id', '=', theCase.person_id!).executeTakeFirstOrThrow(),
    admission: await db
      .selectFrom('quarantine_admissions')
      .selectAll()
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow(),
    auditEvent: await db
      .selectFrom('audit_events')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow(),
    checkins: await db.selectFrom('checkins').selectAll().orderBy('id').execute(),
  };
}

describe('phongdich backup and restore', () => {
  it('writes an archive of every table, readable by its owner only', async () => {
    expect((await fs.stat(archive)).mode & 0o777).toBe(0o600);
    expect(Object.fromEntries(manifest.tables.map((x) => [x.name, x.rows]))).toEqual(before);
    expect(before.cases).toBeGreaterThan(0);
    expect(before.checkins).toBeGreaterThan(0);
    expect(manifest.partitions.some((p) => p.parent === 'checkins')).toBe(true);
    expect(manifest.schemaMigration).toBe(migrationNames.at(-1));
  });

  it('seals the archive with the signing secret: no gzip, no identifier in it, refused without that secret', async () => {
    const bytes = await fs.readFile(archive);
    expect(() => gunzipSync(bytes)).toThrow();
    const person = (await records(source())).person;
    for (const identifier of [person.id_number, person.phone, person.full_name].filter((x): x is string => !!x)) {
      expect(bytes.includes(Buffer.from(identifier))).toBe(false);
    }
    await expect(verifyArchive(archive, null)).rejects.toThrow(/encrypted/);
    await expect(restoreFromFile(target.db, archive)).rejects.toThrow(/encrypted/);
    await expect(
      restoreFromFile(target.db, archive, { keys: { current: 'x'.repeat(43), previous: [] } }),
    ).rejects.toThrow(/signing secret/);
    // After a rotation the old secret, listed as a previous one, still opens it.
    expect((await verifyArchive(archive, { current: 'x'.repeat(43), previous: [keys.current] })).tables).toEqual(
      manifest.tables,
    );
    expect(await catalogue.tables(target.db)).toEqual([]);
  });

  it('refuses an archive cut short, and one from a newer schema, changing nothing', async () => {
    const plain = path.join(dir, 'plain.backup');
    await backupToFile({ db: source(), kind: t.platform.database.kind, appVersion: 'test' }, plain, null);
    const text = gunzipSync(await fs.readFile(plain)).toString('utf8');
    const cut = path.join(dir, 'cut.backup');
    await fs.writeFile(cut, gzipSync(text.slice(0, Math.floor(text.length * 0.6))));
    await expect(verifyArchive(cut, null)).rejects.toThrow(/cut short|rows where/);
    await expect(restoreFromFile(target.db, cut)).rejects.toThrow();
    const future = path.join(dir, 'future.backup');
    const [first, ...rest] = text.split('\n');
    await fs.writeFile(
      future,
      gzipSync(
        [JSON.stringify({ ...JSON.parse(first!), schemaMigration: '9999-from-the-future' }), ...rest].join('\n'),
      ),
    );
    await expect(restoreFromFile(target.db, future)).rejects.toThrow(/newer schema/);
    expect(await catalogue.tables(target.db)).toEqual([]);
  });

  it('restores it into an empty database: every table with the same rows, sequences where they were', async () => {
    const restored = await restoreFromFile(target.db, archive, { keys });
    expect(restored.rows).toBe(Object.values(before).reduce((a, b) => a + b, 0));
    expect(await counts(target.db)).toEqual(before);
    expect(await records(target.db)).toEqual(await records(source()));
    // The next case number follows the last one given before the backup.
    const next = await sql<{ n: string }>`select nextval('case_number_seq')::text as n`.execute(target.db);
    const last = manifest.sequences.find((x) => x.name === 'case_number_seq')!.lastValue;
    expect(Number(next.rows[0]!.n)).toBe(Number(last) + 1);
    // The restored database serves: the platform opens on it and a person's QR still verifies.
    const reopened = await openPlatform(t.platform.config, target);
    expect(await reopened.services.people.holderOf(token.qr)).toMatchObject({ personId: token.personId });
  });

  it('refuses a database that holds rows, unless told to replace them', async () => {
    // The target holds the rows restored above (the audit log cannot be trimmed: it is append-only).
    await expect(restoreFromFile(target.db, archive, { keys })).rejects.toThrow(/not empty.*--force/s);
    await restoreFromFile(target.db, archive, { force: true, keys });
    expect(await counts(target.db)).toEqual(before);
  });

  // PGlite has one connection: a write waits for the backup. PostgreSQL takes writes meanwhile.
  it.runIf(inject('testSnapshot').kind === 'postgresql')(
    'sees one instant while the platform keeps writing',
    async () => {
      const before = await catalogue.rowCount(source(), 'audit_events');
      let wrote = false;
      const file = path.join(dir, 'while-writing.backup');
      const out = new Writable({
        write(chunk, _encoding, done) {
          // Once the archive has begun, another connection commits a new row.
          const next = wrote
            ? Promise.resolve()
            : source()
                .insertInto('audit_events')
                .values({
                  actor_id: null,
                  actor_name: 'concurrent',
                  action: 'read',
                  entity_type: 'case',
                  entity_id: null,
                })
                .execute()
                .then(() => void (wrote = true));
          void next.then(() => appendFile(file, chunk as Buffer)).then(() => done(), done);
        },
      });
      const written = await writeArchive({ db: source(), kind: 'postgresql', appVersion: 'test' }, out);
      expect(wrote).toBe(true);
      expect(await catalogue.rowCount(source(), 'audit_events')).toBe(before + 1);
      expect(written.tables.find((x) => x.name === 'audit_events')!.rows).toBe(before);
      expect((await verifyArchive(file, null)).tables).toEqual(written.tables);
    },
  );

  it('is written by the running server over its socket (mode 0600) when the embedded database is held', async () => {
    const socket = path.join(dir, 'phongdich.sock');
    const stop = await serveBackups(socket, { db: source(), kind: t.platform.database.kind, appVersion: 'test' });
    try {
      expect((await fs.stat(socket)).mode & 0o777).toBe(0o600);
      const viaSocket = await backupOverSocket(socket, path.join(dir, 'via-socket.backup'), keys);
      expect(Object.fromEntries(viaSocket!.tables.map((x) => [x.name, x.rows]))).toEqual(await counts(source()));
      await expect(serveBackups(socket, { db: source(), kind: 'pglite', appVersion: 'test' })).rejects.toThrow(
        /one server per data folder/,
      );
    } finally {
      await stop();
    }
    expect(await backupOverSocket(socket, path.join(dir, 'nobody.backup'), keys)).toBeNull();
  });
});
