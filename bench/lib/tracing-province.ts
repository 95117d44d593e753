/**
 * The synthetic province of the `tracing` bench: people, venues and check-ins written set-based in
 * SQL (generate_series), every value a pure function of (seed, row number), so the same seed and
 * sizes give the same rows on PostgreSQL and PGlite. Nothing is streamed through Node: 10 M
 * check-ins would cost minutes in the driver alone.
 *
 * Randomness is `bench_u(stream, n)`, a uniform [0, 1) from `hashint8extended` (the hash PostgreSQL
 * uses for hash partitioning, so it is stable across versions and platforms). Ids are
 * `md5(kind:seed:n)::uuid`, so a check-in names its person and venue without a join.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { DAY_MS, vietnamMidnight } from '../../core/vietnam-calendar.ts';
import type { Db } from '../../server/db/database.ts';
import { createAuditTrail } from '../../server/modules/audit/audit.module.ts';
import { CheckinsRepository } from '../../server/modules/checkins/checkins.repository.ts';
import { LocalitiesRepository } from '../../server/modules/localities/localities.repository.ts';
import { loadProvince } from '../../server/modules/localities/vn-admin-loader.ts';
import { systemActor } from '../../server/shared/actor.ts';

export const provinceCode = '12'; // Lai Châu: 38 communes, as the demo

export interface ProvinceShape {
  seed: number;
  people: number;
  venues: number;
  checkins: number;
  days: number;
  /** First Vietnamese calendar day of the data, 'YYYY-MM-DD'. */
  firstDay: string;
}

export interface GenerationReport {
  seconds: {
    localities: number;
    people: number;
    venues: number;
    checkins: number;
    vacuumAnalyze: number;
    total: number;
  };
  rows: {
    people: number;
    venues: number;
    checkins: number;
    householdMembers: number;
    checkedOut: number;
    partitions: number;
  };
  /** Check-ins per person and per venue over the whole period: the shape actually produced. */
  distribution: Record<string, number>;
}

/** Streams of `bench_u`: each random choice draws from its own stream so changing one leaves the others. */
const stream = {
  person: 1,
  venue: 2,
  time1: 3,
  time2: 4,
  checkout: 5,
  stay: 6,
  mode: 7,
  seconds: 8,
  commune: 10,
  household: 11,
  birth: 12,
  gender: 13,
  family: 14,
  middle: 15,
  given: 16,
  venueKind: 17,
  f0: 30,
  f0Day: 31,
} as const;

/** `bench_u(seed·100 + stream, n)` as SQL: the stream number is ours, a literal, never user text. */
export function u(seed: number, s: keyof typeof stream, n: string) {
  return sql.raw(`bench_u(${seed * 100 + stream[s]}, ${n})`);
}

const family = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Vũ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Lò',
  'Tòng',
  'Giàng',
  'Lù',
  'Vàng',
  'Hà',
  'Lường',
];
const middle = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Ngọc', 'A', 'Seo', 'Quang', 'Hồng'];
const given = [
  'An',
  'Bình',
  'Chi',
  'Dũng',
  'Giang',
  'Hải',
  'Hoa',
  'Hùng',
  'Lan',
  'Linh',
  'Mai',
  'Nam',
  'Phương',
  'Sơn',
  'Tâm',
  'Thảo',
  'Tuấn',
  'Vân',
  'Xuân',
  'Yến',
];
const plain = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

/**
 * Households: the first 20 % of people (rounded down to whole blocks of 14) live in households of
 * 2, 3, 4 and 5 people — one of each per block of 14, in an order rotated by a hash of the block,
 * so every size is equally common and neighbours in numbering are not always the same size.
 * `householdOf[r·14 + offset]` is the household (0–3) of the person at `offset` in a block rotated `r`.
 */
const householdOf: number[] = [];
for (let r = 0; r < 4; r++) {
  const sizes = [2, 3, 4, 5].map((_, i, a) => a[(i + r) % 4] as number);
  sizes.forEach((size, h) => householdOf.push(...Array<number>(size).fill(h)));
}

/** The instant the data ends ("now" of the bench): 00:00 Viet Nam time after the last day. */
export function dataEnd(shape: ProvinceShape): Date {
  return new Date(vietnamMidnight(shape.firstDay).getTime() + shape.days * DAY_MS);
}

const seconds = (t0: number) => Math.round((performance.now() - t0) / 100) / 10;

/**
 * Fills a migrated, empty database. Check-ins are written one Vietnamese day per statement (the
 * daytime hours of a Vietnamese day fall in two UTC day partitions), ordered by time as they
 * would arrive, into partitions made by the application's own `ensurePartitions`.
 */
export async function generateProvince(
  db: Db,
  shape: ProvinceShape,
  log: (line: string) => void,
): Promise<GenerationReport> {
  const t0 = performance.now();
  const { seed, people: N, venues: V } = shape;
  await sql`create or replace function bench_u(stream bigint, n bigint) returns float8 language sql immutable parallel safe
    as 'select (hashint8extended(n, stream) & 281474976710655)::float8 / 281474976710656.0'`.execute(db);

  let t = performance.now();
  await loadProvince(
    { db, localities: new LocalitiesRepository(), audit: createAuditTrail(), actor: systemActor('bench') },
    provinceCode,
    { demoPopulation: true },
  );
  const communes = await db
    .selectFrom('localities')
    .select(['code', 'path'])
    .where('level', '=', 'commune')
    .where('province_code', '=', provinceCode)
    .orderBy('code')
    .execute();
  const codes = communes.map((c) => c.code);
  const paths = communes.map((c) => c.path);
  const C = codes.length;
  const localitiesSeconds = seconds(t);

  t = performance.now();
  const households = Math.floor((N * 0.2) / 14) * 14;
  const chunk = 100_000;
  for (let lo = 1; lo <= N; lo += chunk) {
    const hi = Math.min(N, lo + chunk - 1);
    // A household shares one commune (its members' `g` is the block); everyone else draws their own.
    await sql`
      insert into people (id, id_type, id_number, full_name, birth_year, gender, phone, commune_code, locality_path,
        address_line, household_key, name_key)
      select md5(${`p:${seed}:`}::text || n)::uuid, 'cccd', lpad(n::text, 12, '0'), f || ' ' || m || ' ' || gv,
        1940 + floor(80 * ${u(seed, 'birth', 'n')})::int, case when ${u(seed, 'gender', 'n')} < 0.5 then 'male' else 'female' end,
        '09' || lpad((n % 100000000)::text, 8, '0'), (${codes}::text[])[ci], (${paths}::text[])[ci],
        'Bản ' || (1 + abs(g) % 97), hh, fp || ' ' || mp || ' ' || gp
      from (
        select n, g, 1 + floor(${C} * ${u(seed, 'commune', 'g')})::int as ci,
          case when n <= ${households} then 'bench:' || g || ':' ||
            (${householdOf}::int[])[1 + floor(4 * ${u(seed, 'household', 'g')})::int * 14 + (n - 1) % 14] end as hh,
          (${family}::text[])[fi] as f, (${middle}::text[])[mi] as m, (${given}::text[])[gi] as gv,
          (${family.map(plain)}::text[])[fi] as fp, (${middle.map(plain)}::text[])[mi] as mp, (${given.map(plain)}::text[])[gi] as gp
        from (
          select n, case when n <= ${households} then -1 - (n - 1) / 14 else n end as g,
            1 + floor(${family.length} * ${u(seed, 'family', 'n')})::int as fi,
            1 + floor(${middle.length} * ${u(seed, 'middle', 'n')})::int as mi,
            1 + floor(${given.length} * ${u(seed, 'given', 'n')})::int as gi
          from generate_series(${lo}::bigint, ${hi}::bigint) n
        ) a
      ) b`.execute(db);
    log(`people ${hi.toLocaleString('en')} / ${N.toLocaleString('en')}`);
  }
  const peopleSeconds = seconds(t);

  // Venues by popularity rank k (0 = busiest): check-ins pick rank ⌊V·x²⌋ for uniform x, so the
  // busiest 1 % take ~10 % of all check-ins (markets, factories, hospitals) and the quietest
  // venue still gets half the average. The kind follows the rank so the names read true.
  t = performance.now();
  await sql`
    insert into venues (id, public_code, organisation_name, name, venue_type, address_line, commune_code, locality_path,
      capacity, contact_phone, gate_policy, status, decided_at)
    select md5(${`v:${seed}:`}::text || k)::uuid, 'BT' || lpad(k::text, 8, '0'), 'Cơ sở ' || k, kind || ' số ' || k, kind,
      'Tổ ' || (1 + k % 50), (${codes}::text[])[ci], (${paths}::text[])[ci],
      case when k < ${Math.ceil(V * 0.01)} then 2000 else 50 end, '02133' || lpad((k % 1000000)::text, 6, '0'),
      'open', 'approved', ${vietnamMidnight(shape.firstDay).toISOString()}::timestamptz
    from (
      select k, 1 + floor(${C} * ${u(seed, 'commune', 'k')})::int as ci,
        case when k < ${Math.ceil(V * 0.002)} then 'Chợ'
          when k < ${Math.ceil(V * 0.01)} then (array['Nhà máy', 'Siêu thị', 'Bệnh viện', 'Trường học'])[1 + k % 4]
          else (array['Cửa hàng', 'Quán ăn', 'Quán cà phê', 'Nhà thuốc', 'Văn phòng', 'Tiệm tạp hóa'])[1 + floor(6 * ${u(seed, 'venueKind', 'k')})::int]
        end as kind
      from generate_series(0::bigint, ${V - 1}::bigint) k
    ) a`.execute(db);
  const venuesSeconds = seconds(t);

  t = performance.now();
  const first = vietnamMidnight(shape.firstDay);
  const end = dataEnd(shape);
  const partitions = await new CheckinsRepository().ensurePartitions(db, first, end);
  const perDay = Math.floor(shape.checkins / shape.days);
  for (let d = 0; d < shape.days; d++) {
    const lo = d * perDay + 1;
    const hi = d === shape.days - 1 ? shape.checkins : (d + 1) * perDay;
    const dayStart = new Date(first.getTime() + d * DAY_MS).toISOString();
    // Check-in between 06:00 and 21:00 local, peaked at 13:30 (sum of two uniforms); 30 % check
    // out after 15–180 minutes, the rest get the profile's assumed stay at tracing time.
    await sql`
      insert into checkins (venue_id, person_id, checked_in_at, checked_out_at, mode, commune_code)
      select md5(${`v:${seed}:`}::text || vk)::uuid, md5(${`p:${seed}:`}::text || pn)::uuid, at,
        case when ${u(seed, 'checkout', 'i')} < 0.3 then at + make_interval(mins => 15 + floor(166 * ${u(seed, 'stay', 'i')})::int) end,
        case when ${u(seed, 'mode', 'i')} < 0.1 then 'gate_scan' else 'visitor_scan' end,
        (${codes}::text[])[1 + floor(${C} * ${u(seed, 'commune', 'vk')})::int]
      from (
        select i, 1 + floor(${N} * ${u(seed, 'person', 'i')})::bigint as pn,
          floor(${V} * ${u(seed, 'venue', 'i')} ^ 2)::bigint as vk,
          ${dayStart}::timestamptz + make_interval(secs => 21600 + floor(27000 * (${u(seed, 'time1', 'i')} + ${u(seed, 'time2', 'i')})))
            as at
        from generate_series(${lo}::bigint, ${hi}::bigint) i
      ) x
      order by at`.execute(db);
    log(`check-ins day ${d + 1}/${shape.days}: ${hi.toLocaleString('en')} rows, ${seconds(t)} s`);
  }
  const checkinsSeconds = seconds(t);

  // Vacuum as well as analyze: freshly loaded pages would otherwise be vacuumed by autovacuum in
  // the middle of the measurements, and hint bits set by the first queries would bias them.
  t = performance.now();
  for (const table of ['people', 'venues', 'checkins']) await sql.raw(`vacuum (analyze) ${table}`).execute(db);
  const vacuumSeconds = seconds(t);

  const counts = await sql<{
    people: string;
    venues: string;
    checkins: string;
    household: string;
    checked_out: string;
  }>`
    select (select count(*) from people) as people, (select count(*) from venues) as venues,
      (select count(*) from checkins) as checkins, (select count(*) from people where household_key is not null) as household,
      (select count(*) from checkins where checked_out_at is not null) as checked_out`.execute(db);
  const c = counts.rows[0];
  if (!c) throw new Error('no counts');
  const distribution = await shapeOfData(db);
  return {
    seconds: {
      localities: localitiesSeconds,
      people: peopleSeconds,
      venues: venuesSeconds,
      checkins: checkinsSeconds,
      vacuumAnalyze: vacuumSeconds,
      total: seconds(t0),
    },
    rows: {
      people: Number(c.people),
      venues: Number(c.venues),
      checkins: Number(c.checkins),
      householdMembers: Number(c.household),
      checkedOut: Number(c.checked_out),
      partitions,
    },
    distribution,
  };
}

/** Check-ins per person and per venue (whole period): confirms the skew the generator aimed at. */
async function shapeOfData(db: Db): Promise<Record<string, number>> {
  const r = await sql<Record<string, number>>`
    with pv as (select venue_id, count(*) as n from checkins group by venue_id),
    pp as (select person_id, count(*) as n from checkins group by person_id),
    ranked as (select n, row_number() over (order by n desc) as r, count(*) over () as total, sum(n) over () as all_n from pv)
    select
      (select percentile_disc(0.5) within group (order by n) from pp)::float8 as "perPersonP50",
      (select max(n) from pp)::float8 as "perPersonMax",
      (select count(*) from pp)::float8 as "peopleWithCheckins",
      (select percentile_disc(0.5) within group (order by n) from pv)::float8 as "perVenueP50",
      (select percentile_disc(0.99) within group (order by n) from pv)::float8 as "perVenueP99",
      (select max(n) from pv)::float8 as "perVenueMax",
      (select round(sum(n)::numeric / max(all_n), 3) from ranked where r <= total / 100)::float8 as "shareOfBusiest1PctVenues"`.execute(
    db,
  );
  const row = r.rows[0];
  if (!row) throw new Error('no distribution');
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
}

/** Sizes on disk (heap + indexes + TOAST), partitions summed, in MiB. */
export async function tableSizes(
  db: Db,
): Promise<Record<string, { totalMiB: number; tableMiB: number; indexesMiB: number }>> {
  const r = await sql<{ name: string; total: string; heap: string; indexes: string }>`
    select t.name, sum(pg_total_relation_size(p.relid)) as total, sum(pg_table_size(p.relid)) as heap,
      sum(pg_indexes_size(p.relid)) as indexes
    from unnest(array['people', 'venues', 'checkins']) as t(name)
    -- pg_partition_tree lists nothing for a plain table: add the table itself (union drops the repeat).
    cross join lateral (select relid from pg_partition_tree(t.name::regclass) union select t.name::regclass) p
    group by t.name order by t.name`.execute(db);
  const mib = (v: string) => Math.round(Number(v) / 2 ** 20);
  return Object.fromEntries(
    r.rows.map((row) => [
      row.name,
      { totalMiB: mib(row.total), tableMiB: mib(row.heap), indexesMiB: mib(row.indexes) },
    ]),
  );
}
