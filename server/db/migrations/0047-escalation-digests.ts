import { sql, type Kysely } from 'kysely';

/**
 * The daily digest of escalations (issue 16): once a day at 08:00 Viet Nam time, each official who
 * has something escalated to them (units late with their report, directives not acknowledged, tasks
 * overdue) receives one message listing it.
 *
 * - `escalation_digest_days`: the day's run is queued once (the periodic job runs every 15 minutes).
 * - `escalation_digests`: the claim, one row per official and day, written in the transaction that
 *   writes the official's message: a second run of the day's job (a retry, two nodes) claims nothing.
 *
 * Reminders reach the reporting units' own contacts too (their office phone and e-mail, 0041): an
 * SMS or e-mail row of the outbox may be addressed to a contact rather than an official
 * (`recipient_user_id` null, `address` set; never in anyone's inbox), and a reminder carries the
 * contacts it goes to beside its officials.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table escalation_digest_days (
      day date primary key,
      queued_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table escalation_digests (
      user_id uuid not null references users (id),
      day date not null,
      items integer not null check (items > 0),
      sent_at timestamptz not null default now(),
      primary key (user_id, day)
    )`.execute(db);
  await sql`alter table notification_messages
    alter column recipient_user_id drop not null,
    add constraint notification_messages_addressed
      check (recipient_user_id is not null or (address is not null and channel in ('sms', 'email')))`.execute(db);
  await sql`alter table notification_reminders add column recipient_contacts jsonb not null default '[]'`.execute(db);
}
