import { isParentMessage, type BatchStats, type ChildInfo, type ChildMessage } from '../lib/protocol.ts';

export interface BenchIpcHandlers {
  /** Rows in `checkins`: lets the bench check that every acknowledged check-in was committed. */
  countCheckins?: () => Promise<number>;
  /** Group-commit statistics of the check-ins written so far. */
  batchStats?: () => BatchStats;
  /** Sent with the port, kept by the bench as `ServerChild.info`. */
  info?: ChildInfo;
}

/**
 * The server side of the bench protocol: tells the parent the port, answers CPU-time (and, when
 * given a handler, check-in count) queries, and shuts down on SIGTERM/SIGINT or as soon as the
 * parent goes away (IPC channel closed), so a server never outlives the bench that started it.
 */
export function serveBenchIpc(port: number, close: () => Promise<void>, handlers: BenchIpcHandlers = {}): void {
  const send = (m: ChildMessage) => process.send?.(m);
  if (!process.send) throw new Error('this server must be started by the bench (no IPC channel)');

  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    setTimeout(() => process.exit(1), 5_000).unref();
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  process.on('disconnect', shutdown);
  process.on('message', (m: unknown) => {
    if (!isParentMessage(m)) return;
    if (m.type === 'cpu') {
      const { user, system } = process.cpuUsage();
      send({ type: 'cpu', userMicros: user, systemMicros: system });
    } else if (m.type === 'batches' && handlers.batchStats) {
      send({ type: 'batches', stats: handlers.batchStats() });
    } else if (m.type === 'count' && handlers.countCheckins) {
      // No answer on failure: the bench's request times out and names the server.
      handlers.countCheckins().then(
        (checkins) => send({ type: 'count', checkins }),
        () => undefined,
      );
    }
  });
  send({ type: 'ready', port, ...(handlers.info ? { info: handlers.info } : {}) });
}
