import { sql, type Kysely } from 'kysely';

/**
 * Unit reports (issue 16): one report per unit, template and period, its submitted versions and
 * the supervisor's reviews.
 *
 * - `report_templates` are versioned rows like the assessment templates: presets written at start.
 * - `unit_reports` holds the draft being edited and the report's state; `first_submitted_at` is the
 *   instant timeliness is judged by (a resubmission after a return does not move it).
 * - `unit_report_versions` are immutable: each submission (or amendment) with the figures, the
 *   computed values beside them, the reasons for every changed computed figure, and the client key
 *   that makes a double tap one submission.
 * - `unit_report_reviews`: accept (locks the report) or return (with a comment).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table report_templates (
      code text not null,
      version integer not null check (version >= 1),
      definition jsonb not null,
      preset boolean not null default false,
      saved_at timestamptz not null default now(),
      primary key (code, version)
    )`.execute(db);

  await sql`
    create table unit_reports (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references reporting_units (id),
      template_code text not null,
      template_version integer not null,
      period_id text not null,
      period_from date not null,
      period_to date not null,
      due_at timestamptz not null,
      locality_path text not null,
      province_code text not null,
      status text not null default 'draft' check (status in ('draft', 'submitted', 'returned', 'accepted')),
      version integer not null default 0 check (version >= 0),
      draft jsonb not null,
      first_submitted_at timestamptz,
      last_submitted_at timestamptz,
      created_by uuid references users (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (unit_id, template_code, period_id),
      foreign key (template_code, template_version) references report_templates (code, version),
      check ((status = 'draft') = (version = 0)),
      check ((first_submitted_at is null) = (version = 0))
    )`.execute(db);
  // Completeness of a period: a province's reports of one template and period.
  await sql`create index unit_reports_by_period on unit_reports (province_code, template_code, period_id)`.execute(db);

  await sql`
    create table unit_report_versions (
      id uuid primary key default gen_random_uuid(),
      report_id uuid not null references unit_reports (id),
      version integer not null check (version >= 1),
      client_key uuid not null unique,
      figures jsonb not null,
      computed jsonb not null,
      reasons jsonb not null,
      amendment_reason text,
      on_time boolean not null,
      submitted_by uuid references users (id),
      submitted_at timestamptz not null default now(),
      unique (report_id, version),
      check (version = 1 or amendment_reason is not null)
    )`.execute(db);

  await sql`
    create table unit_report_reviews (
      id uuid primary key default gen_random_uuid(),
      report_id uuid not null references unit_reports (id),
      version integer not null,
      decision text not null check (decision in ('accept', 'return')),
      comment text,
      reviewed_by uuid references users (id),
      reviewed_at timestamptz not null default now(),
      check (decision = 'accept' or comment is not null),
      foreign key (report_id, version) references unit_report_versions (report_id, version)
    )`.execute(db);
  await sql`create index unit_report_reviews_by_report on unit_report_reviews (report_id, reviewed_at)`.execute(db);

  // A submission and a review are records of what a unit declared and a supervisor decided.
  await sql`
    create function refuse_report_record_change() returns trigger language plpgsql as $$
    begin
      raise exception 'a submitted report version or review cannot be changed' using errcode = 'check_violation';
    end $$`.execute(db);
  await sql`create trigger unit_report_versions_immutable before update or delete on unit_report_versions
    for each row execute function refuse_report_record_change()`.execute(db);
  await sql`create trigger unit_report_reviews_immutable before update or delete on unit_report_reviews
    for each row execute function refuse_report_record_change()`.execute(db);
}
