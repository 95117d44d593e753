import { sql, type Kysely } from 'kysely';

/**
 * Notifications (issue 16): one row per message to one official through one channel, which is both
 * the durable outbox (SMS and e-mail wait here, `pending`, until a sender delivers them, retried at
 * `next_attempt_at` with `attempts` counted) and the in-app inbox (an `in_app` row is delivered when
 * it is written). `dedupe_key` is unique: the same reminder enqueued twice (two scheduler runs, a
 * retried transaction) is one message.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table notification_messages (
      id uuid primary key default gen_random_uuid(),
      recipient_user_id uuid not null references users (id) on delete cascade,
      channel text not null check (channel in ('in_app', 'sms', 'email')),
      kind text not null,
      title jsonb not null,
      body jsonb not null,
      link text,
      urgent boolean not null default false,
      dedupe_key text not null unique,
      status text not null default 'pending' check (status in ('pending', 'sent', 'failed', 'cancelled')),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null default now(),
      last_error text,
      sent_at timestamptz,
      read_at timestamptz,
      created_at timestamptz not null default now()
    )`.execute(db);
  // The sender's scan: what is due, oldest first; delivered rows leave the index.
  await sql`create index notification_outbox_due on notification_messages (next_attempt_at, id)
    where status = 'pending'`.execute(db);
  // One official's inbox, newest first, keyset by (created_at, id).
  await sql`create index notification_inbox on notification_messages (recipient_user_id, created_at desc, id desc)
    where channel = 'in_app'`.execute(db);
}
