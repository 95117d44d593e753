import { sql, type Kysely } from 'kysely';

/**
 * Issue 21, directives down: the hub also sends disease-profile versions, and a province tells its
 * officials when a national directive arrives.
 *
 * - `federation_directives` (replicated: the hub publishes each province's rows to it) gains the kind
 *   `disease_profile` and the column `disease_profile` (the profile as the hub holds it at that
 *   version). A changed replicated table follows the README's procedure: **every province (the
 *   subscribers of this table) migrates first**, then the hub. A province not yet migrated would
 *   refuse the hub's new rows (unknown column, then the kind's check): its subscription would stop
 *   until it migrated, the rows waiting in the hub's slot. The publication has no column list, so
 *   the new column travels without `federation publish` (running it again does no harm).
 * - `federation_directive_notices` is local to each instance (no publication carries it): the
 *   directives a province has announced to its officials, claimed once by key, so the polling job
 *   notifies each arrival once even when two runs meet. Directives already there when this runs were
 *   seen on the directives page before: they are marked announced, not announced again.
 * - `federation_directive_adoptions`, local too: a directive's version is adopted once per province.
 *   The adoption is claimed before the rule-set or profile module saves its next version, so a
 *   double tap (or two administrators) cannot make two versions; the second is told the first's
 *   result, or that it is under way. A claim left without a result (the server died between) is
 *   taken over after two minutes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table federation_directives add column disease_profile jsonb`.execute(db);
  await sql`alter table federation_directives drop constraint federation_directives_kind_check`.execute(db);
  await sql`alter table federation_directives drop constraint federation_directives_check`.execute(db);
  await sql`alter table federation_directives add constraint federation_directives_kind_check
    check (kind in ('directive', 'rule_set', 'disease_profile'))`.execute(db);
  await sql`alter table federation_directives add constraint federation_directives_payload_check
    check ((kind = 'rule_set') = (rule_set is not null) and (kind = 'disease_profile') = (disease_profile is not null))`.execute(
    db,
  );

  await sql`
    create table federation_directive_notices (
      directive_id uuid not null,
      province_code text not null,
      notified_at timestamptz not null default now(),
      recipients integer not null check (recipients >= 0),
      primary key (directive_id, province_code)
    )`.execute(db);
  await sql`insert into federation_directive_notices (directive_id, province_code, recipients)
    select id, province_code, 0 from federation_directives`.execute(db);

  await sql`
    create table federation_directive_adoptions (
      directive_id uuid not null,
      province_code text not null,
      claimed_at timestamptz not null default now(),
      code text,
      version integer,
      active boolean,
      primary key (directive_id, province_code),
      check ((code is null) = (version is null) and (version is null) = (active is null))
    )`.execute(db);
}
