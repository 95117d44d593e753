import { sql, type Kysely } from 'kysely';

/**
 * Workplaces (issue 15): organisations that register with their commune and assess their COVID
 * safety on versioned templates (Decisions 2194, 2225, HCMC 1203).
 *
 * - `organisations` carries its scope columns from the start (as 0020 gave the other lists) and the
 *   latest assessment's group, so the officials' list and map by group read an index, not every
 *   assessment. One live registration per tax code: a rejected one frees it.
 * - `assessment_templates` are versioned rows like the risk rule sets: presets are written at start,
 *   an edit is a new version.
 * - `organisation_assessments` are immutable once submitted (a trigger refuses update and delete):
 *   each keeps its template version, answers and score, so an old score stays reproducible.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table assessment_templates (
      code text not null,
      version integer not null check (version >= 1),
      definition jsonb not null,
      preset boolean not null default false,
      saved_by uuid references users (id),
      saved_at timestamptz not null default now(),
      primary key (code, version)
    )`.execute(db);

  await sql`
    create table organisations (
      id uuid primary key default gen_random_uuid(),
      client_key uuid not null unique,
      name text not null,
      org_type text not null check (org_type in ('agency', 'enterprise', 'school', 'market', 'supermarket',
        'restaurant', 'industrial_park', 'dormitory', 'health_facility', 'other')),
      sector text,
      tax_code text check (tax_code ~ '^[0-9]{10}(-[0-9]{3})?$'),
      address_line text not null,
      commune_code text not null references localities (code),
      locality_path text not null,
      scope_province text generated always as (split_part(locality_path, '/', 2)) stored,
      scope_code text generated always as (split_part(locality_path, '/', -1)) stored,
      head_name text not null,
      contact_name text not null,
      contact_phone text not null,
      contact_phone_verified_at timestamptz,
      headcount integer not null check (headcount > 0),
      shifts integer not null default 1 check (shifts between 1 and 4),
      runs_dormitory boolean not null default false,
      runs_shuttle boolean not null default false,
      status text not null default 'pending' check (status in ('pending', 'approved', 'rejected', 'suspended')),
      owner_user_id uuid references users (id),
      decided_by uuid references users (id),
      decided_at timestamptz,
      decision_note text,
      latest_assessment_id uuid,
      latest_group text check (latest_group in ('very_low', 'low', 'medium', 'high', 'very_high')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index organisations_live_tax_code on organisations (tax_code)
    where tax_code is not null and status <> 'rejected'`.execute(db);
  // The list, newest first, by scope and by enumerated filter (the lists' pattern of 0020).
  for (const [scope, column] of [
    ['province', 'scope_province'],
    ['locality', 'scope_code'],
  ] as const) {
    for (const [name, columns] of [
      ['list', 'created_at desc, id desc'],
      ['list_status', 'status, created_at desc, id desc'],
      ['list_group', 'latest_group, created_at desc, id desc'],
    ] as const) {
      await sql
        .raw(`create index organisations_by_${scope}_${name} on organisations (${column}, ${columns})`)
        .execute(db);
    }
  }
  await sql`create index organisations_by_path on organisations (locality_path text_pattern_ops, created_at desc, id desc)`.execute(
    db,
  );
  await sql`create index organisations_by_owner on organisations (owner_user_id, created_at desc, id desc)`.execute(db);

  await sql`
    create table organisation_assessments (
      id uuid primary key default gen_random_uuid(),
      client_key uuid not null unique,
      organisation_id uuid not null references organisations (id),
      locality_path text not null,
      template_code text not null,
      template_version integer not null,
      answers jsonb not null,
      points integer not null check (points >= 0),
      max_points integer not null check (max_points > 0),
      share_percent integer not null check (share_percent between 0 and 100),
      risk_group text not null check (risk_group in ('very_low', 'low', 'medium', 'high', 'very_high')),
      blocked_by jsonb not null,
      drivers jsonb not null,
      may_operate text not null check (may_operate in ('yes', 'no')),
      commune_inspects boolean not null,
      corrective_plan_due_on date,
      reassess_due_on date not null,
      submitted_by uuid references users (id),
      submitted_at timestamptz not null default now(),
      foreign key (template_code, template_version) references assessment_templates (code, version)
    )`.execute(db);
  await sql`create index assessments_by_organisation on organisation_assessments
    (organisation_id, submitted_at desc, id desc)`.execute(db);
  await sql`alter table organisations add constraint organisations_latest_assessment
    foreign key (latest_assessment_id) references organisation_assessments (id)`.execute(db);
  // A submitted assessment is a record of what the organisation declared: never rewritten.
  await sql`
    create function refuse_assessment_change() returns trigger language plpgsql as $$
    begin
      raise exception 'a submitted self-assessment cannot be changed' using errcode = 'check_violation';
    end $$`.execute(db);
  await sql`create trigger organisation_assessments_immutable before update or delete on organisation_assessments
    for each row execute function refuse_assessment_change()`.execute(db);
}
