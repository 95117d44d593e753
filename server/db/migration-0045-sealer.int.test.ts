import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { AuditChainRepository } from '../modules/audit/audit-chain.repository.ts';
import { AuditChainService, checkpointKeyFrom } from '../modules/audit/audit-chain.service.ts';
import { openEmptyTestDatabase } from '../testing/test-database.ts';
import { migrateTo, migrateToLatest } from './migrate.ts';

/**
 * Migration 0045 moves chaining from commit time to a sealer. A chain written at commit before it
 * (and checkpointed) goes on verifying, and the rows written after it continue that same chain.
 */
describe('migration 0045: the audit chain sealer continues the chain written at commit', () => {
  it('keeps the old links and checkpoint valid and seals new rows after them', async () => {
    const handle = await openEmptyTestDatabase();
    const db = handle.db;
    try {
      await migrateTo(db, '0043-consent-withdrawal');
      const insert = (n: number) =>
        sql`
        with e as (insert into audit_events (action, entity_type, entity_id, after)
          select 'read', 'case', 'c' || i, jsonb_build_object('i', i) from generate_series(1, ${n}::int) i returning id)
        insert into audit_event_subjects (event_id, person_ids)
          select id, array['0d0d0d0d-0000-4000-8000-000000000001'::uuid] from e`.execute(db);
      await insert(3);
      const chain = new AuditChainService(db, new AuditChainRepository(), [checkpointKeyFrom('k'.repeat(32))]);
      expect(await chain.checkpoint()).toMatchObject({ seq: '6' });

      await migrateToLatest(db);
      await insert(2);
      const queued = await chain.verify();
      expect(queued).toMatchObject({ ok: true, counts: { events: 5, chained: 6 }, pending: { rows: 4 } });
      expect(await chain.seal()).toBe(4);
      const sealed = await chain.verify();
      expect(sealed).toMatchObject({
        ok: true,
        broken: null,
        counts: { events: 5, subjects: 5, chained: 10 },
        head: { seq: '10' },
        lastCheckpoint: { seq: '6' },
        uncheckpointed: 4,
        pending: { rows: 0 },
      });
      // The first sealed link follows the last one written at commit.
      const links = await db.selectFrom('audit_chain').select(['seq', 'prev_hash', 'hash']).orderBy('seq').execute();
      expect(Buffer.from(links[6]!.prev_hash).equals(Buffer.from(links[5]!.hash))).toBe(true);
    } finally {
      await handle.close();
    }
  });
});
