/**
 * The phongdich server with a province's exposure feed of `--entries` entries over 21 days (Lai
 * Châu, 12), for the exposure bench: in-memory PGlite, silent, 127.0.0.1 on a free port.
 * Usage (by the bench only): phongdich-exposure-server.ts --entries 5000
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { defaultDiseaseProfile } from '../../core/rules/disease-profiles.ts';
import { vietnamToday } from '../../core/vietnam-calendar.ts';
import { loadConfig } from '../../server/config.ts';
import { openPlatform, createHttpServer } from '../../server/main.ts';
import { newSecret } from '../../server/modules/system/signing-secrets.ts';
import { serveBenchIpc } from './child-ipc.ts';

const { values } = parseArgs({ options: { entries: { type: 'string', default: '5000' } } });
const entries = Number(values.entries);

const config = {
  ...loadConfig({}),
  database: { dataDir: 'memory://' },
  logLevel: 'silent' as const,
  secret: newSecret(),
};
const platform = await openPlatform(config);
const db = platform.database.db;
const now = Date.now();
const rows = Array.from({ length: entries }, () => {
  // A stay of 15 to 120 minutes, somewhere in the last 21 days.
  const from = new Date(now - Math.floor(Math.random() * 21 * 24 * 60) * 60_000);
  const to = new Date(from.getTime() + (15 + Math.floor(Math.random() * 105)) * 60_000);
  return {
    identifier: randomBytes(12).toString('base64url'),
    from_at: from,
    to_at: to,
    province_code: '12',
    venue_id: null,
    case_id: null,
    self_report_id: null,
    profile_code: defaultDiseaseProfile.code,
    published_on: vietnamToday(from),
  };
});
for (let i = 0; i < rows.length; i += 1000)
  await db
    .insertInto('exposure_entries')
    .values(rows.slice(i, i + 1000))
    .execute();

const app = await createHttpServer(platform, { quiet: true });
await app.listen({ port: 0, host: '127.0.0.1' });
const { port } = app.server.address() as AddressInfo;
serveBenchIpc(port, async () => {
  await app.close();
  await platform.close();
});
