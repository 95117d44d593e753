import { sql } from 'kysely';
import { itemCodes } from '../../core/rules/resources/catalogue.ts';
import { forceKinds } from '../../core/rules/resources/forces.ts';
import type { Db } from '../../server/db/database.ts';

/**
 * The readiness bench's country (issue 18): every province's standard units and one unit per
 * commune, topped up to 30 departments per province; each unit with an approved plan (a section
 * per level, 8 requirement lines and 3 tasks each), a store holding 50 stock lines, and 10 force
 * members per commune; one facility with quarantine places and oxygen beds per 10 communes.
 * Written in set-based SQL: the setup is not what is measured.
 */
export async function writeReadinessCountry(db: Db, departmentsPerProvince: number): Promise<Record<string, number>> {
  await sql`
    insert into reporting_units (code, name, name_en, kind, locality_code, locality_path, province_code, supervisor_unit_id)
    select p.province_code || '-BENCH' || lpad(g::text, 2, '0'), 'Sở thử ' || g, 'Bench department ' || g, 'department',
      p.province_code, p.locality_path, p.province_code, p.id
    from (select province_code, locality_path, id, (select count(*) from reporting_units d
            where d.province_code = u.province_code and d.kind not in ('commune', 'district')) as have
          from reporting_units u where kind = 'people_committee') p
    cross join lateral generate_series(1, greatest(0, ${departmentsPerProvince} - p.have::int)) g`.execute(db);
  await sql`
    insert into response_plans (client_key, unit_id, version, rule_set_code, status, locality_path, province_code)
    select gen_random_uuid(), id, 1, (select active_rule_set from risk_settings limit 1), 'approved', locality_path,
      province_code
    from reporting_units`.execute(db);
  await sql`
    insert into response_plan_sections (plan_id, level_key, level_number, own_measures)
    select p.id, 'level_' || n, n, '["Biện pháp riêng"]'::jsonb from response_plans p cross join generate_series(1, 4) n`.execute(
    db,
  );
  await sql`
    insert into response_plan_tasks (plan_id, level_key, title, responsible_unit_id, due_after_hours, sort_order)
    select s.plan_id, s.level_key, 'Nhiệm vụ ' || t, p.unit_id, t * 12, t
    from response_plan_sections s join response_plans p on p.id = s.plan_id cross join generate_series(1, 3) t`.execute(
    db,
  );
  const lines = sql`(values ('staff', 'medical_staff', 4), ('staff', 'police', 3), ('item', 'rapid_antigen_kit', 500),
    ('item', 'rt_pcr_kit', 200), ('item', 'n95_mask', 1000), ('item', 'protective_suit', 300),
    ('bed', 'oxygen_bed', 5), ('quarantine_place', 'quarantine_place', 30)) as l(kind, code, q)`;
  await sql`
    insert into response_plan_requirements (plan_id, level_key, resource_kind, resource_code, quantity)
    select s.plan_id, s.level_key, l.kind, l.code, l.q * s.level_number from response_plan_sections s cross join ${lines}`.execute(
    db,
  );
  await sql`
    insert into resource_stores (client_key, unit_id, name, locality_path, province_code)
    select gen_random_uuid(), id, 'Kho ' || code, locality_path, province_code from reporting_units`.execute(db);
  // 50 stock lines per store: each catalogue item in up to three lots, unexpired, in varying amounts.
  await sql`
    insert into stock_balances (store_id, item_code, lot, expires_on, quantity)
    select s.id, i.code, 'L' || lot, current_date + 200, (hashtext(s.id::text || i.code || lot) & 1023)
    from resource_stores s
    cross join unnest(${[...itemCodes]}::text[]) with ordinality as i(code, n)
    cross join generate_series(1, 3) lot
    where (i.n - 1) * 3 + lot <= 50`.execute(db);
  await sql`
    insert into force_members (client_key, home_unit_id, serving_unit_id, kind, full_name, locality_path, province_code)
    select gen_random_uuid(), u.id, u.id, (${[...forceKinds]}::text[])[1 + (g % ${forceKinds.length})], 'Người ' || g,
      u.locality_path, u.province_code
    from reporting_units u cross join generate_series(1, 10) g where u.kind = 'commune'`.execute(db);
  await sql`
    insert into facilities (name, kind, locality_code, locality_path, address_line)
    select 'Khu cách ly ' || u.code, 'concentrated', u.locality_code, u.locality_path, 'Bench'
    from (select u.*, row_number() over (order by code) as r from reporting_units u where kind = 'commune') u where r % 10 = 0`.execute(
    db,
  );
  await sql`
    insert into facility_capacity (facility_id, kind, capacity)
    select id, k.kind, k.c from facilities cross join (values ('quarantine_place', 50), ('oxygen_bed', 10)) k(kind, c)`.execute(
    db,
  );
  await sql`analyze`.execute(db);
  const r = await sql<Record<string, string>>`
    select (select count(*) from reporting_units where kind = 'commune') as communes,
      (select count(*) from reporting_units where kind <> 'commune') as other_units,
      (select count(*) from response_plans) as plans,
      (select count(*) from response_plan_requirements) as requirement_lines,
      (select count(*) from stock_balances) as stock_lines,
      (select count(*) from force_members) as force_members,
      (select count(*) from facilities) as facilities`.execute(db);
  return Object.fromEntries(Object.entries(r.rows[0]!).map(([k, v]) => [k, Number(v)]));
}
