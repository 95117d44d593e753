/**
 * One export of the `exports` bench in a process of its own, as a server runs it: opens the
 * platform on the database, exports every case of the country (a national health official,
 * through `CasesService.exportXlsx`: scope, snapshot, audit included) as .xlsx or .csv to a file,
 * and prints one JSON line: seconds, bytes, and the process's peak RSS (`maxRSS`, start-up
 * included) next to its RSS before the export. Usage: export-child.ts <database-url> <xlsx|csv> <file>
 */
import { createWriteStream } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { loadConfig } from '../../server/config.ts';
import { openDatabase } from '../../server/db/database.ts';
import { openPlatform } from '../../server/main.ts';
import { newSecret } from '../../server/modules/system/signing-secrets.ts';
import type { Actor } from '../../server/shared/actor.ts';

const [url, format, file] = process.argv.slice(2);
if (!url || (format !== 'xlsx' && format !== 'csv') || !file)
  throw new Error('usage: <database-url> <xlsx|csv> <file>');

const national: Actor = {
  userId: '00000000-0000-0000-0000-000000000001',
  username: 'bench-national',
  fullName: 'Bench',
  role: 'health_department',
  scope: { code: 'VN', path: 'VN' },
  ip: null,
  requestId: null,
  locale: 'vi',
};

const handle = await openDatabase({ url, dataDir: '' });
const platform = await openPlatform(
  { ...loadConfig({}), logLevel: 'silent', database: { dataDir: 'memory://' }, secret: newSecret() },
  handle,
);
let peakRss = process.memoryUsage().rss;
const rssBeforeMiB = Math.round(peakRss / 2 ** 20);
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
const t = performance.now();
let bytes = 0;
let lines = 0;
try {
  const sheet = await platform.services.cases.exportXlsx(national, {});
  const stream = format === 'xlsx' ? sheet.xlsx() : sheet.csv();
  stream.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    if (format === 'csv') for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  });
  await pipeline(stream, createWriteStream(file));
} finally {
  clearInterval(sampler);
  await platform.close();
}
const seconds = (performance.now() - t) / 1000;
process.stdout.write(
  JSON.stringify({
    format,
    seconds: Math.round(seconds * 100) / 100,
    bytes,
    csvDataRows: format === 'csv' ? lines - 1 : null,
    rssBeforeMiB,
    peakRssSampledMiB: Math.round(peakRss / 2 ** 20),
    maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  }) + '\n',
);
