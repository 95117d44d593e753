import { sql, type Kysely } from 'kysely';

/**
 * The home page's situation counts (issue 13): each state is counted now and at the end of
 * yesterday, so besides the open rows (served by the lists' path indexes) it reads the rows closed
 * since yesterday. These indexes find those by the day they were closed, a day's worth of rows
 * whatever the size of the history; the open treatment stays get a partial index of their own.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index situation_contacts_decided on contacts (decided_at) where decided_at is not null`.execute(db);
  await sql`create index situation_samples_resulted on samples (resulted_at) where resulted_at is not null`.execute(db);
  await sql`create index situation_samples_by_order on samples (order_id) where order_id is not null`.execute(db);
  await sql`create index situation_stays_open on treatment_stays (locality_path text_pattern_ops) where discharged_at is null`.execute(
    db,
  );
  await sql`create index situation_stays_discharged on treatment_stays (discharged_at) where discharged_at is not null`.execute(
    db,
  );
  await sql`create index situation_admissions_released on quarantine_admissions (released_on) where released_on is not null`.execute(
    db,
  );
}
