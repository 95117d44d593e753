import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { platformJobs } from '../../jobs/platform-jobs.ts';
import { systemActor } from '../../shared/actor.ts';
import { sealAuditChain } from '../../testing/audit-chain.ts';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.ts';
import { AuditRepository } from './audit.repository.ts';

/** Migration 0045: audit rows are queued at insert and linked into the chain by the sealer, not at commit. */
let t: TestPlatform;
const db = () => t.platform.database.db;
const audit = new AuditRepository();
const actor = {
  ...systemActor('sealer-test'),
  role: 'health_department' as const,
  scope: { code: '12', path: 'VN/12' },
};
const verify = () => t.platform.services.auditChain.verify();
const person = (i: number) => `0c0c0c0c-0000-4000-8000-${String(i).padStart(12, '0')}`;
const record = (trx: Db, i: number, people = true) =>
  audit.record(trx, actor, {
    action: 'read',
    entityType: 'case',
    entityId: `s${i}`,
    localityPath: 'VN/12',
    subjectIds: people ? [person(i)] : undefined,
  });

async function asSuperuser(fn: (trx: Db) => Promise<unknown>): Promise<void> {
  await db()
    .transaction()
    .execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await fn(trx);
    });
}

/** Every audit row linked exactly once, nothing queued, and one unbroken chain. */
async function expectAllSealedOnce(): Promise<void> {
  const r = await sql<{ rows: string; links: string; distinct_links: string; pending: string; max_seq: string }>`
    select (select count(*) from audit_events) + (select count(*) from audit_event_subjects) as rows,
      (select count(*) from audit_chain) as links,
      (select count(distinct (entry_table, entry_id)) from audit_chain) as distinct_links,
      (select count(*) from audit_chain_pending) as pending,
      (select max(seq) from audit_chain) as max_seq`.execute(db());
  const c = r.rows[0]!;
  expect({ links: c.links, distinct: c.distinct_links, pending: c.pending, maxSeq: c.max_seq }).toEqual({
    links: c.rows,
    distinct: c.rows,
    pending: '0',
    maxSeq: c.rows,
  });
  expect(await verify()).toMatchObject({ ok: true, broken: null, pending: { rows: 0, oldestQueuedAt: null } });
}

beforeAll(async () => {
  t = await createTestPlatform();
  await sealAuditChain(db());
});
afterAll(async () => t.close());

describe('the audit chain sealer', () => {
  it('queues a row at insert; verify reports it pending (not broken) until the sealer links it', async () => {
    const id = await record(db(), 1);
    const before = await verify();
    expect(before).toMatchObject({ ok: true, broken: null, pending: { rows: 2 } });
    expect(before.pending.oldestAgeSeconds).toBeGreaterThanOrEqual(0);
    expect(Date.parse(before.pending.oldestQueuedAt!)).not.toBeNaN();
    expect(await db().selectFrom('audit_chain').select('seq').where('event_id', '=', id).execute()).toEqual([]);

    expect(await t.platform.services.auditChain.seal()).toBe(2);
    await expectAllSealedOnce();
    // Sealed: a change is detected as before.
    await asSuperuser((trx) =>
      trx.updateTable('audit_events').set({ action: 'nothing' }).where('id', '=', id).execute(),
    );
    expect((await verify()).broken).toMatchObject({ problem: 'changed', event: { id, action: 'nothing' } });
    await asSuperuser((trx) => trx.updateTable('audit_events').set({ action: 'read' }).where('id', '=', id).execute());
    expect((await verify()).ok).toBe(true);
  });

  it('names a queued row deleted before it was sealed, and the sealer goes on with the rows after it', async () => {
    const gone = await record(db(), 2, false);
    await asSuperuser((trx) => trx.deleteFrom('audit_events').where('id', '=', gone).execute());
    const after = await record(db(), 3, false);
    expect(await sealAuditChain(db())).toBe(1);
    const report = await verify();
    expect(report).toMatchObject({ ok: false, pending: { rows: 1 } });
    expect(report.broken).toMatchObject({
      problem: 'missing',
      detail: `audit event ${gone}, queued for sealing and gone before it was sealed`,
    });
    expect(await db().selectFrom('audit_chain').select('seq').where('entry_id', '=', after).execute()).toHaveLength(1);
    await sql`delete from audit_chain_pending where entry_id = ${gone}`.execute(db());
    await expectAllSealedOnce();
  });

  it('seals many concurrent transactions, sealers running among them, each row exactly once', async () => {
    const writers = Array.from({ length: 16 }, (_, i) =>
      db()
        .transaction()
        .execute(async (trx) => {
          for (let j = 0; j < 3; j++) await record(trx, 100 + i * 3 + j);
        }),
    );
    const sealers = Array.from({ length: 4 }, () => t.platform.services.auditChain.seal({ batch: 7 }));
    await Promise.all([...writers, ...sealers]);
    await sealAuditChain(db());
    await expectAllSealedOnce();
  });

  it('lets only one sealer link at a time: a second returns at once, or waits when asked, and nothing is linked twice', async (ctx) => {
    // PGlite has one connection: a second sealer could never run while the first holds the lock.
    if (t.platform.services.databaseKind === 'pglite') ctx.skip();
    for (let i = 0; i < 10; i++) await record(db(), 200 + i);
    let waited: Promise<number> | undefined;
    await db()
      .transaction()
      .execute(async (first) => {
        // Holds the sealer's lock (sealing nothing) until this transaction ends.
        await sql`select audit_chain_seal(0, true)`.execute(first);
        expect(await t.platform.services.auditChain.seal()).toBe(0);
        waited = sealAuditChain(db());
        await sql`select audit_chain_seal(5)`.execute(first);
      });
    // The first sealed 5 in its transaction; the one waiting sealed the rest after it, not the same again.
    expect(await waited).toBe(15);
    await expectAllSealedOnce();

    for (let i = 0; i < 10; i++) await record(db(), 300 + i);
    const both = await Promise.all([sealAuditChain(db()), sealAuditChain(db())]);
    expect(both[0]! + both[1]!).toBe(20);
    await expectAllSealedOnce();
  });

  it('is the server job run every PHONGDICH_AUDIT_SEAL_INTERVAL_SECONDS, with a log line only when it sealed rows', async () => {
    const config = loadConfig({ PHONGDICH_AUDIT_SEAL_INTERVAL_SECONDS: '2' });
    const job = platformJobs(t.platform.services, config).find((j) => j.name === 'audit-chain-seal')!;
    expect(job.everyMs).toBe(2000);
    await record(db(), 400);
    expect(await job.run()).toBe('2 audit rows sealed into the chain');
    expect(await job.run()).toBeNull();
    await expectAllSealedOnce();
  });

  it('refuses to seal in a snapshot older than its lock (repeatable read)', async () => {
    await expect(
      db()
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute((trx) => sql`select audit_chain_seal(10)`.execute(trx)),
    ).rejects.toMatchObject({ code: '25001' });
  });
});
