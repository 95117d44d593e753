import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import type { ServerChild } from './children.ts';
import { round } from './stats.ts';

export interface LoadOptions {
  /** Concurrent keep-alive connections. */
  connections: number;
  /** How long the load lasts, in seconds. */
  durationSec: number;
  /** Default: GET `path`. Otherwise every request is built anew: `next()` is called once per request. */
  request?: GeneratedRequest;
  /** Stops the run after this many requests even if `durationSec` has not passed (a smaller cap than the default). */
  maxRequests?: number;
}

/** A request built per call (e.g. a POST whose body, or whose credential, must differ every time). */
export interface GeneratedRequest {
  method: 'POST' | 'PUT' | 'PATCH';
  headers: Record<string, string>;
  next: () => { body: string; headers?: Record<string, string> };
  /** Called with every response (status and body as text); keep it cheap, it runs in the load generator. */
  onResponse?: (status: number, body: string) => void;
}

/** One timed load run against one server. Times are milliseconds; CPU is in cores (1 = one core busy). */
export type LoadSample = {
  server: string;
  requests: number;
  durationSec: number;
  rps: number;
  latencyMs: { mean: number; p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  serverCpuCores: number;
  loadgenCpuCores: number;
  /** Responses per second of the server's own CPU time: its cost per request, whatever else runs. */
  requestsPerServerCpuSec: number;
};

const { version: autocannonVersion } = createRequire(import.meta.url)('autocannon/package.json') as { version: string };
/** The load generator as recorded in result files. */
export const loadGenerator = `autocannon ${autocannonVersion} (in the bench process)`;

/** Hard ceiling on requests in one run, far above what one core serves, so a run can never spin on. */
const maxRequestsPerSecond = 500_000;

/**
 * Drives `server` at `path` with autocannon for a fixed time and connection count, measuring the
 * server's and the load generator's CPU use over the same interval. Only 127.0.0.1 is targeted.
 */
export async function runLoad(server: ServerChild, path: string, o: LoadOptions): Promise<LoadSample> {
  const url = new URL(path, server.origin);
  if (url.hostname !== '127.0.0.1') throw new Error(`refusing to load a non-loopback target: ${url.href}`);

  const serverCpu0 = await server.cpuMicros();
  const ownCpu0 = process.cpuUsage();
  const t0 = performance.now();

  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    let watchdog: NodeJS.Timeout | undefined;
    const cap = Math.max(o.connections, Math.ceil(o.durationSec * maxRequestsPerSecond));
    const generated = o.request;
    const instance = autocannon(
      {
        url: url.href,
        connections: o.connections,
        duration: o.durationSec,
        maxOverallRequests: o.maxRequests === undefined ? cap : Math.max(1, Math.min(cap, o.maxRequests)),
        timeout: 10,
        ...(generated
          ? {
              requests: [
                {
                  method: generated.method,
                  path: url.pathname + url.search,
                  headers: generated.headers,
                  setupRequest: (req: autocannon.Request) => {
                    const r = generated.next();
                    return { ...req, body: r.body, headers: { ...req.headers, ...r.headers } };
                  },
                  ...(generated.onResponse ? { onResponse: generated.onResponse } : {}),
                },
              ],
            }
          : {}),
      },
      (err: unknown, res: autocannon.Result) => {
        clearTimeout(watchdog);
        if (err) reject(err instanceof Error ? err : new Error(String(err)));
        else resolve(res);
      },
    );
    // Autocannon ends by itself after `duration`; this is only a safety net.
    watchdog = setTimeout(() => instance.stop(), (o.durationSec + 15) * 1_000);
  });

  const wallMicros = (performance.now() - t0) * 1_000;
  const ownCpu = process.cpuUsage(ownCpu0);
  const serverCpu = (await server.cpuMicros()) - serverCpu0;

  // `requests.total` counts every completed response; `duration` is the measured run time (s).
  const durationSec = result.duration;
  return {
    server: server.label,
    requests: result.requests.total,
    durationSec: round(durationSec, 3),
    rps: round(result.requests.total / durationSec, 0),
    latencyMs: {
      mean: round(result.latency.mean, 3),
      p50: round(result.latency.p50, 3),
      p99: round(result.latency.p99, 3),
      max: round(result.latency.max, 3),
    },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    serverCpuCores: round(serverCpu / wallMicros, 2),
    loadgenCpuCores: round((ownCpu.user + ownCpu.system) / wallMicros, 2),
    requestsPerServerCpuSec: serverCpu > 0 ? round(result.requests.total / (serverCpu / 1e6), 0) : 0,
  };
}

export interface Probe {
  status: number;
  contentType: string;
  body: string;
}

/** One plain GET, bounded to 5 s: checks a server answers before it is loaded. */
export async function probe(server: ServerChild, path: string): Promise<Probe> {
  const res = await fetch(new URL(path, server.origin), { signal: AbortSignal.timeout(5_000) });
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', body: await res.text() };
}
