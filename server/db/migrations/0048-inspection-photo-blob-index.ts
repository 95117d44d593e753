import { sql, type Kysely } from 'kysely';

/**
 * The photos naming a blob, by its hash: the orphan purge asks "does any photo name this blob?" and
 * deleting a blob makes PostgreSQL ask the same for the foreign key; without the index both read
 * every photo of the province.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index inspection_photos_sha256 on inspection_photos (sha256)`.execute(db);
}
