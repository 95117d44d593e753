import { sql, type Kysely } from 'kysely';

/**
 * Delivery of notifications (issue 16). The job queue itself is pg-boss's, in its own schema
 * (`pgboss`), created and migrated by pg-boss when the platform starts.
 *
 * - `notification_messages.message_key` groups the rows of one message to one official (its
 *   in-app, SMS and e-mail rows) so its status per channel can be shown; `address` is the phone or
 *   e-mail it went to; `claimed_until` is a sender's lease, so two workers never send one row at
 *   once.
 * - `notification_preferences`: an official's channels (the inbox is always on), where SMS and
 *   e-mail go, and their quiet hours (minutes after local midnight, Viet Nam time); no row is the
 *   defaults.
 * - `notification_reminders`: a reminder a module scheduled (once per dedupe key), its condition
 *   re-checked when it falls due, and what became of it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table notification_messages
    add column message_key text,
    add column address text,
    add column claimed_until timestamptz`.execute(db);
  await sql`create index notification_message_channels on notification_messages (recipient_user_id, message_key)
    where message_key is not null`.execute(db);

  await sql`
    create table notification_preferences (
      user_id uuid primary key references users (id) on delete cascade,
      sms boolean not null default false,
      phone text,
      email boolean not null default false,
      email_address text,
      quiet_start_minute integer check (quiet_start_minute between 0 and 1439),
      quiet_end_minute integer check (quiet_end_minute between 0 and 1439),
      updated_at timestamptz not null default now(),
      check (not sms or phone is not null),
      check (not email or email_address is not null),
      check ((quiet_start_minute is null) = (quiet_end_minute is null))
    )`.execute(db);

  await sql`
    create table notification_reminders (
      id uuid primary key default gen_random_uuid(),
      dedupe_key text not null unique,
      condition text not null,
      params jsonb not null,
      message jsonb not null,
      recipient_user_ids uuid[] not null,
      due_at timestamptz not null,
      status text not null default 'scheduled' check (status in ('scheduled', 'sent', 'skipped')),
      decided_at timestamptz,
      created_at timestamptz not null default now()
    )`.execute(db);
}
