/**
 * Means and supplies (issue 18, PostgreSQL). Each scenario is its own function, so the plans
 * module's readiness figures join this file beside the stock ones:
 * - `concurrentIssues`: 1,000 stock issues sent at once against 10 items of one store, through the
 *   real `StockMovementsService.issue` (client key, row-locked lots, ledger row, audit event, one
 *   transaction each); all must be correct — balance = receipts − issued = the ledger's sum, none
 *   below zero — at ≥ 500 issues per second.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { loadConfig } from '../server/config.ts';
import { loadProvinceUnits } from '../server/cli/seed.ts';
import { openPlatform, type Platform } from '../server/main.ts';
import { newSecret } from '../server/modules/system/signing-secrets.ts';
import { systemActor } from '../server/shared/actor.ts';
import { intOption } from './lib/options.ts';
import { dropScratchDatabases, recreateScratchDatabases, scratchUrl } from './lib/scratch-databases.ts';
import { round } from './lib/stats.ts';
import type { BenchContext, BenchResult, JsonObject } from './lib/types.ts';

export const description =
  'stock ledger: 1,000 concurrent issues against 10 items (all correct, target ≥ 500/s on PostgreSQL)';
export const usage =
  '--issues 1000 --items 10; with --database-url: an admin URL, the bench creates and drops phongdich_bench_resources';

const scratchName = 'phongdich_bench_resources';
const targetPerSecond = 500;
const items = [
  'gloves',
  'medical_mask',
  'n95_mask',
  'protective_suit',
  'rapid_antigen_kit',
  'rt_pcr_kit',
  'sample_tube',
  'disinfectant',
  'spo2_meter',
  'oxygen_cylinder',
] as const;
const lotTracked = new Set(['rapid_antigen_kit', 'rt_pcr_kit', 'sample_tube', 'disinfectant']);

interface Scenario {
  summary: string[];
  fields: JsonObject;
}

async function concurrentIssues(
  platform: Platform,
  issues: number,
  itemCount: number,
  postgres: boolean,
): Promise<Scenario> {
  const sys = systemActor('bench');
  const s = platform.services;
  const db = platform.database.db;
  const unit = await db
    .selectFrom('reporting_units')
    .select('id')
    .where('code', '=', '12-CDC')
    .executeTakeFirstOrThrow();
  const store = await s.resourceStock.createStore(sys, { clientKey: randomUUID(), unitId: unit.id, name: 'Kho bench' });
  const chosen = items.slice(0, itemCount);
  // Each item holds less than is asked of it, so some issues must be refused and none may overdraw.
  const perItem = Math.ceil(issues / chosen.length);
  const stocked = Math.floor(perItem * 0.9);
  const expires = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
  for (const item of chosen)
    await s.resourceMovements.receive(sys, store.id, {
      clientKey: randomUUID(),
      item,
      quantity: stocked,
      ...(lotTracked.has(item) ? { lot: 'L1', expiresOn: expires } : {}),
    });
  const t0 = performance.now();
  const results = await Promise.allSettled(
    Array.from({ length: issues }, (_, i) =>
      s.resourceMovements.issue(sys, store.id, {
        clientKey: randomUUID(),
        item: chosen[i % chosen.length]!,
        quantity: 1,
        purpose: 'bench',
      }),
    ),
  );
  const seconds = (performance.now() - t0) / 1000;
  const done = results.filter((r) => r.status === 'fulfilled').length;
  const refused = results.filter((r) => r.status === 'rejected').length;
  const expectedDone = chosen.reduce(
    (n, _, k) => n + Math.min(stocked, Math.floor(issues / chosen.length) + (k < issues % chosen.length ? 1 : 0)),
    0,
  );
  const check = await sql<{ bad: string; negative: string }>`
    select
      (select count(*) from stock_balances b
        full join (select store_id, item_code, lot, sum(quantity) as total from stock_movements group by 1, 2, 3) l
        using (store_id, item_code, lot)
        where coalesce(b.quantity, 0) <> coalesce(l.total, 0)) as bad,
      (select count(*) from stock_movements where balance_after < 0) as negative`.execute(db);
  const mismatched = Number(check.rows[0]!.bad);
  const correct = done === expectedDone && mismatched === 0 && Number(check.rows[0]!.negative) === 0;
  if (!correct)
    throw new Error(
      `stock not consistent: ${done} issued (expected ${expectedDone}), ${mismatched} balances off the ledger`,
    );
  const perSecond = issues / seconds;
  return {
    summary: [
      `${issues} concurrent issues against ${chosen.length} items (${stocked} each in stock): ${round(seconds)} s, ${Math.round(perSecond)} issues/s` +
        (postgres ? ` (target ≥ ${targetPerSecond}/s: ${perSecond >= targetPerSecond ? 'met' : 'missed'})` : ''),
      `${done} recorded, ${refused} refused for lack of stock; balances = ledger sums, none below zero`,
    ],
    fields: {
      issues,
      items: chosen.length,
      stockedPerItem: stocked,
      recorded: done,
      refused,
      seconds: round(seconds),
      issuesPerSecond: Math.round(perSecond),
      targetPerSecond,
      correct,
      targetMet: postgres ? perSecond >= targetPerSecond : null,
    },
  };
}

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const { values } = parseArgs({
    args: [...ctx.args],
    options: { issues: { type: 'string' }, items: { type: 'string' } },
  });
  const issues = intOption({ issues: values.issues ?? 1000 }, 'issues', 10, 100_000);
  const itemCount = intOption({ items: values.items ?? 10 }, 'items', 1, items.length);
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
    await loadProvinceUnits(platform, '12', true);
    await platform.services.units.ensureProvinceUnits(systemActor('bench'), '12');
    const stock = await concurrentIssues(platform, issues, itemCount, admin !== null);
    for (const line of stock.summary) ctx.log(line);
    return { summary: stock.summary, fields: { concurrentIssues: stock.fields } };
  } finally {
    await platform.close();
    if (admin) await dropScratchDatabases(admin, [scratchName]);
  }
}
