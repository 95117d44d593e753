/**
 * The phongdich server as the `checkins` bench runs it: the real `openPlatform` + `createHttpServer`
 * on an in-memory PGlite (or the PostgreSQL database given with `--database-url`, migrated at
 * start), seeded with the bench fixture (one venue, one person per token id in `--tokens`), quiet.
 * Usage (by the bench only):
 *   phongdich-checkins-server.ts --tokens <file> --venue-code <code> [--database-url <url>] [--checkin-batch-size <n>]
 */
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../server/config.ts';
import { openPlatform, createHttpServer } from '../../server/main.ts';
import { benchQrSecret, countCheckins, readTokenIds, seedCheckinFixture } from '../lib/checkins-fixture.ts';
import { serveBenchIpc } from './child-ipc.ts';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    tokens: { type: 'string' },
    'venue-code': { type: 'string' },
    'checkin-batch-size': { type: 'string' },
  },
});
const tokensFile = values.tokens;
const venueCode = values['venue-code'];
if (!tokensFile || !venueCode) throw new Error('--tokens and --venue-code are required');
const url = values['database-url'];
const database = url ? { url, dataDir: '' } : { dataDir: 'memory://' };

const batchSize = values['checkin-batch-size'];
const config = {
  ...loadConfig(batchSize ? { PHONGDICH_CHECKIN_BATCH_SIZE: batchSize } : {}),
  database,
  logLevel: 'silent' as const,
  secret: benchQrSecret,
};
const platform = await openPlatform(config); // migrates the database
const seeded = await seedCheckinFixture(platform, { tokenIds: await readTokenIds(tokensFile), venueCode });
const app = await createHttpServer(platform, { quiet: true });
await app.listen({ port: 0, host: '127.0.0.1' });

const { port } = app.server.address() as AddressInfo;
serveBenchIpc(
  port,
  async () => {
    await app.close();
    await platform.close();
  },
  {
    countCheckins: () => countCheckins(platform),
    batchStats: () => platform.services.checkins.batchStats(),
    info: { database: platform.database.kind, people: seeded.people, seedSeconds: seeded.seedSeconds },
  },
);
