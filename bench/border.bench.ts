/**
 * Border and entry control (issue 19, PostgreSQL): C checkpoints each logging N individual records a
 * day for D days (the size: 200 × 5,000 × 30 = 30 M rows), seeded in SQL with their daily
 * counts (not timed); then the province's daily bulletin (target p95 ≤ 300 ms) and a person's
 * crossings (target p95 ≤ 20 ms) through the real services, audit included. Records are let through
 * or turned back: no quarantine admission is seeded.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { vietnamToday } from '../core/vietnam-calendar.ts';
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
  'border: C checkpoints × N records/day × D days; province daily bulletin p95 ≤ 300 ms, a person’s crossings p95 ≤ 20 ms';
export const usage =
  '--checkpoints 200 --per-day 5000 --days 30 --people 200000 --runs 30; with --database-url: an admin URL (scratch database phongdich_bench_border)';

const scratchName = 'phongdich_bench_border';
const commune = '03390';

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const { values } = parseArgs({
    args: [...ctx.args],
    options: {
      checkpoints: { type: 'string' },
      'per-day': { type: 'string' },
      days: { type: 'string' },
      people: { type: 'string' },
      runs: { type: 'string' },
    },
  });
  const checkpoints = intOption({ checkpoints: values.checkpoints ?? 200 }, 'checkpoints', 1, 1000);
  const perDay = intOption({ 'per-day': values['per-day'] ?? 5000 }, 'per-day', 1, 100_000);
  const days = intOption({ days: values.days ?? 30 }, 'days', 1, 365);
  const peopleCount = intOption({ people: values.people ?? 200_000 }, 'people', 10, 5_000_000);
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
    await loadProvinceUnits(platform, '12', true);
    const { path } = await db
      .selectFrom('localities')
      .select('path')
      .where('code', '=', commune)
      .executeTakeFirstOrThrow();
    const today = vietnamToday();
    const t0 = performance.now();
    await sql`
      insert into people (id_type, id_number, full_name, birth_year, gender, commune_code, locality_path)
      select 'cccd', '097' || lpad(g::text, 9, '0'), 'Người qua chốt ' || g, 1950 + (g % 60)::int, 'male', ${commune}, ${path}
      from generate_series(1, ${peopleCount}::int) g`.execute(db);
    await sql`
      insert into border_posts (client_key, kind, name, commune_code, locality_path, province_code, marker_from)
      select gen_random_uuid(), 'entrance_checkpoint', 'Chốt ' || lpad(g::text, 3, '0'), ${commune}, ${path}, '12', g::text
      from generate_series(1, ${checkpoints}::int) g`.execute(db);
    const posts = (await db.selectFrom('border_posts').select('id').orderBy('name').execute()).map((p) => p.id);
    const people = (await db.selectFrom('people').select('id').where('id_number', 'like', '097%').execute()).map(
      (p) => p.id,
    );
    for (let d = 0; d < days; d++) {
      const day = new Date(Date.parse(`${today}T00:00:00Z`) - d * 86_400_000).toISOString().slice(0, 10);
      await sql`
        insert into border_crossings (client_key, post_id, crossed_at, crossed_on, person_id, identified_by, origin,
          destination_commune_code, test_result, decision, locality_path, province_code)
        select gen_random_uuid(), (${posts}::uuid[])[1 + (g % ${checkpoints})],
          ${day}::date + make_interval(secs => (g % 86000)), ${day}::date,
          (${people}::uuid[])[1 + ((g::bigint * 7919 + ${d}) % ${peopleCount})::int], 'cccd_qr',
          case g % 4 when 0 then 'CN' when 1 then 'LA' else '10' end, ${commune},
          case when g % 50 = 0 then 'positive' when g % 3 = 0 then 'negative' else 'none' end,
          case when g % 50 = 0 then 'turned_back' else 'let_through' end, ${path}, '12'
        from generate_series(1, ${checkpoints * perDay}::int) g`.execute(db);
      ctx.log(`day ${d + 1}/${days}: ${checkpoints * perDay} records`);
    }
    await sql`
      insert into border_daily_counts (post_id, day, origin, province_code, locality_path, recorded, positives, quarantined, turned_back)
      select post_id, crossed_on, origin, province_code, locality_path, count(*),
        count(*) filter (where test_result = 'positive'), count(*) filter (where decision = 'quarantine'),
        count(*) filter (where decision = 'turned_back')
      from border_crossings group by 1, 2, 3, 4, 5`.execute(db);
    await sql`analyze`.execute(db);
    const rows = checkpoints * perDay * days;
    const seedSeconds = (performance.now() - t0) / 1000;
    ctx.log(`${rows} crossings seeded in ${round(seedSeconds)} s (not timed)`);

    const sys = systemActor('bench');
    const bulletin: number[] = [];
    for (let i = 0; i < runs; i++) {
      const day = new Date(Date.parse(`${today}T00:00:00Z`) - (i % days) * 86_400_000).toISOString().slice(0, 10);
      const t = performance.now();
      await platform.services.borderBulletin.bulletin(sys, { day, locality: '12' });
      bulletin.push(performance.now() - t);
    }
    const lookup: number[] = [];
    for (let i = 0; i < runs * 3; i++) {
      const person = people[(i * 104729) % people.length]!;
      const t = performance.now();
      await platform.services.borderCrossings.list(sys, { person, limit: 50 });
      lookup.push(performance.now() - t);
    }
    const b95 = round(percentile(bulletin, 95));
    const l95 = round(percentile(lookup, 95));
    return {
      summary: [
        `${rows} crossings (${checkpoints} checkpoints × ${perDay}/day × ${days} days), seeded in ${round(seedSeconds)} s`,
        `province daily bulletin: p95 ${b95} ms over ${runs} runs (target ≤ 300 ms: ${b95 <= 300 ? 'met' : 'missed'})`,
        `a person's crossings: p95 ${l95} ms over ${runs * 3} look-ups (target ≤ 20 ms: ${l95 <= 20 ? 'met' : 'missed'})`,
      ],
      fields: { checkpoints, perDay, days, rows, bulletinP95Ms: b95, lookupP95Ms: l95, runs },
    };
  } finally {
    await platform.close();
    if (admin) await dropScratchDatabases(admin, [scratchName]);
  }
}
