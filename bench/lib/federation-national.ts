import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { addDays, vietnamToday } from '../../core/vietnam-calendar.ts';
import { createAuditTrail } from '../../server/modules/audit/audit.module.ts';
import { LocalitiesRepository } from '../../server/modules/localities/localities.repository.ts';
import { loadProvince } from '../../server/modules/localities/vn-admin-loader.ts';
import { systemActor, type Actor } from '../../server/shared/actor.ts';
import { instancePlatform, type FederationInstance } from '../../server/testing/federation-instances.ts';
import { percentile, round } from './stats.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * (c) The hub's national reads at a year's size (issue 21): each province writes a year of daily
 * counts per commune adding up to `casesPerProvince` cases (one wave, every commune), which
 * replicate to the hub; then the hub answers, `repeats` times each, what its pages ask: the national
 * dashboard (90 days, its default, and a whole year) and the national map (each province's level map,
 * the three asked at once as the page does; the boundaries are static files cached a day, not timed).
 */
export async function nationalReads(
  hub: FederationInstance,
  provinces: readonly FederationInstance[],
  casesPerProvince: number,
  repeats: number,
  log: (line: string) => void,
) {
  // Hà Nội (01) is not in the test seed: its communes on the hub (to draw them) and in 01 (to count in them).
  const deps = (i: FederationInstance) => ({
    db: i.db,
    localities: new LocalitiesRepository(),
    audit: createAuditTrail(),
    actor: systemActor('bench'),
  });
  const p01 = provinces.find((p) => p.name === '01');
  if (p01)
    await Promise.all([
      loadProvince(deps(hub), '01', { demoPopulation: true }),
      loadProvince(deps(p01), '01', { demoPopulation: true }),
    ]);

  const to = vietnamToday();
  const from = addDays(to, -364);
  const started = performance.now();
  let written = 0;
  for (const p of provinces) {
    const code = (p.federation as { provinceCode: string }).provinceCode;
    // One wave over the year (peak at day 250), spread evenly over the communes, rounded per cell.
    const r = await sql<{ n: number }>`
      with communes as (select code, path from localities where level = 'commune' and path like ${`VN/${code}/%`}),
      days as (select d, exp(-power((d - 250) / 45.0, 2)) as w from generate_series(0, 364) d),
      total as (select sum(w) as w from days)
      insert into locality_daily_counts (locality_code, locality_path, day, community, imported, positives)
      select c.code, c.path, ${from}::date + days.d,
        round(${casesPerProvince} * 0.95 * days.w / total.w / (select count(*) from communes)),
        round(${casesPerProvince} * 0.05 * days.w / total.w / (select count(*) from communes)), 0
      from communes c, days, total
      on conflict (locality_code, day) do update set community = excluded.community, imported = excluded.imported
      returning community + imported as n`.execute(p.db);
    written += r.rows.reduce((s, x) => s + x.n, 0);
  }
  const writeMs = performance.now() - started;
  const target = written;
  for (;;) {
    const r = await sql<{ n: number }>`
      select coalesce(sum(community + imported), 0)::int as n from locality_daily_counts where day >= ${from}::date`.execute(
      hub.db,
    );
    if (r.rows[0]!.n >= target) break;
    if (performance.now() - started > 10 * 60_000)
      throw new Error('the year of counts did not reach the hub in 10 minutes');
    await sleep(50);
  }
  const caughtUpMs = performance.now() - started;
  log(
    `(c) ${written} cases as daily counts written in ${round(writeMs, 0)} ms, on the hub ${round(caughtUpMs, 0)} ms after the first write`,
  );
  for (const p of provinces) await p.referrals.beat();

  const platform = await instancePlatform(hub);
  try {
    const actor: Actor = { ...systemActor('bench'), role: 'steering_committee', scope: { code: 'VN', path: 'VN' } };
    const codes = provinces.map((p) => (p.federation as { provinceCode: string }).provinceCode);
    const timed = async (what: () => Promise<unknown>) => {
      await what(); // warm: plans and the first read of the pages
      const ms: number[] = [];
      for (let i = 0; i < repeats; i++) {
        const t0 = performance.now();
        await what();
        ms.push(performance.now() - t0);
      }
      return {
        p50: round(percentile(ms, 0.5), 0),
        p95: round(percentile(ms, 0.95), 0),
        max: round(Math.max(...ms), 0),
      };
    };
    const s = platform.services;
    const dashboard90 = await timed(() => s.nationalViews.dashboard(actor, {}));
    const dashboardYear = await timed(() => s.nationalViews.dashboard(actor, { from, to }));
    const map = await timed(() => Promise.all(codes.map((province) => s.risk.map(actor, { province }))));
    const view = await s.nationalViews.dashboard(actor, { from, to });
    const onCurve = view.epicurve.reduce((n, d) => n + d.community + d.inQuarantine + d.imported, 0);
    return {
      casesWritten: written,
      casesOnNationalCurve: onCurve,
      countRowsPerProvince: Math.round((await rowsOn(hub)) / provinces.length),
      writeMs: round(writeMs, 0),
      caughtUpMs: round(caughtUpMs, 0),
      repeats,
      dashboard90,
      dashboardYear,
      map,
    };
  } finally {
    await platform.close();
  }
}

async function rowsOn(hub: FederationInstance): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from locality_daily_counts`.execute(hub.db);
  return r.rows[0]!.n;
}
