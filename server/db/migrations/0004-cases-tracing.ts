import { sql, type Kysely } from 'kysely';

/**
 * Issue 4: disease profiles, clusters, cases (F0) and their transmission links, contacts found by
 * tracing (F1, F2…), follow-up tasks for confirmed contacts, person merges and line-list imports.
 * Every row that belongs to a place carries its locality path, so jurisdiction filters stay cheap.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  /*
   * Time-ordered UUIDs (version 7, RFC 9562) for the big tables: new rows land at the right edge of
   * the primary-key index instead of on a random page, which keeps bulk imports and their index
   * writes sequential. PostgreSQL 18 has uuidv7(); 15 does not, hence this function.
   */
  await sql`
    create function uuid_v7() returns uuid language sql volatile as $$
      select encode(
        set_bit(set_bit(
          overlay(uuid_send(gen_random_uuid()) placing substring(int8send((extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6),
          52, 1), 53, 1), 'hex')::uuid
    $$`.execute(db);

  await sql`
    create table disease_profiles (
      code text primary key,
      profile jsonb not null,
      version integer not null,
      updated_at timestamptz not null default now()
    )`.execute(db);
  // The presets are written by the platform at start (insert if absent), so editing one is data.

  // Same address in the same commune, without case or diacritics: how tracing finds a household.
  await sql`alter table people add column household_key text`.execute(db);
  await sql`create index people_by_household on people (household_key) where household_key is not null`.execute(db);
  // Duplicate detection: the same name without diacritics and the same birth year.
  await sql`alter table people add column name_key text`.execute(db);
  await sql`create index people_by_name_key on people (name_key, birth_year)`.execute(db);
  await sql`alter table people add column merged_into uuid references people (id)`.execute(db);

  await sql`
    create table person_merges (
      id bigint generated always as identity primary key,
      kept_id uuid not null references people (id),
      merged_id uuid not null references people (id),
      snapshot jsonb not null,
      actor_id uuid,
      at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table clusters (
      id uuid primary key default gen_random_uuid(),
      code text not null unique,
      name text not null,
      locality_code text not null references localities (code),
      locality_path text not null,
      status text not null default 'active' check (status in ('active', 'closed')),
      notes text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index clusters_by_path on clusters (locality_path text_pattern_ops, created_at desc, id)`.execute(
    db,
  );

  await sql`
    create table cases (
      id uuid primary key default uuid_v7(),
      case_number text not null unique,
      person_id uuid references people (id),
      full_name text,
      gender text check (gender in ('male', 'female', 'other')),
      birth_year integer check (birth_year between 1900 and 2100),
      nationality text,
      onset_date date,
      sample_date date,
      confirmed_date date not null,
      isolated_at timestamptz,
      classification text not null check (classification in ('imported', 'community', 'in_quarantine')),
      source_country text,
      status text not null default 'treating' check (status in ('treating', 'recovered', 'died')),
      outcome_date date,
      treatment_place text,
      -- No foreign keys on the place, the cluster and the profile: a million-row line-list import
      -- would pay a trigger per row for values the services check once per file. None of them is
      -- ever deleted: a merged locality keeps its row and its code (DOMAIN §2), a closed cluster
      -- keeps its row, and a profile edit is a new version of the same code.
      locality_code text not null,
      locality_path text not null,
      province_code text,
      cluster_id uuid,
      profile_code text not null,
      notes text,
      import_key text unique,
      client_key text,
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  // Numbers of cases entered by hand ("<province>-000123"); imports keep the numbers of their file.
  await sql`create sequence case_number_seq`.execute(db);
  await sql`create index cases_by_path on cases (locality_path text_pattern_ops, confirmed_date desc, id)`.execute(db);
  // Only cases typed in a form have a client key: imported ones (the millions) stay out of this index.
  await sql`create unique index cases_by_client_key on cases (client_key) where client_key is not null`.execute(db);
  await sql`create unique index cases_by_person on cases (person_id) where person_id is not null`.execute(db);
  await sql`create index cases_by_cluster on cases (cluster_id) where cluster_id is not null`.execute(db);

  // Infector → infectee between cases; the line list's `source` and confirmed tracing both land here.
  await sql`
    create table case_links (
      infector_id uuid not null references cases (id) on delete cascade,
      infectee_id uuid not null references cases (id) on delete cascade,
      origin text not null check (origin in ('declared', 'tracing', 'import')),
      created_at timestamptz not null default now(),
      primary key (infector_id, infectee_id),
      check (infector_id <> infectee_id)
    )`.execute(db);
  await sql`create index case_links_by_infectee on case_links (infectee_id)`.execute(db);

  /*
   * One row per (case, person): a person proposed or confirmed as a contact in the tree traced from
   * one case. `level` 1 is an F1; a level-n contact found from a level-(n-1) contact names it in
   * `via_contact_id`. Evidence is kept as found, so an investigator sees why someone was proposed.
   */
  await sql`
    create table contacts (
      id uuid primary key default uuid_v7(),
      case_id uuid not null references cases (id) on delete cascade,
      person_id uuid not null references people (id),
      level integer not null check (level >= 1),
      via_contact_id uuid references contacts (id) on delete cascade,
      status text not null default 'proposed' check (status in ('proposed', 'confirmed', 'rejected')),
      household boolean not null default false,
      declared boolean not null default false,
      total_overlap_minutes double precision not null default 0,
      distinct_venues integer not null default 0,
      first_exposure_at timestamptz,
      last_exposure_at timestamptz,
      evidence jsonb not null default '{}',
      isolated_at timestamptz,
      decided_by uuid,
      decided_at timestamptz,
      decision_note text,
      locality_path text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (case_id, person_id)
    )`.execute(db);
  await sql`create index contacts_by_person on contacts (person_id)`.execute(db);
  await sql`create index contacts_by_path on contacts (locality_path text_pattern_ops, status, created_at desc, id)`.execute(
    db,
  );

  // Work a confirmed contact creates: quarantine and tests, picked up by the quarantine module.
  await sql`
    create table follow_up_tasks (
      id uuid primary key default gen_random_uuid(),
      person_id uuid not null references people (id),
      contact_id uuid references contacts (id) on delete cascade,
      kind text not null check (kind in ('quarantine', 'test')),
      due_on date not null,
      details jsonb not null default '{}',
      status text not null default 'open' check (status in ('open', 'done', 'cancelled')),
      locality_path text not null,
      created_at timestamptz not null default now(),
      unique (contact_id, kind, due_on)
    )`.execute(db);
  await sql`create index follow_up_by_path on follow_up_tasks (locality_path text_pattern_ops, status, due_on)`.execute(
    db,
  );

  await sql`
    create table linelist_imports (
      id uuid primary key default gen_random_uuid(),
      source_label text not null,
      filename text,
      status text not null check (status in ('done', 'failed')),
      total_rows integer not null,
      created_cases integer not null default 0,
      updated_cases integer not null default 0,
      links integer not null default 0,
      errors jsonb not null default '[]',
      actor_id uuid,
      started_at timestamptz not null,
      finished_at timestamptz not null default now()
    )`.execute(db);
}
