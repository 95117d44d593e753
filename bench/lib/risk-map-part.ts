/**
 * The risk bench's map part: an in-process server on the bench's database, a national
 * administrator signed in, and the staff map's first colour in Chromium (`measureMaps`), for the
 * whole country or, if that does not colour, for every province.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { hasWebBuild } from '../../server/http/server.ts';
import { createHttpServer, type Platform } from '../../server/main.ts';
import { newTotpSecret } from '../../server/modules/identity/totp.ts';
import { systemActor } from '../../server/shared/actor.ts';
import { expectedCommunes } from './risk-country.ts';
import { measureMaps, type MapTargetResult } from './risk-map.ts';
import { median, round } from './stats.ts';
import type { BenchContext, Json, JsonObject } from './types.ts';

export interface MapPartOptions {
  map: boolean;
  chromium: string;
  /** 'VN', 'all' or comma-separated province codes. */
  mapProvinces: string;
  mapRounds: number;
  mapTimeoutMs: number;
  lastDay: string;
}

export interface MapReport extends JsonObject {
  status: string;
}

export async function mapPart(
  ctx: BenchContext,
  o: MapPartOptions,
  platform: Platform,
  provinces: { code: string; communes: number }[],
): Promise<MapReport> {
  if (!o.map) return { status: 'skipped (--no-map)' };
  if (!hasWebBuild()) return { status: 'skipped: web/dist is missing — run `npm run build:web` first' };
  if (!fs.existsSync(o.chromium))
    return { status: `skipped: no Chromium at ${o.chromium} (apt-get install -y chromium, or --chromium <path>)` };
  const app = await createHttpServer(platform, { quiet: true });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const user = { username: 'bench.risk', password: 'bench-risk-map-password', totpSecret: newTotpSecret() };
    const created = await platform.services.users.create(systemActor('bench'), {
      username: user.username,
      fullName: 'Bench risk map',
      role: 'system_admin',
      localityCode: 'VN',
      password: user.password,
    });
    await platform.services.twoFactor.enrolKnownSecret(systemActor('bench'), created.user.id, user.totpSecret);
    const all = provinces;
    const wanted =
      o.mapProvinces === 'VN'
        ? [{ code: 'VN', communes: expectedCommunes }]
        : o.mapProvinces === 'all'
          ? all
          : o.mapProvinces.split(',').map((code) => all.find((p) => p.code === code) ?? { code, communes: 0 });
    const common = {
      baseUrl,
      user,
      chromiumPath: o.chromium,
      date: o.lastDay,
      timeoutMs: o.mapTimeoutMs,
      log: ctx.log,
    };
    ctx.log(`map: ${baseUrl}/risk?province=${o.mapProvinces}&date=${o.lastDay} in ${o.chromium}`);
    let run = await measureMaps({
      ...common,
      targets: wanted,
      rounds: o.mapRounds,
      stopOnFailure: o.mapProvinces === 'VN',
      repeat: true,
    });
    let fallback: string | null = null;
    const vn = run.results[0];
    if (o.mapProvinces === 'VN' && (!vn || vn.firstColourMedianMs === null)) {
      fallback = `/risk?province=VN did not colour (${vn?.visits[vn.visits.length - 1]?.status ?? 'no visit'}): measured every province instead, 1 round each`;
      ctx.log(`map: ${fallback}`);
      const provinceRun = await measureMaps({
        ...common,
        targets: all,
        rounds: 1,
        stopOnFailure: false,
        repeat: false,
      });
      run = { results: [...run.results, ...provinceRun.results], browserVersion: run.browserVersion };
    }
    const measured = run.results.filter((r) => r.firstColourMedianMs !== null);
    const provincesOnly = measured.filter((r) => r.target !== 'VN');
    const colours = provincesOnly.map((r) => r.firstColourMedianMs as number);
    const worst = provincesOnly.reduce<MapTargetResult | null>(
      (w, r) => (!w || (r.firstColourMedianMs ?? 0) > (w.firstColourMedianMs ?? 0) ? r : w),
      null,
    );
    const vnResult = measured.find((r) => r.target === 'VN') ?? null;
    return {
      status: measured.length ? (fallback ? 'fallback' : 'measured') : 'not coloured',
      fallback,
      browser: `Chromium ${run.browserVersion}`,
      date: o.lastDay,
      method:
        'navigation start → window.__riskMapFirstColour (page sets it when the coloured layer is on the map); painted = 2 animation frames later; HTTP cache disabled, median of --map-rounds after 1 discarded navigation; repeat visit = cache on',
      vn: vnResult
        ? {
            firstColourMs: vnResult.firstColourMedianMs,
            paintedMs: vnResult.paintedMedianMs,
            pathsWithLevel: vnResult.pathsWithLevel,
            expectedPaths: expectedCommunes,
            repeatVisitFirstColourMs: vnResult.repeatVisitFirstColourMs,
          }
        : null,
      provinces: provincesOnly.length
        ? {
            measured: provincesOnly.length,
            firstColourMedianMs: round(median(colours), 1),
            firstColourMaxMs: round(Math.max(...colours), 1),
            slowest: worst
              ? { code: worst.target, firstColourMs: worst.firstColourMedianMs, paths: worst.pathsWithLevel }
              : null,
            pathsWithLevelTotal: provincesOnly.reduce((s, r) => s + r.pathsWithLevel, 0),
            pathsExpectedTotal: provincesOnly.reduce((s, r) => s + r.expectedPaths, 0),
          }
        : null,
      targets: run.results as unknown as Json,
    };
  } catch (err) {
    return { status: `failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}` };
  } finally {
    await app.close();
  }
}
