import { sql, type Kysely } from 'kysely';

/**
 * The audit chain is sealed by a job, no longer at every commit.
 *
 * Until now a deferred constraint trigger linked each audit row at commit under one global advisory
 * lock, held until the commit's WAL was flushed: every audited commit of the system waited for the
 * flushes of all the others (3,400 audit inserts a second with the chain, 17,400 without, 16 clients).
 *
 * Now an insert only queues the row in `audit_chain_pending` (a plain insert, no lock), and
 * `audit_chain_seal(max_rows)`, run every few seconds by the server's `audit-chain-seal` job, links
 * the queued rows into the same chain with the same formula (0012's `audit_chain_link` over
 * `audit_event_content` / `audit_subjects_content`), so chains written before this migration go on
 * verifying. The sealer takes the same advisory lock (a second sealer returns at once, or waits when
 * asked to), then reads the queue in a fresh snapshot: only rows of committed transactions, in queue
 * order. A row of a transaction still open is not visible yet and is sealed by a later run, after
 * the rows committed before it: the chain's order is the order rows were sealed, and each row is
 * sealed once (its queue entry is deleted in the transaction that links it; `audit_chain`'s
 * unique (entry_table, entry_id) makes a second link fail, its seq key makes a fork fail).
 *
 * Until a row is sealed its content is covered by no hash: `phongdich audit verify` reports the rows
 * still queued and the age of the oldest. That window is the sealer's interval (seconds).
 *
 * Both functions are SECURITY DEFINER: they run as the owner of the audit tables, so the
 * application role (README, "Running as a non-owner role") needs no right on the queue but SELECT,
 * and no longer needs INSERT on `audit_chain`: it can ask for rows to be sealed, not write links.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table audit_chain_pending (
      id bigint generated always as identity primary key,
      entry_table text not null check (entry_table in ('audit_events', 'audit_event_subjects')),
      entry_id bigint not null,
      event_id bigint not null,
      queued_at timestamptz not null default now()
    )`.execute(db);

  await sql`drop trigger audit_events_chain on audit_events`.execute(db);
  await sql`drop trigger audit_event_subjects_chain on audit_event_subjects`.execute(db);
  await sql`drop function audit_chain_append()`.execute(db);

  await sql`
    create function audit_chain_enqueue() returns trigger language plpgsql security definer
    set search_path from current as $$
    begin
      -- A statement is planned when first run: each branch only ever meets its own table's NEW.
      if tg_table_name = 'audit_events' then
        insert into audit_chain_pending (entry_table, entry_id, event_id) values ('audit_events', new.id, new.id);
      else
        insert into audit_chain_pending (entry_table, entry_id, event_id) values ('audit_event_subjects', new.id, new.event_id);
      end if;
      return null;
    end $$`.execute(db);
  for (const table of ['audit_events', 'audit_event_subjects']) {
    await sql`create trigger ${sql.id(`${table}_chain_queue`)} after insert on ${sql.table(table)}
      for each row execute function audit_chain_enqueue()`.execute(db);
  }

  await sql`
    create function audit_chain_seal(max_rows integer, wait_for_lock boolean default false) returns integer
    language plpgsql security definer set search_path from current as $$
    declare
      head_seq bigint;
      head_hash bytea;
      next_hash bytea;
      r record;
      n integer := 0;
    begin
      -- The queue is read after the lock, in a snapshot of its own: a snapshot older than the
      -- previous sealer's commit would link its rows again.
      if current_setting('transaction_isolation') <> 'read committed' then
        raise exception 'audit_chain_seal runs in a read committed transaction' using errcode = '25001';
      end if;
      if wait_for_lock then
        perform pg_advisory_xact_lock(7345210011);
      elsif not pg_try_advisory_xact_lock(7345210011) then
        return 0;
      end if;
      select c.seq, c.hash into head_seq, head_hash from audit_chain c order by c.seq desc limit 1;
      head_seq := coalesce(head_seq, 0);
      head_hash := coalesce(head_hash, decode(repeat('00', 32), 'hex'));
      for r in
        select p.id, p.entry_table, p.entry_id, p.event_id,
          case when p.entry_table = 'audit_events' then audit_event_content(e) else audit_subjects_content(s) end as content
        from audit_chain_pending p
        left join audit_events e on p.entry_table = 'audit_events' and e.id = p.entry_id
        left join audit_event_subjects s on p.entry_table = 'audit_event_subjects' and s.id = p.entry_id
        -- A queued row deleted before it was sealed stays queued: verify names it.
        where e.id is not null or s.id is not null
        order by p.id
        limit max_rows
      loop
        head_seq := head_seq + 1;
        next_hash := audit_chain_link(head_hash, head_seq, r.entry_table, r.content);
        insert into audit_chain (seq, entry_table, entry_id, event_id, prev_hash, hash)
          values (head_seq, r.entry_table, r.entry_id, r.event_id, head_hash, next_hash);
        head_hash := next_hash;
        delete from audit_chain_pending where id = r.id;
        n := n + 1;
      end loop;
      return n;
    end $$`.execute(db);
}
