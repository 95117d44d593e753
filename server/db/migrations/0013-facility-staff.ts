import { sql, type Kysely } from 'kysely';

/**
 * Facility staff work at facilities, not over a locality: an administrator binds each facility
 * staff account to the facilities it serves (many to many). An account bound to none reads nobody.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table facility_staff (
      user_id uuid not null references users (id) on delete cascade,
      facility_id uuid not null references facilities (id),
      assigned_by uuid references users (id) on delete set null,
      assigned_at timestamptz not null default now(),
      primary key (user_id, facility_id)
    )`.execute(db);
  await sql`create index facility_staff_by_facility on facility_staff (facility_id)`.execute(db);
}
