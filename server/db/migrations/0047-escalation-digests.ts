import { sql, type Kysely } from 'kysely';

/**
 * The daily digest of escalations (issue 16): once a day at 08:00 Viet Nam time, each official who
 * has something escalated to them (units late with their report, directives not acknowledged, tasks
 * overdue) receives one message listing it.
 *
 * - `escalation_digest_days`: the day's run is queued once (the periodic job runs every 15 minutes).
 * - `escalation_digests`: the claim, one row per official and day, written in the transaction that
 *   writes the official's message: a second run of the day's job (a retry, two nodes) claims nothing.
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
}
