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
 *
 * Evidence of a directive task's progress (a PDF, an image, a Word or Excel file) is kept as the
 * inspection photos are (0040): the bytes once under their SHA-256 in `directive_evidence_blobs`,
 * written in a statement of their own before the audited transaction writes the small
 * `directive_task_evidence` row that names them.
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
  await sql`
    create table directive_evidence_blobs (
      sha256 bytea primary key check (length(sha256) = 32),
      body bytea not null,
      byte_size integer not null check (byte_size between 1 and 10485760),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table directive_task_evidence (
      id uuid primary key default gen_random_uuid(),
      client_key uuid not null unique,
      task_id uuid not null references directive_tasks (id),
      filename text not null check (length(filename) between 1 and 200),
      media_type text not null check (media_type in ('application/pdf', 'image/jpeg', 'image/png', 'image/webp',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')),
      sha256 bytea not null references directive_evidence_blobs (sha256),
      byte_size integer not null,
      uploaded_by uuid references users (id),
      uploaded_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index directive_task_evidence_by_task on directive_task_evidence (task_id, uploaded_at, id)`.execute(
    db,
  );
}
