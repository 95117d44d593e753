/**
 * Issue 21: replication between a hub and three provinces (the clusters of
 * scripts/federation-clusters.sh). (a) Lag under a steady write load in two provinces: each writes
 * `--rate` single-row transactions a second (a commune's daily count upserted, the write a new case
 * causes once recounted) while a heartbeat stamped with the province's clock every 100 ms is
 * watched on the hub: lag = the hub's clock when the stamp arrives − the stamp (one machine, one
 * clock). (b) 10,000 referrals from one province to the two others, written into the outbox in
 * transactions of 100: time until every one is in its destination, each once and nowhere else.
 * (c) A year of daily counts per province (`--cases` a province) replicated to the hub, then the
 * hub's national dashboard and map timed (bench/lib/federation-national.ts; target ≤ 300 ms).
 */
import { performance } from 'node:perf_hooks';
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import type { Db } from '../server/db/database.ts';
import { closeFederation, openFederation, type FederationInstance } from '../server/testing/federation-instances.ts';
import { nationalReads } from './lib/federation-national.ts';
import { intOption } from './lib/options.ts';
import { percentile, round } from './lib/stats.ts';
import type { BenchContext, BenchResult } from './lib/types.ts';

export const description =
  "issue 21: replication lag at steady writes (p95 ≤ 2 s), 10,000 cross-province referrals, the hub's national dashboard and map (≤ 300 ms)";
export const usage =
  '--ports 5441,5442,5443 (scripts/federation-clusters.sh up) --rate 200 (writes/s per province) --seconds 20 --referrals 10000 --cases 300000 (a year, per province) --repeats 20';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const load = () => execFileSync('uptime', { encoding: 'utf8' }).trim();

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const { values } = parseArgs({
    args: [...ctx.args],
    options: {
      ports: { type: 'string', default: '5441,5442,5443' },
      rate: { type: 'string', default: '200' },
      seconds: { type: 'string', default: '20' },
      referrals: { type: 'string', default: '10000' },
      cases: { type: 'string', default: '300000' },
      repeats: { type: 'string', default: '20' },
    },
  });
  const ports = values.ports.split(',').map(Number);
  const rate = intOption(values, 'rate', 1, 5000);
  const seconds = intOption(values, 'seconds', 1, 600);
  const referrals = intOption(values, 'referrals', 1, 1_000_000);
  const cases = intOption(values, 'cases', 1, 10_000_000);
  const repeats = intOption(values, 'repeats', 1, 1000);
  const loadBefore = load();
  ctx.log(`setting up a hub and three provinces on ports ${ports.join(', ')}`);
  const instances = await openFederation(ports);
  const [hub, p12, p11, p01] = instances as [
    FederationInstance,
    FederationInstance,
    FederationInstance,
    FederationInstance,
  ];
  try {
    ctx.log(`(a) ${rate} writes/s in provinces 12 and 11 for ${seconds} s`);
    const steady = await steadyLoad(hub, [p12, p11], rate, seconds);
    const loadDuring = load();
    ctx.log(`(b) ${referrals} referrals from 12 to 11 and 01`);
    const routed = await referralsBurst(hub, p12, p11, p01, referrals);
    const loadAfter = load();
    ctx.log(`(c) a year of ${cases} cases a province as daily counts, then the hub's national reads`);
    const national = await nationalReads(hub, [p12, p11, p01], cases, repeats, ctx.log);
    const loadAfterReads = load();
    const summary = [
      `(a) ${steady.writes} writes in ${seconds} s (${round(steady.writes / seconds, 0)}/s over 2 provinces, target ${2 * rate}/s): lag p50 ${steady.p50} ms, p95 ${steady.p95} ms, max ${steady.max} ms (${steady.samples} samples; target p95 ≤ 2000 ms)`,
      `(b) ${referrals} referrals: written in ${routed.writeMs} ms, all delivered ${routed.deliveredMs} ms after the first write (${round(referrals / (routed.deliveredMs / 1000), 0)}/s), each once: ${routed.once}, none astray: ${routed.noneAstray}`,
      `(c) ${national.casesWritten} cases over 3 provinces (${national.countRowsPerProvince} count rows each) on the hub ${national.caughtUpMs} ms after the first write; national dashboard 90 days p50 ${national.dashboard90.p50} ms, p95 ${national.dashboard90.p95} ms; a year p50 ${national.dashboardYear.p50} ms, p95 ${national.dashboardYear.p95} ms; national map (3 provinces at once) p50 ${national.map.p50} ms, p95 ${national.map.p95} ms (${repeats} runs each; target ≤ 300 ms)`,
      `load: before ${loadBefore}; after (a) ${loadDuring}; after (b) ${loadAfter}; after (c) ${loadAfterReads}`,
    ];
    return {
      summary,
      fields: {
        rate,
        seconds,
        referrals,
        steady,
        routed,
        national,
        load: {
          before: loadBefore,
          afterSteady: loadDuring,
          afterReferrals: loadAfter,
          afterNationalReads: loadAfterReads,
        },
      },
    };
  } finally {
    await closeFederation(instances);
  }
}

async function steadyLoad(hub: FederationInstance, provinces: FederationInstance[], rate: number, seconds: number) {
  const until = Date.now() + seconds * 1000;
  const cells = new Map<string, { code: string; path: string }[]>();
  for (const p of provinces) {
    const code = (p.federation as { provinceCode: string }).provinceCode;
    const r = await sql<{
      code: string;
      path: string;
    }>`select code, path from localities where path like ${`VN/${code}/%`}`.execute(p.db);
    cells.set(p.name, r.rows);
  }
  let writes = 0;
  const writer = async (p: FederationInstance) => {
    const rows = cells.get(p.name)!;
    const started = Date.now();
    let n = 0;
    while (Date.now() < until) {
      const cell = rows[n % rows.length]!;
      await sql`insert into locality_daily_counts (locality_code, locality_path, day, community) values (${cell.code}, ${cell.path}, '2026-12-01', 1)
        on conflict (locality_code, day) do update set community = locality_daily_counts.community + 1`.execute(p.db);
      n++;
      writes++;
      const ahead = started + (n * 1000) / rate - Date.now();
      if (ahead > 0) await sleep(ahead);
    }
  };
  const beater = async (p: FederationInstance) => {
    const code = (p.federation as { provinceCode: string }).provinceCode;
    while (Date.now() < until) {
      await sql`insert into federation_heartbeats (province_code, beat_at) values (${code}, clock_timestamp())
        on conflict (province_code) do update set beat_at = excluded.beat_at`.execute(p.db);
      await sleep(100);
    }
  };
  const lags: number[] = [];
  const watcher = async () => {
    const seen = new Map<string, string>();
    while (Date.now() < until + 2000) {
      const r = await sql<{ province_code: string; beat: string; lag_ms: number }>`
        select province_code, beat_at::text as beat, extract(epoch from clock_timestamp() - beat_at)::float8 * 1000 as lag_ms
        from federation_heartbeats`.execute(hub.db);
      for (const row of r.rows) {
        if (seen.get(row.province_code) !== row.beat) {
          if (seen.has(row.province_code) && Date.now() < until) lags.push(row.lag_ms);
          seen.set(row.province_code, row.beat);
        }
      }
      await sleep(20);
    }
  };
  await Promise.all([...provinces.map(writer), ...provinces.map(beater), watcher()]);
  return {
    writes,
    samples: lags.length,
    p50: round(percentile(lags, 0.5), 0),
    p95: round(percentile(lags, 0.95), 0),
    max: round(Math.max(...lags), 0),
  };
}

async function referralsBurst(
  hub: FederationInstance,
  from: FederationInstance,
  to11: FederationInstance,
  to01: FederationInstance,
  total: number,
) {
  const started = performance.now();
  for (let written = 0; written < total; written += 100) {
    const n = Math.min(100, total - written);
    await sql`insert into federation_referrals (origin_code, destination_code, reason, person_name, phone, origin_unit, client_key)
      select '12', case when g % 2 = 0 then '11' else '01' end, 'contact_of_case', 'Người thử ' || (${written} + g), '0912000000', 'CDC', gen_random_uuid()
      from generate_series(1, ${n}) g`.execute(from.db);
  }
  const writeMs = performance.now() - started;
  const expected11 = Math.floor(total / 2);
  const expected01 = total - expected11;
  const countOf = async (db: Db, destination: string) =>
    (
      await sql<{ n: number; distinct_names: number }>`
      select count(*)::int as n, count(distinct person_name)::int as distinct_names from federation_referrals
      where origin_code = '12' and destination_code = ${destination}`.execute(db)
    ).rows[0]!;
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    const [a, b] = await Promise.all([countOf(to11.db, '11'), countOf(to01.db, '01')]);
    if (a.n >= expected11 && b.n >= expected01) break;
    if (Date.now() > deadline) throw new Error(`referrals not delivered in 10 minutes: ${a.n} + ${b.n}`);
    await sleep(50);
  }
  const deliveredMs = performance.now() - started;
  const [a, b, hubAll] = await Promise.all([
    countOf(to11.db, '11'),
    countOf(to01.db, '01'),
    sql<{ n: number }>`select count(*)::int as n from federation_referrals where origin_code = '12'`.execute(hub.db),
  ]);
  const astray = await Promise.all([countOf(to11.db, '01'), countOf(to01.db, '11')]);
  return {
    writeMs: round(writeMs, 0),
    deliveredMs: round(deliveredMs, 0),
    delivered11: a.n,
    delivered01: b.n,
    onHub: hubAll.rows[0]!.n,
    once: a.n === expected11 && a.distinct_names === a.n && b.n === expected01 && b.distinct_names === b.n,
    noneAstray: astray.every((x) => x.n === 0),
  };
}
