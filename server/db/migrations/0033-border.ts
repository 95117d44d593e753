import { sql, type Kysely } from 'kysely';

/**
 * Border and entry control (issue 19): posts and checkpoints, their shift logs and the individual
 * crossings recorded there, goods transport at the gates, interceptions of illegal entry, trails and
 * patrols, and citizens' tip-offs.
 *
 * - Every row a field form creates carries a unique `client_key`: a form synced twice is one row.
 * - Each table carries `locality_path` and `province_code` (and the commune) so a list reads its
 *   area by index; crossings, the big table (30 M rows at a peak), are read by province and day
 *   for the bulletin and by person for their crossings, each through its own index.
 * - `border_daily_counts` keeps the bulletin's counts of crossings per post, day and origin.
 * - A patrol's route and a trail's line are GeoJSON LineStrings in jsonb: the map draws them over
 *   the commune boundaries, there is no tile server.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table border_posts (
      id uuid primary key default gen_random_uuid(),
      client_key uuid not null unique,
      kind text not null check (kind in ('border_station', 'border_gate', 'trail_post_fixed', 'trail_post_mobile',
        'entrance_checkpoint')),
      gate_kind text check (gate_kind in ('international', 'main', 'secondary', 'border_market')),
      name text not null check (length(name) between 2 and 200),
      commune_code text not null,
      locality_path text not null,
      province_code text not null,
      latitude double precision,
      longitude double precision,
      marker_from text,
      marker_to text,
      active boolean not null default true,
      created_by uuid references users (id),
      created_at timestamptz not null default now(),
      check ((kind = 'border_gate') = (gate_kind is not null)),
      check ((latitude is null) = (longitude is null)),
      check (latitude is not null or marker_from is not null)
    )`.execute(db);
  await sql`create index border_posts_by_path on border_posts (locality_path text_pattern_ops, name, id)`.execute(db);

  // Checkpoint staff act at the posts they are members of (border guards at any post of their area).
  await sql`
    create table border_post_members (
      post_id uuid not null references border_posts (id),
      user_id uuid not null references users (id),
      primary key (post_id, user_id)
    )`.execute(db);
  await sql`create index border_post_members_by_user on border_post_members (user_id)`.execute(db);

  await sql`
    create table border_shifts (
      id uuid primary key default gen_random_uuid(),
      client_key uuid not null unique,
      post_id uuid not null references border_posts (id),
      shift_date date not null,
      shift text not null check (shift in ('morning', 'afternoon', 'night')),
      team jsonb not null default '[]',
      people_count integer not null check (people_count >= 0),
      vehicle_count integer not null check (vehicle_count >= 0),
      rapid_tests integer not null check (rapid_tests >= 0),
      positives integer not null check (positives >= 0 and positives <= rapid_tests),
      locality_path text not null,
      province_code text not null,
      created_by uuid references users (id),
      created_at timestamptz not null default now(),
      unique (post_id, shift_date, shift)
    )`.execute(db);
  await sql`create index border_shifts_by_province_day on border_shifts (province_code, shift_date, post_id)`.execute(
    db,
  );

  await sql`
    create table border_crossings (
      id uuid primary key default gen_random_uuid(),
      client_key uuid not null unique,
      post_id uuid not null references border_posts (id),
      crossed_at timestamptz not null,
      crossed_on date not null,
      person_id uuid not null references people (id),
      identified_by text not null check (identified_by in ('personal_qr', 'cccd_qr', 'document')),
      origin text not null check (length(origin) between 1 and 200),
      destination_commune_code text not null,
      temperature numeric(4, 1),
      test_result text not null check (test_result in ('none', 'negative', 'positive')),
      decision text not null check (decision in ('let_through', 'quarantine', 'turned_back')),
      admission_id uuid references quarantine_admissions (id),
      locality_path text not null,
      province_code text not null,
      created_by uuid references users (id),
      created_at timestamptz not null default now(),
      check ((decision = 'quarantine') = (admission_id is not null))
    )`.execute(db);
  // The bulletin's "still in quarantine": the people a province sent to quarantine lately, few among millions.
  await sql`create index border_crossings_sent_to_quarantine on border_crossings (province_code, crossed_on)
    include (origin, admission_id, post_id, locality_path) where decision = 'quarantine'`.execute(db);
  await sql`create index border_crossings_by_path on border_crossings (locality_path text_pattern_ops, crossed_at desc, id desc)`.execute(
    db,
  );
  await sql`create index border_crossings_by_person on border_crossings (person_id, crossed_at desc)`.execute(db);

  // The bulletin's counts of individual records, kept per post, day and origin in the recording
  // transaction: a province's day (and its cumulative returnees) reads thousands of rows, not millions.
  await sql`
    create table border_daily_counts (
      post_id uuid not null references border_posts (id),
      day date not null,
      origin text not null,
      province_code text not null,
      locality_path text not null,
      recorded integer not null default 0,
      positives integer not null default 0,
      quarantined integer not null default 0,
      turned_back integer not null default 0,
      primary key (post_id, day, origin)
    )`.execute(db);
  await sql`create index border_daily_counts_by_province_day on border_daily_counts (province_code, day)`.execute(db);

  await sql`
    create table border_goods (
      id uuid primary key default gen_random_uuid(),
      client_key uuid not null unique,
      post_id uuid not null references border_posts (id),
      recorded_at timestamptz not null,
      plate text not null check (length(plate) between 3 and 20),
      driver_name text not null check (length(driver_name) between 2 and 120),
      driver_document text,
      cargo text not null check (length(cargo) between 1 and 300),
      direction text not null check (direction in ('entry', 'exit')),
      test_valid_until timestamptz,
      waiting_zone text,
      test_expired boolean not null,
      locality_path text not null,
      province_code text not null,
      created_by uuid references users (id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index border_goods_by_path on border_goods (locality_path text_pattern_ops, recorded_at desc, id desc)`.execute(
    db,
  );

  await sql`
    create table border_interceptions (
      id uuid primary key default gen_random_uuid(),
      client_key uuid not null unique,
      intercepted_at timestamptz not null,
      intercepted_on date not null,
      post_id uuid references border_posts (id),
      commune_code text not null,
      locality_path text not null,
      province_code text not null,
      marker_from text,
      marker_to text,
      place text not null check (length(place) between 1 and 300),
      found_inland boolean not null,
      facility_id uuid not null references facilities (id),
      created_by uuid references users (id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index border_interceptions_by_path on border_interceptions (locality_path text_pattern_ops, intercepted_at desc, id desc)`.execute(
    db,
  );
  await sql`create index border_interceptions_by_province_day on border_interceptions (province_code, intercepted_on)`.execute(
    db,
  );
  await sql`
    create table border_intercepted_people (
      id uuid primary key default gen_random_uuid(),
      interception_id uuid not null references border_interceptions (id),
      person_id uuid not null references people (id),
      birth_date date not null,
      residence text not null,
      route text not null,
      means text not null,
      reason text not null,
      brought_by text,
      harboured_by text,
      admission_id uuid not null references quarantine_admissions (id)
    )`.execute(db);
  await sql`create index border_intercepted_people_by_interception on border_intercepted_people (interception_id)`.execute(
    db,
  );

  await sql`
    create table border_trails (
      id uuid primary key default gen_random_uuid(),
      client_key uuid not null unique,
      name text not null check (length(name) between 2 and 200),
      risk text not null check (risk in ('low', 'medium', 'high')),
      line jsonb not null,
      commune_code text not null,
      locality_path text not null,
      province_code text not null,
      created_by uuid references users (id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index border_trails_by_path on border_trails (locality_path text_pattern_ops, name, id)`.execute(db);

  await sql`
    create table border_patrols (
      id uuid primary key default gen_random_uuid(),
      client_key uuid not null unique,
      trail_id uuid not null references border_trails (id),
      started_at timestamptz not null,
      ended_at timestamptz not null,
      team jsonb not null default '[]',
      route jsonb,
      source text not null check (source in ('drawn', 'gpx', 'none')),
      locality_path text not null,
      province_code text not null,
      created_by uuid references users (id),
      created_at timestamptz not null default now(),
      check (ended_at >= started_at)
    )`.execute(db);
  await sql`create index border_patrols_by_trail on border_patrols (trail_id, ended_at desc)`.execute(db);

  await sql`
    create table border_tipoffs (
      id uuid primary key default gen_random_uuid(),
      client_key uuid not null unique,
      kind text not null check (kind in ('illegal_entry', 'undeclared')),
      commune_code text not null,
      locality_path text not null,
      province_code text not null,
      place text not null check (length(place) between 1 and 300),
      description text not null check (length(description) between 5 and 2000),
      reporter_name text,
      reporter_phone text,
      phone_verified boolean not null default false,
      status text not null default 'new' check (status in ('new', 'investigating', 'closed')),
      outcome text,
      investigator_id uuid references users (id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index border_tipoffs_by_path on border_tipoffs (locality_path text_pattern_ops, created_at desc, id desc)`.execute(
    db,
  );
}
