/**
 * Issue 17's proof on PostgreSQL: a province's year of inspections (50,000 visits × 30 findings,
 * 5,000 violations) generated set-based through the real tables, then (a) the province's dashboard
 * for a quarter (target ≤ 300 ms) and (b) 500 visits synced at once from phones back online, each
 * with a 200 KB photo, through the services the routes call: all stored, none duplicated (each sent
 * twice), p95 per visit (target ≤ 500 ms).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { loadConfig } from '../server/config.ts';
import { openPlatform, type Platform } from '../server/main.ts';
import { newSecret } from '../server/modules/system/signing-secrets.ts';
import { systemActor } from '../server/shared/actor.ts';
import { intOption } from './lib/options.ts';
import { postgresSettings } from './lib/risk-target.ts';
import { dropScratchDatabases, recreateScratchDatabases, scratchUrl } from './lib/scratch-databases.ts';
import { openDatabase } from '../server/db/database.ts';
import { median, percentile, round } from './lib/stats.ts';
import type { BenchContext, BenchResult } from './lib/types.ts';

export const description =
  'issue 17: province dashboard for a quarter over 50,000 inspections × 30 items and 5,000 violations (≤ 300 ms), 500 visits with 200 KB photos synced at once (p95 ≤ 500 ms, none duplicated)';
export const usage = '--visits 50000 --items 30 --violations 5000 --sync 500 --photo-kb 200 --rounds 5 --keep';

const PROVINCE = '12';
const SCRATCH = 'phongdich_bench_inspections';

/** Its own scratch database (never another bench's), dropped at the end unless kept. */
async function openScratch(ctx: BenchContext, keep: boolean) {
  if (ctx.database.kind !== 'postgresql')
    throw new Error('the inspections bench runs on PostgreSQL: pass --database-url');
  const adminUrl = ctx.database.url;
  await recreateScratchDatabases(adminUrl, [SCRATCH]);
  const handle = await openDatabase({ url: scratchUrl(adminUrl, SCRATCH), dataDir: '' });
  return { handle, cleanup: keep ? async () => undefined : () => dropScratchDatabases(adminUrl, [SCRATCH]) };
}

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const { values } = parseArgs({
    args: [...ctx.args],
    options: {
      visits: { type: 'string', default: '50000' },
      items: { type: 'string', default: '30' },
      violations: { type: 'string', default: '5000' },
      sync: { type: 'string', default: '500' },
      'photo-kb': { type: 'string', default: '200' },
      rounds: { type: 'string', default: '5' },
      keep: { type: 'boolean', default: false },
    },
  });
  const o = {
    visits: intOption(values, 'visits', 100, 1_000_000),
    items: intOption(values, 'items', 1, 60),
    violations: intOption(values, 'violations', 0, 100_000),
    sync: intOption(values, 'sync', 1, 5_000),
    photoKb: intOption(values, 'photo-kb', 1, 4_000),
    rounds: intOption(values, 'rounds', 1, 50),
  };
  const opened = await openScratch(ctx, values.keep ?? false);
  const db = opened.handle.db;
  const config = {
    ...loadConfig({}),
    logLevel: 'silent' as const,
    database: { dataDir: 'memory://' },
    secret: newSecret(),
  };
  let platform: Platform | null = null;
  try {
    platform = await openPlatform(config, opened.handle);
    const s = platform.services;
    const sys = systemActor('bench');
    await s.localities.loadProvince(sys, PROVINCE, { demoPopulation: true });
    await s.units.ensureProvinceUnits(sys, PROVINCE);
    const cdc = await db
      .selectFrom('reporting_units')
      .select('id')
      .where('code', '=', `${PROVINCE}-CDC`)
      .executeTakeFirstOrThrow();
    const communes = await db
      .selectFrom('localities')
      .select(['code', 'path'])
      .where('level', '=', 'commune')
      .where('path', 'like', `VN/${PROVINCE}/%`)
      .orderBy('code')
      .execute();
    const leader = (
      await s.users.create(sys, {
        username: 'truongdoan.bench',
        fullName: 'Trưởng đoàn kiểm tra',
        role: 'inspector',
        localityCode: PROVINCE,
        password: `Bench-${randomUUID()}`,
      })
    ).user.id;
    const year = { from: '2026-01-01', to: '2026-12-31' };

    // ---- generation (not timed): one plan, a target per visit, set-based ----
    let t = performance.now();
    const plan = await s.inspections.create(sys, {
      clientKey: randomUUID(),
      unitId: cdc.id,
      title: 'Kiểm tra năm 2026',
      periodFrom: year.from,
      periodTo: year.to,
      leaderUserId: leader,
      memberUserIds: [],
      targets: communes.slice(0, 1).map((c) => ({
        kind: 'locality' as const,
        name: 'Xã',
        localityCode: c.code,
        checklist: 'organisation' as const,
        scheduledOn: year.from,
      })),
    });
    const checklist = await db
      .selectFrom('inspection_checklists')
      .select('id')
      .where('code', '=', 'organisation')
      .executeTakeFirstOrThrow();
    const codes = communes.map((c) => c.code);
    const paths = communes.map((c) => c.path);
    await sql`
      insert into inspection_targets (plan_id, kind, name, locality_code, locality_path, province_code, checklist_id, scheduled_on)
      select ${plan.id}::uuid, 'organisation', 'Cơ sở ' || g, (${codes}::text[])[1 + g % ${codes.length}],
        (${paths}::text[])[1 + g % ${paths.length}], ${PROVINCE}, ${checklist.id}::uuid, ${year.from}::date + (g % 365)
      from generate_series(1, ${o.visits}) g`.execute(db);
    await sql`
      insert into inspection_visits (client_key, target_id, plan_id, unit_id, checklist_id, visited_on, started_at, completed_at,
        status, failures, locality_path, province_code, representative_name, signature_png)
      select gen_random_uuid(), t.id, t.plan_id, ${cdc.id}::uuid, t.checklist_id, t.scheduled_on, t.scheduled_on + time '09:00',
        t.scheduled_on + time '10:00', 'completed', 0, t.locality_path, t.province_code, 'Đại diện', '\\x89504e47'::bytea
      from inspection_targets t where t.plan_id = ${plan.id}::uuid and t.name <> 'Xã'`.execute(db);
    await sql`
      insert into inspection_findings (visit_id, item_key, result, province_code, locality_path, visited_on)
      select v.id, 'item_' || i, case when (hashtext(v.id::text) + i) % 10 = 0 then 'fail' else 'pass' end,
        v.province_code, v.locality_path, v.visited_on
      from inspection_visits v cross join generate_series(1, ${o.items}) i`.execute(db);
    const article = await db
      .selectFrom('violation_articles')
      .select('id')
      .where('code', '=', '12.1a')
      .executeTakeFirstOrThrow();
    await sql`
      insert into violation_records (client_key, visit_id, article_id, subject_kind, subject_name, subject_key, committed_on,
        description, unit_id, locality_path, province_code, decided_on, fine_vnd, payment_due_on, final)
      select gen_random_uuid(), v.id, ${article.id}::uuid, 'organisation', 'Cơ sở', 'org:' || v.target_id, v.visited_on,
        'Không đeo khẩu trang', v.unit_id, v.locality_path, v.province_code, v.visited_on, 4000000, v.visited_on + 10, true
      from (select * from inspection_visits order by id limit ${o.violations}) v`.execute(db);
    await sql`analyze`.execute(db);
    const generationMs = performance.now() - t;
    ctx.log(
      `generated ${o.visits} visits × ${o.items} findings, ${o.violations} violations in ${Math.round(generationMs)} ms`,
    );

    // ---- (a) the province's dashboard for a quarter ----
    const cdcUser = { ...sys, role: 'health_department' as const, scope: { code: PROVINCE, path: `VN/${PROVINCE}` } };
    const query = { from: '2026-04-01', to: '2026-06-30' };
    await s.inspectionFollowUp.dashboard(cdcUser, query);
    const dashboardMs: number[] = [];
    let done = 0;
    for (let r = 0; r < o.rounds; r++) {
      t = performance.now();
      done = (await s.inspectionFollowUp.dashboard(cdcUser, query)).done;
      dashboardMs.push(performance.now() - t);
    }

    // ---- (b) 500 visits with a photo each, sent at once, each sent twice ----
    const extra = await sql<{ id: string }>`
      insert into inspection_targets (plan_id, kind, name, locality_code, locality_path, province_code, checklist_id, scheduled_on)
      select ${plan.id}::uuid, 'organisation', 'Đồng bộ ' || g, ${codes[0]!}, ${paths[0]!}, ${PROVINCE}, ${checklist.id}::uuid, date '2026-12-01'
      from generate_series(1, ${o.sync}) g returning id`.execute(db);
    const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(o.photoKb * 1024 - 4)]);
    const items = (await s.inspections.checklists(sys)).items.find((c) => c.code === 'organisation')!.items;
    const sendOne = async (targetId: string) => {
      const key = randomUUID();
      const photoKey = randomUUID();
      const body = {
        clientKey: key,
        targetId,
        startedAt: '2026-12-01T02:00:00.000Z',
        complete: false,
        findings: items.map((i, n) => ({ itemKey: i.key, result: n === 0 ? ('fail' as const) : ('pass' as const) })),
      };
      const started = performance.now();
      await s.inspectionVisits.submit(sys, body);
      await s.inspectionVisits.attachPhoto(sys, key, photoKey, photo, 'image/jpeg', items[0]!.key);
      // The phone lost the answer: the same visit and photo again.
      await s.inspectionVisits.submit(sys, body);
      await s.inspectionVisits.attachPhoto(sys, key, photoKey, photo, 'image/jpeg', items[0]!.key);
      return performance.now() - started;
    };
    t = performance.now();
    const perVisit = await Promise.all(extra.rows.map((r) => sendOne(r.id)));
    const syncWallMs = performance.now() - t;
    const stored = await db
      .selectFrom('inspection_visits')
      .innerJoin('inspection_targets as t', 't.id', 'inspection_visits.target_id')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('t.name', 'like', 'Đồng bộ %')
      .executeTakeFirstOrThrow();
    const photos = await db
      .selectFrom('inspection_photos')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();

    const fields = {
      shape: o,
      settings: ctx.database.kind === 'postgresql' ? await postgresSettings(db) : { engine: 'PGlite' },
      generationMs: round(generationMs, 0),
      dashboard: {
        quarter: query,
        done,
        medianMs: round(median(dashboardMs)),
        maxMs: round(Math.max(...dashboardMs)),
        targetMs: 300,
      },
      sync: {
        visits: o.sync,
        photoBytes: photo.length,
        storedVisits: stored.n,
        storedPhotos: photos.n,
        duplicated: stored.n !== o.sync || photos.n !== o.sync,
        p95PerVisitMs: round(percentile(perVisit, 95)),
        medianPerVisitMs: round(median(perVisit)),
        wallMs: round(syncWallMs, 0),
        targetP95Ms: 500,
      },
    };
    return {
      summary: [
        `dashboard (province, quarter, ${done} visits): median ${fields.dashboard.medianMs} ms, max ${fields.dashboard.maxMs} ms (target ≤ 300 ms)`,
        `sync ${o.sync} visits + ${o.photoKb} KB photo each, each sent twice: p95 ${fields.sync.p95PerVisitMs} ms per visit, stored ${stored.n} visits / ${photos.n} photos (target p95 ≤ 500 ms, none duplicated)`,
      ],
      fields,
    };
  } finally {
    await platform?.close();
    await opened.cleanup();
  }
}
