/**
 * Benchmark harness: `npm run bench -- <name> [--database-url <url>] [bench options]` runs
 * `bench/<name>.bench.ts` and writes `bench/results/<name>-<timestamp>.json` and `<name>-latest.json`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { machineInfo } from './lib/machine.ts';
import { writeResult } from './lib/results.ts';
import { round } from './lib/stats.ts';
import type { BenchContext, BenchModule, DatabaseTarget, JsonObject } from './lib/types.ts';

const benchDir = new URL('./', import.meta.url);
const suffix = '.bench.ts';

function availableBenchmarks(): string[] {
  return fs
    .readdirSync(benchDir)
    .filter((f) => f.endsWith(suffix))
    .map((f) => f.slice(0, -suffix.length))
    .sort();
}

async function loadBench(name: string): Promise<BenchModule> {
  return (await import(new URL(`./${name}${suffix}`, benchDir).href)) as BenchModule;
}

async function printUsage(write: (text: string) => void): Promise<void> {
  const lines = [
    'usage: npm run bench -- <name> [--database-url postgres://…] [options of the benchmark]',
    '',
    'benchmarks:',
  ];
  for (const name of availableBenchmarks()) {
    const { description, usage } = await loadBench(name);
    lines.push(`  ${name.padEnd(16)} ${description ?? ''}`.trimEnd());
    if (usage) lines.push(`  ${''.padEnd(16)} options: ${usage}`);
  }
  write(lines.join('\n'));
}

interface Cli {
  name: string | undefined;
  help: boolean;
  databaseUrl: string | undefined;
  rest: string[];
}

/** Takes the harness's own options out of argv; everything else goes to the benchmark. */
function parseCli(argv: readonly string[]): Cli {
  const cli: Cli = { name: undefined, help: false, databaseUrl: undefined, rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') cli.help = true;
    else if (arg === '--database-url') {
      const value = argv[++i];
      if (value === undefined) throw new Error('--database-url needs a value');
      cli.databaseUrl = value;
    } else if (arg.startsWith('--database-url=')) cli.databaseUrl = arg.slice('--database-url='.length);
    else if (cli.name === undefined && !arg.startsWith('-')) cli.name = arg;
    else cli.rest.push(arg);
  }
  return cli;
}

function databaseTarget(url: string | undefined): DatabaseTarget {
  if (url === undefined) return { kind: 'pglite', dataDir: 'memory://' };
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (!parsed || (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:')) {
    throw new Error(`--database-url must be a postgres:// URL, got ${JSON.stringify(url)}`);
  }
  return { kind: 'postgresql', url };
}

/** The database as recorded in the result file: the URL without its password. */
function describeDatabase(d: DatabaseTarget): JsonObject {
  if (d.kind === 'pglite') return { kind: d.kind, dataDir: d.dataDir };
  const u = new URL(d.url);
  if (u.password) u.password = '***';
  return { kind: d.kind, url: u.href };
}

async function main(): Promise<number> {
  const cli = parseCli(process.argv.slice(2));
  if (cli.name === undefined || cli.help) {
    await printUsage(console.log);
    return 0;
  }
  const available = availableBenchmarks();
  if (!available.includes(cli.name)) {
    console.error(`unknown benchmark: ${cli.name}\n`);
    await printUsage(console.error);
    return 1;
  }
  const name = cli.name;
  const database = databaseTarget(cli.databaseUrl);
  const bench = await loadBench(name);
  const ctx: BenchContext = {
    name,
    database,
    args: cli.rest,
    log: (line) => process.stderr.write(`[${name}] ${line}\n`),
  };

  const date = new Date();
  const loadBefore = os.loadavg();
  const started = performance.now();
  const result = await bench.run(ctx);
  const seconds = Math.round((performance.now() - started) / 100) / 10;

  const record: JsonObject = {
    name,
    date: date.toISOString(),
    ...machineInfo(),
    database: describeDatabase(database),
    wallSeconds: seconds,
    // Other work on the machine skews every number: the 1-minute load average before and after.
    loadAvg1m: { before: round(loadBefore[0] ?? 0), after: round(os.loadavg()[0] ?? 0) },
    ...result.fields,
    summary: result.summary,
  };
  const { file, latest } = await writeResult(name, date, record);
  const machine = machineInfo();
  console.log(
    [
      `${name} — ${database.kind}, node ${machine.node}, ${machine.cores} × ${machine.cpuModel}, ${machine.totalMemGiB} GiB, ${seconds} s`,
      ...result.summary.map((l) => `  ${l}`),
      `written: ${path.relative(process.cwd(), file)}`,
      `         ${path.relative(process.cwd(), latest)}`,
    ].join('\n'),
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`bench failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
