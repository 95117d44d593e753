import { sql, type Kysely } from 'kysely';

/**
 * Issue 5: facilities and their capacity by kind, quarantine admissions with their events and
 * daily self-reports, testing (campaigns, orders, pools, samples) and treatment stays. Every row
 * carries the locality path of the place it belongs to (the facility's, or the person's commune).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table facilities (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      kind text not null check (kind in ('concentrated', 'hotel', 'hospital', 'field_hospital', 'home')),
      locality_code text not null references localities (code),
      locality_path text not null,
      address_line text not null,
      contact_phone text,
      status text not null default 'active' check (status in ('active', 'closed')),
      occupancy_alert_percent integer not null default 80 check (occupancy_alert_percent between 1 and 100),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index facilities_by_path on facilities (locality_path text_pattern_ops, created_at desc, id)`.execute(
    db,
  );

  await sql`
    create table facility_capacity (
      facility_id uuid not null references facilities (id) on delete cascade,
      kind text not null check (kind in ('quarantine_place', 'regular_bed', 'oxygen_bed', 'icu_bed', 'negative_pressure_room')),
      capacity integer not null check (capacity >= 0),
      primary key (facility_id, kind)
    )`.execute(db);

  await sql`
    create table quarantine_admissions (
      id uuid primary key default gen_random_uuid(),
      person_id uuid not null references people (id),
      facility_id uuid not null references facilities (id),
      reason text not null check (reason in ('f1', 'arrival', 'f0_mild')),
      contact_id uuid references contacts (id),
      profile_code text not null references disease_profiles (code),
      vaccinated_or_recovered boolean not null default false,
      starts_on date not null,
      ends_on date not null,
      monitoring_until date not null,
      test_dates jsonb not null default '[]',
      room text,
      status text not null default 'active' check (status in ('active', 'released', 'transferred', 'cancelled')),
      released_on date,
      release_kind text check (release_kind in ('completed', 'early')),
      release_note text,
      extended_days integer not null default 0,
      document_number text,
      monitor_token_id text unique,
      locality_path text not null,
      client_key text unique,
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (ends_on >= starts_on)
    )`.execute(db);
  // Numbers of quarantine decisions ("123/QĐ-BCĐ"): one sequence, so two admissions never share one.
  await sql`create sequence quarantine_document_seq`.execute(db);
  // One live stay per person: a second admission is a transfer, never a parallel record.
  await sql`create unique index admissions_one_active on quarantine_admissions (person_id) where status = 'active'`.execute(
    db,
  );
  await sql`create index admissions_by_facility on quarantine_admissions (facility_id, status)`.execute(db);
  await sql`create index admissions_by_path on quarantine_admissions (locality_path text_pattern_ops, status, ends_on, id)`.execute(
    db,
  );

  await sql`
    create table admission_events (
      id bigint generated always as identity primary key,
      admission_id uuid not null references quarantine_admissions (id) on delete cascade,
      kind text not null check (kind in ('admit', 'transfer_out', 'transfer_in', 'extend', 'release', 'early_release', 'cancel')),
      details jsonb not null default '{}',
      actor_id uuid,
      at timestamptz not null default now()
    )`.execute(db);
  await sql`create index admission_events_by_admission on admission_events (admission_id, id)`.execute(db);

  await sql`
    create table monitoring_reports (
      id bigint generated always as identity primary key,
      admission_id uuid not null references quarantine_admissions (id) on delete cascade,
      reported_on date not null,
      temperature numeric(4, 1),
      symptoms jsonb not null default '[]',
      reported_at timestamptz not null default now(),
      unique (admission_id, reported_on)
    )`.execute(db);

  await sql`
    create table test_campaigns (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      locality_code text not null references localities (code),
      locality_path text not null,
      target_population integer not null check (target_population > 0),
      starts_on date not null,
      ends_on date not null,
      pool_size integer not null check (pool_size between 1 and 10),
      status text not null default 'active' check (status in ('active', 'closed')),
      created_at timestamptz not null default now(),
      check (ends_on >= starts_on)
    )`.execute(db);
  await sql`create index campaigns_by_path on test_campaigns (locality_path text_pattern_ops, created_at desc, id)`.execute(
    db,
  );

  await sql`
    create table test_pools (
      id uuid primary key default gen_random_uuid(),
      code text not null unique,
      campaign_id uuid references test_campaigns (id),
      -- Members in the pool: the last pool of a batch may hold fewer than the campaign's size.
      size integer not null check (size between 1 and 10),
      lab text,
      result text check (result in ('negative', 'positive', 'invalid')),
      resulted_at timestamptz,
      locality_path text not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index pools_by_campaign on test_pools (campaign_id) where campaign_id is not null`.execute(db);

  await sql`
    create table test_orders (
      id uuid primary key default gen_random_uuid(),
      person_id uuid not null references people (id),
      reason text not null check (reason in ('schedule', 'contact', 'symptoms', 'campaign', 'pool_retest', 'manual')),
      test_kind text not null check (test_kind in ('rt_pcr', 'rapid_antigen')),
      due_on date not null,
      admission_id uuid references quarantine_admissions (id),
      follow_up_id uuid references follow_up_tasks (id),
      pool_id uuid references test_pools (id),
      status text not null default 'ordered' check (status in ('ordered', 'sampled', 'resulted', 'cancelled')),
      locality_path text not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  // A schedule or a pool asks once per person and day: re-running either creates nothing new.
  await sql`create unique index orders_once_per_admission_day on test_orders (admission_id, due_on) where admission_id is not null`.execute(
    db,
  );
  await sql`create unique index orders_once_per_pool_member on test_orders (pool_id, person_id) where pool_id is not null`.execute(
    db,
  );
  await sql`create index orders_by_path on test_orders (locality_path text_pattern_ops, status, due_on, id)`.execute(
    db,
  );
  await sql`create index orders_by_person on test_orders (person_id, due_on)`.execute(db);

  await sql`
    create table samples (
      id uuid primary key default gen_random_uuid(),
      code text not null unique,
      person_id uuid not null references people (id),
      order_id uuid references test_orders (id),
      -- No foreign keys on campaign and pool: a campaign writes 100,000 samples in minutes and both
      -- are created in the same transaction as their samples, by the only code that writes them.
      campaign_id uuid,
      pool_id uuid,
      kind text not null check (kind in ('rt_pcr', 'rapid_antigen')),
      collected_at timestamptz not null,
      collected_by text,
      lab text,
      result text check (result in ('negative', 'positive', 'invalid')),
      ct_value numeric(4, 1),
      resulted_at timestamptz,
      locality_path text not null,
      created_at timestamptz not null default now()
    ) with (fillfactor = 50)`.execute(db);
  // Every sample is updated once, when its result arrives (a negative pool clears all its members):
  // half of each page left free lets that new version stay on the page (a HOT update), so the six
  // indexes are not written again.
  await sql`create index samples_by_person on samples (person_id, collected_at desc)`.execute(db);
  await sql`create index samples_by_pool on samples (pool_id) where pool_id is not null`.execute(db);
  await sql`create index samples_by_campaign on samples (campaign_id, collected_at) where campaign_id is not null`.execute(
    db,
  );

  // A positive RT-PCR of someone who is not a case yet: an official accepts it as a case (tracing starts) or dismisses it.
  await sql`
    create table case_proposals (
      id uuid primary key default gen_random_uuid(),
      sample_id uuid not null unique references samples (id),
      person_id uuid not null references people (id),
      status text not null default 'open' check (status in ('open', 'accepted', 'dismissed')),
      case_id uuid references cases (id),
      decided_by uuid,
      decided_at timestamptz,
      locality_path text not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index case_proposals_open on case_proposals (locality_path text_pattern_ops, created_at desc, id) where status = 'open'`.execute(
    db,
  );

  await sql`
    create table treatment_stays (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases (id),
      facility_id uuid not null references facilities (id),
      bed_kind text not null check (bed_kind in ('regular_bed', 'oxygen_bed', 'icu_bed', 'negative_pressure_room')),
      admitted_at timestamptz not null,
      discharged_at timestamptz,
      outcome text check (outcome in ('recovered', 'transferred', 'died')),
      locality_path text not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index treatment_one_open_stay on treatment_stays (case_id) where discharged_at is null`.execute(
    db,
  );
  await sql`create index treatment_by_facility on treatment_stays (facility_id, bed_kind) where discharged_at is null`.execute(
    db,
  );
  await sql`create index treatment_by_path on treatment_stays (locality_path text_pattern_ops, admitted_at desc, id)`.execute(
    db,
  );
}
