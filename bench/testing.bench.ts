/**
 * Mass testing (issue 5, target ≤ 10 s on PostgreSQL): a campaign records N samples pooled by 10
 * through the real `CampaignsService.addSamples` (batches of 5,000, as field teams upload them),
 * then a lab sheet (CSV) with the results of every pool — 1% positive — goes through the real
 * `TestingService.importResults`: parse, check every code, clear negative pools' members, and order
 * one individual RT-PCR per member of each positive pool. People are registered beforehand (not
 * timed): the campaign scans their CCCD QR, it does not type identities.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { vietnamToday } from '../core/vietnam-calendar.ts';
import { loadConfig } from '../server/config.ts';
import { openPlatform, type Platform } from '../server/main.ts';
import { newSecret } from '../server/modules/system/signing-secrets.ts';
import { loadProvinceUnits } from '../server/cli/seed.ts';
import { systemActor } from '../server/shared/actor.ts';
import { intOption } from './lib/options.ts';
import { dropScratchDatabases, recreateScratchDatabases, scratchUrl } from './lib/scratch-databases.ts';
import { round } from './lib/stats.ts';
import type { BenchContext, BenchResult } from './lib/types.ts';

export const description =
  'mass testing: N campaign samples pooled by 10, then the lab sheet of every pool (1% positive) with re-test orders (target 100k ≤ 10 s on PostgreSQL)';
export const usage =
  '--samples 100000 --pool 10 --positive-every 100 --batch 5000; with --database-url: an admin URL, the bench creates and drops phongdich_bench_testing';

const scratchName = 'phongdich_bench_testing';
const commune = '03388';
const targetSeconds = 10;

async function seedPeople(platform: Platform, n: number): Promise<string[]> {
  const db = platform.database.db;
  await loadProvinceUnits(platform, '12', true);
  const { path } = await db
    .selectFrom('localities')
    .select('path')
    .where('code', '=', commune)
    .executeTakeFirstOrThrow();
  for (let start = 0; start < n; start += 50_000) {
    await sql`
      insert into people (id_type, id_number, full_name, birth_year, gender, commune_code, locality_path)
      select 'cccd', '098' || lpad(g::text, 9, '0'), 'Người xét nghiệm ' || g, 1950 + (g % 60)::int, 'male', ${commune}, ${path}
      from generate_series(${start + 1}::int, ${Math.min(start + 50_000, n)}::int) g`.execute(db);
  }
  await sql`analyze people`.execute(db);
  const rows = await db
    .selectFrom('people')
    .select('id')
    .where('id_number', 'like', '098%')
    .orderBy('id_number')
    .execute();
  return rows.map((r) => r.id);
}

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const { values } = parseArgs({
    args: [...ctx.args],
    options: {
      samples: { type: 'string' },
      pool: { type: 'string' },
      'positive-every': { type: 'string' },
      batch: { type: 'string' },
    },
  });
  const samples = intOption({ samples: values.samples ?? 100_000 }, 'samples', 10, 2_000_000);
  const pool = intOption({ pool: values.pool ?? 10 }, 'pool', 2, 10);
  const positiveEvery = intOption(
    { 'positive-every': values['positive-every'] ?? 100 },
    'positive-every',
    2,
    1_000_000,
  );
  const batch = intOption({ batch: values.batch ?? 5000 }, 'batch', 100, 5000);

  const admin = ctx.database.kind === 'postgresql' ? ctx.database.url : null;
  if (admin) await recreateScratchDatabases(admin, [scratchName]);
  const config = {
    ...loadConfig({}),
    logLevel: 'silent' as const,
    secret: newSecret(),
    database: { url: admin ? scratchUrl(admin, scratchName) : undefined, dataDir: 'memory://' },
  };
  const platform = await openPlatform(config);
  try {
    const t0 = performance.now();
    const people = await seedPeople(platform, samples);
    ctx.log(`${people.length} people registered in ${round((performance.now() - t0) / 1000)} s (not timed)`);
    const sys = systemActor('bench');
    const today = vietnamToday();
    const campaign = await platform.services.campaigns.create(sys, {
      name: 'Xét nghiệm diện rộng (bench)',
      localityCode: commune,
      targetPopulation: samples,
      startsOn: today,
      endsOn: today,
      poolSize: pool,
    });

    const t1 = performance.now();
    const collectedAt = new Date().toISOString();
    for (let start = 0; start < people.length; start += batch) {
      const chunk = people
        .slice(start, start + batch)
        .map((personId, i) => ({ code: `S${String(start + i).padStart(8, '0')}`, subject: { personId } }));
      await platform.services.campaigns.addSamples(sys, campaign.id, { collectedAt, samples: chunk });
    }
    const samplesSeconds = (performance.now() - t1) / 1000;
    ctx.log(`${samples} samples in pools of ${pool}: ${round(samplesSeconds)} s`);

    const pools = await platform.database.db
      .selectFrom('test_pools')
      .select('code')
      .where('campaign_id', '=', campaign.id)
      .orderBy('code')
      .execute();
    const csv = `Mã mẫu gộp,Kết quả\n${pools.map((p, i) => `${p.code},${(i + 1) % positiveEvery === 0 ? 'Dương tính' : 'Âm tính'}`).join('\n')}\n`;
    const t2 = performance.now();
    const outcome = await platform.services.testing.importResults(sys, 'pools', Buffer.from(csv), 'text/csv');
    const resultsSeconds = (performance.now() - t2) / 1000;
    ctx.log(
      `${pools.length} pool results, ${outcome.positives} positive → ${outcome.retestOrders} re-test orders: ${round(resultsSeconds)} s`,
    );

    const progress = await platform.services.campaigns.progress(sys, campaign.id);
    const total = samplesSeconds + resultsSeconds;
    const expectedRetests = Math.floor(pools.length / positiveEvery) * pool;
    if (outcome.retestOrders !== expectedRetests)
      throw new Error(`expected ${expectedRetests} re-test orders, got ${outcome.retestOrders}`);
    return {
      summary: [
        `${samples} samples pooled by ${pool} (${pools.length} pools): ${round(samplesSeconds)} s (${Math.round(samples / samplesSeconds)} samples/s)`,
        `lab sheet of ${pools.length} pools, ${outcome.positives} positive: ${round(resultsSeconds)} s, ${outcome.retestOrders} individual re-test orders`,
        `total ${round(total)} s${ctx.database.kind === 'postgresql' ? ` (target ≤ ${targetSeconds} s: ${total <= targetSeconds ? 'met' : 'missed'})` : ''}`,
        `campaign: ${progress.days[0]?.sampled ?? 0} sampled, ${progress.days[0]?.resulted ?? 0} resulted, coverage ${round(progress.coverage * 100)}%`,
      ],
      fields: {
        samples,
        poolSize: pool,
        pools: pools.length,
        positivePools: outcome.positives,
        retestOrders: outcome.retestOrders,
        batch,
        samplesSeconds: round(samplesSeconds),
        resultsSeconds: round(resultsSeconds),
        totalSeconds: round(total),
        targetSeconds,
        targetMet: ctx.database.kind === 'postgresql' ? total <= targetSeconds : null,
      },
    };
  } finally {
    await platform.close();
    if (admin) await dropScratchDatabases(admin, [scratchName]);
  }
}
