import { isParentMessage, type ChildMessage } from '../lib/protocol.ts';

/**
 * The server side of the bench protocol: tells the parent the port, answers CPU-time queries, and
 * shuts down on SIGTERM/SIGINT or as soon as the parent goes away (IPC channel closed), so a
 * server never outlives the bench that started it.
 */
export function serveBenchIpc(port: number, close: () => Promise<void>): void {
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
    const { user, system } = process.cpuUsage();
    send({ type: 'cpu', userMicros: user, systemMicros: system });
  });
  send({ type: 'ready', port });
}
