import { sql, type Kysely } from 'kysely';

/**
 * People, health declarations, arrivals and residence declarations, venues and check-ins.
 * Check-ins are the hot table: append-only, range-partitioned by day on `checked_in_at` so that
 * retention drops whole partitions; partitions are created ahead by the application.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table people (
      id uuid primary key default gen_random_uuid(),
      id_type text not null check (id_type in ('cccd', 'cmnd', 'passport')),
      id_number text not null,
      full_name text not null,
      birth_year integer not null check (birth_year between 1900 and 2100),
      gender text not null check (gender in ('male', 'female', 'other')),
      nationality text not null default 'VN',
      phone text,
      phone_verified_at timestamptz,
      email text,
      commune_code text references localities (code),
      locality_path text,
      address_line text,
      f_level integer check (f_level >= 0),
      under_quarantine boolean not null default false,
      under_monitoring boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      erased_at timestamptz,
      unique (id_type, id_number)
    )`.execute(db);
  await sql`create index people_by_path on people (locality_path text_pattern_ops)`.execute(db);
  await sql`create index people_by_phone on people (phone)`.execute(db);

  await sql`
    create table consents (
      id bigint generated always as identity primary key,
      person_id uuid not null references people (id) on delete cascade,
      purpose text not null,
      notice_version text not null,
      given_at timestamptz not null default now(),
      ip text
    )`.execute(db);

  await sql`
    create table otp_challenges (
      id uuid primary key default gen_random_uuid(),
      phone text not null,
      code_hash text not null,
      purpose text not null,
      attempts integer not null default 0,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      consumed_at timestamptz
    )`.execute(db);
  await sql`create index otp_by_phone on otp_challenges (phone, created_at)`.execute(db);

  await sql`
    create table personal_qr_tokens (
      id text primary key,
      person_id uuid not null references people (id) on delete cascade,
      issued_at timestamptz not null default now(),
      revoked_at timestamptz
    )`.execute(db);
  await sql`create index qr_tokens_by_person on personal_qr_tokens (person_id)`.execute(db);

  await sql`
    create table health_declarations (
      id uuid primary key default gen_random_uuid(),
      person_id uuid not null references people (id) on delete cascade,
      kind text not null check (kind in ('population', 'movement', 'entry')),
      symptoms jsonb not null default '[]',
      exposures jsonb not null default '[]',
      conditions jsonb not null default '[]',
      has_symptoms boolean not null,
      has_exposure boolean not null,
      commune_code text not null references localities (code),
      locality_path text not null,
      submitted_at timestamptz not null default now(),
      valid_until timestamptz not null,
      client_key text not null unique
    )`.execute(db);
  await sql`create index declarations_by_person on health_declarations (person_id, submitted_at desc)`.execute(db);
  await sql`create index declarations_by_path on health_declarations (locality_path text_pattern_ops, submitted_at desc, id)`.execute(
    db,
  );

  await sql`
    create table arrivals (
      id uuid primary key default gen_random_uuid(),
      person_id uuid not null references people (id) on delete cascade,
      origin_kind text not null check (origin_kind in ('commune', 'province', 'country')),
      origin_code text,
      origin_country text,
      route text,
      vehicle_type text not null,
      vehicle_number text,
      seat text,
      departed_on date not null,
      arrived_on date not null,
      destination_commune_code text not null references localities (code),
      locality_path text not null,
      flagged boolean not null default false,
      flag_reasons jsonb not null default '[]',
      follow_up_status text not null default 'none' check (follow_up_status in ('none', 'pending', 'contacted', 'closed')),
      declared_by_host text,
      submitted_at timestamptz not null default now(),
      client_key text not null unique
    )`.execute(db);
  await sql`create index arrivals_follow_up on arrivals (locality_path text_pattern_ops, follow_up_status, submitted_at desc, id)`.execute(
    db,
  );

  // Current risk situation per locality, maintained by the risk module: read here to flag arrivals.
  await sql`
    create table locality_risk_status (
      code text primary key references localities (code),
      level integer not null check (level between 1 and 4),
      in_epidemic_zone boolean not null default false,
      updated_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table venues (
      id uuid primary key default gen_random_uuid(),
      public_code text not null unique,
      organisation_name text not null,
      name text not null,
      venue_type text not null,
      address_line text not null,
      commune_code text not null references localities (code),
      locality_path text not null,
      capacity integer check (capacity > 0),
      contact_phone text not null,
      contact_phone_verified_at timestamptz,
      gate_policy text not null default 'require_declaration' check (gate_policy in ('open', 'require_declaration')),
      status text not null default 'pending' check (status in ('pending', 'approved', 'rejected', 'suspended')),
      owner_user_id uuid references users (id),
      decided_by uuid references users (id),
      decided_at timestamptz,
      decision_note text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index venues_by_path on venues (locality_path text_pattern_ops, status, id)`.execute(db);

  await sql`
    create table checkins (
      id bigint generated always as identity,
      venue_id uuid not null,
      person_id uuid not null,
      checked_in_at timestamptz not null,
      checked_out_at timestamptz,
      mode text not null check (mode in ('visitor_scan', 'gate_scan')),
      commune_code text not null,
      primary key (id, checked_in_at)
    ) partition by range (checked_in_at)`.execute(db);
  await sql`create index checkins_by_venue_time on checkins (venue_id, checked_in_at)`.execute(db);
  await sql`create index checkins_by_person_time on checkins (person_id, checked_in_at)`.execute(db);
}
