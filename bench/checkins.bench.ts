/**
 * POST /api/public/checkins, each acknowledged check-in committed, on the phongdich server against
 * a bare node:http + node-postgres server doing the same committed work, side by side, loaded one
 * at a time in rotating rounds; plus a bare server that does everything but the database.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import nodePath from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { intOption, loadOptions } from './lib/options.ts';
import { newVenuePublicCode } from '../core/rules/venue-public-code.ts';
import { newCitizenSessionToken } from '../server/modules/people/citizen-sessions.service.ts';
import { writeTokenIds } from './lib/checkins-fixture.ts';
import { Side, checkAnswer, checkinOnce, checkinsEndpoint } from './lib/checkin-side.ts';
import { startServer, type ServerChild } from './lib/children.ts';
import { Backends, dropScratchDatabases, recreateScratchDatabases, scratchUrl } from './lib/scratch-databases.ts';
import { loadGenerator, type LoadOptions } from './lib/load.ts';
import { compactTimestamp, resultsDir } from './lib/results.ts';
import { median, round } from './lib/stats.ts';
import type { BenchContext, BenchResult, DatabaseTarget, JsonObject } from './lib/types.ts';
import { batchesBetween, measure, summarize, type Run, type Summary } from './lib/checkin-measure.ts';

export const description = 'POST /api/public/checkins committed per second: phongdich vs bare node:http + pg (ratio)';
export const usage =
  '--rounds 3 --duration 5 (s per server per round) --warmup 3 (s per server) --connections 32 --people 100000 (20000 on PGlite) ' +
  "--batch-size N (phongdich's group commit of check-ins; 1 writes each alone) " +
  "--skip-bare-same (leaves out the bare server sending phongdich's own statements) --cpu-prof (profiles of the servers in bench/results/profiles/); " +
  'with --database-url: an admin URL, the bench creates and drops phongdich_bench_a, _b, _c';

const endpoint = checkinsEndpoint;
/** The issue's target, on PostgreSQL: phongdich commits at least half the bare server's check-ins per second. */
const targetRatio = 0.5;
/** One scratch database per server that has one (PostgreSQL), so their locks and commits never meet. */
const scratchDatabases = {
  phongdich: 'phongdich_bench_a',
  'bare-db': 'phongdich_bench_b',
  'bare-same': 'phongdich_bench_c',
} as const;
const scratchNames = Object.values(scratchDatabases);

function options(args: readonly string[], kind: DatabaseTarget['kind']) {
  const { values } = parseArgs({
    args: [...args],
    options: {
      rounds: { type: 'string', default: '3' },
      duration: { type: 'string', default: '5' },
      warmup: { type: 'string', default: '3' },
      connections: { type: 'string', default: '32' },
      people: { type: 'string' },
      'skip-bare-same': { type: 'boolean', default: false },
      'batch-size': { type: 'string' },
      'cpu-prof': { type: 'boolean', default: false },
    },
  });
  // PGlite commits a few hundred check-ins a second: 20 000 people last a whole run and seed in seconds.
  values.people ??= kind === 'pglite' ? '20000' : '100000';
  return {
    ...loadOptions(values),
    people: intOption(values, 'people', 1_000, 1_000_000),
    bareSame: !(values['skip-bare-same'] ?? false),
    batchSize: values['batch-size'] === undefined ? null : intOption(values, 'batch-size', 1, 1000),
    cpuProf: values['cpu-prof'] ?? false,
  };
}

/** The servers compared with phongdich, and what the ratio against each one means. */
const baselines = {
  'bare-db': { summaryKey: 'bareDb', ratioKey: 'ratio' },
  'bare-same': { summaryKey: 'bareSameSql', ratioKey: 'ratioSameSql' },
  'bare-nodb': { summaryKey: 'bareNoDb', ratioKey: 'ratioNoDb' },
} as const;
type Label = 'phongdich' | keyof typeof baselines;

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const o = options(ctx.args, ctx.database.kind);
  const load: LoadOptions = { connections: o.connections, durationSec: o.durationSec };
  const servers: ServerChild[] = [];
  const tmp = await fs.mkdtemp(nodePath.join(os.tmpdir(), 'phongdich-bench-checkins-'));
  const adminUrl = ctx.database.kind === 'postgresql' ? ctx.database.url : null;
  let backends: Backends | null = null;
  try {
    // Citizen sessions: made here (the bench needs them to build requests); every server seeds one person per session.
    const issued = Array.from({ length: o.people }, () => newCitizenSessionToken());
    const tokensFile = nodePath.join(tmp, 'token-ids.txt');
    await writeTokenIds(
      tokensFile,
      issued.map((t) => t.id),
    );
    const tokens = issued.map((t) => t.token);
    const venueCode = newVenuePublicCode();

    if (adminUrl) {
      ctx.log(`recreating scratch databases ${scratchNames.join(', ')}…`);
      await recreateScratchDatabases(adminUrl, scratchNames);
      backends = await Backends.open(adminUrl);
    }
    const databaseOf = (label: Label): string | null =>
      adminUrl && label !== 'bare-nodb' ? scratchDatabases[label] : null;
    const storageArgs = (label: Exclude<Label, 'phongdich'>): string[] => {
      if (label === 'bare-nodb') return ['--storage', 'none'];
      const db = databaseOf(label);
      const sql = ['--sql', label === 'bare-same' ? 'same' : 'minimal'];
      return adminUrl && db
        ? ['--storage', 'postgresql', '--database-url', scratchUrl(adminUrl, db), ...sql]
        : ['--storage', 'pglite', ...sql];
    };
    // One folder per server: node writes one profile per thread (tsx's loader has its own); the main thread's is the big one.
    const profileDir = nodePath.join(
      resultsDir,
      'profiles',
      `checkins-${ctx.database.kind}-${compactTimestamp(new Date())}`,
    );
    const nodeArgs = (label: Label) =>
      o.cpuProf ? ['--cpu-prof', '--cpu-prof-dir', nodePath.join(profileDir, label)] : [];
    const common = ['--tokens', tokensFile, '--venue-code', venueCode];
    const script = (name: string) => new URL(`./servers/${name}`, import.meta.url);
    const start = async (label: Label) => {
      const args =
        label === 'phongdich'
          ? [
              ...common,
              ...(adminUrl ? ['--database-url', scratchUrl(adminUrl, scratchDatabases.phongdich)] : []),
              ...(o.batchSize !== null ? ['--checkin-batch-size', String(o.batchSize)] : []),
            ]
          : [...common, ...storageArgs(label)];
      const server = await startServer(
        label,
        script(label === 'phongdich' ? 'phongdich-checkins-server.ts' : 'bare-checkins-server.ts'),
        args,
        150_000,
        nodeArgs(label),
      );
      servers.push(server);
      return server;
    };

    const withDb: Label[] = ['phongdich', 'bare-db', ...(o.bareSame ? (['bare-same'] as const) : [])];
    ctx.log(`starting ${withDb.join(', ')} (${ctx.database.kind}), seeding ${o.people} people each…`);
    const started = performance.now();
    const dbServers = await Promise.all(withDb.map(start));
    const startSeconds = round((performance.now() - started) / 1_000, 1);
    const noDb = await start('bare-nodb');
    const all = [...dbServers, noDb];
    ctx.log(
      `started in ${startSeconds} s (seeding ${dbServers.map((s) => `${s.label} ${String(s.info.seedSeconds)} s`).join(', ')}); ` +
        all.map((s) => `${s.label} pid ${s.pid} :${s.port}`).join(', '),
    );
    const phongdich = dbServers[0] as ServerChild;
    if (phongdich.info.database !== ctx.database.kind)
      throw new Error(`phongdich runs on ${String(phongdich.info.database)}, expected ${ctx.database.kind}`);

    const sides = all.map(
      (server) => new Side(server, tokens, venueCode, server.label !== 'bare-nodb', databaseOf(server.label as Label)),
    );

    // Each server answers a new check-in with the documented shape; phongdich (and bare-same) answer a resend as a repeat.
    const probes: Record<string, string> = {};
    for (const side of sides) {
      const token = tokens[side.cursor++] as string;
      const first = await checkinOnce(side, token);
      const problem = first.status === 200 ? checkAnswer(first.body) : `status ${first.status}`;
      if (problem) throw new Error(`${side.label}: ${problem}: ${first.body}`);
      probes[side.label] = first.body;
      if (side.label === 'phongdich' || side.label === 'bare-same') {
        const resend = await checkinOnce(side, token);
        if (resend.status !== 200 || !resend.body.includes('"repeated":true'))
          throw new Error(`${side.label} did not answer a resend as a repeat: ${resend.status} ${resend.body}`);
      }
    }
    ctx.log(`phongdich answers ${String(probes.phongdich)}`);

    if (o.warmupSec > 0) {
      for (const side of sides) {
        const w = await measure(side, { ...load, durationSec: o.warmupSec }, backends);
        ctx.log(
          `warm-up ${side.label.padEnd(9)} ${o.warmupSec} s: ${w.committedPerSec} per s, errors ${w.errors} non2xx ${w.non2xx}`,
        );
      }
    }

    const batchesBefore = await phongdich.batchStats();
    const rounds: { round: number; order: string[]; runs: Record<string, Run>; ratios: Record<string, number> }[] = [];
    for (let i = 0; i < o.rounds; i++) {
      // Rotate who goes first so that drift (heat, other load) hits every side alike.
      const order = sides.map((_, k) => sides[(k + i) % sides.length] as Side);
      const runs: Record<string, Run> = {};
      for (const side of order) {
        const r = await measure(side, load, backends);
        runs[side.label] = r;
        ctx.log(
          `round ${i + 1}/${o.rounds} ${side.label.padEnd(9)} ${String(r.committedPerSec).padStart(6)} per s (${r.rps} rps)  ` +
            `p50 ${r.latencyMs.p50} ms  p99 ${r.latencyMs.p99} ms  cpu server ${r.serverCpuCores}` +
            `${r.postgresCpuCores !== null ? ` / postgres ${r.postgresCpuCores}` : ''} / loadgen ${r.loadgenCpuCores} / machine ${r.machineCpuCores}  ` +
            `rows +${r.rowsAdded ?? '-'}  errors ${r.errors} non2xx ${r.non2xx} repeated ${r.repeated}${r.tokensExhausted ? '  TOKENS EXHAUSTED' : ''}`,
        );
      }
      const p = runs.phongdich as Run;
      const ratios: Record<string, number> = {};
      for (const side of sides.slice(1)) {
        const b = runs[side.label] as Run;
        ratios[side.label] = round(p.committedPerSec / (side.commits ? b.committedPerSec : b.rps), 3);
      }
      rounds.push({ round: i + 1, order: order.map((s) => s.label), runs, ratios });
    }

    // Group commit: how many check-ins phongdich wrote per statement and commit during the rounds.
    const batches = batchesBetween(batchesBefore, await phongdich.batchStats());
    // Every acknowledged check-in is a row: compare the tables with the answers.
    const allRuns = rounds.flatMap((r) => Object.values(r.runs));
    const verification: Record<string, JsonObject> = {};
    let lostCommits = false;
    for (const side of sides.filter((s) => s.commits)) {
      const runs = rounds.map((r) => r.runs[side.label] as Run);
      const acknowledged = runs.reduce((n, r) => n + r.acknowledged, 0);
      const rowsAdded = runs.reduce((n, r) => n + (r.rowsAdded ?? 0), 0);
      // Requests still in flight when a run stopped are committed but not counted: at most `connections` per run.
      const unacknowledgedRows = rowsAdded - acknowledged;
      if (unacknowledgedRows < 0 || unacknowledgedRows > o.connections * o.rounds) lostCommits = true;
      verification[side.label] = {
        acknowledgedInRounds: acknowledged,
        rowsAddedInRounds: rowsAdded,
        unacknowledgedRows,
        rowsInTable: await side.server.countCheckins(),
        tokensUsed: side.cursor,
      };
    }
    const sampled = allRuns.reduce((n, r) => n + r.sampled, 0);
    const sampleMismatches = allRuns.reduce((n, r) => n + r.sampleMismatches, 0);
    const firstProblem = allRuns.map((r) => r.firstProblem).find((p) => p !== null) ?? null;

    const summaries = new Map(
      sides.map((side) => [side.label, summarize(rounds.map((r) => r.runs[side.label] as Run))]),
    );
    const ps = summaries.get('phongdich') as Summary;
    const ratioFields: Record<string, number> = {};
    const ratioLines: string[] = [];
    for (const side of sides.slice(1)) {
      const b = summaries.get(side.label) as Summary;
      const { ratioKey } = baselines[side.label as keyof typeof baselines];
      const ratio = round(ps.committedPerSec / (side.commits ? b.committedPerSec : b.rps), 3);
      const cpuRatio = round(ps.requestsPerServerCpuSec / b.requestsPerServerCpuSec, 3);
      ratioFields[ratioKey] = ratio;
      ratioFields[`cpu${ratioKey[0]?.toUpperCase()}${ratioKey.slice(1)}`] = cpuRatio;
      ratioLines.push(
        `ratio phongdich/${side.label} = ${ratio} (per round: ${rounds.map((r) => r.ratios[side.label]).join(', ')}); per server CPU-second: ${cpuRatio}` +
          (side.label === 'bare-db' && ctx.database.kind === 'postgresql'
            ? `; target ≥ ${targetRatio}: ${ratio >= targetRatio ? 'met' : 'NOT met'}`
            : ''),
      );
    }
    const ratio = ratioFields.ratio as number;
    const failures = allRuns.reduce((n, r) => n + r.errors + r.non2xx + r.repeated + r.other, 0);
    const exhausted = allRuns.some((r) => r.tokensExhausted);
    // On a 2-core machine the server, PostgreSQL and the load generator share the cores by design;
    // what else kept the CPU busy during the runs is what makes numbers noisy.
    const machineCpuCores = round(median(allRuns.map((r) => r.machineCpuCores)), 2);
    const otherCpuCores = round(median(allRuns.map((r) => r.otherCpuCores)), 2);
    const contended = otherCpuCores > 0.3;

    const line = (label: string, s: Summary, committed: boolean) =>
      `${label.padEnd(9)} ${String(committed ? s.committedPerSec : s.rps).padStart(6)} ${committed ? 'check-ins/s' : 'answers/s  '} (median)  ` +
      `p50 ${s.latencyP50Ms} ms  p99 ${s.latencyP99Ms} ms  errors ${s.errors}  non2xx ${s.non2xx}  ` +
      `cpu ${s.serverCpuCores} cores server${s.postgresCpuCores !== null ? ` + ${s.postgresCpuCores} postgres` : ''}, ` +
      `per answer ${s.serverCpuMsPerAnswer} ms server${s.postgresCpuMsPerAnswer !== null ? ` + ${s.postgresCpuMsPerAnswer} ms postgres` : ''}`;
    const perSide: Record<string, JsonObject> = {};
    for (const side of sides)
      perSide[side.label === 'phongdich' ? 'phongdich' : baselines[side.label as keyof typeof baselines].summaryKey] =
        summaries.get(side.label) as Summary;
    return {
      summary: [
        ...sides.map((side) => line(side.label, summaries.get(side.label) as Summary, side.commits)),
        ...ratioLines,
        `phongdich batches in the rounds: ${String(batches.batches)} for ${String(batches.checkins)} check-ins, ` +
          `mean ${String(batches.meanSize)}, sizes ${JSON.stringify(batches.sizes)}, fallbacks ${String(batches.fallbacks)}`,
        `committed: ${Object.entries(verification)
          .map(([k, v]) => `${k} ${String(v.acknowledgedInRounds)} acknowledged, ${String(v.rowsAddedInRounds)} rows`)
          .join('; ')}; ` + `${sampled} answers checked in full, ${sampleMismatches} mismatches`,
        ...(failures > 0
          ? [
              `WARNING: ${failures} errors, non-2xx, repeated or unexpected answers${firstProblem ? ` (first: ${firstProblem})` : ''}`,
            ]
          : []),
        ...(sampleMismatches > 0
          ? [`WARNING: ${sampleMismatches} sampled answers did not match (first: ${firstProblem ?? '?'})`]
          : []),
        ...(lostCommits ? ['WARNING: rows added and acknowledged check-ins disagree'] : []),
        ...(exhausted ? ['WARNING: a run ran out of fresh tokens and stopped early; raise --people'] : []),
        ...(contended
          ? [
              `WARNING: other processes kept ${otherCpuCores} core busy (median over runs): numbers are noisy, rerun on a quieter machine`,
            ]
          : []),
      ],
      fields: {
        endpoint: `POST ${endpoint}`,
        exampleAnswer: probes,
        method: {
          connections: o.connections,
          rounds: o.rounds,
          durationSec: o.durationSec,
          warmupSec: o.warmupSec,
          people: o.people,
          checkinBatchSize: o.batchSize ?? 'default',
          loadGenerator,
          order: `rotating: round 1 ${sides.map((s) => s.label).join(', ')}; round 2 starts with ${sides[1]?.label ?? ''}; …`,
          requests:
            'every request a new person (token) and a new clientKey; each server with a database on its own database',
          scratchDatabases: adminUrl ? withDb.map((l) => scratchDatabases[l as keyof typeof scratchDatabases]) : [],
        },
        startSeconds,
        seedSeconds: Object.fromEntries(dbServers.map((s) => [s.label, s.info.seedSeconds ?? null])),
        ...ratioFields,
        targetRatio: ctx.database.kind === 'postgresql' ? { target: targetRatio, met: ratio >= targetRatio } : null,
        machineCpuCores,
        otherCpuCores,
        contended,
        ...perSide,
        verification,
        batches,
        rounds: rounds.map((r) => ({ ...r, runs: r.runs as unknown as JsonObject })),
        ...(o.cpuProf ? { cpuProfiles: nodePath.relative(process.cwd(), profileDir) } : {}),
      },
    };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await backends?.close();
    if (adminUrl)
      await dropScratchDatabases(adminUrl, scratchNames).catch((err: unknown) =>
        ctx.log(`could not drop the scratch databases: ${String(err)}`),
      );
    await fs.rm(tmp, { recursive: true, force: true });
  }
}
