import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/database.ts';
import { sealAuditChain } from '../../testing/audit-chain.ts';
import { adminQuery } from '../../testing/global-setup.ts';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.ts';

/**
 * The deployment the README documents on PostgreSQL: the application connects as a role that
 * does not own the audit tables nor their functions (a role nobody logs in as does), so even the
 * application's own credentials cannot switch the triggers off, replace them, or drop the log.
 */
const snapshot = inject('testSnapshot');
const suffix = randomBytes(4).toString('hex');
const [app, auditOwner] = [`phongdich_app_${suffix}`, `phongdich_audit_${suffix}`];
let t: TestPlatform;
let asApp: DatabaseHandle | undefined;

/** The statements of the README, for one database. */
const handOver = (database: string) => [
  `create role ${auditOwner} nologin`,
  `create role ${app} login password 'app-${suffix}'`,
  `grant connect on database ${database} to ${app}`,
  `grant usage on schema public to ${app}`,
  ...['audit_events', 'audit_event_subjects', 'audit_chain', 'audit_chain_pending', 'audit_checkpoints'].map(
    (table) => `alter table ${table} owner to ${auditOwner}`,
  ),
  ...[
    'audit_refuse_change()',
    'audit_chain_enqueue()',
    'audit_chain_seal(integer, boolean)',
    'audit_event_content(audit_events)',
    'audit_subjects_content(audit_event_subjects)',
    'audit_chain_link(bytea, bigint, text, text)',
  ].map((fn) => `alter function ${fn} owner to ${auditOwner}`),
  `grant select, insert on audit_events, audit_event_subjects, audit_checkpoints to ${app}`,
  `grant select on audit_chain, audit_chain_pending to ${app}`,
];

beforeAll(async () => {
  if (snapshot.kind !== 'postgresql') return;
  t = await createTestPlatform();
  const { database } = (
    await sql<{ database: string }>`select current_database() as database`.execute(t.platform.database.db)
  ).rows[0]!;
  const url = new URL(snapshot.adminUrl);
  url.pathname = `/${database}`;
  for (const statement of handOver(database)) await adminQuery(url.toString(), statement);
  url.username = app;
  url.password = `app-${suffix}`;
  asApp = await openDatabase({ url: url.toString(), dataDir: '' });
});

afterAll(async () => {
  if (snapshot.kind !== 'postgresql') return;
  await asApp?.close();
  await t?.close();
  await adminQuery(snapshot.adminUrl, `drop role if exists ${app}`);
  await adminQuery(snapshot.adminUrl, `drop role if exists ${auditOwner}`);
});

describe('the application as a role that does not own the audit log (PostgreSQL)', () => {
  it('writes audit rows, seals them, and can neither change, unhook nor drop them, nor write the chain', async (ctx) => {
    if (snapshot.kind !== 'postgresql') ctx.skip();
    const db = asApp!.db;
    const { id } = await db
      .insertInto('audit_events')
      .values({ action: 'read', entity_type: 'case', entity_id: 'c1' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('audit_event_subjects')
      .values({ event_id: id, person_ids: ['0b0b0b0b-0000-4000-8000-000000000009'] })
      .execute();
    for (const attempt of [
      sql`update audit_events set action = 'nothing' where id = ${id}`,
      sql`delete from audit_event_subjects where event_id = ${id}`,
      sql`truncate audit_chain`,
      sql`alter table audit_events disable trigger user`,
      sql`set session_replication_role = replica`,
      sql`create or replace function audit_refuse_change() returns trigger language plpgsql as $$ begin return new; end $$`,
      sql`drop table audit_checkpoints`,
      // The chain and its queue: only the sealer (running as the audit tables' owner) writes them.
      sql`insert into audit_chain (seq, entry_table, entry_id, event_id, prev_hash, hash) values (999999, 'audit_events', ${id}, ${id}, '\\x00', '\\x00')`,
      sql`delete from audit_chain_pending where event_id = ${id}`,
      sql`insert into audit_chain_pending (entry_table, entry_id, event_id) values ('audit_events', ${id}, ${id})`,
      sql`create or replace function audit_chain_seal(max_rows integer, wait_for_lock boolean) returns integer language sql as $$ select 0 $$`,
      sql`alter table audit_events disable trigger audit_events_chain_queue`,
    ]) {
      await expect(attempt.execute(db)).rejects.toMatchObject({ code: '42501' });
    }
    const queued = await t.platform.services.auditChain.verify();
    expect(queued.ok).toBe(true);
    expect(queued.pending.rows).toBeGreaterThanOrEqual(2);
    // The application's role seals (the job runs as it): the function runs as the audit tables' owner.
    expect(await sealAuditChain(db)).toBeGreaterThanOrEqual(2);
    expect(await t.platform.services.auditChain.verify()).toMatchObject({
      ok: true,
      broken: null,
      pending: { rows: 0 },
    });
    const chained = await t.platform.database.db
      .selectFrom('audit_chain')
      .select('entry_table')
      .where('event_id', '=', id)
      .execute();
    expect(chained.map((c) => c.entry_table).sort()).toEqual(['audit_event_subjects', 'audit_events']);
  });
});
