import { sql, type Kysely } from 'kysely';

/**
 * "No declaration, no work" (issue 15): an organisation's workforce roster.
 *
 * - `roster_workers`: one row per worker and organisation, keyed by the ID document (an import of
 *   the same document updates the worker). The document is kept normalised (no spaces or dots,
 *   passports upper-case) so the gate finds a worker by the number read off a card. The list is
 *   paged by department then name, the way an organisation reads its roster.
 * - `organisation_sites`: the organisation's existing venues linked as its sites; a venue is the
 *   site of one organisation at most.
 * - `workplace_gate_events`: each worker checked at a site's gate, allowed or refused, one row per
 *   client key (a resend stores one). `day` is the Viet Nam day of the check, so the daily
 *   compliance reads one organisation's day from one index.
 * - `workplace_follow_ups`: what a high or very-high self-assessment opens for the commune on
 *   today's work, due by the corrective-plan deadline of its group; one per assessment.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table roster_workers (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations (id),
      full_name text not null,
      id_number text not null,
      phone text,
      department text not null default '',
      shift text not null default '',
      on_site boolean not null,
      work_role text not null check (work_role in ('service_contact', 'high_risk', 'other')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (organisation_id, id_number)
    )`.execute(db);
  await sql`create index roster_workers_list on roster_workers (organisation_id, department, full_name, id)`.execute(
    db,
  );
  await sql`create index roster_workers_by_document on roster_workers (id_number)`.execute(db);

  await sql`
    create table organisation_sites (
      venue_id uuid primary key references venues (id),
      organisation_id uuid not null references organisations (id),
      linked_by uuid references users (id),
      linked_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index organisation_sites_by_organisation on organisation_sites (organisation_id)`.execute(db);

  await sql`
    create table workplace_gate_events (
      id uuid primary key default gen_random_uuid(),
      client_key uuid not null unique,
      organisation_id uuid not null references organisations (id),
      venue_id uuid not null references venues (id),
      roster_worker_id uuid references roster_workers (id),
      person_id uuid references people (id),
      day date not null,
      at timestamptz not null default now(),
      mode text not null check (mode in ('qr', 'list', 'cccd')),
      allowed boolean not null,
      valid_declaration boolean not null,
      reasons jsonb not null,
      recorded_by uuid references users (id)
    )`.execute(db);
  await sql`create index workplace_gate_events_by_day on workplace_gate_events
    (organisation_id, day, roster_worker_id)`.execute(db);

  await sql`
    create table workplace_follow_ups (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations (id),
      assessment_id uuid not null unique references organisation_assessments (id),
      locality_path text not null,
      scope_province text generated always as (split_part(locality_path, '/', 2)) stored,
      scope_code text generated always as (split_part(locality_path, '/', -1)) stored,
      risk_group text not null check (risk_group in ('high', 'very_high')),
      may_not_operate boolean not null,
      due_on date not null,
      opened_at timestamptz not null default now(),
      closed_at timestamptz
    )`.execute(db);
  for (const column of ['scope_province', 'scope_code'])
    await sql
      .raw(
        `create index workplace_follow_ups_open_by_${column} on workplace_follow_ups
        (${column}, may_not_operate desc, due_on, id) where closed_at is null`,
      )
      .execute(db);
}
