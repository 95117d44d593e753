import { sql, type Kysely } from 'kysely';

/**
 * "No declaration, no work" (issue 15): an organisation's workforce roster.
 *
 * - `roster_workers`: one row per worker and organisation, keyed by the ID document (an import of
 *   the same document updates the worker). The document is kept normalised (no spaces or dots,
 *   passports upper-case) so the gate finds a worker by the number read off a card. The list is
 *   paged by department then name, the way an organisation reads its roster.
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
}
