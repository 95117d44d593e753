import { sql, type Kysely } from 'kysely';

/**
 * Issue 6: risk rule sets as versioned rows, the daily indicators of every locality (kept up to
 * date incrementally), imported vaccination coverage and epidemic zones.
 *
 * The daily counts are derived data: statement triggers on cases, case links and samples record
 * which (locality, day) cells a write touched, and only those cells are recounted before the
 * next read. A line-list import of a million cases costs one scan of its transition table, not a
 * trigger call per row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table risk_rule_sets (
      code text not null,
      version integer not null check (version >= 1),
      definition jsonb not null,
      preset boolean not null default false,
      saved_by uuid references users (id),
      saved_at timestamptz not null default now(),
      primary key (code, version)
    )`.execute(db);
  await sql`
    create table risk_settings (
      id boolean primary key default true check (id),
      active_rule_set text not null,
      updated_by uuid references users (id),
      updated_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table locality_daily_counts (
      locality_code text not null,
      locality_path text not null,
      day date not null,
      community integer not null default 0,
      community_known integer not null default 0,
      in_quarantine integer not null default 0,
      imported integer not null default 0,
      tests integer not null default 0,
      positives integer not null default 0,
      primary key (locality_code, day)
    )`.execute(db);
  await sql`create index daily_counts_by_path on locality_daily_counts (locality_path text_pattern_ops, day)`.execute(
    db,
  );
  await sql`create table risk_dirty_cells (locality_code text not null, day date not null, primary key (locality_code, day))`.execute(
    db,
  );
  // Recounting one cell reads its cases and its resulted samples through these.
  await sql`create index cases_by_locality_day on cases (locality_code, confirmed_date)`.execute(db);
  await sql`create index samples_by_path_resulted on samples (locality_path, resulted_at) where resulted_at is not null`.execute(
    db,
  );

  await sql`
    create function risk_dirty_from_cases() returns trigger language plpgsql as $$
    begin
      if tg_op in ('INSERT', 'UPDATE') then
        insert into risk_dirty_cells (locality_code, day) select distinct locality_code, confirmed_date from new_rows on conflict do nothing;
      end if;
      if tg_op in ('UPDATE', 'DELETE') then
        insert into risk_dirty_cells (locality_code, day) select distinct locality_code, confirmed_date from old_rows on conflict do nothing;
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger cases_dirty_ins after insert on cases referencing new table as new_rows for each statement execute function risk_dirty_from_cases()`.execute(
    db,
  );
  await sql`create trigger cases_dirty_upd after update on cases referencing old table as old_rows new table as new_rows for each statement execute function risk_dirty_from_cases()`.execute(
    db,
  );
  await sql`create trigger cases_dirty_del after delete on cases referencing old table as old_rows for each statement execute function risk_dirty_from_cases()`.execute(
    db,
  );

  // A link found later turns a case's source from unknown to known.
  await sql`
    create function risk_dirty_from_links() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into risk_dirty_cells (locality_code, day)
          select distinct c.locality_code, c.confirmed_date from new_rows l join cases c on c.id = l.infectee_id on conflict do nothing;
      else
        insert into risk_dirty_cells (locality_code, day)
          select distinct c.locality_code, c.confirmed_date from old_rows l join cases c on c.id = l.infectee_id on conflict do nothing;
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger links_dirty_ins after insert on case_links referencing new table as new_rows for each statement execute function risk_dirty_from_links()`.execute(
    db,
  );
  await sql`create trigger links_dirty_del after delete on case_links referencing old table as old_rows for each statement execute function risk_dirty_from_links()`.execute(
    db,
  );

  // Tests count on the day of their result (Vietnam time) in the sample's locality.
  await sql`
    create function risk_dirty_from_samples() returns trigger language plpgsql as $$
    begin
      if tg_op in ('INSERT', 'UPDATE') then
        insert into risk_dirty_cells (locality_code, day)
          select distinct regexp_replace(locality_path, '^.*/', ''), (resulted_at at time zone 'Asia/Ho_Chi_Minh')::date
          from new_rows where resulted_at is not null on conflict do nothing;
      end if;
      if tg_op = 'UPDATE' then
        insert into risk_dirty_cells (locality_code, day)
          select distinct regexp_replace(locality_path, '^.*/', ''), (resulted_at at time zone 'Asia/Ho_Chi_Minh')::date
          from old_rows where resulted_at is not null on conflict do nothing;
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger samples_dirty_ins after insert on samples referencing new table as new_rows for each statement execute function risk_dirty_from_samples()`.execute(
    db,
  );
  await sql`create trigger samples_dirty_upd after update on samples referencing old table as old_rows new table as new_rows for each statement execute function risk_dirty_from_samples()`.execute(
    db,
  );

  // Whatever was recorded before this migration is counted at the first read.
  await sql`insert into risk_dirty_cells select distinct locality_code, confirmed_date from cases on conflict do nothing`.execute(
    db,
  );
  await sql`
    insert into risk_dirty_cells
    select distinct regexp_replace(locality_path, '^.*/', ''), (resulted_at at time zone 'Asia/Ho_Chi_Minh')::date
    from samples where resulted_at is not null on conflict do nothing`.execute(db);

  await sql`
    create table vaccination_coverage (
      locality_code text not null references localities (code),
      as_of date not null,
      adults_1dose numeric(5, 2),
      adults_full numeric(5, 2),
      high_risk numeric(5, 2),
      imported_by uuid references users (id),
      imported_at timestamptz not null default now(),
      primary key (locality_code, as_of)
    )`.execute(db);

  await sql`
    create table epidemic_zones (
      id uuid primary key default uuid_v7(),
      name text not null,
      kind text not null check (kind in ('khoanh_vung', 'phong_toa')),
      province_code text not null references localities (code),
      locality_path text not null,
      commune_codes text[] not null,
      polygon jsonb,
      starts_at timestamptz not null,
      ends_at timestamptz,
      population_covered integer,
      measures jsonb not null default '[]',
      decision_ref text,
      client_key uuid unique,
      created_by uuid references users (id),
      created_at timestamptz not null default now(),
      ended_by uuid references users (id),
      check (ends_at is null or ends_at > starts_at)
    )`.execute(db);
  // A commune in a zone but with no decided level keeps "level unknown" (null) next to its flag.
  await sql`alter table locality_risk_status alter column level drop not null`.execute(db);
  await sql`create index zones_by_province on epidemic_zones (province_code, starts_at desc, id desc)`.execute(db);
  await sql`create index zones_by_commune on epidemic_zones using gin (commune_codes)`.execute(db);
}
