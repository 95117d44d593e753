import { sql, type Kysely } from 'kysely';

/** Extensions, localities, identity, audit. Forward-only: never edit a released migration. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const ext of ['citext', 'pg_trgm', 'unaccent', 'btree_gist']) {
    await sql.raw(`create extension if not exists ${ext}`).execute(db);
  }

  await sql`
    create table localities (
      code text primary key,
      level text not null check (level in ('country', 'province', 'district', 'commune')),
      parent_code text references localities (code),
      province_code text,
      path text not null unique,
      name text not null,
      full_name text not null,
      name_en text not null,
      type text not null,
      area_km2 double precision,
      population integer check (population >= 0),
      population_year integer,
      population_is_demo boolean not null default false,
      status text not null default 'active' check (status in ('active', 'merged')),
      merged_into_code text references localities (code),
      valid_from date not null default current_date,
      valid_to date,
      centroid_lon double precision,
      centroid_lat double precision,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((status = 'merged') = (merged_into_code is not null))
    )`.execute(db);
  await sql`create index localities_parent on localities (parent_code, code)`.execute(db);
  await sql`create index localities_path on localities (path text_pattern_ops)`.execute(db);

  await sql`
    create table locality_boundaries (
      code text primary key references localities (code),
      geometry jsonb not null
    )`.execute(db);

  await sql`
    create table locality_events (
      id bigint generated always as identity primary key,
      locality_code text not null references localities (code),
      kind text not null,
      other_code text references localities (code),
      effective_date date not null,
      details jsonb not null default '{}',
      reason text,
      actor_id uuid,
      at timestamptz not null default now()
    )`.execute(db);
  await sql`create index locality_events_by_code on locality_events (locality_code, id)`.execute(db);

  await sql`
    create table users (
      id uuid primary key default gen_random_uuid(),
      username citext not null unique,
      full_name text not null,
      password_hash text not null,
      role text not null,
      locality_code text not null references localities (code),
      disabled_at timestamptz,
      must_change_password boolean not null default false,
      failed_logins integer not null default 0,
      locked_until timestamptz,
      last_login_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index users_by_locality on users (locality_code, id)`.execute(db);

  await sql`
    create table sessions (
      id text primary key,
      user_id uuid not null references users (id) on delete cascade,
      csrf_token text not null,
      ip text,
      user_agent text,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null
    )`.execute(db);
  await sql`create index sessions_by_user on sessions (user_id)`.execute(db);

  await sql`
    create table audit_events (
      id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      actor_id uuid,
      actor_name text,
      action text not null,
      entity_type text not null,
      entity_id text,
      locality_code text,
      locality_path text,
      before jsonb,
      after jsonb,
      ip text,
      request_id text
    )`.execute(db);
  await sql`create index audit_by_actor on audit_events (actor_id, id)`.execute(db);
  await sql`create index audit_by_entity on audit_events (entity_type, entity_id, id)`.execute(db);
  await sql`create index audit_by_path on audit_events (locality_path text_pattern_ops, id)`.execute(db);
  await sql`create index audit_by_time on audit_events (at, id)`.execute(db);

  await sql`
    create table app_settings (
      key text primary key,
      value jsonb not null,
      updated_at timestamptz not null default now()
    )`.execute(db);
}
