/**
 * Line-list import (issue 4: 1,000,000 rows ≤ 60 s on PostgreSQL; issue 14: ≤ 20 s with a peak
 * RSS ≤ 300 MiB, streamed through COPY): a deterministic
 * synthetic file in the vn-2020 JSON format (or CSV) is streamed through the real
 * `LinelistService.import` — read, validate, resolve sources, write cases, clusters and links in
 * one transaction — on PGlite or a scratch PostgreSQL database, timed phase by phase.
 */
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import nodePath from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { currentProvinces, oldProvinces } from '../core/rules/old-provinces.ts';
import { loadConfig } from '../server/config.ts';
import { openPlatform, type Platform } from '../server/main.ts';
import { newSecret } from '../server/modules/system/signing-secrets.ts';
import { loadProvinceUnits } from '../server/cli/seed.ts';
import type { ImportProgress, LinelistFormat } from '../server/modules/linelist/linelist.service.ts';
import { systemActor } from '../server/shared/actor.ts';
import { intOption } from './lib/options.ts';
import { Backends, dropScratchDatabases, recreateScratchDatabases, scratchUrl } from './lib/scratch-databases.ts';
import { round } from './lib/stats.ts';
import type { BenchContext, BenchResult, JsonObject } from './lib/types.ts';
import { DAY_MS } from '../core/vietnam-calendar.ts';

export const description =
  'line-list import: N synthetic rows streamed, validated and written in one transaction (target 1M ≤ 20 s and ≤ 300 MiB RSS on PostgreSQL)';
export const usage =
  '--rows 1000000 (200000 on PGlite) --format json|csv (json: vn-2020) --seed 42 --reimport (time a second, idempotent import) --in-memory (rows held in memory, not COPY: the path before issue 14); ' +
  'with --database-url: an admin URL, the bench creates and drops phongdich_bench_linelist';

const scratchName = 'phongdich_bench_linelist';
const targetSeconds = 20;
const targetRssMiB = 300;

interface Options {
  rows: number;
  format: LinelistFormat;
  seed: number;
  reimport: boolean;
  inMemory: boolean;
}

function options(args: readonly string[], kind: 'pglite' | 'postgresql'): Options {
  const { values } = parseArgs({
    args: [...args],
    options: {
      rows: { type: 'string' },
      format: { type: 'string' },
      seed: { type: 'string' },
      reimport: { type: 'boolean' },
      'in-memory': { type: 'boolean' },
    },
  });
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'csv') throw new Error('--format must be json or csv');
  return {
    rows: intOption({ rows: values.rows ?? (kind === 'pglite' ? 200_000 : 1_000_000) }, 'rows', 1, 5_000_000),
    format: format === 'json' ? 'vn2020' : 'csv',
    seed: intOption({ seed: values.seed ?? 42 }, 'seed', 0, 2 ** 31 - 1),
    reimport: values.reimport ?? false,
    inMemory: values['in-memory'] ?? false,
  };
}

/**
 * The synthetic list: ~10% of the cases name an earlier case as infector (now and then two),
 * ~4% a cluster (200 codes), ~15% a country, ~5% IMPORT, the rest nothing. Provinces are old and
 * current names, so the old-province table is on the path too.
 */
async function writeFixture(file: string, o: Options): Promise<{ bytes: number; caseSources: number }> {
  let seed = o.seed;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const provinces = [...Object.keys(oldProvinces), ...Object.values(currentProvinces)];
  const countries = ['GB', 'US', 'FR', 'CN', 'KR', 'JP', 'LA', 'KH', 'TH', 'EU'];
  const handle = await fs.open(file, 'w');
  const out: string[] = [];
  let bytes = 0;
  let caseSources = 0;
  const flush = async () => {
    const text = out.join('');
    out.length = 0;
    bytes += Buffer.byteLength(text);
    await handle.write(text);
  };
  const start = Date.UTC(2021, 4, 1);
  if (o.format === 'vn2020') out.push(`{"modified":"2021-12-31","total":${o.rows},"data":[\n`);
  else out.push('case_number,confirmed_date,gender,age,province,status,sources,notes\n');
  for (let i = 1; i <= o.rows; i++) {
    const sources: string[] = [];
    const r = random();
    if (r < 0.1 && i > 1) {
      caseSources++;
      sources.push(String(1 + Math.floor(random() * (i - 1))));
      if (random() < 0.05) sources.push(String(1 + Math.floor(random() * (i - 1))));
    } else if (r < 0.14) sources.push(`K${1 + Math.floor(random() * 200)}`);
    else if (r < 0.29) sources.push(countries[Math.floor(random() * countries.length)]!);
    else if (r < 0.34) sources.push('IMPORT');
    const date = new Date(start + Math.floor((i / o.rows) * 200) * DAY_MS).toISOString().slice(0, 10);
    const gender = random() < 0.5 ? 'male' : 'female';
    const age = Math.floor(random() * 90);
    const province = provinces[Math.floor(random() * provinces.length)]!;
    const status = random() < 0.8 ? 'negative' : 'positive';
    if (o.format === 'vn2020') {
      const discharge =
        status === 'negative'
          ? `,"dischargeDate":"${new Date(Date.parse(date) + 14 * DAY_MS).toISOString().slice(0, 10)}"`
          : '';
      out.push(
        `${i > 1 ? ',\n' : ''}{"id":"${i}","positiveDate":"${date}"${discharge},"gender":"${gender}","age":${age},"treatLoc":"${province}","from":"${province}","nationality":"Việt Nam","status":"${status}","source":${JSON.stringify(sources)},"desc":"ca tổng hợp ${i}"}`,
      );
    } else {
      out.push(
        `${i},${date},${gender},${age},${province},${status === 'negative' ? 'recovered' : 'treating'},"${sources.join(';')}",ca tổng hợp ${i}\n`,
      );
    }
    if (out.length >= 10_000) await flush();
  }
  if (o.format === 'vn2020') out.push('\n]}\n');
  await flush();
  await handle.close();
  return { bytes, caseSources };
}

/** One timed import; phase boundaries come from the service's own progress record. */
async function timedImport(
  p: Platform,
  file: string,
  o: Options,
  log: (l: string) => void,
  backends: (() => Promise<number>) | null,
) {
  const marks: Record<string, number> = {};
  const cpu0 = process.cpuUsage();
  const pg0 = backends ? await backends() : 0;
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
  const t0 = performance.now();
  let lastLog = 0;
  const onProgress = (pr: Readonly<ImportProgress>) => {
    marks[pr.phase] ??= (performance.now() - t0) / 1000;
    if (performance.now() - lastLog > 5_000 || pr.phase === 'done') {
      lastLog = performance.now();
      log(
        `${pr.phase}: ${pr.rowsRead} read, ${pr.rowsWritten} written, ${pr.links} links, ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
    }
  };
  try {
    const result = await p.services.linelist.import(
      systemActor('bench'),
      { format: o.format, body: createReadStream(file, { highWaterMark: 1 << 20 }) },
      { source: 'bench', onProgress, inMemory: o.inMemory },
    );
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    return {
      seconds: round(seconds),
      // Where the time went: this process (parsing, validation, parameters) and the database backends.
      nodeCpuSeconds: round((cpu.user + cpu.system) / 1e6),
      postgresCpuSeconds: backends ? round(((await backends()) - pg0) / 1e6) : null,
      rowsPerSecond: Math.round(result.totalRows / seconds),
      phases: {
        readAndValidateSeconds: round((marks.checking ?? 0) - (marks.reading ?? 0)),
        checkPlacesSeconds: round((marks.writing ?? 0) - (marks.checking ?? 0)),
        writeCasesSeconds: round((marks.linking ?? 0) - (marks.writing ?? 0)),
        linkAndCommitSeconds: round(seconds - (marks.linking ?? 0)),
      },
      peakRssMiB: Math.round(peakRss / 2 ** 20),
      result: {
        totalRows: result.totalRows,
        createdCases: result.createdCases,
        updatedCases: result.updatedCases,
        links: result.links,
      },
    };
  } finally {
    clearInterval(sampler);
  }
}

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const kind = ctx.database.kind;
  const o = options(ctx.args, kind);
  const dir = await fs.mkdtemp(nodePath.join(os.tmpdir(), 'phongdich-linelist-bench-'));
  const file = nodePath.join(dir, o.format === 'vn2020' ? 'linelist.json' : 'linelist.csv');
  const adminUrl = ctx.database.kind === 'postgresql' ? ctx.database.url : null;
  try {
    ctx.log(`writing ${o.rows} rows (${o.format}, seed ${o.seed})`);
    const tGen = performance.now();
    const fixture = await writeFixture(file, o);
    const generateSeconds = round((performance.now() - tGen) / 1000);
    ctx.log(`${(fixture.bytes / 2 ** 20).toFixed(1)} MiB in ${generateSeconds} s`);

    if (adminUrl) await recreateScratchDatabases(adminUrl, [scratchName]);
    const database = adminUrl ? { url: scratchUrl(adminUrl, scratchName), dataDir: '' } : { dataDir: 'memory://' };
    const platform = await openPlatform({ ...loadConfig({}), database, logLevel: 'silent', secret: newSecret() });
    try {
      // Every province first, so the timed import measures the import, not the map data.
      const tSeed = performance.now();
      for (const code of Object.keys(currentProvinces)) await loadProvinceUnits(platform, code, false);
      const provinceSeconds = round((performance.now() - tSeed) / 1000);
      ctx.log(`34 provinces loaded in ${provinceSeconds} s; importing`);

      const watcher = adminUrl ? await Backends.open(adminUrl) : null;
      const backends = watcher
        ? async () => [...(await watcher.cpuOf(scratchName)).values()].reduce((a, b) => a + b, 0)
        : null;
      const first = await timedImport(platform, file, o, ctx.log, backends);
      const second = o.reimport ? await timedImport(platform, file, o, ctx.log, backends) : null;
      await watcher?.close();
      const db = platform.database.db;
      const cases = Number(
        (
          await db
            .selectFrom('cases')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      const links = Number(
        (
          await db
            .selectFrom('case_links')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      const verified = cases === o.rows && links === first.result.links && first.result.createdCases === o.rows;
      const met = first.seconds <= targetSeconds && first.peakRssMiB <= targetRssMiB;
      const fields: JsonObject = {
        rows: o.rows,
        format: o.format,
        path: kind === 'postgresql' && !o.inMemory ? 'copy' : 'in-memory',
        seed: o.seed,
        fileMiB: round(fixture.bytes / 2 ** 20),
        rowsWithCaseSource: fixture.caseSources,
        generateSeconds,
        provinceLoadSeconds: provinceSeconds,
        import: first,
        reimport: second,
        loadAvg1mDuringImport: round(os.loadavg()[0] ?? 0),
        verification: { casesInTable: cases, linksInTable: links, ok: verified },
        target:
          kind === 'postgresql'
            ? { rows: 1_000_000, seconds: targetSeconds, peakRssMiB: targetRssMiB, met: o.rows >= 1_000_000 && met }
            : null,
        method:
          kind === 'postgresql' && !o.inMemory
            ? 'in-process LinelistService.import as the system actor, file streamed from disk in 1 MiB chunks; each valid row COPYed into a temporary table as it is checked, sources resolved in chunks through a cursor, then clusters, cases and links each one set-based statement from the staged tables, ANALYZE, all in one transaction'
            : 'in-process LinelistService.import as the system actor, file streamed from disk in 1 MiB chunks, valid rows held in memory column by column; cases written 5,000 per statement (insert … select from unnest … on conflict (import_key) do update), links 20,000 per statement, ANALYZE, all in one transaction',
      };
      const summary = [
        `${o.rows.toLocaleString('en')} rows (${o.format}, ${round(fixture.bytes / 2 ** 20)} MiB) imported in ${first.seconds} s = ${first.rowsPerSecond.toLocaleString('en')} rows/s on ${kind}`,
        `  read+validate ${first.phases.readAndValidateSeconds} s, places ${first.phases.checkPlacesSeconds} s, cases ${first.phases.writeCasesSeconds} s, links+commit ${first.phases.linkAndCommitSeconds} s; ${first.result.links} links; peak RSS ${first.peakRssMiB} MiB; CPU node ${first.nodeCpuSeconds} s, postgres ${first.postgresCpuSeconds ?? '–'} s`,
        ...(second
          ? [
              `re-import: ${second.seconds} s, ${second.result.createdCases} created, ${second.result.updatedCases} updated`,
            ]
          : []),
        `verification: ${verified ? 'ok' : 'MISMATCH'} (${cases} cases, ${links} links in the tables)`,
        ...(kind === 'postgresql'
          ? [
              `target 1,000,000 rows ≤ ${targetSeconds} s and peak RSS ≤ ${targetRssMiB} MiB: ${o.rows >= 1_000_000 && met ? 'met' : 'not met'}`,
            ]
          : []),
      ];
      if (!verified) throw new Error(summary.join('\n'));
      return { summary, fields };
    } finally {
      await platform.close();
    }
  } finally {
    if (adminUrl) await dropScratchDatabases(adminUrl, [scratchName]);
    await fs.rm(dir, { recursive: true, force: true });
  }
}
