import { sql, type Kysely } from 'kysely';

/**
 * The audit log filtered by what was done (the action picker): newest first within an action, as
 * the other filters (actor, record, place) already are.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index audit_by_action on audit_events (action, id)`.execute(db);
}
