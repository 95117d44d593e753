import { sql, type Kysely } from 'kysely';

/**
 * Tracing at a national peak (issue 14): the overlap join looks up, for each stay of a source, the
 * other check-ins at the same venue in a time range, and needs only their person and check-out
 * time. Carrying those two columns in the (venue_id, checked_in_at) index lets PostgreSQL answer
 * from the index alone (an index-only scan on vacuumed partitions) instead of one heap page per
 * check-in at a busy market. Same key columns as the index it replaces, so every other query that
 * used it (the repeat-window rule of record_checkin, the venue counts) is served as before.
 * Created on the partitioned table, it is created on every partition, present and future.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index checkins_by_venue_time_covering on checkins (venue_id, checked_in_at)
    include (person_id, checked_out_at)`.execute(db);
  await sql`drop index checkins_by_venue_time`.execute(db);
}
