import { sql, type Kysely } from 'kysely';

/**
 * A consent can be withdrawn (Law 91/2025: as easily as it was given). Consents stay a record of
 * events: a withdrawal is a row of its own, and the latest row for a purpose decides (issue 20: a
 * person turns SMS alerts off, or on again, on "my data").
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table consents add column withdrawn boolean not null default false`.execute(db);
}
