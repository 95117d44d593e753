import { sql, type Kysely } from 'kysely';

/**
 * A level decision sent twice (a double tap, a resend on a flaky network) is recorded once: the
 * form's client key is kept, unique, and a resend returns the first decision.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table risk_level_decisions add column client_key uuid unique`.execute(db);
}
