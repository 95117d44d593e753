import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/database.ts';
import { systemActor } from '../../shared/actor.ts';
import { sealAuditChain } from '../../testing/audit-chain.ts';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.ts';
import { AuditRepository } from './audit.repository.ts';

let t: TestPlatform;
const db = () => t.platform.database.db;
const audit = new AuditRepository();
const actor = {
  ...systemActor('chain-test'),
  role: 'health_department' as const,
  scope: { code: '12', path: 'VN/12' },
};
const verify = () => t.platform.services.auditChain.verify();

beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(async () => t.close());

/** Written, then sealed into the chain (the sealer job's work): from then on a change is detected. */
async function someEvents(n: number, o: { people?: string[] } = {}): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    ids.push(
      await audit.record(db(), actor, {
        action: 'read',
        entityType: 'case',
        entityId: `c${i}`,
        localityPath: 'VN/12',
        subjectIds: o.people,
        after: { i },
      }),
    );
  }
  await sealAuditChain(db());
  return ids;
}

/** What an attacker with superuser rights does: triggers off for their session, then anything. */
async function asSuperuser(fn: (trx: Db) => Promise<unknown>): Promise<void> {
  await db()
    .transaction()
    .execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await fn(trx);
    });
}

/** Recomputes every link from `fromSeq` on with the algorithm (which is no secret), as a thorough attacker would. */
async function rechainFrom(trx: Db, fromSeq: string): Promise<void> {
  await sql`
    do $$
    declare r record; h bytea;
    begin
      select hash into h from audit_chain where seq = ${sql.lit(Number(fromSeq) - 1)};
      for r in select * from audit_chain where seq >= ${sql.lit(Number(fromSeq))} order by seq loop
        update audit_chain set prev_hash = h, hash = audit_chain_link(h, r.seq, r.entry_table,
          case when r.entry_table = 'audit_events' then (select audit_event_content(e) from audit_events e where e.id = r.entry_id)
               else (select audit_subjects_content(s) from audit_event_subjects s where s.id = r.entry_id) end)
          where seq = r.seq returning hash into h;
      end loop;
    end $$`.execute(trx);
}

const seqOf = async (id: string) =>
  (
    await db()
      .selectFrom('audit_chain')
      .select('seq')
      .where('entry_table', '=', 'audit_events')
      .where('entry_id', '=', id)
      .executeTakeFirstOrThrow()
  ).seq;

describe('the audit log is append-only in the database', () => {
  it('refuses UPDATE, DELETE and TRUNCATE of every audit table, and changes nothing', async () => {
    const [id] = await someEvents(1, { people: ['0b0b0b0b-0000-4000-8000-000000000001'] });
    await t.platform.services.auditChain.checkpoint();
    const attempts = [
      sql`update audit_events set action = 'nothing' where id = ${id}`,
      sql`delete from audit_events where id = ${id}`,
      sql`truncate audit_events cascade`,
      sql`update audit_event_subjects set person_ids = '{}' where event_id = ${id}`,
      sql`delete from audit_event_subjects where event_id = ${id}`,
      sql`truncate audit_event_subjects`,
      sql`update audit_chain set hash = '\\x00'`,
      sql`delete from audit_chain`,
      sql`truncate audit_chain`,
      sql`update audit_checkpoints set seq = 0`,
      sql`delete from audit_checkpoints`,
      sql`truncate audit_checkpoints`,
    ];
    for (const attempt of attempts) {
      await expect(attempt.execute(db())).rejects.toMatchObject({
        code: '42501',
        message: expect.stringMatching(/append-only/),
      });
    }
    const event = await db()
      .selectFrom('audit_events')
      .select('action')
      .where('id', '=', id!)
      .executeTakeFirstOrThrow();
    expect(event.action).toBe('read');
    expect((await verify()).ok).toBe(true);
  });
});

describe('phongdich audit verify', () => {
  it('finds every sealed row chained, in one unbroken chain under a signed checkpoint', async () => {
    await someEvents(3, { people: ['0b0b0b0b-0000-4000-8000-000000000002', '0b0b0b0b-0000-4000-8000-000000000003'] });
    const before = await verify();
    expect(before).toMatchObject({ ok: true, broken: null });
    expect(before.uncheckpointed).toBeGreaterThan(0);
    expect(before.counts.chained).toBe(before.counts.events + before.counts.subjects);
    const signed = await t.platform.services.auditChain.checkpoint();
    expect(signed).toEqual({ seq: before.head!.seq, hash: before.head!.hash });
    expect(await t.platform.services.auditChain.checkpoint()).toBeNull();
    const after = await verify();
    expect(after).toMatchObject({ ok: true, uncheckpointed: 0, lastCheckpoint: { seq: before.head!.seq } });
  });

  it('names an event edited directly in the database (id, time, action), and is OK again once it is put back', async () => {
    const [, id] = await someEvents(3);
    const original = await db()
      .selectFrom('audit_events')
      .select(['at', 'action'])
      .where('id', '=', id!)
      .executeTakeFirstOrThrow();
    await asSuperuser((trx) =>
      trx.updateTable('audit_events').set({ action: 'nothing_to_see' }).where('id', '=', id!).execute(),
    );
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.broken).toMatchObject({
      problem: 'changed',
      event: { id, at: original.at.toISOString(), action: 'nothing_to_see' },
    });
    await asSuperuser((trx) =>
      trx.updateTable('audit_events').set({ action: original.action }).where('id', '=', id!).execute(),
    );
    expect((await verify()).ok).toBe(true);
  });

  it('finds a deleted event, and the people removed from an event', async () => {
    const [id] = await someEvents(1, { people: ['0b0b0b0b-0000-4000-8000-000000000004'] });
    // As JSON from the database itself: microseconds and all, so it can be put back exactly.
    const { saved } = (
      await sql<{ saved: string }>`select row_to_json(e)::text as saved from audit_events e where id = ${id}`.execute(
        db(),
      )
    ).rows[0]!;
    const subjects = await db()
      .selectFrom('audit_event_subjects')
      .selectAll()
      .where('event_id', '=', id!)
      .executeTakeFirstOrThrow();

    await asSuperuser((trx) => trx.deleteFrom('audit_event_subjects').where('id', '=', subjects.id).execute());
    const removedPeople = await verify();
    expect(removedPeople.broken).toMatchObject({ problem: 'missing', event: { id, action: 'read' } });

    await asSuperuser((trx) => trx.deleteFrom('audit_events').where('id', '=', id!).execute());
    const removedEvent = await verify();
    expect(removedEvent.broken).toMatchObject({
      problem: 'missing',
      event: null,
      detail: expect.stringContaining(`audit event ${id}`),
    });

    await asSuperuser(async (trx) => {
      await sql`insert into audit_events overriding system value select * from json_populate_record(null::audit_events, ${saved}::json)`.execute(
        trx,
      );
      await sql`insert into audit_event_subjects overriding system value values (${subjects.id}, ${subjects.event_id}, ${sql.val(subjects.person_ids)}::uuid[])`.execute(
        trx,
      );
    });
    expect((await verify()).ok).toBe(true);
  });

  it('finds an event written with the chain trigger off', async () => {
    let id = '';
    await asSuperuser(async (trx) => {
      id = (
        await trx
          .insertInto('audit_events')
          .values({ action: 'backdoor', entity_type: 'case', entity_id: null })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    });
    expect((await verify()).broken).toMatchObject({ problem: 'unchained', event: { id, action: 'backdoor' } });
    await asSuperuser((trx) => trx.deleteFrom('audit_events').where('id', '=', id).execute());
    expect((await verify()).ok).toBe(true);
  });

  it('finds a chain rewritten without the key from its signed checkpoint', async () => {
    const [id] = await someEvents(2);
    await t.platform.services.auditChain.checkpoint();
    await someEvents(1);
    const seq = await seqOf(id!);
    await asSuperuser(async (trx) => {
      await trx.updateTable('audit_events').set({ action: 'rewritten' }).where('id', '=', id!).execute();
      await rechainFrom(trx, seq);
    });
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.broken).toMatchObject({
      problem: 'checkpoint_mismatch',
      detail: expect.stringMatching(/^checkpoint \d+ of .*the chain no longer has the head it signed/),
    });
    await asSuperuser(async (trx) => {
      await trx.updateTable('audit_events').set({ action: 'read' }).where('id', '=', id!).execute();
      await rechainFrom(trx, seq);
    });
    expect((await verify()).ok).toBe(true);
  });

  it('refuses a checkpoint not signed with the instance key', async () => {
    await someEvents(1);
    await t.platform.services.auditChain.checkpoint();
    const ours = await db()
      .selectFrom('audit_checkpoints')
      .select(['key_id', 'seq', 'head_hash'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    for (const [keyId, problem] of [
      [ours.key_id, 'checkpoint_signature'],
      ['0123456789ab', 'checkpoint_unknown_key'],
    ] as const) {
      const { id } = await db()
        .insertInto('audit_checkpoints')
        .values({
          at: new Date(),
          seq: ours.seq,
          head_hash: ours.head_hash,
          key_id: keyId,
          signature: Buffer.alloc(32, 7),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      expect((await verify()).broken).toMatchObject({
        problem,
        detail: expect.stringMatching(new RegExp(`^checkpoint ${id} of `)),
      });
      await asSuperuser((trx) => trx.deleteFrom('audit_checkpoints').where('id', '=', id).execute());
    }
    expect((await verify()).ok).toBe(true);
  });
});

describe('the chain under concurrent writers', () => {
  it('seals rows of committed transactions only, in the order sealed, and a long transaction holds no lock', async (ctx) => {
    // PGlite has one connection: a second transaction could never start while the first is open.
    if (t.platform.services.databaseKind === 'pglite') ctx.skip();
    let early = '';
    let late = '';
    await db()
      .transaction()
      .execute(async (slow) => {
        early = await audit.record(slow, actor, {
          action: 'read',
          entityType: 'case',
          entityId: 'slow',
          subjectIds: ['0b0b0b0b-0000-4000-8000-000000000005'],
        });
        // Written, committed and sealed while the slow transaction is still open: nothing waits for it.
        late = await db()
          .transaction()
          .execute((fast) => audit.record(fast, actor, { action: 'read', entityType: 'case', entityId: 'fast' }));
        expect(await sealAuditChain(db())).toBe(1);
        expect(await seqOf(late)).toBeDefined();
        const earlyLinks = await db().selectFrom('audit_chain').select('seq').where('event_id', '=', early).execute();
        expect(earlyLinks).toEqual([]);
      });
    // The slow transaction's event and its people, sealed by the next run, after the row committed before them.
    expect(await sealAuditChain(db())).toBe(2);
    expect(BigInt(early)).toBeLessThan(BigInt(late));
    expect(BigInt(await seqOf(late))).toBeLessThan(BigInt(await seqOf(early)));
    expect((await verify()).ok).toBe(true);
  });

  it('never forks: many transactions committing at once make one chain', async () => {
    const before = (await verify()).counts;
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        db()
          .transaction()
          .execute(async (trx) => {
            for (let j = 0; j < 3; j++) {
              await audit.record(trx, actor, {
                action: 'read_list',
                entityType: 'case',
                entityId: null,
                subjectIds: [`0b0b0b0b-0000-4000-8000-${String(1000 + i * 3 + j).padStart(12, '0')}`],
              });
            }
          }),
      ),
    );
    await sealAuditChain(db());
    const after = await verify();
    expect(after).toMatchObject({ ok: true, broken: null, pending: { rows: 0 } });
    expect(after.counts.events - before.events).toBe(72);
    expect(after.counts.chained).toBe(after.counts.events + after.counts.subjects);
    expect(after.head!.seq).toBe(String(after.counts.chained));
  });
});
