/**
 * POST /api/public/checkins, each acknowledged check-in committed, on the phongdich server against
 * a bare node:http + node-postgres server doing the same committed work, side by side, loaded one
 * at a time in rotating rounds; plus a bare server that does everything but the database.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import nodePath from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { newVenuePublicCode } from '../core/rules/venue-public-code.ts';
import { QrTokenSigner } from '../server/shared/qr-token.ts';
import { benchQrSecret, benchVenueName, writeTokenIds } from './lib/checkins-fixture.ts';
import { startServer, type ServerChild } from './lib/children.ts';
import { loadGenerator, runLoad, type LoadOptions, type LoadSample } from './lib/load.ts';
import { cpuMicrosBetween, cpuMicrosOfPids, machineBusyMicros } from './lib/proc-cpu.ts';
import { resultsDir } from './lib/results.ts';
import { median, round } from './lib/stats.ts';
import type { BenchContext, BenchResult, DatabaseTarget, JsonObject } from './lib/types.ts';

export const description = 'POST /api/public/checkins committed per second: phongdich vs bare node:http + pg (ratio)';
export const usage =
  '--rounds 3 --duration 5 (s per server per round) --warmup 3 (s per server) --connections 32 --people 100000 --cpu-prof ' +
  '(with --database-url: an admin URL; the bench creates and drops phongdich_bench_a and _b)';

const endpoint = '/api/public/checkins';
/** The issue's target, on PostgreSQL: phongdich commits at least half the bare server's check-ins per second. */
const targetRatio = 0.5;
const scratchDatabases = ['phongdich_bench_a', 'phongdich_bench_b'] as const;

function options(args: readonly string[]) {
  const { values } = parseArgs({
    args: [...args],
    options: {
      rounds: { type: 'string', default: '3' },
      duration: { type: 'string', default: '5' },
      warmup: { type: 'string', default: '3' },
      connections: { type: 'string', default: '32' },
      people: { type: 'string', default: '100000' },
      'cpu-prof': { type: 'boolean', default: false },
    },
  });
  const int = (key: 'rounds' | 'duration' | 'warmup' | 'connections' | 'people', min: number, max: number) => {
    const n = Number(values[key]);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${key} must be an integer in [${min}, ${max}]`);
    return n;
  };
  return {
    rounds: int('rounds', 1, 20),
    durationSec: int('duration', 1, 60),
    warmupSec: int('warmup', 0, 60),
    connections: int('connections', 1, 1_000),
    people: int('people', 1_000, 1_000_000),
    cpuProf: values['cpu-prof'] ?? false,
  };
}

// ---- scratch databases (PostgreSQL only) ----

function scratchUrl(adminUrl: string, database: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${database}`;
  return u.href;
}

/** Drops (if present) and creates the scratch databases; refuses anything but a local server. */
async function recreateScratchDatabases(adminUrl: string): Promise<void> {
  const host = new URL(adminUrl).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(host)) throw new Error(`the checkins bench only creates scratch databases on a local server, not ${host}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const name of scratchDatabases) {
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.query(`create database "${name}"`);
    }
  } finally {
    await client.end();
  }
}

async function dropScratchDatabases(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const name of scratchDatabases) await client.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await client.end();
  }
}

/** The PostgreSQL backends serving one database: their CPU time is the database's share of a run. */
class Backends {
  private constructor(private readonly client: pg.Client) {}

  static async open(adminUrl: string): Promise<Backends> {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    return new Backends(client);
  }

  async cpuOf(database: string): Promise<Map<number, number>> {
    const r = await this.client.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [database]);
    return cpuMicrosOfPids(r.rows.map((row) => row.pid));
  }

  close(): Promise<void> {
    return this.client.end();
  }
}

// ---- one side: a server, its own token cursor, and what its answers said ----

interface Tally {
  /** 200 with `"repeated":false`: an acknowledged, new check-in. */
  acknowledged: number;
  /** 200 with `"repeated":true`: a token reused within the repeat window (should not happen). */
  repeated: number;
  /** Any other answer. */
  other: number;
  /** Answers parsed in full and checked (one in `sampleEvery`). */
  sampled: number;
  sampleMismatches: number;
  firstProblem: string | null;
}

const sampleEvery = 50;
const newTally = (): Tally => ({ acknowledged: 0, repeated: 0, other: 0, sampled: 0, sampleMismatches: 0, firstProblem: null });

/** Whether a check-in answer has the documented shape and is a new check-in at the bench venue. */
function checkAnswer(body: string): string | null {
  try {
    const a = JSON.parse(body) as { checkinId?: unknown; checkedInAt?: unknown; venueName?: unknown; status?: { colour?: unknown }; repeated?: unknown };
    if (typeof a.checkinId !== 'string' || a.checkinId === '') return 'no checkinId';
    if (typeof a.checkedInAt !== 'string' || Number.isNaN(Date.parse(a.checkedInAt))) return 'no checkedInAt';
    if (a.venueName !== benchVenueName) return `venueName ${String(a.venueName)}`;
    if (typeof a.status?.colour !== 'string') return 'no status colour';
    if (a.repeated !== false) return `repeated ${String(a.repeated)}`;
    return null;
  } catch {
    return 'not JSON';
  }
}

class Side {
  /** Next token to use: each side has its own database, so each goes through all tokens once. */
  cursor = 0;
  tally = newTally();

  constructor(
    readonly server: ServerChild,
    readonly tokens: readonly string[],
    readonly venueCode: string,
    /** Commits check-ins (so tokens must not repeat and rows are counted). */
    readonly commits: boolean,
    /** Its PostgreSQL database, whose backends' CPU is measured (PostgreSQL only). */
    readonly database: string | null = null,
  ) {}

  get label() {
    return this.server.label;
  }

  /** Requests left before a token would come round again (set-up calls of autocannon included). */
  remaining(connections: number): number {
    return this.tokens.length - this.cursor - 2 * connections;
  }

  nextBody(): string {
    const qrToken = this.tokens[this.cursor++ % this.tokens.length] as string;
    return JSON.stringify({ clientKey: randomUUID(), venueCode: this.venueCode, qrToken });
  }

  onResponse(status: number, body: string): void {
    const t = this.tally;
    if (status === 200 && body.includes('"repeated":false')) t.acknowledged++;
    else if (status === 200 && body.includes('"repeated":true')) t.repeated++;
    else {
      t.other++;
      t.firstProblem ??= `${status} ${body.slice(0, 300)}`;
    }
    if ((t.acknowledged + t.repeated + t.other) % sampleEvery === 0) {
      t.sampled++;
      const problem = status === 200 ? checkAnswer(body) : `status ${status}`;
      if (problem) {
        t.sampleMismatches++;
        t.firstProblem ??= `${problem}: ${body.slice(0, 300)}`;
      }
    }
  }
}

/** One POST outside the load, to check a server answers a new check-in (and, with the same token, a repeat). */
async function checkinOnce(side: Side, qrToken: string): Promise<{ status: number; body: string }> {
  const res = await fetch(new URL(endpoint, side.server.origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ clientKey: randomUUID(), venueCode: side.venueCode, qrToken }),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: res.status, body: await res.text() };
}

type Run = LoadSample & {
  /** 200 answers with `repeated: false`, per second of the run. */
  committedPerSec: number;
  acknowledged: number;
  repeated: number;
  other: number;
  /** Rows added to `checkins` during the run (read after it; null for the no-database server). */
  rowsAdded: number | null;
  /** Answers parsed in full and checked during the run, and how many did not match. */
  sampled: number;
  sampleMismatches: number;
  /** Whole machine, busy cores over the run (2 = both cores of a 2-core machine). */
  machineCpuCores: number;
  /** Busy cores that were neither the server, PostgreSQL nor the load generator: other work on the machine. */
  otherCpuCores: number;
  /** The PostgreSQL backends of the side's own database (PostgreSQL only), in cores. */
  postgresCpuCores: number | null;
  /** The run ended early because the side ran out of fresh tokens. */
  tokensExhausted: boolean;
  firstProblem: string | null;
};

async function measure(side: Side, load: LoadOptions, backends: Backends | null): Promise<Run> {
  side.tally = newTally();
  const rows0 = side.commits ? await side.server.countCheckins() : null;
  const maxRequests = side.commits ? side.remaining(load.connections) : undefined;
  if (maxRequests !== undefined && maxRequests < load.connections) throw new Error(`${side.label}: out of fresh tokens, raise --people`);
  const machine0 = machineBusyMicros();
  const db = backends && side.database ? { backends, name: side.database } : null;
  const pg0 = db ? await db.backends.cpuOf(db.name) : null;
  const t0 = performance.now();
  const sample = await runLoad(side.server, endpoint, {
    ...load,
    ...(maxRequests !== undefined ? { maxRequests } : {}),
    request: {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: () => side.nextBody(),
      onResponse: (status, body) => side.onResponse(status, body),
    },
  });
  const wallMicros = (performance.now() - t0) * 1_000;
  const machineCpuCores = round((machineBusyMicros() - machine0) / wallMicros, 2);
  const pg1 = db ? await db.backends.cpuOf(db.name) : null;
  const postgresCpuCores = pg0 === null || pg1 === null ? null : round(cpuMicrosBetween(pg0, pg1) / wallMicros, 2);
  // Requests still in flight when autocannon stops are answered (and committed) a moment later.
  if (side.commits) await new Promise((r) => setTimeout(r, 300));
  const rows1 = side.commits ? await side.server.countCheckins() : null;
  const t = side.tally;
  return {
    ...sample,
    committedPerSec: round(t.acknowledged / sample.durationSec, 0),
    acknowledged: t.acknowledged,
    repeated: t.repeated,
    other: t.other,
    rowsAdded: rows0 === null || rows1 === null ? null : rows1 - rows0,
    sampled: t.sampled,
    sampleMismatches: t.sampleMismatches,
    machineCpuCores,
    otherCpuCores: round(Math.max(0, machineCpuCores - sample.serverCpuCores - sample.loadgenCpuCores - (postgresCpuCores ?? 0)), 2),
    postgresCpuCores,
    tokensExhausted: maxRequests !== undefined && sample.requests >= maxRequests - load.connections,
    firstProblem: t.firstProblem,
  };
}

type Summary = {
  committedPerSec: number;
  rps: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  errors: number;
  non2xx: number;
  repeated: number;
  serverCpuCores: number;
  postgresCpuCores: number | null;
  requestsPerServerCpuSec: number;
};

function summarize(runs: readonly Run[]): Summary {
  const pgCores = runs.map((r) => r.postgresCpuCores).filter((c): c is number => c !== null);
  return {
    committedPerSec: round(median(runs.map((r) => r.committedPerSec)), 0),
    rps: round(median(runs.map((r) => r.rps)), 0),
    latencyP50Ms: round(median(runs.map((r) => r.latencyMs.p50)), 3),
    latencyP99Ms: round(median(runs.map((r) => r.latencyMs.p99)), 3),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
    repeated: runs.reduce((n, r) => n + r.repeated, 0),
    serverCpuCores: round(median(runs.map((r) => r.serverCpuCores)), 2),
    postgresCpuCores: pgCores.length ? round(median(pgCores), 2) : null,
    requestsPerServerCpuSec: round(median(runs.map((r) => r.requestsPerServerCpuSec)), 0),
  };
}

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const o = options(ctx.args);
  const load: LoadOptions = { connections: o.connections, durationSec: o.durationSec };
  const servers: ServerChild[] = [];
  const tmp = await fs.mkdtemp(nodePath.join(os.tmpdir(), 'phongdich-bench-checkins-'));
  const adminUrl = ctx.database.kind === 'postgresql' ? ctx.database.url : null;
  let backends: Backends | null = null;
  try {
    // Tokens: issued here (the bench needs them to build requests); every server seeds one person per token.
    const signer = new QrTokenSigner(benchQrSecret);
    const issued = Array.from({ length: o.people }, () => signer.issue());
    const tokensFile = nodePath.join(tmp, 'token-ids.txt');
    await writeTokenIds(tokensFile, issued.map((t) => t.id));
    const tokens = issued.map((t) => t.token);
    const venueCode = newVenuePublicCode();

    let phongdichDb: string[] = [];
    let bareDb: string[] = ['--storage', 'pglite'];
    if (adminUrl) {
      ctx.log(`recreating scratch databases ${scratchDatabases.join(', ')}…`);
      await recreateScratchDatabases(adminUrl);
      backends = await Backends.open(adminUrl);
      phongdichDb = ['--database-url', scratchUrl(adminUrl, scratchDatabases[0])];
      bareDb = ['--storage', 'postgresql', '--database-url', scratchUrl(adminUrl, scratchDatabases[1])];
    }
    const profileDir = nodePath.join(resultsDir, 'profiles');
    if (o.cpuProf) await fs.mkdir(profileDir, { recursive: true });
    const nodeArgs = (label: string) => (o.cpuProf ? ['--cpu-prof', '--cpu-prof-dir', profileDir, '--cpu-prof-name', `checkins-${ctx.database.kind}-${label}-${process.pid}.cpuprofile`] : []);
    const common = ['--tokens', tokensFile, '--venue-code', venueCode];

    ctx.log(`starting phongdich and bare-db (${ctx.database.kind}), seeding ${o.people} people each…`);
    const script = (name: string) => new URL(`./servers/${name}`, import.meta.url);
    const started = performance.now();
    const [phongdich, bareDbServer] = await Promise.all([
      startServer('phongdich', script('phongdich-checkins-server.ts'), [...common, ...phongdichDb], 150_000, nodeArgs('phongdich')).then((s) => (servers.push(s), s)),
      startServer('bare-db', script('bare-checkins-server.ts'), [...common, ...bareDb], 150_000, nodeArgs('bare-db')).then((s) => (servers.push(s), s)),
    ]);
    const startSeconds = round((performance.now() - started) / 1_000, 1);
    const bareNoDb = await startServer('bare-nodb', script('bare-checkins-server.ts'), [...common, '--storage', 'none']);
    servers.push(bareNoDb);
    ctx.log(
      `started in ${startSeconds} s (seeding: phongdich ${String(phongdich.info.seedSeconds)} s, bare-db ${String(bareDbServer.info.seedSeconds)} s); ` +
        `phongdich pid ${phongdich.pid} :${phongdich.port}, bare-db pid ${bareDbServer.pid} :${bareDbServer.port}, bare-nodb pid ${bareNoDb.pid} :${bareNoDb.port}`,
    );
    if (phongdich.info.database !== ctx.database.kind) throw new Error(`phongdich runs on ${String(phongdich.info.database)}, expected ${ctx.database.kind}`);

    const sides = [
      new Side(phongdich, tokens, venueCode, true, adminUrl ? scratchDatabases[0] : null),
      new Side(bareDbServer, tokens, venueCode, true, adminUrl ? scratchDatabases[1] : null),
      new Side(bareNoDb, tokens, venueCode, false),
    ];

    // Each server answers a new check-in with the documented shape; phongdich answers a resend as a repeat.
    const probes: Record<string, string> = {};
    for (const side of sides) {
      const token = tokens[side.cursor++] as string;
      const first = await checkinOnce(side, token);
      const problem = first.status === 200 ? checkAnswer(first.body) : `status ${first.status}`;
      if (problem) throw new Error(`${side.label}: ${problem}: ${first.body}`);
      probes[side.label] = first.body;
    }
    const resend = await checkinOnce(sides[0] as Side, tokens[0] as string);
    if (resend.status !== 200 || !resend.body.includes('"repeated":true')) throw new Error(`phongdich did not answer a resend as a repeat: ${resend.status} ${resend.body}`);
    ctx.log(`phongdich answers ${String(probes.phongdich)}`);

    if (o.warmupSec > 0) {
      for (const side of sides) {
        ctx.log(`warm-up ${side.label} ${o.warmupSec} s`);
        const w = await measure(side, { ...load, durationSec: o.warmupSec }, backends);
        ctx.log(`  ${w.committedPerSec} check-ins/s, errors ${w.errors} non2xx ${w.non2xx}`);
      }
    }

    const rounds: { round: number; order: string[]; runs: Record<string, Run>; ratio: number; ratioNoDb: number }[] = [];
    for (let i = 0; i < o.rounds; i++) {
      // Rotate who goes first so that drift (heat, other load) hits every side alike.
      const order = sides.map((_, k) => sides[(k + i) % sides.length] as Side);
      const runs: Record<string, Run> = {};
      for (const side of order) {
        const r = await measure(side, load, backends);
        runs[side.label] = r;
        ctx.log(
          `round ${i + 1}/${o.rounds} ${side.label.padEnd(9)} ${String(r.committedPerSec).padStart(6)} check-ins/s (${r.rps} rps)  ` +
            `p50 ${r.latencyMs.p50} ms  p99 ${r.latencyMs.p99} ms  cpu server ${r.serverCpuCores}` +
            `${r.postgresCpuCores !== null ? ` / postgres ${r.postgresCpuCores}` : ''} / loadgen ${r.loadgenCpuCores} / machine ${r.machineCpuCores}  ` +
            `rows +${r.rowsAdded ?? '-'}  errors ${r.errors} non2xx ${r.non2xx} repeated ${r.repeated}${r.tokensExhausted ? '  TOKENS EXHAUSTED' : ''}`,
        );
      }
      const p = runs.phongdich as Run;
      rounds.push({
        round: i + 1,
        order: order.map((s) => s.label),
        runs,
        ratio: round(p.committedPerSec / (runs['bare-db'] as Run).committedPerSec, 3),
        ratioNoDb: round(p.committedPerSec / (runs['bare-nodb'] as Run).rps, 3),
      });
    }

    // Every acknowledged check-in is a row: compare the tables with the answers (probes and warm-up included).
    const allRuns = rounds.flatMap((r) => Object.values(r.runs));
    const verification: Record<string, JsonObject> = {};
    for (const side of sides.filter((s) => s.commits)) {
      const runs = rounds.map((r) => r.runs[side.label] as Run);
      const acknowledged = runs.reduce((n, r) => n + r.acknowledged, 0);
      const rowsAdded = runs.reduce((n, r) => n + (r.rowsAdded ?? 0), 0);
      verification[side.label] = {
        acknowledgedInRounds: acknowledged,
        rowsAddedInRounds: rowsAdded,
        // Rows of requests still in flight when a run stopped: at most `connections` per run.
        unacknowledgedRows: rowsAdded - acknowledged,
        rowsInTable: await side.server.countCheckins(),
        tokensUsed: side.cursor,
      };
    }
    const sampled = allRuns.reduce((n, r) => n + r.sampled, 0);
    const sampleMismatches = allRuns.reduce((n, r) => n + r.sampleMismatches, 0);
    const firstProblem = allRuns.map((r) => r.firstProblem).find((p) => p !== null) ?? null;
    const lostCommits = Object.values(verification).some((v) => (v.unacknowledgedRows as number) < 0 || (v.unacknowledgedRows as number) > o.connections * o.rounds);

    const summary = {
      phongdich: summarize(rounds.map((r) => r.runs.phongdich as Run)),
      bareDb: summarize(rounds.map((r) => r.runs['bare-db'] as Run)),
      bareNoDb: summarize(rounds.map((r) => r.runs['bare-nodb'] as Run)),
    };
    const ratio = round(summary.phongdich.committedPerSec / summary.bareDb.committedPerSec, 3);
    const cpuRatio = round(summary.phongdich.requestsPerServerCpuSec / summary.bareDb.requestsPerServerCpuSec, 3);
    const ratioNoDb = round(summary.phongdich.committedPerSec / summary.bareNoDb.rps, 3);
    const cpuRatioNoDb = round(summary.phongdich.requestsPerServerCpuSec / summary.bareNoDb.requestsPerServerCpuSec, 3);
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
      `server cpu ${s.serverCpuCores}${s.postgresCpuCores !== null ? ` + postgres ${s.postgresCpuCores}` : ''} cores, ${s.requestsPerServerCpuSec} req/server-cpu-s`;
    return {
      summary: [
        line('phongdich', summary.phongdich, true),
        line('bare-db', summary.bareDb, true),
        line('bare-nodb', summary.bareNoDb, false),
        `ratio phongdich/bare-db = ${ratio} (per round: ${rounds.map((r) => r.ratio).join(', ')}); per server CPU-second: ${cpuRatio}` +
          (ctx.database.kind === 'postgresql' ? `; target ≥ ${targetRatio}: ${ratio >= targetRatio ? 'met' : 'NOT met'}` : ''),
        `ratio phongdich/bare-nodb = ${ratioNoDb} (per round: ${rounds.map((r) => r.ratioNoDb).join(', ')}); per server CPU-second: ${cpuRatioNoDb}`,
        `committed: ${Object.entries(verification).map(([k, v]) => `${k} ${String(v.acknowledgedInRounds)} acknowledged, ${String(v.rowsAddedInRounds)} rows`).join('; ')}; ` +
          `${sampled} answers checked in full, ${sampleMismatches} mismatches`,
        ...(failures > 0 ? [`WARNING: ${failures} errors, non-2xx, repeated or unexpected answers${firstProblem ? ` (first: ${firstProblem})` : ''}`] : []),
        ...(sampleMismatches > 0 ? [`WARNING: ${sampleMismatches} sampled answers did not match (first: ${firstProblem ?? '?'})`] : []),
        ...(lostCommits ? ['WARNING: rows added and acknowledged check-ins disagree'] : []),
        ...(exhausted ? ['WARNING: a run ran out of fresh tokens and stopped early; raise --people'] : []),
        ...(contended ? [`WARNING: other processes kept ${otherCpuCores} core busy (median over runs): numbers are noisy, rerun on a quieter machine`] : []),
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
          loadGenerator,
          order: 'rotating: round 1 phongdich, bare-db, bare-nodb; round 2 bare-db, bare-nodb, phongdich; …',
          requests: 'every request a new person (token) and a new clientKey; phongdich and bare-db each on their own database',
          scratchDatabases: adminUrl ? [...scratchDatabases] : [],
        },
        startSeconds,
        seedSeconds: { phongdich: phongdich.info.seedSeconds ?? null, bareDb: bareDbServer.info.seedSeconds ?? null },
        ratio,
        cpuRatio,
        ratioNoDb,
        cpuRatioNoDb,
        targetRatio: ctx.database.kind === 'postgresql' ? { target: targetRatio, met: ratio >= targetRatio } : null,
        machineCpuCores,
        otherCpuCores,
        contended,
        phongdich: summary.phongdich,
        bareDb: summary.bareDb,
        bareNoDb: summary.bareNoDb,
        verification,
        rounds: rounds.map((r) => ({ ...r, runs: r.runs as unknown as JsonObject })),
        ...(o.cpuProf ? { cpuProfiles: nodePath.relative(process.cwd(), profileDir) } : {}),
      },
    };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await backends?.close();
    if (adminUrl) await dropScratchDatabases(adminUrl).catch((err: unknown) => ctx.log(`could not drop the scratch databases: ${String(err)}`));
    await fs.rm(tmp, { recursive: true, force: true });
  }
}
