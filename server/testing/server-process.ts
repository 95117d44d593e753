/**
 * The real server (`openPlatform` + `createHttpServer`) in a process of its own, for tests that must
 * kill it as an operating system would (kill -9) and start it again on the same database. It prints
 * `{"port":N}` on one line once it listens, and stops cleanly on SIGTERM.
 * Usage (tests only): server-process.ts --secret <s> (--database-url <url> | --data-dir <dir>)
 */
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { createHttpServer, openPlatform } from '../main.ts';

const { values } = parseArgs({
  options: { 'database-url': { type: 'string' }, 'data-dir': { type: 'string' }, secret: { type: 'string' } },
});
const url = values['database-url'];
const dataDir = values['data-dir'];
if (!values.secret || (!url && !dataDir)) throw new Error('--secret and --database-url or --data-dir are required');

const platform = await openPlatform({
  ...loadConfig({}),
  database: url ? { url, dataDir: '' } : { dataDir: dataDir! },
  logLevel: 'silent',
  secret: values.secret,
});
const app = await createHttpServer(platform, { quiet: true });
await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ port: (app.server.address() as AddressInfo).port })}\n`);
process.once('SIGTERM', () => {
  void (async () => {
    await app.close();
    await platform.close();
    process.exit(0);
  })();
});
