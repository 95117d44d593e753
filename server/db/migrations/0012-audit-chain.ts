import { sql, type Kysely } from 'kysely';

/**
 * A tamper-evident, append-only audit log.
 *
 * - Append-only in the database: UPDATE, DELETE and TRUNCATE of the audit tables raise, whoever
 *   asks (the application, a script, a console). Only someone who can switch triggers off (a
 *   superuser, or the tables' owner) gets past, and the chain below shows what they changed.
 * - Every audit row (event, or the people of an event) is chained: `audit_chain` holds, in commit
 *   order, sha256(previous hash || seq | table | canonical content of the row). A constraint trigger
 *   deferred to commit fills it under a transaction advisory lock, so concurrent transactions
 *   queue only for the few microseconds of the commit and never fork the chain, and a long
 *   transaction holds no lock while it works. The seq primary key makes a fork fail, not pass.
 * - `audit_checkpoints` keeps the chain head signed (HMAC) with a key the database never sees,
 *   so rewriting the whole chain without the key is detected (`phongdich audit verify`).
 *
 * The canonical content is written again, independently, in the verifier's SQL: a changed trigger
 * function cannot make a changed row verify.
 *
 * Also: `audit_alerts` (accounts that read unusually many people, found by a job) and
 * `data_breaches` (personal-data breaches and their 72-hour notification, Decree 356/2025).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table audit_chain (
      seq bigint primary key check (seq > 0),
      entry_table text not null check (entry_table in ('audit_events', 'audit_event_subjects')),
      entry_id bigint not null,
      -- The event the row is (or belongs to): a verifier can name it even when the row is gone.
      event_id bigint not null,
      prev_hash bytea not null,
      hash bytea not null,
      chained_at timestamptz not null default clock_timestamp(),
      unique (entry_table, entry_id)
    )`.execute(db);
  await sql`
    create table audit_checkpoints (
      id bigint generated always as identity primary key,
      at timestamptz not null,
      seq bigint not null,
      head_hash bytea not null,
      key_id text not null,
      signature bytea not null
    )`.execute(db);

  await sql`
    create function audit_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'the audit log is append-only: % on % is refused', tg_op, tg_table_name using errcode = '42501';
    end $$`.execute(db);
  for (const table of ['audit_events', 'audit_event_subjects', 'audit_chain', 'audit_checkpoints']) {
    await sql`create trigger ${sql.id(`${table}_append_only`)} before update or delete on ${sql.table(table)}
      for each row execute function audit_refuse_change()`.execute(db);
    await sql`create trigger ${sql.id(`${table}_no_truncate`)} before truncate on ${sql.table(table)}
      for each statement execute function audit_refuse_change()`.execute(db);
  }

  await sql`
    create function audit_event_content(e audit_events) returns text language sql stable as $$
      select jsonb_build_array(e.id::text, to_char(e.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), e.actor_id, e.actor_name,
        e.action, e.entity_type, e.entity_id, e.locality_code, e.locality_path, e.before, e.after, e.ip, e.request_id,
        e.actor_role, e.actor_locality_code)::text
    $$`.execute(db);
  await sql`
    create function audit_subjects_content(s audit_event_subjects) returns text language sql stable as $$
      select jsonb_build_array(s.id::text, s.event_id::text, to_jsonb(s.person_ids))::text
    $$`.execute(db);
  await sql`
    create function audit_chain_link(prev bytea, seq bigint, entry_table text, content text) returns bytea language sql immutable as $$
      select sha256(prev || convert_to(seq::text || '|' || entry_table || '|' || content, 'UTF8'))
    $$`.execute(db);

  // Runs at commit (deferred), so the chain takes rows in the order transactions commit.
  await sql`
    create function audit_chain_append() returns trigger language plpgsql as $$
    declare
      head_seq bigint;
      head_hash bytea;
      content text;
      event bigint;
    begin
      perform pg_advisory_xact_lock(7345210011);
      select c.seq, c.hash into head_seq, head_hash from audit_chain c order by c.seq desc limit 1;
      head_seq := coalesce(head_seq, 0) + 1;
      head_hash := coalesce(head_hash, decode(repeat('00', 32), 'hex'));
      -- A statement is planned when first run: each branch only ever meets its own table's NEW.
      if tg_table_name = 'audit_events' then
        content := audit_event_content(new);
        event := new.id;
      else
        content := audit_subjects_content(new);
        event := new.event_id;
      end if;
      insert into audit_chain (seq, entry_table, entry_id, event_id, prev_hash, hash)
        values (head_seq, tg_table_name, new.id, event, head_hash, audit_chain_link(head_hash, head_seq, tg_table_name, content));
      return null;
    end $$`.execute(db);
  for (const table of ['audit_events', 'audit_event_subjects']) {
    await sql`create constraint trigger ${sql.id(`${table}_chain`)} after insert on ${sql.table(table)}
      deferrable initially deferred for each row execute function audit_chain_append()`.execute(db);
  }

  // What was written before this migration is chained now: events, then their people, in id order.
  await sql`
    do $$
    declare
      r record;
      n bigint := 0;
      h bytea := decode(repeat('00', 32), 'hex');
      next_hash bytea;
    begin
      for r in select 'audit_events' as t, e.id, e.id as event_id, audit_event_content(e) as content from audit_events e
               union all select 'audit_event_subjects', s.id, s.event_id, audit_subjects_content(s) from audit_event_subjects s
               order by 1 desc, 2 loop
        n := n + 1;
        next_hash := audit_chain_link(h, n, r.t, r.content);
        insert into audit_chain (seq, entry_table, entry_id, event_id, prev_hash, hash) values (n, r.t, r.id, r.event_id, h, next_hash);
        h := next_hash;
      end loop;
    end $$`.execute(db);

  await sql`
    create table audit_alerts (
      id bigint generated always as identity primary key,
      raised_at timestamptz not null default now(),
      kind text not null check (kind in ('people_per_hour', 'people_per_day', 'above_baseline')),
      actor_id uuid not null,
      actor_name text,
      actor_role text,
      locality_path text not null,
      window_start timestamptz not null,
      window_end timestamptz not null,
      people integer not null,
      threshold integer not null,
      baseline double precision,
      unique (actor_id, kind, window_start)
    )`.execute(db);
  await sql`create index audit_alerts_by_time on audit_alerts (raised_at, id)`.execute(db);
  await sql`create index audit_exports_by_time on audit_events (at, id) where action = 'export'`.execute(db);

  await sql`
    create table data_breaches (
      id uuid primary key default gen_random_uuid(),
      serial integer generated always as identity unique,
      client_key uuid not null unique,
      locality_code text not null references localities (code),
      locality_path text not null,
      detected_at timestamptz not null,
      occurred_at timestamptz,
      nature text not null,
      data_categories text[] not null check (cardinality(data_categories) > 0),
      people_affected integer check (people_affected >= 0),
      records_affected integer check (records_affected >= 0),
      consequences text not null,
      measures_taken text not null,
      measures_proposed text not null,
      contact_name text not null,
      contact_title text not null,
      contact_phone text not null,
      contact_email text,
      signer_name text,
      late_reason text,
      status text not null default 'open' check (status in ('open', 'notified', 'closed')),
      notified_at timestamptz,
      recorded_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (occurred_at is null or occurred_at <= detected_at),
      check ((status = 'open') = (notified_at is null))
    )`.execute(db);
  await sql`create index data_breaches_by_detection on data_breaches (detected_at, id)`.execute(db);
}
