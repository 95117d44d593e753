/**
 * The rows of the `lists` bench beyond cases: people, tracing contacts, quarantine stays, test
 * orders, declarations, arrivals, venues and check-ins, audit events; `rows` of each, across the
 * country with the case generator's skew (row k lies in the commune of case k, so the biggest
 * province holds about a third of every list). One INSERT … SELECT generate_series per table, on
 * one connection with `session_replication_role = replica`: no per-row foreign-key check or audit
 * chain trigger while loading (the rows are consistent by construction).
 */
import { performance } from 'node:perf_hooks';
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../server/db/database.ts';
import { defaultDiseaseProfile } from '../../core/rules/disease-profiles.ts';
import { DAY_MS } from '../../core/vietnam-calendar.ts';
import type { Platform } from '../../server/main.ts';

/** A uniform number in [0, 1) for row `n` and a named stream (the case generator's bench_u). */
const u = (seed: number, stream: string, n: string): RawBuilder<number> =>
  sql<number>`bench_u(${hashStream(seed, stream)}::bigint, ${sql.raw(n)})`;

function hashStream(seed: number, stream: string): number {
  let h = seed * 7919 + 17;
  for (const ch of stream) h = (h * 31 + ch.charCodeAt(0)) % 2_147_483_647;
  return h;
}

/** Row k of every list: in the commune of case k (number BN000000k), written after its confirmation. */
const rows = sql`(select substr(x.case_number, 3)::bigint as k, x.locality_code as code, x.locality_path as path, x.province_code,
  x.id as case_id, x.confirmed_date from cases x where x.case_number like 'BN%') r`;
/** Communes with cases and how many (a venue per 20 check-ins). */
const communes = sql`(select locality_code as code, locality_path as path, count(*) as n from cases group by 1, 2) c`;

export interface ListsDataReport {
  [table: string]: number;
}

export async function generateListsData(
  db: Db,
  platform: Platform,
  seed: number,
  log: (line: string) => void,
): Promise<ListsDataReport> {
  const report: ListsDataReport = {};
  const now = Date.now();
  // Check-ins of the last 14 days (inside the retention the platform keeps at start).
  await platform.services.checkins.ensurePartitions(new Date(now - 15 * DAY_MS), new Date(now + DAY_MS));
  await db.connection().execute(async (conn) => {
    await sql`set session_replication_role = replica`.execute(conn);
    const step = async (table: string, statement: RawBuilder<unknown>) => {
      const t = performance.now();
      await statement.execute(conn);
      report[table] = Math.round((performance.now() - t) / 100) / 10;
      log(`${table}: ${report[table]} s`);
    };
    await step(
      'people',
      sql`insert into people (id, id_type, id_number, full_name, name_key, birth_year, gender, commune_code, locality_path)
      select md5('lp:' || k)::uuid, 'cccd', lpad(k::text, 12, '0'), 'Người Thứ ' || k, 'nguoi thu ' || k,
        1940 + floor(80 * ${u(seed, 'pbirth', 'k')})::int, case when ${u(seed, 'pgender', 'k')} < 0.5 then 'male' else 'female' end,
        code, path
      from ${rows}`,
    );
    // Contact k of case k (same commune), written in the days after the case's confirmation.
    await step(
      'contacts',
      sql`insert into contacts (id, case_id, person_id, level, status, household, total_overlap_minutes, locality_path, created_at, updated_at)
      select md5('lk:' || k)::uuid, case_id, md5('lp:' || k)::uuid,
        case when ${u(seed, 'klevel', 'k')} < 0.8 then 1 else 2 end,
        case when ${u(seed, 'kstatus', 'k')} < 0.3 then 'proposed' when ${u(seed, 'kstatus', 'k')} < 0.9 then 'confirmed' else 'rejected' end,
        ${u(seed, 'khouse', 'k')} < 0.2, floor(300 * ${u(seed, 'kmin', 'k')}), path, at, at
      from ${rows} cross join lateral (select confirmed_date + (3 * 86400 * ${u(seed, 'kat', 'k')}) * interval '1 second' as at) t`,
    );
    await step(
      'facilities',
      sql`insert into facilities (id, name, kind, locality_code, locality_path, address_line)
      select md5('lf:' || code)::uuid, 'Khu cách ly ' || name, 'concentrated', code, path, 'Bench'
      from localities where level = 'province' and status = 'active'`,
    );
    await step(
      'quarantine_admissions',
      sql`insert into quarantine_admissions (person_id, facility_id, reason, profile_code, starts_on, ends_on, monitoring_until,
        status, released_on, release_kind, locality_path)
      select md5('lp:' || k)::uuid, md5('lf:' || province_code)::uuid,
        case when ${u(seed, 'qreason', 'k')} < 0.7 then 'f1' when ${u(seed, 'qreason', 'k')} < 0.9 then 'arrival' else 'f0_mild' end,
        ${defaultDiseaseProfile.code}, s, s + 14, s + 21,
        case when s + 14 >= ${lastDay(now)}::date then 'active' when ${u(seed, 'qstatus', 'k')} < 0.05 then 'transferred'
          when ${u(seed, 'qstatus', 'k')} < 0.1 then 'cancelled' else 'released' end,
        case when s + 14 < ${lastDay(now)}::date then s + 14 end,
        case when s + 14 < ${lastDay(now)}::date then 'completed' end, path
      from ${rows} cross join lateral (select confirmed_date + 1 as s) t`,
    );
    await step(
      'test_orders',
      sql`insert into test_orders (person_id, reason, test_kind, due_on, status, locality_path)
      select md5('lp:' || k)::uuid,
        (array['schedule', 'contact', 'symptoms', 'campaign', 'pool_retest', 'manual'])[1 + floor(6 * ${u(seed, 'oreason', 'k')})::int],
        case when ${u(seed, 'okind', 'k')} < 0.7 then 'rt_pcr' else 'rapid_antigen' end,
        confirmed_date - 1 + floor(20 * ${u(seed, 'odue', 'k')})::int,
        case when ${u(seed, 'ostatus', 'k')} < 0.2 then 'ordered' when ${u(seed, 'ostatus', 'k')} < 0.3 then 'sampled'
          when ${u(seed, 'ostatus', 'k')} < 0.95 then 'resulted' else 'cancelled' end, path
      from ${rows}`,
    );
    // Declarations and arrivals of the last 10 and 30 days (microsecond times, as written live).
    await step(
      'health_declarations',
      sql`insert into health_declarations (person_id, kind, symptoms, exposures, has_symptoms, has_exposure, commune_code,
        locality_path, submitted_at, valid_until, client_key)
      select md5('lp:' || k)::uuid,
        case when ${u(seed, 'dkind', 'k')} < 0.7 then 'population' when ${u(seed, 'dkind', 'k')} < 0.95 then 'movement' else 'entry' end,
        case when sym then '["fever"]'::jsonb else '[]'::jsonb end, case when exp then '["contact_case"]'::jsonb else '[]'::jsonb end,
        sym, exp, code, path, at, at + interval '7 days', 'bench-d-' || k
      from ${rows} cross join lateral (select ${u(seed, 'dsym', 'k')} < 0.05 as sym, ${u(seed, 'dexp', 'k')} < 0.04 as exp,
          now() - (10 * 86400 * ${u(seed, 'dat', 'k')}) * interval '1 second' as at) t`,
    );
    await step(
      'arrivals',
      sql`insert into arrivals (person_id, origin_kind, origin_code, vehicle_type, departed_on, arrived_on, destination_commune_code,
        locality_path, flagged, flag_reasons, follow_up_status, submitted_at, client_key)
      select md5('lp:' || k)::uuid, 'province', '01', 'car', at::date - 1, at::date, code, path, flagged,
        case when flagged then '["from_zone"]'::jsonb else '[]'::jsonb end,
        case when not flagged then 'none' when ${u(seed, 'afollow', 'k')} < 0.5 then 'pending'
          when ${u(seed, 'afollow', 'k')} < 0.8 then 'contacted' else 'closed' end, at, 'bench-a-' || k
      from ${rows} cross join lateral (select ${u(seed, 'aflag', 'k')} < 0.1 as flagged,
          now() - (30 * 86400 * ${u(seed, 'aat', 'k')}) * interval '1 second' as at) t`,
    );
    // A venue per 20 check-ins of a commune; check-in k at one of its commune's venues.
    await step(
      'venues',
      sql`insert into venues (id, public_code, organisation_name, name, venue_type, address_line, commune_code, locality_path,
        contact_phone, status)
      select md5('lv:' || c.code || ':' || v)::uuid, 'BV' || c.code || lpad(v::text, 5, '0'), 'Bench', 'Địa điểm ' || c.code || '-' || v,
        'restaurant', 'Bench', c.code, c.path, '0900000000', 'approved'
      from ${communes} cross join lateral generate_series(0, ceil(c.n / 20.0)::int - 1) v`,
    );
    await step(
      'checkins',
      sql`insert into checkins (venue_id, person_id, checked_in_at, mode, commune_code)
      select md5('lv:' || r.code || ':' || (k % ceil(c.n / 20.0)::int))::uuid, md5('lp:' || k)::uuid,
        now() - (14 * 86400 * ${u(seed, 'cat', 'k')}) * interval '1 second', 'visitor_scan', r.code
      from ${rows} join ${communes} on c.code = r.code`,
    );
    // Audit events: nine in ten about a commune's record, one in ten at the province.
    await step(
      'audit_events',
      sql`insert into audit_events (at, actor_id, actor_name, action, entity_type, entity_id, locality_code, locality_path,
        actor_role, actor_locality_code)
      select now() - (30 * 86400 * ${u(seed, 'eat', 'k')}) * interval '1 second', md5('la:' || (k % 500))::uuid, 'Bench',
        (array['read_list', 'read_list', 'read', 'read', 'update', 'create', 'export'])[1 + floor(7 * ${u(seed, 'eaction', 'k')})::int],
        (array['case', 'person', 'contact', 'quarantine_admission', 'test_order', 'health_declaration'])[1 + floor(6 * ${u(seed, 'etype', 'k')})::int],
        md5('le:' || k)::uuid::text,
        case when province then province_code else code end, case when province then 'VN/' || province_code else path end,
        'commune_officer', code
      from ${rows} cross join lateral (select ${u(seed, 'eprov', 'k')} < 0.1 as province) t`,
    );
  });
  return report;
}

/** Today (UTC) as the quarantine stays' reference day. */
function lastDay(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}
