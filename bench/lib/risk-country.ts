/**
 * The data of the `risk` bench: every province of the vendored GSO list (34 provinces, 3,321
 * communes, demo populations) and a year of synthetic cases written set-based in SQL, every value
 * a function of (seed, case number) through `bench_u` (the same hash as the `tracing` bench), so the
 * same seed gives the same rows on PostgreSQL and PGlite. Nothing is streamed through Node.
 *
 * Shape (skewed like a real epidemic, not uniform):
 * - provinces ranked by a hash; province k gets a share ∝ k^-1.3 of the cases (the first few carry
 *   most of the epidemic, the last ones a few thousand cases a year);
 * - inside a province, 35 % of communes never get a case; the others, ranked by a hash, get a share
 *   ∝ 1/rank (Zipf); counts per commune are whole numbers summing exactly to the total;
 * - each province has one or two waves (centre and width drawn from the seed; the three biggest
 *   provinces have a wave in the last weeks, so the map of the last day is coloured) plus 5 % of
 *   its cases spread over the whole year; a case's day is its wave's centre + width · N(0, 1)
 *   (Box–Muller), reflected at the ends of the period;
 * - classification 80 % community / 12 % in quarantine / 8 % imported; 40 % of community cases
 *   belong to one of two clusters of their province (known source), the rest have none (unknown);
 * - optional vaccination coverage snapshots of every commune, evenly spaced over the period
 *   (adults with one dose rising from ~30 % to 88–98 %, fully vaccinated 60 → 95 % of those,
 *   high-risk groups 2–8 points above one dose), so the rule sets' C2 conditions and the coverage
 *   join of the level series have data: early in the year C2 is not met anywhere, at the end in
 *   most communes.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { defaultDiseaseProfile } from '../../core/rules/disease-profiles.ts';
import type { Db } from '../../server/db/database.ts';
import { createAuditTrail } from '../../server/modules/audit/audit.module.ts';
import { LocalitiesRepository } from '../../server/modules/localities/localities.repository.ts';
import { loadProvince, readProvinceCatalogue } from '../../server/modules/localities/vn-admin-loader.ts';
import { systemActor } from '../../server/shared/actor.ts';
import { DAY_MS } from '../../core/vietnam-calendar.ts';

/** Communes of the vendored national list (GSO, 2025 reorganisation): the bench fails on any other count. */
export const expectedCommunes = 3321;

export interface CountryShape {
  seed: number;
  cases: number;
  days: number;
  /** Last Vietnamese calendar day of the data, 'YYYY-MM-DD'. */
  lastDay: string;
  /** Vaccination coverage snapshots per commune over the period (0: none). */
  coverageSnapshots: number;
}

export interface CountryReport {
  seconds: { localities: number; plan: number; cases: number; coverage: number; vacuumAnalyze: number; total: number };
  /** Insert of the cases alone (statement triggers filling risk_dirty_cells included), and rows per second. */
  casesInsert: { seconds: number; statements: number; rowsPerSecond: number; dirtyCells: number };
  rows: { provinces: number; communes: number; cases: number; clusters: number; coverage: number };
  distribution: Record<string, number | string>;
}

const stream = {
  provinceRank: 1,
  quiet: 2,
  communeRank: 3,
  wave1Centre: 4,
  wave1Width: 5,
  wave2Centre: 6,
  wave2Width: 7,
  wave2Share: 8,
  waveChoice: 10,
  z1: 11,
  z2: 12,
  background: 13,
  classification: 14,
  cluster: 15,
  clusterPick: 16,
  onset: 17,
  onsetDays: 18,
  sampleDays: 19,
  gender: 20,
  birth: 21,
  country: 22,
  outcome: 23,
  coverage: 24,
} as const;

/** `bench_u(seed·100 + stream, n)` as SQL (literal stream number, never user text). */
function u(seed: number, s: keyof typeof stream, n: string) {
  return sql.raw(`bench_u(${seed * 100 + stream[s]}, ${n})`);
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

export const firstDayOf = (shape: CountryShape) => addDays(shape.lastDay, -(shape.days - 1));

const seconds = (t0: number) => Math.round((performance.now() - t0) / 100) / 10;

export async function createBenchRandom(db: Db): Promise<void> {
  await sql`create or replace function bench_u(stream bigint, n bigint) returns float8 language sql immutable parallel safe
    as 'select (hashint8extended(n, stream) & 281474976710655)::float8 / 281474976710656.0'`.execute(db);
}

/** Loads every province of the catalogue with demo populations; fails unless there are 3,321 communes. */
export async function loadCountry(
  db: Db,
  log: (line: string) => void,
): Promise<{ provinces: number; communes: number }> {
  const deps = { db, localities: new LocalitiesRepository(), audit: createAuditTrail(), actor: systemActor('bench') };
  const catalogue = await readProvinceCatalogue();
  for (const p of catalogue) await loadProvince(deps, p.code, { demoPopulation: true });
  const r = await sql<{ provinces: string; communes: string; without: string }>`
    select count(*) filter (where level = 'province') as provinces, count(*) filter (where level = 'commune') as communes,
      count(*) filter (where level = 'commune' and (population is null or population <= 0)) as without
    from localities where status = 'active'`.execute(db);
  const row = r.rows[0];
  const communes = Number(row?.communes ?? 0);
  log(`localities: ${catalogue.length} provinces in the catalogue, ${row?.provinces} loaded, ${communes} communes`);
  if (communes !== expectedCommunes)
    throw new Error(`expected ${expectedCommunes} communes after loading every province, found ${communes}`);
  if (Number(row?.without ?? 0) > 0) throw new Error(`${row?.without} communes have no demo population`);
  return { provinces: Number(row?.provinces ?? 0), communes };
}

/**
 * Writes clusters, cases (and coverage) into a migrated database holding the localities. Cases go
 * in statements of `chunk` rows through the real `cases` table, so its statement triggers mark the
 * touched (locality, day) cells dirty as a line-list import would.
 */
export async function generateCases(
  db: Db,
  shape: CountryShape,
  log: (line: string) => void,
  chunk = 100_000,
): Promise<CountryReport> {
  const t0 = performance.now();
  const { seed, cases: N, days: D } = shape;
  const first = firstDayOf(shape);

  let t = performance.now();
  await sql`drop table if exists bench_risk_communes`.execute(db);
  await sql`drop table if exists bench_risk_provinces`.execute(db);
  // Provinces: rank by hash, share ∝ rank^-1.3, one or two waves. Ranks 1–3 have a wave in the last 10–45 days.
  await sql`
    create table bench_risk_provinces as
    select pidx, code, prank, (prank::float8 ^ -1.3) as pweight,
      case when prank <= 3 then ${D - 45} + floor(35 * ${u(seed, 'wave1Centre', 'pidx')})
        else floor(${D} * ${u(seed, 'wave1Centre', 'pidx')}) end as c1,
      6 + 20 * ${u(seed, 'wave1Width', 'pidx')} as sd1,
      floor(${D} * ${u(seed, 'wave2Centre', 'pidx')}) as c2,
      6 + 20 * ${u(seed, 'wave2Width', 'pidx')} as sd2,
      case when ${u(seed, 'wave2Share', 'pidx')} < 0.5 then 0 else ${u(seed, 'wave2Share', 'pidx + 1000')} * 0.5 end as share2
    from (
      select pidx, code, row_number() over (order by ${u(seed, 'provinceRank', 'pidx')}, pidx) as prank
      from (select row_number() over (order by code) as pidx, code from localities where level = 'province' and status = 'active') p
    ) r`.execute(db);
  // Communes: 35 % quiet, the others ∝ 1/rank inside their province; whole counts summing to N
  // (floor of the expected count, the remainder to the largest fractional parts).
  await sql`
    create table bench_risk_communes as
    with c as (
      select l.code, l.path, l.province_code, p.pidx, p.pweight, row_number() over (order by l.province_code, l.code) as idx
      from localities l join bench_risk_provinces p on p.code = l.province_code
      where l.level = 'commune' and l.status = 'active'),
    r as (
      select c.*, case when ${u(seed, 'quiet', 'idx')} < 0.35 then 0::float8
          else (row_number() over (partition by pidx order by ${u(seed, 'communeRank', 'idx')}, idx))::float8 ^ -1.0 end as cw
      from c),
    s as (select r.*, pweight * cw / nullif(sum(cw) over (partition by pidx), 0) as raw from r),
    e as (select s.*, ${N}::float8 * coalesce(raw, 0) / sum(coalesce(raw, 0)) over () as expected from s),
    f as (select e.*, floor(expected)::bigint as fl, expected - floor(expected) as frac from e),
    g as (select f.*, ${N} - sum(fl) over () as remainder, row_number() over (order by frac desc, idx) as fr from f)
    select idx, code, path, province_code, pidx, expected, fl + case when fr <= remainder then 1 else 0 end as n
    from g`.execute(db);
  await sql`alter table bench_risk_communes add column off bigint`.execute(db);
  await sql`update bench_risk_communes b set off = x.off from (select idx, sum(n) over (order by idx) - n as off from bench_risk_communes) x where x.idx = b.idx`.execute(
    db,
  );
  const total = await sql<{ n: string }>`select sum(n) as n from bench_risk_communes`.execute(db);
  if (Number(total.rows[0]?.n) !== N) throw new Error(`commune counts sum to ${total.rows[0]?.n}, not ${N}`);

  // Two clusters per province (the cluster of a case is one of its province's).
  await sql`
    insert into clusters (id, code, name, locality_code, locality_path, status)
    select md5(${`cl:${seed}:`}::text || p.pidx || ':' || k)::uuid, 'BENCH-' || p.code || '-' || (k + 1),
      'Ổ dịch ' || (k + 1) || ' — ' || l.name, p.code, l.path, 'active'
    from bench_risk_provinces p join localities l on l.code = p.code cross join generate_series(0, 1) k`.execute(db);
  const planSeconds = seconds(t);

  t = performance.now();
  const profile = defaultDiseaseProfile.code;
  let statements = 0;
  for (let lo = 1; lo <= N; lo += chunk) {
    const hi = Math.min(N, lo + chunk - 1);
    // Case n of commune c is number c.off + j, j = 1…c.n; this statement writes numbers lo…hi.
    await sql`
      insert into cases (case_number, full_name, gender, birth_year, onset_date, sample_date, confirmed_date, classification,
        source_country, status, care_setting, outcome_date, locality_code, locality_path, province_code, cluster_id, profile_code)
      select 'BN' || lpad(n::text, 8, '0'), 'Bệnh nhân ' || n,
        case when ${u(seed, 'gender', 'n')} < 0.5 then 'male' else 'female' end, 1940 + floor(80 * ${u(seed, 'birth', 'n')})::int,
        case when ${u(seed, 'onset', 'n')} < 0.7 then confirmed - floor(6 * ${u(seed, 'onsetDays', 'n')})::int end,
        confirmed - floor(2 * ${u(seed, 'sampleDays', 'n')})::int,
        confirmed, cls,
        case when cls = 'imported' then (array['KH', 'LA', 'CN', 'KR', 'JP', 'US', 'TH', 'MY'])[1 + floor(8 * ${u(seed, 'country', 'n')})::int] end,
        case when dday < ${D - 21} then 'recovered' else 'treating' end,
        -- A case under treatment has a care setting (migration 0018): most were treated at home.
        case when dday >= ${D - 21} then 'home' end,
        case when dday < ${D - 21} then confirmed + 14 + floor(7 * ${u(seed, 'outcome', 'n')})::int end,
        code, path, province_code,
        case when cls = 'community' and ${u(seed, 'cluster', 'n')} < 0.4
          then md5(${`cl:${seed}:`}::text || pidx || ':' || floor(2 * ${u(seed, 'clusterPick', 'n')})::int)::uuid end,
        ${profile}
      from (
        select y.*, ${first}::date + dday as confirmed,
          case when ${u(seed, 'classification', 'n')} < 0.80 then 'community'
            when ${u(seed, 'classification', 'n')} < 0.92 then 'in_quarantine' else 'imported' end as cls
        from (
          select x.*, least(${D - 1}, greatest(0, case when raw < 0 then -raw - 1 when raw >= ${D} then ${2 * D} - raw - 1 else raw end))::int as dday
          from (
            select c.code, c.path, c.province_code, c.pidx, c.off + j as n,
              case
                when ${u(seed, 'waveChoice', 'c.off + j')} < 0.05 then floor(${D} * ${u(seed, 'background', 'c.off + j')})
                when ${u(seed, 'waveChoice', 'c.off + j')} < 0.05 + 0.95 * p.share2
                  then round(p.c2 + p.sd2 * sqrt(-2 * ln(1 - ${u(seed, 'z1', 'c.off + j')})) * cos(2 * pi() * ${u(seed, 'z2', 'c.off + j')}))
                else round(p.c1 + p.sd1 * sqrt(-2 * ln(1 - ${u(seed, 'z1', 'c.off + j')})) * cos(2 * pi() * ${u(seed, 'z2', 'c.off + j')}))
              end as raw
            from bench_risk_communes c join bench_risk_provinces p on p.pidx = c.pidx
            cross join lateral generate_series(greatest(1, ${lo}::bigint - c.off), least(c.n, ${hi}::bigint - c.off)) j
            where c.n > 0 and c.off < ${hi}::bigint and c.off + c.n >= ${lo}::bigint
          ) x
        ) y
      ) z`.execute(db);
    statements++;
    log(`cases ${hi.toLocaleString('en')} / ${N.toLocaleString('en')}, ${seconds(t)} s`);
  }
  const casesSeconds = (performance.now() - t) / 1000;
  const dirty = await sql<{ n: string }>`select count(*) as n from risk_dirty_cells`.execute(db);
  const dirtyCells = Number(dirty.rows[0]?.n ?? 0);

  t = performance.now();
  const S = shape.coverageSnapshots;
  if (S > 0) {
    await sql`
      insert into vaccination_coverage (locality_code, as_of, adults_1dose, adults_full, high_risk)
      select code, as_of, one, round((one * (0.6 + 0.35 * (m + 1)::numeric / ${S})), 2), round(least(99, one + 2 + 6 * ${u(seed, 'coverage', 'idx * 1000 + m + 500')}::numeric), 2)
      from (
        select c.code, c.idx, m, ${first}::date + floor(m * ${D}::float8 / ${S})::int as as_of,
          round(least(99, 30 + 68 * (((m + 1)::float8 / ${S}) ^ 0.7) * (0.85 + 0.15 * ${u(seed, 'coverage', 'c.idx * 1000 + m')}))::numeric, 2) as one
        from bench_risk_communes c cross join generate_series(0, ${S - 1}) m
      ) v`.execute(db);
  }
  const coverageSeconds = seconds(t);

  const distribution = await shapeOfCases(db, first, shape.lastDay);
  await sql`drop table bench_risk_communes`.execute(db);
  await sql`drop table bench_risk_provinces`.execute(db);

  // As in the tracing bench: vacuum too, so autovacuum does not start in the middle of the timings.
  t = performance.now();
  for (const table of ['cases', 'clusters', 'localities', 'vaccination_coverage'])
    await sql.raw(`vacuum (analyze) ${table}`).execute(db);
  const vacuumSeconds = seconds(t);

  const counts = await sql<{ provinces: string; communes: string; cases: string; clusters: string; coverage: string }>`
    select (select count(*) from localities where level = 'province') as provinces, (select count(*) from localities where level = 'commune') as communes,
      (select count(*) from cases) as cases, (select count(*) from clusters) as clusters, (select count(*) from vaccination_coverage) as coverage`.execute(
    db,
  );
  const c = counts.rows[0];
  if (!c) throw new Error('no counts');
  if (Number(c.cases) !== N) throw new Error(`expected ${N} cases, found ${c.cases}`);
  return {
    seconds: {
      localities: 0,
      plan: planSeconds,
      cases: Math.round(casesSeconds * 10) / 10,
      coverage: coverageSeconds,
      vacuumAnalyze: vacuumSeconds,
      total: seconds(t0),
    },
    casesInsert: {
      seconds: Math.round(casesSeconds * 10) / 10,
      statements,
      rowsPerSecond: Math.round(N / casesSeconds),
      dirtyCells,
    },
    rows: {
      provinces: Number(c.provinces),
      communes: Number(c.communes),
      cases: Number(c.cases),
      clusters: Number(c.clusters),
      coverage: Number(c.coverage),
    },
    distribution,
  };
}

/** What the generator produced: the skew across provinces, communes and days, the classification mix. */
async function shapeOfCases(db: Db, first: string, last: string): Promise<Record<string, number | string>> {
  const r = await sql<Record<string, string | number>>`
    with pc as (select province_code, count(*) as n from cases group by 1),
    pr as (select n, row_number() over (order by n desc) as r, sum(n) over () as total from pc),
    cc as (select b.code, coalesce(k.n, 0) as n from bench_risk_communes b left join (select locality_code, count(*) as n from cases group by 1) k on k.locality_code = b.code),
    dc as (select confirmed_date, count(*) as n from cases group by 1),
    cells as (select count(*) as n from (select distinct locality_code, confirmed_date from cases) x)
    select
      (select round(sum(n)::numeric / max(total), 3) from pr where r <= 3)::float8 as "shareOfTop3Provinces",
      (select max(n) from pc)::float8 as "casesMaxProvince",
      (select min(n) from pc)::float8 as "casesMinProvince",
      (select count(*) from cc where n = 0)::float8 as "communesWithoutCases",
      (select count(*) from cc where n between 1 and 10)::float8 as "communesWith1To10",
      (select percentile_disc(0.5) within group (order by n) from cc)::float8 as "casesPerCommuneP50",
      (select max(n) from cc)::float8 as "casesPerCommuneMax",
      (select count(*) from dc)::float8 as "daysWithCases",
      (select max(n) from dc)::float8 as "casesOnPeakDay",
      (select confirmed_date::text from dc order by n desc, confirmed_date limit 1) as "peakDay",
      (select n from dc where confirmed_date = ${last}::date)::float8 as "casesOnLastDay",
      (select n from cells)::float8 as "cellsWithCases",
      (select round(avg((classification = 'community')::int), 3) from cases)::float8 as "community",
      (select round(avg((classification = 'in_quarantine')::int), 3) from cases)::float8 as "inQuarantine",
      (select round(avg((classification = 'imported')::int), 3) from cases)::float8 as "imported",
      (select round(avg((cluster_id is not null)::int), 3) from cases where classification = 'community')::float8 as "communityWithCluster",
      ${first}::text as "firstDay", ${last}::text as "lastDay"`.execute(db);
  const row = r.rows[0];
  if (!row) throw new Error('no distribution');
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, typeof v === 'string' && /^[\d.]+$/.test(v) ? Number(v) : v]),
  );
}
