/**
 * Issue 16, the weekly cycle at a country's size: the `lists` bench's country (1 M cases across the
 * 34 provinces, 1 M rows of every other list) plus check-ins up to 10 M, every province's reporting
 * units (3,321 communes and ~30 departments and agencies each), and 52 weeks of their reports
 * (85 % submitted, four in five of those on time, accepted). Measured through the services:
 * - the prefill of one commune's weekly report (every module's figures for its area and week), p95 ≤ 300 ms;
 * - completeness and timeliness of every unit in the country for one week (with the 12-week trend), ≤ 500 ms;
 * - the consolidated report of the biggest province, Excel and PDF, ≤ 3 s each.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { dueOf, periodOfDay, periodsEndingWith } from '../core/rules/reporting-periods.ts';
import { defaultDueOffsets } from '../core/rules/reporting-periods.ts';
import type { Db } from '../server/db/database.ts';
import type { Platform } from '../server/main.ts';
import { systemActor } from '../server/shared/actor.ts';
import { generateListsCountry } from './lib/lists-country.ts';
import { generateListsData } from './lib/lists-data.ts';
import { intOption } from './lib/options.ts';
import type { CountryShape } from './lib/risk-country.ts';
import { dropScratchDatabases } from './lib/scratch-databases.ts';
import { openScratchPlatform } from './lib/scratch-platform.ts';
import { percentile, round } from './lib/stats.ts';
import type { BenchContext, BenchResult, JsonObject } from './lib/types.ts';

export const description =
  'issue 16: weekly reports at a country’s size — prefill p95 ≤ 300 ms, national completeness ≤ 500 ms, consolidated report ≤ 3 s (PostgreSQL)';
export const usage =
  '--cases 1000000 --checkins 10000000 --weeks 52 --rounds 20 --reuse --keep --scratch phongdich_bench_reports; with --database-url: an admin URL';

const targets = { prefillP95Ms: 300, completenessMs: 500, consolidatedMs: 3000 };
const lastDay = '2026-11-24';
const template = 'weekly-covid';

function options(args: readonly string[]) {
  const { values } = parseArgs({
    args: [...args],
    options: {
      cases: { type: 'string', default: '1000000' },
      checkins: { type: 'string', default: '10000000' },
      weeks: { type: 'string', default: '52' },
      rounds: { type: 'string', default: '20' },
      reuse: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      scratch: { type: 'string', default: 'phongdich_bench_reports' },
    },
  });
  const shape: CountryShape = {
    seed: 1,
    cases: intOption(values, 'cases', 1_000, 20_000_000),
    days: 365,
    lastDay,
    coverageSnapshots: 0,
  };
  return {
    shape,
    checkins: intOption(values, 'checkins', 0, 100_000_000),
    weeks: intOption(values, 'weeks', 12, 104),
    rounds: intOption(values, 'rounds', 3, 200),
    reuse: values.reuse,
    keep: values.keep || values.reuse,
    scratchName: values.scratch,
  };
}

async function timed<T>(log: (l: string) => void, label: string, work: () => Promise<T>): Promise<number> {
  const t = performance.now();
  await work();
  const seconds = round((performance.now() - t) / 1000, 1);
  log(`${label}: ${seconds} s`);
  return seconds;
}

/** Copies of the check-ins already there, a few minutes apart, until there are `total`. */
async function moreCheckins(db: Db, total: number): Promise<void> {
  const { n } = await db
    .selectFrom('checkins')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  const copies = Math.max(0, Math.ceil(total / Math.max(1, n)) - 1);
  if (copies === 0) return;
  await db.connection().execute(async (conn) => {
    await sql`set session_replication_role = replica`.execute(conn);
    await sql`insert into checkins (venue_id, person_id, checked_in_at, mode, commune_code)
      select venue_id, person_id, checked_in_at - (r * 7) * interval '1 minute', mode, commune_code
      from checkins cross join generate_series(1, ${copies}::int) r
      limit ${total - n}`.execute(conn);
  });
}

/** `weeks` weeks of reports of every unit that reports to someone, straight into the tables. */
async function reportHistory(db: Db, weeks: number): Promise<number> {
  const periods = periodsEndingWith(periodOfDay('weekly', lastDay), weeks).map((p) => ({
    ...p,
    due: dueOf(p, defaultDueOffsets.weekly),
  }));
  const { version } = await db
    .selectFrom('report_templates')
    .select(sql<number>`max(version)`.as('version'))
    .where('code', '=', template)
    .executeTakeFirstOrThrow();
  await sql`insert into unit_reports (unit_id, template_code, template_version, period_id, period_from, period_to,
      due_at, locality_path, province_code, status, version, draft, first_submitted_at, last_submitted_at, updated_at)
    select u.id, ${template}, ${version}::int, p.id, p.from_day::date, p.to_day::date, p.due, u.locality_path,
      u.province_code, 'accepted', 1, '{}'::jsonb, s.at, s.at, s.at
    from reporting_units u
    cross join unnest(${periods.map((p) => p.id)}::text[], ${periods.map((p) => p.from)}::text[],
      ${periods.map((p) => p.to)}::text[], ${periods.map((p) => p.due.toISOString())}::timestamptz[])
      as p(id, from_day, to_day, due)
    cross join lateral (select hashtext(u.id::text || p.id) as h) r
    cross join lateral (select p.due + ((abs(r.h) % 1000) / 1000.0 * 4 - 3.2) * interval '1 day' as at) s
    where u.supervisor_unit_id is not null and abs(r.h) % 100 < 85`.execute(db);
  await sql`insert into unit_report_versions (report_id, version, client_key, figures, computed, reasons, on_time, submitted_at)
    select id, 1, gen_random_uuid(), jsonb_build_object('cases_new_community', abs(hashtext(id::text)) % 7),
      '{}'::jsonb, '{}'::jsonb, first_submitted_at < due_at, first_submitted_at
    from unit_reports`.execute(db);
  const { n } = await db
    .selectFrom('unit_reports')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return n;
}

async function generate(db: Db, platform: Platform, o: ReturnType<typeof options>, log: (l: string) => void) {
  const country = await generateListsCountry(db, platform, o.shape, log);
  const lists = await generateListsData(db, platform, o.shape.seed, log);
  const checkinsSeconds = await timed(log, `check-ins up to ${o.checkins}`, () => moreCheckins(db, o.checkins));
  const provinces = await db.selectFrom('localities').select('code').where('level', '=', 'province').execute();
  const unitsSeconds = await timed(log, 'reporting units', async () => {
    for (const p of provinces) await platform.services.units.ensureProvinceUnits(systemActor('bench'), p.code);
  });
  let reports = 0;
  const reportsSeconds = await timed(log, `${o.weeks} weeks of reports`, async () => {
    reports = await reportHistory(db, o.weeks);
  });
  return { ...country, lists, checkinsSeconds, unitsSeconds, reportsSeconds, reports } as JsonObject;
}

async function series(rounds: number, call: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 2; i++) await call(i);
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    await call(i);
    times.push(performance.now() - t);
  }
  return { p50: round(percentile(times, 0.5), 1), p95: round(percentile(times, 0.95), 1), rounds };
}

export async function run(ctx: BenchContext): Promise<BenchResult> {
  if (ctx.database.kind !== 'postgresql')
    throw new Error('the reports bench measures PostgreSQL: pass --database-url (an admin URL)');
  const o = options(ctx.args);
  const adminUrl = ctx.database.url;
  const platform = await openScratchPlatform(adminUrl, o.scratchName, o.reuse);
  const db = platform.database.db;
  const s = platform.services;
  try {
    const generation = o.reuse ? { reused: true } : await generate(db, platform, o, ctx.log);
    ctx.log('vacuum analyze');
    await sql`vacuum analyze`.execute(db);
    const week = periodOfDay('weekly', lastDay).id;
    // The communes with the most cases first: the heaviest prefills.
    const communes = await db
      .selectFrom('reporting_units as u')
      .innerJoin('cases as c', 'c.locality_code', 'u.locality_code')
      .select(['u.id', 'u.province_code'])
      .where('u.kind', '=', 'commune')
      .groupBy(['u.id', 'u.province_code'])
      .orderBy(sql`count(*)`, 'desc')
      .limit(o.rounds)
      .execute();
    const biggest = communes[0]!.province_code;
    const sys = systemActor('bench');
    const province = { ...systemActor('bench-cdc'), role: 'health_department' as const };
    province.scope = { code: biggest, path: `VN/${biggest}` };
    const prefill = await series(o.rounds, (i) =>
      s.reports.form(sys, { unit: communes[i % communes.length]!.id, period: week, template }),
    );
    ctx.log(`prefill of a commune's week: p50 ${prefill.p50} ms, p95 ${prefill.p95} ms`);
    const completeness = await series(Math.min(o.rounds, 10), () =>
      s.reportsCompleteness.completeness(sys, { period: week, template, limit: 50 }),
    );
    ctx.log(`national completeness: p50 ${completeness.p50} ms, p95 ${completeness.p95} ms`);
    const pdf = await series(5, () => s.consolidatedReports.pdf(province, { period: week, template }));
    const xlsx = await series(5, () => s.consolidatedReports.xlsx(province, { period: week, template }));
    ctx.log(`consolidated report of province ${biggest}: PDF p50 ${pdf.p50} ms, Excel p50 ${xlsx.p50} ms`);
    const ok = (v: number, target: number) => (v <= target ? 'ok  ' : 'SLOW');
    return {
      summary: [
        `${ok(prefill.p95, targets.prefillP95Ms)} prefill of one commune's weekly report: p95 ${prefill.p95} ms (p50 ${prefill.p50})`,
        `${ok(completeness.p95, targets.completenessMs)} completeness of every unit nationally: p95 ${completeness.p95} ms (p50 ${completeness.p50})`,
        `${ok(pdf.p95, targets.consolidatedMs)} consolidated report PDF, province ${biggest}: p95 ${pdf.p95} ms`,
        `${ok(xlsx.p95, targets.consolidatedMs)} consolidated report Excel, province ${biggest}: p95 ${xlsx.p95} ms`,
      ],
      fields: {
        targets,
        shape: o.shape as unknown as JsonObject,
        checkins: o.checkins,
        weeks: o.weeks,
        generation,
        week,
        prefill,
        completeness,
        consolidatedPdf: pdf,
        consolidatedXlsx: xlsx,
      },
    };
  } finally {
    await platform.close();
    if (!o.keep) await dropScratchDatabases(adminUrl, [o.scratchName]);
  }
}
