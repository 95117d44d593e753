import { sql, type Kysely } from 'kysely';

/**
 * Border control, second part (issue 19).
 *
 * - People without any papers (most illegal entrants): `people.id_type = 'none'` with no number, and
 *   only then no number; the unique indexes on (id_type, id_number) ignore the missing number, so two
 *   undocumented people are two people. Until now the web made a number up, which named a document
 *   nobody holds and made such people findable by it.
 * - A crossing may identify someone that way (`identified_by = 'no_document'`); an intercepted person
 *   without papers has an approximate age instead of a birth date, and their distinguishing features.
 * - Tip-offs: verified, unfounded or handled instead of one "closed" (what "closed" meant is not
 *   known: it becomes "handled"), and the interception a tip-off led to.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table people drop constraint people_id_type_check`.execute(db);
  await sql`alter table people add constraint people_id_type_check check (id_type in ('cccd', 'cmnd', 'passport', 'none'))`.execute(
    db,
  );
  await sql`alter table people alter column id_number drop not null`.execute(db);
  await sql`alter table people add constraint people_number_unless_no_papers check ((id_type = 'none') = (id_number is null))`.execute(
    db,
  );

  await sql`alter table border_crossings drop constraint border_crossings_identified_by_check`.execute(db);
  await sql`alter table border_crossings add constraint border_crossings_identified_by_check check (identified_by in ('personal_qr', 'cccd_qr', 'document', 'no_document'))`.execute(
    db,
  );

  await sql`alter table border_intercepted_people alter column birth_date drop not null`.execute(db);
  await sql`alter table border_intercepted_people add column approximate_age smallint check (approximate_age between 0 and 120)`.execute(
    db,
  );
  await sql`alter table border_intercepted_people add column features text check (length(features) <= 500)`.execute(db);
  await sql`alter table border_intercepted_people add constraint border_intercepted_people_age_known check (birth_date is not null or approximate_age is not null)`.execute(
    db,
  );

  await sql`alter table border_tipoffs drop constraint border_tipoffs_status_check`.execute(db);
  await sql`update border_tipoffs set status = 'handled' where status = 'closed'`.execute(db);
  await sql`alter table border_tipoffs add constraint border_tipoffs_status_check check (status in ('new', 'investigating', 'verified', 'unfounded', 'handled'))`.execute(
    db,
  );
  await sql`alter table border_tipoffs add column interception_id uuid references border_interceptions (id)`.execute(
    db,
  );
}
