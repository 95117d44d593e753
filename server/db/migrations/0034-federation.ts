import { sql, type Kysely } from 'kysely';

/**
 * Federation (issue 21): the tables that travel between a province and the national hub by
 * PostgreSQL logical replication. The same tables exist on every instance (province or hub, and on
 * the embedded database, where they stay empty); the publications and subscriptions themselves are
 * made by `phongdich federation publish|subscribe`, since their row filters carry the province code,
 * which is configuration, not schema.
 *
 * Every key holds what makes a row unique in the whole country (the origin province's code beside
 * an id), so a replayed change finds its row, and a row filter's columns are in the replica identity
 * (PostgreSQL refuses to publish an update or delete filtered on another column).
 *
 * - `federation_heartbeats`: one row per province, updated by the province: the hub reads how
 *   fresh each province's data is even when nothing else changed.
 * - `federation_referrals`: the outbox of cross-province referrals. Written in the origin province,
 *   copied to the hub, routed by the hub to the destination only. Rows are never updated (the
 *   publications carry inserts only), so a referral is delivered once.
 * - `federation_referral_acceptances`: the destination's answer, routed back to the origin.
 * - `federation_directives` / `federation_directive_acknowledgements`: national directives and
 *   rule-set versions, one row per recipient province, and each province's acknowledgement.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table federation_heartbeats (
      province_code text primary key check (province_code ~ '^[0-9]{2}$'),
      beat_at timestamptz not null
    )`.execute(db);

  await sql`
    create table federation_referrals (
      origin_code text not null check (origin_code ~ '^[0-9]{2}$'),
      id uuid not null default uuid_v7(),
      destination_code text not null check (destination_code ~ '^[0-9]{2}$'),
      reason text not null check (reason in ('contact_of_case', 'arrival_from_zone')),
      person_name text not null check (length(person_name) between 1 and 200),
      birth_year integer check (birth_year between 1900 and 2100),
      phone text check (length(phone) <= 20),
      id_number text check (length(id_number) <= 20),
      destination_locality_code text,
      address text check (length(address) <= 500),
      exposure_from date,
      exposure_to date,
      note text check (length(note) <= 1000),
      origin_unit text not null check (length(origin_unit) between 1 and 200),
      created_at timestamptz not null default now(),
      -- Local to the origin: who wrote it and the client key of a double submission; never published.
      client_key uuid,
      created_by uuid,
      primary key (origin_code, id),
      unique (origin_code, client_key),
      check (origin_code <> destination_code),
      check (exposure_to is null or exposure_from is null or exposure_to >= exposure_from)
    )`.execute(db);
  // Today's work of the destination: the referrals it has not answered, oldest first.
  await sql`create index federation_referrals_by_destination on federation_referrals (destination_code, created_at, id)`.execute(
    db,
  );

  await sql`
    create table federation_referral_acceptances (
      origin_code text not null,
      referral_id uuid not null,
      destination_code text not null,
      outcome text not null check (outcome in ('accepted', 'not_found')),
      note text check (length(note) <= 1000),
      decided_at timestamptz not null,
      decided_by uuid,
      primary key (origin_code, referral_id)
    )`.execute(db);

  await sql`
    create table federation_directives (
      id uuid not null,
      province_code text not null check (province_code ~ '^[0-9]{2}$'),
      kind text not null check (kind in ('directive', 'rule_set')),
      number_symbol text not null check (length(number_symbol) between 1 and 60),
      issued_on date not null,
      issuer text not null check (length(issuer) between 1 and 200),
      summary text not null check (length(summary) between 1 and 2000),
      rule_set jsonb,
      issued_at timestamptz not null default now(),
      primary key (id, province_code),
      check ((kind = 'rule_set') = (rule_set is not null))
    )`.execute(db);
  await sql`create index federation_directives_by_province on federation_directives (province_code, issued_at desc, id)`.execute(
    db,
  );

  await sql`
    create table federation_directive_acknowledgements (
      directive_id uuid not null,
      province_code text not null,
      acknowledged_at timestamptz not null,
      acknowledged_by uuid,
      primary key (directive_id, province_code)
    )`.execute(db);
}
