import { sql, type Kysely } from 'kysely';

/**
 * Inspection photos' bytes apart from their record (issue 17's sync bench). Every audited transaction
 * commits through the audit chain's one lock, held until its WAL is flushed: a 200 KB photo written in
 * the audited transaction made 500 phones coming back online wait for each other's photo to reach the
 * disk. The bytes now go first, in a statement of their own (flushed concurrently, group commit), into
 * `inspection_photo_blobs` keyed by their SHA-256 (the same bytes are kept once); the audited
 * transaction only writes the small `inspection_photos` row naming the hash.
 *
 * Storage `external`: JPEG, PNG and WebP are compressed already, so PostgreSQL is not asked to try.
 * A blob whose audited row never committed (the request failed in between) is unreachable and harmless:
 * nobody can read it without a photo row, and a resend finds it again by its hash.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table inspection_photo_blobs (
      sha256 bytea primary key check (length(sha256) = 32),
      body bytea not null,
      byte_size integer not null check (byte_size between 1 and 5242880),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`alter table inspection_photo_blobs alter column body set storage external`.execute(db);
  await sql`alter table inspection_photos add column sha256 bytea references inspection_photo_blobs (sha256)`.execute(
    db,
  );
  await sql`
    insert into inspection_photo_blobs (sha256, body, byte_size)
    select distinct on (sha256(body)) sha256(body), body, byte_size from inspection_photos
    on conflict do nothing`.execute(db);
  await sql`update inspection_photos set sha256 = sha256(body)`.execute(db);
  await sql`alter table inspection_photos alter column sha256 set not null`.execute(db);
  await sql`alter table inspection_photos drop column body`.execute(db);
}
