import { sql, type Kysely } from 'kysely';

/**
 * Response plans and command on the spot (issue 18, "4 tại chỗ").
 *
 * - `steering_committees`: one row per reporting unit, its state (normal / activated, with the
 *   decision and the moment); `steering_committee_members` its members, roles, phones and duty.
 * - `response_plans`: one row per version of a unit's plan; a new version is a new row (history
 *   kept), reviewed by the unit above. The plan in force is the unit's latest approved version.
 *   Sections, tasks and requirements hang off a version and are never changed once written.
 * - `plan_activations`: a section activated for a unit when a level decision took effect (at most one
 *   open activation per unit and level, by a partial unique index: a job run twice activates once);
 *   `plan_activation_tasks` the tasks it created, with their deadlines.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table steering_committees (
      unit_id uuid primary key references reporting_units (id),
      state text not null default 'normal' check (state in ('normal', 'activated')),
      decision text check (length(decision) <= 300),
      state_since timestamptz,
      changed_by uuid references users (id),
      updated_at timestamptz not null default now(),
      check (state = 'normal' or (decision is not null and state_since is not null))
    )`.execute(db);

  await sql`
    create table steering_committee_members (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references reporting_units (id),
      full_name text not null check (length(full_name) between 1 and 200),
      role text not null check (role in ('head', 'deputy_head', 'standing_member', 'member', 'secretary')),
      position text check (length(position) <= 200),
      phone text check (phone ~ '^\\+?[0-9 .-]{6,20}$'),
      user_id uuid references users (id),
      duty text check (length(duty) <= 500),
      sort_order integer not null default 0
    )`.execute(db);
  await sql`create index steering_committee_members_by_unit on steering_committee_members (unit_id, sort_order)`.execute(
    db,
  );

  await sql`
    create table response_plans (
      id uuid primary key default gen_random_uuid(),
      client_key uuid not null unique,
      unit_id uuid not null references reporting_units (id),
      version integer not null check (version >= 1),
      rule_set_code text not null,
      status text not null default 'draft' check (status in ('draft', 'submitted', 'approved', 'returned')),
      locality_path text not null,
      province_code text not null,
      created_by uuid references users (id),
      created_at timestamptz not null default now(),
      submitted_at timestamptz,
      reviewed_by uuid references users (id),
      reviewed_at timestamptz,
      review_comment text check (length(review_comment) <= 2000),
      unique (unit_id, version)
    )`.execute(db);
  await sql`create index response_plans_by_province on response_plans (province_code, status, unit_id)`.execute(db);
  // The plan in force: a unit's latest approved version, read for one unit or a province's units at once.
  await sql`create index response_plans_approved on response_plans (unit_id, version desc) where status = 'approved'`.execute(
    db,
  );

  await sql`
    create table response_plan_sections (
      plan_id uuid not null references response_plans (id),
      level_key text not null,
      level_number integer not null,
      own_measures jsonb not null default '[]',
      primary key (plan_id, level_key)
    )`.execute(db);

  await sql`
    create table response_plan_tasks (
      id uuid primary key default gen_random_uuid(),
      plan_id uuid not null,
      level_key text not null,
      title text not null check (length(title) between 1 and 500),
      responsible_unit_id uuid not null references reporting_units (id),
      due_after_hours integer not null check (due_after_hours between 0 and 2160),
      sort_order integer not null default 0,
      foreign key (plan_id, level_key) references response_plan_sections (plan_id, level_key)
    )`.execute(db);
  await sql`create index response_plan_tasks_by_section on response_plan_tasks (plan_id, level_key, sort_order)`.execute(
    db,
  );

  await sql`
    create table response_plan_requirements (
      plan_id uuid not null,
      level_key text not null,
      resource_kind text not null check (resource_kind in ('staff', 'bed', 'quarantine_place', 'vehicle', 'item')),
      resource_code text not null check (resource_code ~ '^[a-z0-9][a-z0-9_.-]{0,59}$'),
      quantity integer not null check (quantity > 0),
      primary key (plan_id, level_key, resource_kind, resource_code),
      foreign key (plan_id, level_key) references response_plan_sections (plan_id, level_key)
    )`.execute(db);

  await sql`
    create table plan_activations (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references reporting_units (id),
      plan_id uuid not null references response_plans (id),
      level_key text not null,
      level_number integer not null,
      decision_id uuid references risk_level_decisions (id),
      activated_at timestamptz not null,
      closed_at timestamptz,
      close_reason text check (close_reason in ('level_lowered', 'superseded')),
      locality_path text not null,
      province_code text not null
    )`.execute(db);
  await sql`create unique index plan_activations_open on plan_activations (unit_id, level_key) where closed_at is null`.execute(
    db,
  );
  await sql`create index plan_activations_by_province on plan_activations (province_code, activated_at desc, id desc)`.execute(
    db,
  );

  await sql`
    create table plan_activation_tasks (
      id uuid primary key default gen_random_uuid(),
      activation_id uuid not null references plan_activations (id),
      title text not null,
      responsible_unit_id uuid not null references reporting_units (id),
      due_at timestamptz not null,
      status text not null default 'open' check (status in ('open', 'done', 'closed')),
      status_at timestamptz,
      status_by uuid references users (id)
    )`.execute(db);
  await sql`create index plan_activation_tasks_by_activation on plan_activation_tasks (activation_id, due_at)`.execute(
    db,
  );
  await sql`create index plan_activation_tasks_by_unit on plan_activation_tasks (responsible_unit_id, status, due_at)`.execute(
    db,
  );
}
