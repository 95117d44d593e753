import { sql, type Kysely } from 'kysely';

/**
 * Reporting units (issue 16): the province's departments, agencies, mass organisations and its
 * communes (districts where a province still has them), each reporting for an area (its locality)
 * to a supervisor unit. Inspections, plans and directives address the same units.
 *
 * - `reporting_units.locality_path` is the area the unit reports for (the province for a
 *   department, the commune for a commune): jurisdiction filters and computed figures read it.
 * - `reporting_unit_officers` links staff accounts to the unit they report for, with the phone the
 *   province calls when the unit is late (accounts carry no phone of their own).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table reporting_units (
      id uuid primary key default gen_random_uuid(),
      code text not null unique check (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$'),
      name text not null,
      name_en text not null,
      kind text not null check (kind in ('people_committee', 'department', 'agency', 'armed_force',
        'mass_organisation', 'district', 'commune')),
      locality_code text not null references localities (code),
      locality_path text not null,
      province_code text not null,
      supervisor_unit_id uuid references reporting_units (id),
      active boolean not null default true,
      created_at timestamptz not null default now(),
      check (supervisor_unit_id is null or supervisor_unit_id <> id)
    )`.execute(db);
  // The completeness table walks a province's units in code order; a commune's officer finds their unit by area.
  await sql`create index reporting_units_by_province on reporting_units (province_code, code)`.execute(db);
  await sql`create index reporting_units_by_path on reporting_units (locality_path text_pattern_ops, code)`.execute(db);
  await sql`create index reporting_units_by_supervisor on reporting_units (supervisor_unit_id)`.execute(db);

  await sql`
    create table reporting_unit_officers (
      unit_id uuid not null references reporting_units (id),
      user_id uuid not null references users (id),
      phone text,
      created_at timestamptz not null default now(),
      primary key (unit_id, user_id)
    )`.execute(db);
  await sql`create index reporting_unit_officers_by_user on reporting_unit_officers (user_id)`.execute(db);
}
