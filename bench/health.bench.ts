/**
 * GET /api/health on the phongdich server against a bare node:http server answering the same
 * body, side by side: both run as child processes, loaded one at a time in alternating rounds.
 */
import { parseArgs } from 'node:util';
import { loadOptions } from './lib/options.ts';
import { startServer, type ServerChild } from './lib/children.ts';
import { loadGenerator, probe, runLoad, type LoadOptions, type LoadSample } from './lib/load.ts';
import { median, round } from './lib/stats.ts';
import type { BenchContext, BenchResult } from './lib/types.ts';

export const description = 'GET /api/health rps: phongdich vs a bare node:http server (ratio)';
export const usage = '--rounds 3 --duration 5 (s per server per round) --warmup 3 (s per server) --connections 50';

const path = '/api/health';

function options(args: readonly string[]) {
  const { values } = parseArgs({
    args: [...args],
    options: {
      rounds: { type: 'string', default: '3' },
      duration: { type: 'string', default: '5' },
      warmup: { type: 'string', default: '3' },
      connections: { type: 'string', default: '50' },
    },
  });
  return loadOptions(values);
}

type Side = {
  rps: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  errors: number;
  non2xx: number;
  serverCpuCores: number;
  requestsPerServerCpuSec: number;
};

function summarize(samples: readonly LoadSample[]): Side {
  return {
    rps: round(median(samples.map((s) => s.rps)), 0),
    latencyP50Ms: round(median(samples.map((s) => s.latencyMs.p50)), 3),
    latencyP99Ms: round(median(samples.map((s) => s.latencyMs.p99)), 3),
    errors: samples.reduce((n, s) => n + s.errors, 0),
    non2xx: samples.reduce((n, s) => n + s.non2xx, 0),
    serverCpuCores: round(median(samples.map((s) => s.serverCpuCores)), 2),
    requestsPerServerCpuSec: round(median(samples.map((s) => s.requestsPerServerCpuSec)), 0),
  };
}

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const o = options(ctx.args);
  const load: LoadOptions = { connections: o.connections, durationSec: o.durationSec };
  const servers: ServerChild[] = [];
  try {
    ctx.log(`starting phongdich (${ctx.database.kind})…`);
    const dbArgs = ctx.database.kind === 'postgresql' ? ['--database-url', ctx.database.url] : [];
    const phongdich = await startServer('phongdich', new URL('./servers/phongdich-server.ts', import.meta.url), dbArgs);
    servers.push(phongdich);

    const reference = await probe(phongdich, path);
    const health = JSON.parse(reference.body) as { status?: unknown; database?: unknown };
    if (reference.status !== 200 || health.status !== 'ok')
      throw new Error(`phongdich ${path}: ${reference.status} ${reference.body}`);
    if (health.database !== ctx.database.kind)
      throw new Error(`phongdich runs on ${String(health.database)}, expected ${ctx.database.kind}`);

    ctx.log('starting the bare node:http server…');
    const bare = await startServer('bare', new URL('./servers/bare-server.ts', import.meta.url), [
      '--body',
      reference.body,
      '--content-type',
      reference.contentType,
    ]);
    servers.push(bare);
    const mirror = await probe(bare, path);
    if (mirror.status !== 200 || mirror.body !== reference.body || mirror.contentType !== reference.contentType) {
      throw new Error(`bare server answers differently: ${mirror.status} ${mirror.contentType} ${mirror.body}`);
    }
    ctx.log(
      `phongdich pid ${phongdich.pid} :${phongdich.port}, bare pid ${bare.pid} :${bare.port}, body ${reference.body}`,
    );

    if (o.warmupSec > 0) {
      for (const server of [phongdich, bare]) {
        ctx.log(`warm-up ${server.label} ${o.warmupSec} s`);
        await runLoad(server, path, { ...load, durationSec: o.warmupSec });
      }
    }

    const rounds: { round: number; order: string[]; phongdich: LoadSample; bare: LoadSample; ratio: number }[] = [];
    for (let i = 0; i < o.rounds; i++) {
      // Alternate which server goes first so that drift (heat, other load) hits both alike.
      const order = i % 2 === 0 ? [phongdich, bare] : [bare, phongdich];
      const got = new Map<string, LoadSample>();
      for (const server of order) {
        const sample = await runLoad(server, path, load);
        got.set(server.label, sample);
        ctx.log(
          `round ${i + 1}/${o.rounds} ${server.label.padEnd(9)} ${String(sample.rps).padStart(6)} rps  ` +
            `p50 ${sample.latencyMs.p50} ms  p99 ${sample.latencyMs.p99} ms  ` +
            `cpu server ${sample.serverCpuCores} / loadgen ${sample.loadgenCpuCores} (${sample.requestsPerServerCpuSec} req/cpu-s)  ` +
            `errors ${sample.errors} non2xx ${sample.non2xx}`,
        );
      }
      const p = got.get('phongdich') as LoadSample;
      const b = got.get('bare') as LoadSample;
      rounds.push({
        round: i + 1,
        order: order.map((s) => s.label),
        phongdich: p,
        bare: b,
        ratio: round(p.rps / b.rps, 3),
      });
    }

    const summary = {
      phongdich: summarize(rounds.map((r) => r.phongdich)),
      bare: summarize(rounds.map((r) => r.bare)),
    };
    const ratio = round(summary.phongdich.rps / summary.bare.rps, 3);
    const cpuRatio = round(summary.phongdich.requestsPerServerCpuSec / summary.bare.requestsPerServerCpuSec, 3);
    // On an otherwise idle machine one of the two (the server, or the load generator) keeps a whole
    // core busy in every run. Much less means something else was taking the CPU: noisy numbers.
    const bottleneckCpuCores = round(
      median(rounds.flatMap((r) => [r.phongdich, r.bare]).map((s) => Math.max(s.serverCpuCores, s.loadgenCpuCores))),
      2,
    );
    const contended = bottleneckCpuCores < 0.8;
    const failures = summary.phongdich.errors + summary.phongdich.non2xx + summary.bare.errors + summary.bare.non2xx;
    const line = (label: string, s: Side) =>
      `${label.padEnd(9)} ${String(s.rps).padStart(6)} rps (median)  p50 ${s.latencyP50Ms} ms  p99 ${s.latencyP99Ms} ms  ` +
      `errors ${s.errors}  non2xx ${s.non2xx}  server cpu ${s.serverCpuCores} cores, ${s.requestsPerServerCpuSec} req/cpu-s`;
    return {
      summary: [
        line('phongdich', summary.phongdich),
        line('bare', summary.bare),
        `ratio phongdich/bare = ${ratio} (per round: ${rounds.map((r) => r.ratio).join(', ')}); per server CPU-second: ${cpuRatio}`,
        ...(failures > 0 ? [`WARNING: ${failures} errors or non-2xx responses`] : []),
        ...(contended
          ? [
              `WARNING: the busier of server and load generator used only ${bottleneckCpuCores} core (median): other work on the machine, numbers are noisy`,
            ]
          : []),
      ],
      fields: {
        endpoint: `GET ${path}`,
        responseBody: reference.body,
        method: {
          connections: o.connections,
          rounds: o.rounds,
          durationSec: o.durationSec,
          warmupSec: o.warmupSec,
          loadGenerator,
          order: 'alternating: odd rounds phongdich first, even rounds bare first',
        },
        ratio,
        cpuRatio,
        bottleneckCpuCores,
        contended,
        phongdich: summary.phongdich,
        bare: summary.bare,
        rounds,
      },
    };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}
