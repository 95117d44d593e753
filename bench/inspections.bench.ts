/**
 * Issue 17's proof on PostgreSQL: a province's year of inspections (50,000 visits × 30 findings,
 * 5,000 violations) generated set-based through the real tables, then (a) the province's dashboard
 * for a quarter (target ≤ 300 ms) and (b) 500 visits synced at once from phones back online, each
 * with a 200 KB photo, over real HTTP to a phongdich server started on the scratch database (a child
 * process, its own pool): every phone sends its outbox in order as the web client does, each visit
 * and photo twice (a lost answer); all stored, none duplicated, p95 per visit (target ≤ 500 ms) for
 * each number of phones of `--phones` (the first is the one the target is judged on).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { loadConfig } from '../server/config.ts';
import { openPlatform, type Platform } from '../server/main.ts';
import { newSecret } from '../server/modules/system/signing-secrets.ts';
import { systemActor } from '../server/shared/actor.ts';
import { startServer } from './lib/children.ts';
import { signIn, syncFromPhones, type Phone, type SyncFigures } from './lib/inspections-sync.ts';
import { intOption } from './lib/options.ts';
import { postgresSettings } from './lib/risk-target.ts';
import { dropScratchDatabases, recreateScratchDatabases, scratchUrl } from './lib/scratch-databases.ts';
import { openDatabase } from '../server/db/database.ts';
import { median, round } from './lib/stats.ts';
import type { BenchContext, BenchResult } from './lib/types.ts';

export const description =
  'issue 17: province dashboard for a quarter over 50,000 inspections × 30 items and 5,000 violations (≤ 300 ms), 500 visits with 200 KB photos synced at once (p95 ≤ 500 ms, none duplicated)';
export const usage =
  '--visits 50000 --items 30 --violations 5000 --sync 500 --photo-kb 200 --phones 100,50,500 --pool-size 10 --rounds 5 --keep';

const PROVINCE = '12';
const SCRATCH = 'phongdich_bench_inspections';

/** Its own scratch database (never another bench's), dropped at the end unless kept. */
async function openScratch(ctx: BenchContext, keep: boolean) {
  if (ctx.database.kind !== 'postgresql')
    throw new Error('the inspections bench runs on PostgreSQL: pass --database-url');
  const adminUrl = ctx.database.url;
  await recreateScratchDatabases(adminUrl, [SCRATCH]);
  const handle = await openDatabase({ url: scratchUrl(adminUrl, SCRATCH), dataDir: '' });
  return { handle, adminUrl, cleanup: keep ? async () => undefined : () => dropScratchDatabases(adminUrl, [SCRATCH]) };
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
      phones: { type: 'string', default: '100,50,500' },
      'pool-size': { type: 'string', default: '10' },
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
    poolSize: intOption(values, 'pool-size', 2, 200),
    phones: (values.phones ?? '').split(',').map((n) => Number(n)),
  };
  if (!o.phones.length || o.phones.some((n) => !Number.isInteger(n) || n < 1 || n > o.sync))
    throw new Error(`--phones: numbers from 1 to --sync (${o.sync}), comma-separated`);
  const accounts = Math.min(100, Math.max(...o.phones));
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
    // The phones' inspectors, on the plan's team (at most 100 accounts: more phones share them).
    const password = `Bench-${randomUUID()}`;
    const inspectors: { id: string; username: string }[] = [];
    for (let n = 0; n < accounts; n++) {
      const username = `kiemtra${n}.bench`;
      const u = await s.users.create(sys, {
        username,
        fullName: `Thành viên đoàn ${n}`,
        role: 'inspector',
        localityCode: PROVINCE,
        password,
      });
      inspectors.push({ id: u.user.id, username });
    }

    // ---- generation (not timed): one plan, a target per visit, set-based ----
    let t = performance.now();
    const plan = await s.inspections.create(sys, {
      clientKey: randomUUID(),
      unitId: cdc.id,
      title: 'Kiểm tra năm 2026',
      periodFrom: year.from,
      periodTo: year.to,
      leaderUserId: leader,
      memberUserIds: inspectors.map((i) => i.id),
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

    // ---- (b) 500 visits with a photo each, from phones back online, over HTTP ----
    const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(o.photoKb * 1024 - 4)]);
    const itemKeys = (await s.inspections.checklists(sys)).items
      .find((c) => c.code === 'organisation')!
      .items.map((i) => i.key);
    const server = await startServer('phongdich', new URL('./servers/phongdich-server.ts', import.meta.url), [
      '--database-url',
      scratchUrl(opened.adminUrl, SCRATCH),
      '--pool-size',
      String(o.poolSize),
      '--logins-per-minute',
      String(accounts + 10),
    ]);
    const sync: (SyncFigures & { storedVisits: number; storedPhotos: number; duplicated: boolean })[] = [];
    try {
      const sessions: Phone[] = [];
      for (const i of inspectors) sessions.push(await signIn(server.origin, i.username, password));
      for (const [round, phones] of o.phones.entries()) {
        const batch = `Đồng bộ ${round + 1} `;
        const extra = await sql<{ id: string }>`
          insert into inspection_targets (plan_id, kind, name, locality_code, locality_path, province_code, checklist_id, scheduled_on)
          select ${plan.id}::uuid, 'organisation', ${batch} || g, ${codes[0]!}, ${paths[0]!}, ${PROVINCE}, ${checklist.id}::uuid, date '2026-12-01'
          from generate_series(1, ${o.sync}) g returning id`.execute(db);
        await sql`checkpoint`.execute(db);
        const figures = await syncFromPhones(server.origin, {
          targetIds: extra.rows.map((r) => r.id),
          itemKeys,
          photo,
          phones: Array.from({ length: phones }, (_, n) => sessions[n % sessions.length]!),
        });
        const stored = await db
          .selectFrom('inspection_visits')
          .innerJoin('inspection_targets as t', 't.id', 'inspection_visits.target_id')
          .select(sql<number>`count(*)::int`.as('n'))
          .where('t.name', 'like', `${batch}%`)
          .executeTakeFirstOrThrow();
        const photos = await db
          .selectFrom('inspection_photos as p')
          .innerJoin('inspection_visits as v', 'v.id', 'p.visit_id')
          .innerJoin('inspection_targets as t', 't.id', 'v.target_id')
          .select(sql<number>`count(*)::int`.as('n'))
          .where('t.name', 'like', `${batch}%`)
          .executeTakeFirstOrThrow();
        const duplicated = stored.n !== o.sync || photos.n !== o.sync;
        sync.push({ ...figures, storedVisits: stored.n, storedPhotos: photos.n, duplicated });
        ctx.log(
          `${phones} phones: p95 ${figures.p95PerVisitMs} ms per visit, ${figures.visitsPerSecond} visits/s, stored ${stored.n}/${photos.n}`,
        );
      }
    } finally {
      await server.stop();
    }

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
        poolSize: o.poolSize,
        targetP95Ms: 500,
        measured:
          'per visit, on the phone: POST visit + PUT photo, then both again (a lost answer), from the first byte sent to the last answer; every phone sends its outbox in order, all phones start at once; HTTP to a child server process on 127.0.0.1',
        byPhones: sync,
      },
    };
    return {
      summary: [
        `dashboard (province, quarter, ${done} visits): median ${fields.dashboard.medianMs} ms, max ${fields.dashboard.maxMs} ms (target ≤ 300 ms)`,
        ...sync.map(
          (f) =>
            `sync ${o.sync} visits + ${o.photoKb} KB photo each from ${f.phones} phones (each sent twice): p95 ${f.p95PerVisitMs} ms per visit (median ${f.medianPerVisitMs}, ${f.visitsPerSecond} visits/s), stored ${f.storedVisits} visits / ${f.storedPhotos} photos${f.duplicated ? ' — WRONG COUNT' : ''}${f.failed.length ? `, ${f.failed.length}+ failed: ${f.failed[0]}` : ''} (target p95 ≤ 500 ms, none duplicated)`,
        ),
      ],
      fields,
    };
  } finally {
    await platform?.close();
    await opened.cleanup();
  }
}
