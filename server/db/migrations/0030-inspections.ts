import { sql, type Kysely } from 'kysely';

/**
 * Inspections (issue 17): plans of an inspecting unit, their targets and team, versioned checklists,
 * visits filled on a phone (possibly offline: every create carries a client key, a resend answers
 * the first result), findings, photos, violations under a versioned catalogue of Decree 117/2020,
 * fine decisions and corrective actions.
 *
 * - Checklists and the catalogue are data with versions: a visit keeps the checklist version it was
 *   filled against; a violation the article version in force on the day it was committed.
 * - A visit carries `version`: an edit names the version it started from and is refused (409) when
 *   someone changed the visit meanwhile; `last_edit_key` makes a resent edit answer, not conflict.
 * - Findings repeat `province_code`, `unit_id` and `visited_on` of their visit so the dashboard counts
 *   failures by item from one partial index, without joining a province's year of visits.
 * - Photos and the representative's signature are bytes apart from the rows lists read.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table violation_articles (
      id uuid primary key default gen_random_uuid(),
      code text not null check (code ~ '^[0-9]+(\.[0-9A-Za-z]+)*$'),
      version integer not null check (version > 0),
      title jsonb not null,
      individual_min_vnd integer not null check (individual_min_vnd >= 0),
      individual_max_vnd integer not null,
      effective_from date not null,
      effective_to date,
      remedy jsonb,
      unique (code, version),
      check (individual_max_vnd >= individual_min_vnd),
      check (effective_to is null or effective_to >= effective_from)
    )`.execute(db);

  await sql`
    create table inspection_checklists (
      id uuid primary key default gen_random_uuid(),
      code text not null,
      version integer not null check (version > 0),
      title jsonb not null,
      items jsonb not null,
      created_at timestamptz not null default now(),
      unique (code, version)
    )`.execute(db);

  await sql`
    create table inspection_plans (
      id uuid primary key default gen_random_uuid(),
      client_key uuid not null unique,
      unit_id uuid not null references reporting_units (id),
      title text not null check (length(title) between 1 and 300),
      period_from date not null,
      period_to date not null,
      locality_path text not null,
      province_code text not null,
      created_by uuid references users (id),
      created_at timestamptz not null default now(),
      check (period_to >= period_from)
    )`.execute(db);
  await sql`create index inspection_plans_by_path on inspection_plans (locality_path text_pattern_ops, period_from desc, id desc)`.execute(
    db,
  );
  await sql`create index inspection_plans_by_unit on inspection_plans (unit_id, period_from desc, id desc)`.execute(db);

  await sql`
    create table inspection_plan_members (
      plan_id uuid not null references inspection_plans (id),
      user_id uuid not null references users (id),
      leader boolean not null default false,
      primary key (plan_id, user_id)
    )`.execute(db);
  await sql`create unique index inspection_plan_one_leader on inspection_plan_members (plan_id) where leader`.execute(
    db,
  );
  await sql`create index inspection_plan_members_by_user on inspection_plan_members (user_id, plan_id)`.execute(db);

  await sql`
    create table inspection_targets (
      id uuid primary key default gen_random_uuid(),
      plan_id uuid not null references inspection_plans (id),
      kind text not null check (kind in ('locality', 'village', 'organisation', 'venue', 'facility', 'checkpoint', 'other')),
      name text not null check (length(name) between 1 and 300),
      organisation_id uuid,
      locality_code text not null,
      locality_path text not null,
      province_code text not null,
      checklist_id uuid not null references inspection_checklists (id),
      scheduled_on date not null,
      proposed_because text
    )`.execute(db);
  await sql`create index inspection_targets_by_plan on inspection_targets (plan_id, scheduled_on, id)`.execute(db);
  await sql`create index inspection_targets_by_organisation on inspection_targets (organisation_id) where organisation_id is not null`.execute(
    db,
  );

  await sql`
    create table inspection_visits (
      id uuid primary key default gen_random_uuid(),
      client_key uuid not null unique,
      target_id uuid not null references inspection_targets (id),
      plan_id uuid not null references inspection_plans (id),
      unit_id uuid not null references reporting_units (id),
      checklist_id uuid not null references inspection_checklists (id),
      inspector_user_id uuid references users (id),
      visited_on date not null,
      started_at timestamptz not null,
      completed_at timestamptz,
      status text not null check (status in ('in_progress', 'completed')),
      version integer not null default 1,
      last_edit_key uuid,
      summary text check (length(summary) <= 4000),
      private_note text check (length(private_note) <= 4000),
      latitude double precision,
      longitude double precision,
      representative_name text,
      representative_title text,
      signature_png bytea,
      failures integer not null default 0,
      organisation_id uuid,
      locality_path text not null,
      province_code text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (status = 'in_progress' or (signature_png is not null and representative_name is not null))
    )`.execute(db);
  await sql`create index inspection_visits_by_province on inspection_visits (province_code, visited_on)`.execute(db);
  await sql`create index inspection_visits_by_path on inspection_visits (locality_path text_pattern_ops, visited_on desc, id desc)`.execute(
    db,
  );
  await sql`create index inspection_visits_by_target on inspection_visits (target_id)`.execute(db);

  await sql`
    create table inspection_findings (
      visit_id uuid not null references inspection_visits (id),
      item_key text not null,
      result text not null check (result in ('pass', 'fail', 'na')),
      note text check (length(note) <= 2000),
      legal_basis text,
      province_code text not null,
      locality_path text not null,
      visited_on date not null,
      primary key (visit_id, item_key)
    )`.execute(db);
  await sql`create index inspection_failures_by_province on inspection_findings (province_code, visited_on) include (item_key) where result = 'fail'`.execute(
    db,
  );

  await sql`
    create table inspection_photos (
      id uuid primary key default gen_random_uuid(),
      client_key uuid not null unique,
      visit_id uuid not null references inspection_visits (id),
      item_key text,
      media_type text not null check (media_type in ('image/jpeg', 'image/png', 'image/webp')),
      body bytea not null,
      byte_size integer not null check (byte_size between 1 and 5242880),
      created_by uuid references users (id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index inspection_photos_by_visit on inspection_photos (visit_id, created_at)`.execute(db);

  await sql`
    create table violation_records (
      id uuid primary key default gen_random_uuid(),
      client_key uuid not null unique,
      visit_id uuid references inspection_visits (id),
      item_key text,
      article_id uuid not null references violation_articles (id),
      subject_kind text not null check (subject_kind in ('individual', 'organisation')),
      subject_name text not null check (length(subject_name) between 1 and 300),
      subject_document text,
      organisation_id uuid,
      subject_key text not null,
      committed_on date not null,
      description text not null check (length(description) between 1 and 4000),
      unit_id uuid not null references reporting_units (id),
      locality_path text not null,
      province_code text not null,
      decision_number text,
      decided_on date,
      fine_vnd integer check (fine_vnd > 0),
      remedies text,
      payment_due_on date,
      paid_on date,
      final boolean not null default false,
      publication_decision text,
      publication_names_subject boolean not null default false,
      created_by uuid references users (id),
      created_at timestamptz not null default now(),
      check (fine_vnd is null or decided_on is not null),
      check (subject_kind = 'organisation' or publication_decision is not null or not publication_names_subject)
    )`.execute(db);
  await sql`create index violation_records_by_province on violation_records (province_code, committed_on)`.execute(db);
  await sql`create index violation_records_by_path on violation_records (locality_path text_pattern_ops, committed_on desc, id desc)`.execute(
    db,
  );
  await sql`create index violation_records_by_subject on violation_records (subject_key, committed_on)`.execute(db);
  await sql`create index violation_records_published on violation_records (province_code, decided_on desc, id desc)
    where final and (subject_kind = 'organisation' or publication_decision is not null)`.execute(db);

  await sql`
    create table corrective_actions (
      id uuid primary key default gen_random_uuid(),
      client_key uuid not null unique,
      visit_id uuid not null references inspection_visits (id),
      violation_id uuid references violation_records (id),
      item_key text,
      description text not null check (length(description) between 1 and 2000),
      responsible_person text not null check (length(responsible_person) between 1 and 200),
      due_on date not null,
      status text not null default 'open' check (status in ('open', 'reported', 'closed')),
      report_text text,
      report_evidence text,
      reported_at timestamptz,
      reported_by uuid references users (id),
      unit_id uuid not null references reporting_units (id),
      organisation_id uuid,
      locality_path text not null,
      province_code text not null,
      created_by uuid references users (id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index corrective_actions_open_by_path on corrective_actions (locality_path text_pattern_ops, due_on)
    where status <> 'closed'`.execute(db);
  await sql`create index corrective_actions_by_visit on corrective_actions (visit_id)`.execute(db);
}
