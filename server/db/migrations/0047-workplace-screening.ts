import { sql, type Kysely } from 'kysely';

/**
 * Screening of workers under Decision 2787 as test orders, and workers with symptoms (issue 15).
 *
 * - `workplace_screening_batches`: one click on an organisation's due list, one row per client key
 *   (a resend answers the first batch, nothing is ordered twice).
 * - `workplace_screening_orders`: each test order the organisations module asked the testing module
 *   for, for a roster worker, once per worker and day. The due list reads a worker's last order
 *   here and their last sample from the testing module, so the next due date follows the rule.
 * - `workplace_symptom_reports`: a worker with symptoms reported by the organisation's safety
 *   contact (one per client key); open ones are on the commune's today's work until handled.
 * - `people.monitoring_hold_until`: such a worker is under monitoring (QR yellow) with no
 *   quarantine stay behind it; the hourly job that ends finished home monitoring leaves them until
 *   this day.
 * - `workplace_roster_counts`: each organisation's roster size and on-site count, kept by the
 *   roster import. The area's compliance (its pages, totals and the province's export) read one row
 *   per organisation instead of counting a million roster rows each time.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table people add column monitoring_hold_until date`.execute(db);
  await sql`
    create table workplace_roster_counts (
      organisation_id uuid primary key references organisations (id),
      workers integer not null check (workers >= 0),
      on_site integer not null check (on_site >= 0)
    )`.execute(db);
  await sql`
    insert into workplace_roster_counts (organisation_id, workers, on_site)
    select organisation_id, count(*), count(*) filter (where on_site) from roster_workers group by organisation_id`.execute(
    db,
  );
  await sql`
    create table workplace_screening_batches (
      client_key uuid primary key,
      organisation_id uuid not null references organisations (id),
      day date not null,
      ordered integer not null check (ordered >= 0),
      not_on_file integer not null check (not_on_file >= 0),
      created_by uuid references users (id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table workplace_screening_orders (
      roster_worker_id uuid not null references roster_workers (id),
      due_on date not null,
      organisation_id uuid not null references organisations (id),
      person_id uuid not null references people (id),
      test_order_id uuid not null unique references test_orders (id),
      batch_key uuid references workplace_screening_batches (client_key),
      reason text not null check (reason in ('screening', 'symptoms')),
      created_at timestamptz not null default now(),
      primary key (roster_worker_id, due_on, reason)
    )`.execute(db);
  await sql`create index workplace_screening_orders_by_organisation on workplace_screening_orders
    (organisation_id, roster_worker_id, due_on desc)`.execute(db);

  await sql`
    create table workplace_symptom_reports (
      id uuid primary key default gen_random_uuid(),
      client_key uuid not null unique,
      organisation_id uuid not null references organisations (id),
      roster_worker_id uuid not null references roster_workers (id),
      person_id uuid references people (id),
      symptoms jsonb not null,
      onset_on date not null,
      test_order_id uuid references test_orders (id),
      locality_path text not null,
      scope_province text generated always as (split_part(locality_path, '/', 2)) stored,
      scope_code text generated always as (split_part(locality_path, '/', -1)) stored,
      reported_by uuid references users (id),
      reported_at timestamptz not null default now(),
      handled_at timestamptz
    )`.execute(db);
  await sql`create index workplace_symptom_reports_by_organisation on workplace_symptom_reports
    (organisation_id, reported_at desc, id desc)`.execute(db);
  for (const column of ['scope_province', 'scope_code'])
    await sql
      .raw(
        `create index workplace_symptom_reports_open_by_${column} on workplace_symptom_reports
        (${column}, reported_at, id) where handled_at is null`,
      )
      .execute(db);
}
