import { sql, type Kysely } from 'kysely';

/**
 * Who accessed whose record, in a form a person can be shown (Law 91/2025 and Decree 356/2025):
 * - the acting account's role and locality at the time, so "which agency" survives a later change
 *   of the account (the person is told the agency, never the official's name);
 * - the people an event touched: a record read names its person, a list page or an export chunk
 *   names the people in it. Kept beside the event, as arrays searched by a GIN index, so one export
 *   of 100,000 rows is a few hundred rows here rather than 100,000.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table audit_events add column actor_role text, add column actor_locality_code text`.execute(db);
  await sql`
    create table audit_event_subjects (
      id bigint generated always as identity primary key,
      event_id bigint not null references audit_events (id),
      person_ids uuid[] not null check (cardinality(person_ids) > 0)
    )`.execute(db);
  await sql`create index audit_event_subjects_by_event on audit_event_subjects (event_id)`.execute(db);
  await sql`create index audit_event_subjects_by_person on audit_event_subjects using gin (person_ids)`.execute(db);
}
