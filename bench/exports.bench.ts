/**
 * Issue 14, exports that finish: every case of a country of 1 M cases (the `lists` bench's
 * generator) exported by a national health official as .xlsx and as .csv, each in a fresh process
 * (`lib/export-child.ts`) so its peak RSS is that of a server doing this export. Targets on
 * PostgreSQL: ≤ 60 s and peak RSS ≤ 300 MiB.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import nodePath from 'node:path';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';
import { openPlatform } from '../server/main.ts';
import { newSecret } from '../server/modules/system/signing-secrets.ts';
import { generateListsCountry } from './lib/lists-country.ts';
import { intOption } from './lib/options.ts';
import type { CountryShape } from './lib/risk-country.ts';
import { dropScratchDatabases, recreateScratchDatabases, scratchUrl } from './lib/scratch-databases.ts';
import type { BenchContext, BenchResult, JsonObject } from './lib/types.ts';

export const description =
  'issue 14: the whole-country case export at 1 M cases, .xlsx and .csv, time and peak RSS of the exporting process (targets ≤ 60 s, ≤ 300 MiB; PostgreSQL)';
export const usage =
  '--cases 1000000 --seed 1 --formats xlsx,csv --reuse (export the kept database again) --keep; with --database-url: an admin URL, the bench creates phongdich_bench_exports';

const scratchName = 'phongdich_bench_exports';
const target = { seconds: 60, peakRssMiB: 300 };
const run$ = promisify(execFile);

function options(args: readonly string[]) {
  const { values } = parseArgs({
    args: [...args],
    options: {
      cases: { type: 'string', default: '1000000' },
      seed: { type: 'string', default: '1' },
      formats: { type: 'string', default: 'xlsx,csv' },
      reuse: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
    },
  });
  const formats = values.formats.split(',').map((f) => f.trim());
  if (!formats.every((f) => f === 'xlsx' || f === 'csv')) throw new Error('--formats: xlsx and/or csv');
  const shape: CountryShape = {
    seed: intOption(values, 'seed', 0, 1_000_000),
    cases: intOption(values, 'cases', 1_000, 20_000_000),
    days: 365,
    lastDay: '2026-11-24',
    coverageSnapshots: 0,
  };
  return { shape, formats, reuse: values.reuse, keep: values.keep || values.reuse };
}

async function prepare(url: string, shape: CountryShape, reuse: boolean, log: (l: string) => void) {
  const handle = await openDatabase({ url, dataDir: '' });
  const platform = await openPlatform(
    { ...loadConfig({}), logLevel: 'silent', database: { dataDir: 'memory://' }, secret: newSecret() },
    handle,
  );
  try {
    const generation = reuse ? { reused: true } : await generateListsCountry(handle.db, platform, shape, log);
    log('vacuum analyze');
    await sql`vacuum analyze`.execute(handle.db);
    const cases = Number((await sql<{ n: string }>`select count(*) as n from cases`.execute(handle.db)).rows[0]!.n);
    return { generation, cases };
  } finally {
    await platform.close();
  }
}

export async function run(ctx: BenchContext): Promise<BenchResult> {
  if (ctx.database.kind !== 'postgresql')
    throw new Error('the exports bench measures PostgreSQL: pass --database-url (an admin URL)');
  const o = options(ctx.args);
  const adminUrl = ctx.database.url;
  const url = scratchUrl(adminUrl, scratchName);
  const dir = await fs.mkdtemp(nodePath.join(os.tmpdir(), 'phongdich-exports-bench-'));
  if (!o.reuse) await recreateScratchDatabases(adminUrl, [scratchName]);
  try {
    const { generation, cases } = await prepare(url, o.shape, o.reuse, ctx.log);
    const child = new URL('./lib/export-child.ts', import.meta.url).pathname;
    const results: JsonObject[] = [];
    const summary: string[] = [];
    for (const format of o.formats) {
      ctx.log(`exporting ${cases.toLocaleString('en')} cases as ${format}`);
      const file = nodePath.join(dir, `cases.${format}`);
      const { stdout } = await run$(process.execPath, ['--import', 'tsx', child, url, format, file], {
        maxBuffer: 1 << 20,
      });
      const r = JSON.parse(stdout.trim().split('\n').at(-1)!) as JsonObject & { seconds: number; maxRssMiB: number };
      await fs.rm(file, { force: true });
      const met = r.seconds <= target.seconds && r.maxRssMiB <= target.peakRssMiB;
      const rowsOk = format !== 'csv' || r.csvDataRows === cases;
      results.push({ ...r, rows: cases, rowsPerSecond: Math.round(cases / r.seconds), met, rowsOk });
      summary.push(
        `${met ? 'ok  ' : 'MISS'} ${format.padEnd(4)} ${cases.toLocaleString('en')} rows in ${r.seconds} s, ${(Number(r.bytes) / 2 ** 20).toFixed(1)} MiB, peak RSS ${r.maxRssMiB} MiB (${r.rssBeforeMiB} MiB before the export)${rowsOk ? '' : ' ROW COUNT MISMATCH'}`,
      );
      if (!rowsOk) throw new Error(summary.join('\n'));
    }
    return {
      summary,
      fields: {
        target,
        shape: o.shape as unknown as JsonObject,
        generation,
        cases,
        method:
          'a fresh node process per format opens the platform on the scratch database and runs CasesService.exportXlsx as a national health official (scope VN, locale vi, audit included), writing .xlsx or .csv to a file in /tmp; maxRSS is the process peak (start-up included)',
        results,
      },
    };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
    if (!o.keep) await dropScratchDatabases(adminUrl, [scratchName]);
  }
}
