import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/**
 * The canonical content of an audit row, as the verifier computes it. Written here again rather
 * than calling the database's own functions (migration 0012), so that whoever can replace those
 * functions still cannot make a changed row verify. Timestamps in UTC, JSON in jsonb's stable form.
 */
const eventContent = sql<string>`jsonb_build_array(e.id::text, to_char(e.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), e.actor_id,
  e.actor_name, e.action, e.entity_type, e.entity_id, e.locality_code, e.locality_path, e.before, e.after, e.ip, e.request_id,
  e.actor_role, e.actor_locality_code)::text`;
const subjectsContent = sql<string>`jsonb_build_array(s.id::text, s.event_id::text, to_jsonb(s.person_ids))::text`;
const genesis = sql<Buffer>`decode(repeat('00', 32), 'hex')`;

export type ChainProblem = 'missing' | 'gap' | 'relinked' | 'changed';

export interface BrokenLink {
  seq: string;
  entry_table: 'audit_events' | 'audit_event_subjects';
  entry_id: string;
  event_id: string;
  chained_at: Date;
  problem: ChainProblem;
}

/** Reads and checks the hash chain over the audit log, and writes its signed checkpoints. */
export class AuditChainRepository {
  async head(db: Db) {
    return db
      .selectFrom('audit_chain')
      .select(['seq', 'hash', 'chained_at'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  async counts(db: Db): Promise<{ events: number; subjects: number; chained: number; checkpoints: number }> {
    const r = await sql<{ events: string; subjects: string; chained: string; checkpoints: string }>`
      select (select count(*) from audit_events) as events, (select count(*) from audit_event_subjects) as subjects,
        (select count(*) from audit_chain) as chained, (select count(*) from audit_checkpoints) as checkpoints`.execute(
      db,
    );
    const row = r.rows[0]!;
    return {
      events: Number(row.events),
      subjects: Number(row.subjects),
      chained: Number(row.chained),
      checkpoints: Number(row.checkpoints),
    };
  }

  /**
   * The first link, in chain order, that does not hold: its row is gone, a seq is skipped, it does
   * not point at the hash before it, or its hash is not sha256(previous || seq | table | content).
   * One pass over the chain, set-based; nothing is loaded into memory.
   */
  async firstBrokenLink(db: Db): Promise<BrokenLink | undefined> {
    const r = await sql<BrokenLink>`
      select seq::text, entry_table, entry_id::text, event_id::text, chained_at, problem from (
        select c.seq, c.entry_table, c.entry_id, c.event_id, c.chained_at,
          case
            when (c.entry_table = 'audit_events' and e.id is null) or (c.entry_table = 'audit_event_subjects' and s.id is null) then 'missing'
            when c.seq <> coalesce(c.prev_seq, 0) + 1 then 'gap'
            when c.prev_hash <> coalesce(c.lag_hash, ${genesis}) then 'relinked'
            when c.hash <> sha256(c.prev_hash || convert_to(c.seq::text || '|' || c.entry_table || '|' ||
              case when c.entry_table = 'audit_events' then ${eventContent} else ${subjectsContent} end, 'UTF8')) then 'changed'
          end as problem
        from (select *, lag(seq) over (order by seq) as prev_seq, lag(hash) over (order by seq) as lag_hash from audit_chain) c
        left join audit_events e on c.entry_table = 'audit_events' and e.id = c.entry_id
        left join audit_event_subjects s on c.entry_table = 'audit_event_subjects' and s.id = c.entry_id
      ) checked
      where problem is not null
      order by seq
      limit 1`.execute(db);
    return r.rows[0];
  }

  /** An audit row with no link and not queued for one: written while the queue trigger was switched off. */
  async firstUnchained(
    db: Db,
  ): Promise<{ entry_table: 'audit_events' | 'audit_event_subjects'; id: string } | undefined> {
    const r = await sql<{ entry_table: 'audit_events' | 'audit_event_subjects'; id: string }>`
      (select 'audit_events' as entry_table, e.id::text as id from audit_events e
        where not exists (select 1 from audit_chain c where c.entry_table = 'audit_events' and c.entry_id = e.id)
          and not exists (select 1 from audit_chain_pending p where p.entry_table = 'audit_events' and p.entry_id = e.id)
        order by e.id limit 1)
      union all
      (select 'audit_event_subjects', s.id::text from audit_event_subjects s
        where not exists (select 1 from audit_chain c where c.entry_table = 'audit_event_subjects' and c.entry_id = s.id)
          and not exists (select 1 from audit_chain_pending p where p.entry_table = 'audit_event_subjects' and p.entry_id = s.id)
        order by s.id limit 1)`.execute(db);
    return r.rows[0];
  }

  /**
   * Links the rows queued by committed transactions into the chain (migration 0045's
   * `audit_chain_seal`), at most `maxRows`; 0 when another sealer holds the lock and `wait` is false.
   */
  async seal(db: Db, maxRows: number, wait: boolean): Promise<number> {
    const r = await sql<{ n: number }>`select audit_chain_seal(${maxRows}::integer, ${wait}) as n`.execute(db);
    return Number(r.rows[0]!.n);
  }

  /** Rows written and not sealed yet: how many, and since when the oldest waits. */
  async pending(db: Db): Promise<{ rows: number; oldest: Date | null; ageSeconds: number | null }> {
    const r = await sql<{ queued: string; oldest: Date | null; age: number | null }>`
      select count(*) as queued, min(queued_at) as oldest,
        extract(epoch from clock_timestamp() - min(queued_at))::float8 as age
      from audit_chain_pending`.execute(db);
    const row = r.rows[0]!;
    return { rows: Number(row.queued), oldest: row.oldest, ageSeconds: row.age === null ? null : Number(row.age) };
  }

  /** A row queued for sealing that is gone before it was sealed (deleted with the triggers off). */
  async firstPendingMissing(
    db: Db,
  ): Promise<{ entry_table: 'audit_events' | 'audit_event_subjects'; id: string; event_id: string } | undefined> {
    const r = await sql<{ entry_table: 'audit_events' | 'audit_event_subjects'; id: string; event_id: string }>`
      select p.entry_table, p.entry_id::text as id, p.event_id::text as event_id from audit_chain_pending p
      where (p.entry_table = 'audit_events' and not exists (select 1 from audit_events e where e.id = p.entry_id))
        or (p.entry_table = 'audit_event_subjects' and not exists (select 1 from audit_event_subjects s where s.id = p.entry_id))
      order by p.id limit 1`.execute(db);
    return r.rows[0];
  }

  findEvent(db: Db, id: string) {
    return db
      .selectFrom('audit_events')
      .select(['id', 'at', 'action', 'entity_type', 'actor_name'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  findSubjectsEvent(db: Db, subjectsId: string) {
    return db.selectFrom('audit_event_subjects').select('event_id').where('id', '=', subjectsId).executeTakeFirst();
  }

  /** The first checkpoint whose seq is not in the chain any more, or whose head differs from the chain's. */
  async firstCheckpointMismatch(db: Db) {
    return db
      .selectFrom('audit_checkpoints as k')
      .leftJoin('audit_chain as c', 'c.seq', 'k.seq')
      .select(['k.id', 'k.at', 'k.seq'])
      .where((eb) => eb.or([eb('c.seq', 'is', null), eb('c.hash', '<>', eb.ref('k.head_hash'))]))
      .orderBy('k.id')
      .limit(1)
      .executeTakeFirst();
  }

  checkpointsAfter(db: Db, afterId: string, limit: number) {
    return db
      .selectFrom('audit_checkpoints')
      .selectAll()
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  lastCheckpoint(db: Db) {
    return db.selectFrom('audit_checkpoints').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst();
  }

  /** Links written after a seq (the part of the chain no checkpoint covers yet). */
  async countAfter(db: Db, seq: string): Promise<number> {
    const r = await db
      .selectFrom('audit_chain')
      .select(sql<string>`count(*)`.as('n'))
      .where('seq', '>', seq)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /**
   * Checkpoints are written one at a time (several server processes may run the job): the lock
   * keeps each one signed over the one before it.
   */
  async lockCheckpoints(db: Db): Promise<void> {
    await sql`select pg_advisory_xact_lock(7345210012)`.execute(db);
  }

  async insertCheckpoint(
    db: Db,
    c: { at: Date; seq: string; headHash: Buffer; keyId: string; signature: Buffer },
  ): Promise<void> {
    await db
      .insertInto('audit_checkpoints')
      .values({ at: c.at, seq: c.seq, head_hash: c.headHash, key_id: c.keyId, signature: c.signature })
      .execute();
  }
}
