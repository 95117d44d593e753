/**
 * The phongdich server as the bench runs it: in-memory PGlite (migrated at start), or the
 * PostgreSQL server given with `--database-url`; silent; 127.0.0.1 on a free port. `--pool-size`
 * sets PostgreSQL's pool (PHONGDICH_DB_POOL_SIZE); `--logins-per-minute` lets a bench sign in many
 * accounts from 127.0.0.1 (the throttle is the identity bench's subject, not theirs).
 */
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../server/config.ts';
import { openPlatform, createHttpServer } from '../../server/main.ts';
import { newSecret } from '../../server/modules/system/signing-secrets.ts';
import { serveBenchIpc } from './child-ipc.ts';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    'pool-size': { type: 'string' },
    'logins-per-minute': { type: 'string' },
  },
});
const url = values['database-url'];
const poolSize = values['pool-size'] ? Number(values['pool-size']) : undefined;
const database = url ? { url, dataDir: '', poolSize } : { dataDir: 'memory://' };

const base = loadConfig({});
const logins = values['logins-per-minute'] ? Number(values['logins-per-minute']) : undefined;
const login = logins
  ? {
      perUserAndIp: { ...base.login.perUserAndIp, free: logins },
      perUser: { ...base.login.perUser, free: logins },
      perIp: { ...base.login.perIp, free: logins },
      perIpPerMinute: logins,
    }
  : base.login;
const config = { ...base, database, login, logLevel: 'silent' as const, secret: newSecret() };
const platform = await openPlatform(config); // migrates the database
const app = await createHttpServer(platform, { quiet: true });
await app.listen({ port: 0, host: '127.0.0.1' });

const { port } = app.server.address() as AddressInfo;
serveBenchIpc(port, async () => {
  await app.close();
  await platform.close();
});
