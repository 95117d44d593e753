/**
 * The country of the `lists` and `exports` benches: every province of the vendored list, then
 * N skewed synthetic cases (the `risk` bench's generator), set-based in SQL, and the daily counts.
 */
import { performance } from 'node:perf_hooks';
import type { Db } from '../../server/db/database.ts';
import type { Platform } from '../../server/main.ts';
import { createBenchRandom, generateCases, loadCountry, type CountryShape } from './risk-country.ts';
import { round } from './stats.ts';
import type { JsonObject } from './types.ts';

export async function generateListsCountry(
  db: Db,
  platform: Platform,
  shape: CountryShape,
  log: (line: string) => void,
): Promise<JsonObject> {
  const t = performance.now();
  await createBenchRandom(db);
  await loadCountry(db, log);
  const report = await generateCases(db, shape, log);
  await platform.services.indicators.refreshDirty(db);
  return {
    seconds: round((performance.now() - t) / 1000, 1),
    casesInsertSeconds: report.casesInsert.seconds,
    rows: report.rows as unknown as JsonObject,
  };
}
