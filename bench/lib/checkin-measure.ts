import { performance } from 'node:perf_hooks';
import { checkinsEndpoint, newTally, type Side } from './checkin-side.ts';
import type { Backends } from './scratch-databases.ts';
import { runLoad, type LoadOptions, type LoadSample } from './load.ts';
import { cpuMicrosBetween, machineBusyMicros } from './proc-cpu.ts';
import { median, round } from './stats.ts';
import type { BatchStats } from './protocol.ts';
import type { JsonObject } from './types.ts';

/** One run of one server: committed check-ins per second, the answers, and where the CPU went. */
export type Run = LoadSample & {
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
  /** CPU milliseconds per answer: the server process, and its database's backends (PostgreSQL only). */
  serverCpuMsPerAnswer: number;
  postgresCpuMsPerAnswer: number | null;
  /** The run ended early because the side ran out of fresh tokens. */
  tokensExhausted: boolean;
  firstProblem: string | null;
};

/** Load one server for one run, counting what it committed and the CPU of the server and its database. */
export async function measure(side: Side, load: LoadOptions, backends: Backends | null): Promise<Run> {
  side.tally = newTally();
  const rows0 = side.commits ? await side.server.countCheckins() : null;
  const maxRequests = side.commits ? side.remaining(load.connections) : undefined;
  if (maxRequests !== undefined && maxRequests < load.connections)
    throw new Error(`${side.label}: out of fresh tokens, raise --people`);
  const machine0 = machineBusyMicros();
  const db = backends && side.database ? { backends, name: side.database } : null;
  const pg0 = db ? await db.backends.cpuOf(db.name) : null;
  const t0 = performance.now();
  const sample = await runLoad(side.server, checkinsEndpoint, {
    ...load,
    ...(maxRequests !== undefined ? { maxRequests } : {}),
    request: {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      next: () => side.nextRequest(),
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
    otherCpuCores: round(
      Math.max(0, machineCpuCores - sample.serverCpuCores - sample.loadgenCpuCores - (postgresCpuCores ?? 0)),
      2,
    ),
    postgresCpuCores,
    serverCpuMsPerAnswer: sample.requests > 0 ? round((sample.serverCpuCores * 1_000) / sample.rps, 3) : 0,
    postgresCpuMsPerAnswer:
      postgresCpuCores === null || sample.requests === 0 ? null : round((postgresCpuCores * 1_000) / sample.rps, 3),
    tokensExhausted: maxRequests !== undefined && sample.requests >= maxRequests - load.connections,
    firstProblem: t.firstProblem,
  };
}

export type Summary = {
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
  serverCpuMsPerAnswer: number;
  postgresCpuMsPerAnswer: number | null;
};

/** The medians of a server's runs, and the totals of what went wrong. */
export function summarize(runs: readonly Run[]): Summary {
  const pgCores = runs.map((r) => r.postgresCpuCores).filter((c): c is number => c !== null);
  const pgMs = runs.map((r) => r.postgresCpuMsPerAnswer).filter((c): c is number => c !== null);
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
    serverCpuMsPerAnswer: round(median(runs.map((r) => r.serverCpuMsPerAnswer)), 3),
    postgresCpuMsPerAnswer: pgMs.length ? round(median(pgMs), 3) : null,
  };
}

/** The batches written between two readings of a server's group-commit statistics (the measured rounds). */
export function batchesBetween(before: BatchStats, after: BatchStats): JsonObject {
  const batches = after.batches - before.batches;
  const items = after.items - before.items;
  const sizes: Record<string, number> = {};
  for (const [bucket, n] of Object.entries(after.sizes)) {
    const d = n - (before.sizes[bucket] ?? 0);
    if (d > 0) sizes[bucket] = d;
  }
  return {
    batches,
    checkins: items,
    meanSize: batches > 0 ? round(items / batches, 2) : 0,
    largestSinceStart: after.largest,
    fallbacks: after.fallbacks - before.fallbacks,
    sizes,
  };
}
