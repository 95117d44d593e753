/**
 * The phongdich server as the bench runs it: in-memory PGlite (migrated at start), or the
 * PostgreSQL server given with `--database-url`; silent; 127.0.0.1 on a free port.
 */
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../server/config.ts';
import { openPlatform, createHttpServer } from '../../server/main.ts';
import { newSecret } from '../../server/modules/system/signing-secrets.ts';
import { serveBenchIpc } from './child-ipc.ts';

const { values } = parseArgs({ options: { 'database-url': { type: 'string' } } });
const url = values['database-url'];
const database = url ? { url, dataDir: '' } : { dataDir: 'memory://' };

const config = { ...loadConfig({}), database, logLevel: 'silent' as const, secret: newSecret() };
const platform = await openPlatform(config); // migrates the database
const app = await createHttpServer(platform, { quiet: true });
await app.listen({ port: 0, host: '127.0.0.1' });

const { port } = app.server.address() as AddressInfo;
serveBenchIpc(port, async () => {
  await app.close();
  await platform.close();
});
