/**
 * Workplaces (issue 15, PostgreSQL): a province of O approved organisations with W rostered workers
 * and G gate events on one day, seeded in SQL (not timed), their self-assessments scored and stored
 * through core's rule. Then, through the real services:
 * - the officials' safety map of the province and its list of organisations by group (a first page
 *   and the page after it), p95 ≤ 200 ms;
 * - the daily compliance of all the province's organisations for that day: the area's totals and a
 *   first page, and every page to the end (what the Excel export reads), ≤ 1 s;
 * - scoring O stored self-assessments again (read from the table, scored on the version each used),
 *   ≤ 2 s; the pure rule alone is reported beside it.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { addDays, vietnamToday } from '../core/vietnam-calendar.ts';
import { consequenceOf, scoreAnswers } from '../core/rules/workplaces/assessment-scoring.ts';
import { assessmentTemplatePresets } from '../core/rules/workplaces/templates/index.ts';
import type { AssessmentTemplate, RiskGroup } from '../core/schemas/assessment-template.ts';
import { loadConfig } from '../server/config.ts';
import { openPlatform } from '../server/main.ts';
import { newSecret } from '../server/modules/system/signing-secrets.ts';
import { loadProvinceUnits } from '../server/cli/seed.ts';
import { systemActor } from '../server/shared/actor.ts';
import { intOption } from './lib/options.ts';
import { dropScratchDatabases, recreateScratchDatabases, scratchUrl } from './lib/scratch-databases.ts';
import { percentile, round } from './lib/stats.ts';
import type { BenchContext, BenchResult } from './lib/types.ts';

export const description =
  'workplaces: O organisations × W rostered workers, G gate events a day; map and list by group p95 ≤ 200 ms, a day’s compliance ≤ 1 s, scoring O assessments ≤ 2 s';
export const usage =
  '--organisations 20000 --workers 1000000 --events 1000000 --runs 30; with --database-url: an admin URL (scratch database phongdich_bench_workplaces)';

const scratchName = 'phongdich_bench_workplaces';
const province = '12';

/** A deterministic pseudo-random stream (mulberry32), so two runs seed the same answers. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Answers leaning safe, with a riskier organisation now and then (every group occurs). */
function answersFor(template: AssessmentTemplate, next: () => number): Record<string, string> {
  const risk = next() ** 2;
  return Object.fromEntries(
    template.items.map((i) => [
      i.code,
      i.options[Math.min(i.options.length - 1, Math.floor(next() * risk * i.options.length * 1.6))]!.code,
    ]),
  );
}

const timed = async (runs: number, f: (i: number) => Promise<unknown>) => {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f(i);
    ms.push(performance.now() - t);
  }
  return ms;
};

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const { values } = parseArgs({
    args: [...ctx.args],
    options: {
      organisations: { type: 'string' },
      workers: { type: 'string' },
      events: { type: 'string' },
      runs: { type: 'string' },
    },
  });
  const O = intOption({ organisations: values.organisations ?? 20_000 }, 'organisations', 10, 1_000_000);
  const W = intOption({ workers: values.workers ?? 1_000_000 }, 'workers', O, 20_000_000);
  const G = intOption({ events: values.events ?? W }, 'events', 1, 20_000_000);
  const runs = intOption({ runs: values.runs ?? 30 }, 'runs', 5, 1000);
  const admin = ctx.database.kind === 'postgresql' ? ctx.database.url : null;
  if (admin) await recreateScratchDatabases(admin, [scratchName]);
  const platform = await openPlatform({
    ...loadConfig({}),
    logLevel: 'silent' as const,
    secret: newSecret(),
    database: { url: admin ? scratchUrl(admin, scratchName) : undefined, dataDir: 'memory://' },
  });
  try {
    const db = platform.database.db;
    const s = platform.services;
    await loadProvinceUnits(platform, province, true);
    const communes = await db
      .selectFrom('localities')
      .select(['code', 'path'])
      .where('level', '=', 'commune')
      .where('path', 'like', `VN/${province}/%`)
      .orderBy('code')
      .execute();
    const codes = communes.map((c) => c.code);
    const paths = communes.map((c) => c.path);
    const today = vietnamToday();
    const t0 = performance.now();

    const types = ['enterprise', 'enterprise', 'agency', 'school', 'market', 'restaurant', 'industrial_park', 'other'];
    await sql`
      insert into organisations (client_key, name, org_type, sector, address_line, commune_code, locality_path,
        head_name, contact_name, contact_phone, headcount, status, decided_at, created_at)
      select gen_random_uuid(), 'Cơ sở ' || lpad(g::text, 7, '0'), (${types}::text[])[1 + g % ${types.length}],
        case g % 3 when 0 then 'Dệt may' when 1 then 'Thương mại' else 'Dịch vụ' end, 'Tổ ' || (g % 40),
        (${codes}::text[])[1 + (g * 7919) % ${codes.length}], (${paths}::text[])[1 + (g * 7919) % ${codes.length}],
        'Thủ trưởng ' || g, 'Phụ trách ' || g, '+8491' || lpad((g % 10000000)::text, 7, '0'), ${Math.ceil(W / O)},
        'approved', now() - interval '60 days', now() - make_interval(secs => g)
      from generate_series(1, ${O}::int) g`.execute(db);
    ctx.log(`${O} organisations`);

    // Self-assessments: the template of each organisation's kind, answers scored by core's rule.
    const byCode = new Map(assessmentTemplatePresets.map((t) => [t.code, t]));
    const orgs = await db
      .selectFrom('organisations')
      .select(['id', 'org_type', 'locality_path'])
      .orderBy('id')
      .execute();
    const next = random(15);
    const answerSets: { template: AssessmentTemplate; answers: Record<string, string> }[] = [];
    for (let i = 0; i < orgs.length; i += 1000) {
      const chunk = orgs.slice(i, i + 1000).flatMap((o, k) => {
        // One in ten never assessed (the map's "not assessed").
        if ((i + k) % 10 === 9) return [];
        const code = ['market', 'restaurant'].includes(o.org_type) ? 'qd2225' : (i + k) % 7 === 0 ? 'qd1203' : 'qd2194';
        const template = [...byCode.values()].find((t) => t.code === code && t.appliesTo.includes(o.org_type as never));
        const used = template ?? [...byCode.values()].find((t) => t.appliesTo.includes(o.org_type as never))!;
        const answers = answersFor(used, next);
        answerSets.push({ template: used, answers });
        const scored = scoreAnswers(used, answers);
        if (!scored.ok) throw new Error(`bench answers refused: ${JSON.stringify(scored.problems)}`);
        const c = consequenceOf(used, scored.score);
        // Some re-assessments are overdue: assessed long enough ago.
        const day = addDays(today, -((i + k) % 45));
        return [
          {
            client_key: crypto.randomUUID(),
            organisation_id: o.id,
            locality_path: o.locality_path,
            template_code: used.code,
            template_version: used.version,
            answers: JSON.stringify(answers),
            points: scored.score.points,
            max_points: scored.score.max,
            share_percent: scored.score.sharePercent,
            risk_group: scored.score.group,
            blocked_by: JSON.stringify(scored.score.blockedBy),
            drivers: JSON.stringify(scored.score.drivers),
            may_operate: c.mayOperate === 'no' ? ('no' as const) : ('yes' as const),
            commune_inspects: c.communeInspects,
            corrective_plan_due_on: c.correctivePlanDays === null ? null : addDays(day, c.correctivePlanDays),
            reassess_due_on: addDays(day, c.reassessDays),
            submitted_at: new Date(`${day}T03:00:00Z`),
          },
        ];
      });
      if (chunk.length) await db.insertInto('organisation_assessments').values(chunk).execute();
    }
    await sql`
      update organisations o set latest_assessment_id = a.id, latest_group = a.risk_group
      from organisation_assessments a where a.organisation_id = o.id`.execute(db);
    ctx.log(`${answerSets.length} self-assessments`);

    // Rosters: W workers spread over the organisations, one in ten remote.
    await sql`
      insert into roster_workers (organisation_id, full_name, id_number, department, shift, on_site, work_role)
      select (${orgs.map((o) => o.id)}::uuid[])[1 + g % ${O}], 'Người lao động ' || g, '0' || lpad(g::text, 11, '0'),
        'Phòng ' || (g % 5), 'Ca ' || (1 + g % 2), g % 10 <> 0,
        case when g % 9 = 0 then 'service_contact' when g % 13 = 0 then 'high_risk' else 'other' end
      from generate_series(1, ${W}::int) g`.execute(db);
    // The roster counts the roster import keeps (0047), written here as the migration counts existing rosters.
    await sql`
      insert into workplace_roster_counts (organisation_id, workers, on_site)
      select organisation_id, count(*), count(*) filter (where on_site) from roster_workers group by organisation_id`.execute(
      db,
    );
    ctx.log(`${W} roster workers`);

    // One site (venue) serves the gate events' foreign key; the figures do not read it.
    const [site] = (
      await sql<{ id: string }>`
        insert into venues (public_code, organisation_name, name, venue_type, address_line, commune_code, locality_path,
          contact_phone, status)
        values ('BWORK0001', 'Bench', 'Cổng', 'other', 'Bench', ${codes[0]!}, ${paths[0]!}, '0900000000', 'approved')
        returning id`.execute(db)
    ).rows;
    // G events on `today`: most workers once, allowed with a valid declaration; one in 25 refused
    // first; the remainder come back (a second event) once they declared.
    await sql`
      insert into workplace_gate_events (client_key, organisation_id, venue_id, roster_worker_id, day, at, mode,
        allowed, valid_declaration, reasons)
      select gen_random_uuid(), w.organisation_id, ${site!.id}::uuid, w.id, ${today}::date,
        ${today}::date + make_interval(secs => 3600 + (w.n % 20000)),
        case w.n % 3 when 0 then 'qr' when 1 then 'cccd' else 'list' end,
        w.n % 25 <> 0, w.n % 25 <> 0, '[]'::jsonb
      from (select id, organisation_id, row_number() over (order by id) as n from roster_workers) w
      where w.n % 20 <> 7 and w.n <= ${G}
      union all
      select gen_random_uuid(), w.organisation_id, ${site!.id}::uuid, w.id, ${today}::date,
        ${today}::date + make_interval(secs => 7200 + (w.n % 20000)), 'qr', true, true, '[]'::jsonb
      from (select id, organisation_id, row_number() over (order by id) as n from roster_workers) w
      where w.n % 25 = 0 and w.n % 20 <> 7 and w.n <= ${G}`.execute(db);
    // The day's counts the gate keeps with each check (0042), written here as the migration counts
    // existing events.
    await sql`
      insert into workplace_worker_days (organisation_id, day, roster_worker_id, on_site, allowed, valid)
      select g.organisation_id, g.day, g.roster_worker_id, bool_or(w.on_site), bool_or(g.allowed),
        bool_or(g.allowed and g.valid_declaration)
      from workplace_gate_events g join roster_workers w on w.id = g.roster_worker_id
      group by g.organisation_id, g.day, g.roster_worker_id`.execute(db);
    await sql`
      insert into workplace_compliance_days (organisation_id, day, locality_path, arrived, arrived_on_site, arrived_valid, refused)
      select d.organisation_id, d.day, o.locality_path, count(*), count(*) filter (where d.on_site),
        count(*) filter (where d.valid), count(*) filter (where not d.allowed)
      from workplace_worker_days d join organisations o on o.id = d.organisation_id
      group by d.organisation_id, d.day, o.locality_path`.execute(db);
    await sql`vacuum analyze`.execute(db);
    const events = Number(
      (await sql<{ n: string }>`select count(*) as n from workplace_gate_events`.execute(db)).rows[0]!.n,
    );
    const seedSeconds = (performance.now() - t0) / 1000;
    ctx.log(`${events} gate events; seeded in ${round(seedSeconds)} s (not timed)`);

    const sys = systemActor('bench');
    const groups: (RiskGroup | 'none')[] = ['very_low', 'low', 'medium', 'high', 'very_high', 'none'];
    const map = await timed(runs, () => s.organisationMap.map(sys, { locality: province }));
    const mapFiltered = await timed(runs, (i) =>
      s.organisationMap.map(sys, { locality: province, group: groups[i % groups.length], overdue: i % 2 === 0 }),
    );
    const list = await timed(runs, async (i) => {
      const first = await s.organisations.list(sys, {
        locality: province,
        status: 'approved',
        group: groups[i % groups.length],
        limit: 50,
      });
      if (first.nextCursor)
        await s.organisations.list(sys, {
          locality: province,
          status: 'approved',
          group: groups[i % groups.length],
          after: first.nextCursor,
          limit: 50,
        });
    });
    const dayRuns = Math.max(5, Math.ceil(runs / 3));
    const compliancePage = await timed(dayRuns, () =>
      s.workplaceCompliance.area(sys, { locality: province, day: today, limit: 50 }),
    );
    // Every organisation's figures of the day as the export reads them (pages of 500), drained as CSV.
    let csvBytes = 0;
    const complianceAll = await timed(Math.max(3, Math.ceil(runs / 10)), async () => {
      csvBytes = 0;
      const sheet = await s.workplaceCompliance.exportArea(sys, { locality: province, day: today });
      for await (const chunk of sheet.csv()) csvBytes += (chunk as Buffer).length;
    });
    const complianceRows = O;

    // Scoring: every stored self-assessment read back and scored on the version it used.
    const scoring = await timed(5, async () => {
      const stored = await db
        .selectFrom('organisation_assessments')
        .select(['template_code', 'template_version', 'answers', 'share_percent'])
        .execute();
      for (const a of stored) {
        const template = byCode.get(a.template_code)!;
        const scored = scoreAnswers(template, a.answers as Record<string, string>);
        if (!scored.ok || scored.score.sharePercent !== a.share_percent) throw new Error('a stored score changed');
      }
    });
    const pure = await timed(5, async () => {
      for (const a of answerSets) scoreAnswers(a.template, a.answers);
    });

    const p95 = (xs: number[]) => round(percentile(xs, 95));
    const r = {
      mapP95Ms: p95(map),
      mapFilteredP95Ms: p95(mapFiltered),
      listTwoPagesP95Ms: p95(list),
      compliancePageP95Ms: p95(compliancePage),
      complianceAllPagesP95Ms: p95(complianceAll),
      scoringStoredP95Ms: p95(scoring),
      scoringPureP95Ms: p95(pure),
    };
    const verdict = (ms: number, target: number) => `(target ≤ ${target} ms: ${ms <= target ? 'met' : 'missed'})`;
    return {
      summary: [
        `${O} organisations, ${W} roster workers, ${events} gate events on ${today}, ${answerSets.length} self-assessments; seeded in ${round(seedSeconds)} s`,
        `safety map of the province: p95 ${r.mapP95Ms} ms; with group/overdue filters ${r.mapFilteredP95Ms} ms ${verdict(Math.max(r.mapP95Ms, r.mapFilteredP95Ms), 200)}`,
        `list by group, first page and the next: p95 ${r.listTwoPagesP95Ms} ms ${verdict(r.listTwoPagesP95Ms, 200)}`,
        `a day's compliance, totals + first page: p95 ${r.compliancePageP95Ms} ms ${verdict(r.compliancePageP95Ms, 1000)}`,
        `a day's compliance of all ${complianceRows} organisations (the export, ${Math.round(csvBytes / 1024)} KiB CSV): p95 ${r.complianceAllPagesP95Ms} ms ${verdict(r.complianceAllPagesP95Ms, 1000)}`,
        `scoring ${answerSets.length} stored assessments (read + score): p95 ${r.scoringStoredP95Ms} ms ${verdict(r.scoringStoredP95Ms, 2000)}; the rule alone ${r.scoringPureP95Ms} ms`,
      ],
      fields: { organisations: O, workers: W, events, assessments: answerSets.length, runs, ...r },
    };
  } finally {
    await platform.close();
    if (admin) await dropScratchDatabases(admin, [scratchName]);
  }
}
