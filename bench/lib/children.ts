import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isChildMessage, type BatchStats, type ChildInfo, type ChildMessage, type ParentMessage } from './protocol.ts';

/** A server started by the bench, listening on 127.0.0.1. */
export interface ServerChild {
  readonly label: string;
  readonly pid: number;
  readonly port: number;
  readonly origin: string;
  /** What the server reported with its port (empty for most servers). */
  readonly info: ChildInfo;
  /** Total CPU time (user + system) the server process has used so far, in microseconds. */
  cpuMicros(): Promise<number>;
  /** Rows in the server's `checkins` table; only servers started with a count handler answer. */
  countCheckins(): Promise<number>;
  /** Group-commit statistics; only servers started with a batches handler answer. */
  batchStats(): Promise<BatchStats>;
  stop(): Promise<void>;
}

const live = new Set<ChildProcess>();
let cleanupInstalled = false;

/** Kills every live child when the bench exits for any reason, including SIGINT/SIGTERM. */
function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  // Servers shut down on SIGTERM (forced after 5 s) and also when their IPC channel closes.
  process.on('exit', () => {
    for (const child of live) child.kill('SIGTERM');
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      process.stderr.write(`\n${signal}: stopping ${live.size} server(s)\n`);
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
}

const tsxLoader = import.meta.resolve('tsx');

/**
 * Spawns `node [...nodeArgs] --import tsx <script> ...args` with an IPC channel and waits for its
 * `ready` message carrying the port. Fails (and kills it) if it exits or stays silent for `readyTimeoutMs`.
 * `nodeArgs` are options of node itself (e.g. `--cpu-prof`).
 */
export async function startServer(
  label: string,
  script: URL,
  args: readonly string[],
  readyTimeoutMs = 90_000,
  nodeArgs: readonly string[] = [],
): Promise<ServerChild> {
  installCleanup();
  const child = spawn(process.execPath, [...nodeArgs, '--import', tsxLoader, fileURLToPath(script), ...args], {
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  });
  live.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => live.delete(child));

  let stderrTail = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderrTail = (stderrTail + chunk).slice(-8_000);
  });

  const { port, info } = await new Promise<{ port: number; info: ChildInfo }>((resolve, reject) => {
    const fail = (why: string) => {
      cleanup();
      child.kill('SIGKILL');
      reject(new Error(`${label} server ${why}${stderrTail ? `:\n${stderrTail}` : ''}`));
    };
    const onMessage = (m: unknown) => {
      if (isChildMessage(m) && m.type === 'ready') {
        cleanup();
        resolve({ port: m.port, info: m.info ?? {} });
      }
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      fail(`exited before listening (code ${code}, signal ${signal})`);
    const onError = (err: Error) => fail(`could not start: ${err.message}`);
    const timer = setTimeout(() => fail(`not ready after ${readyTimeoutMs} ms`), readyTimeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      child.off('message', onMessage).off('exit', onExit).off('error', onError);
    };
    child.on('message', onMessage).once('exit', onExit).once('error', onError);
  });

  const request = <T extends ChildMessage['type']>(msg: ParentMessage, want: T, timeoutMs = 10_000) =>
    new Promise<Extract<ChildMessage, { type: T }>>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.off('message', onMessage);
        reject(new Error(`${label} server did not answer ${msg.type} within ${timeoutMs} ms`));
      }, timeoutMs);
      const onMessage = (m: unknown) => {
        if (!isChildMessage(m) || m.type !== want) return;
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve(m as Extract<ChildMessage, { type: T }>);
      };
      child.on('message', onMessage);
      child.send(msg);
    });

  return {
    label,
    pid: child.pid ?? -1,
    port,
    origin: `http://127.0.0.1:${port}`,
    info,
    async cpuMicros() {
      const m = await request({ type: 'cpu' }, 'cpu');
      return m.userMicros + m.systemMicros;
    },
    async countCheckins() {
      const m = await request({ type: 'count' }, 'count', 30_000);
      return m.checkins;
    },
    async batchStats() {
      const m = await request({ type: 'batches' }, 'batches');
      return m.stats;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      // A server run with --cpu-prof writes its profile on the way out: on a busy machine that takes seconds.
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
