import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JsonObject } from './types.ts';

export const resultsDir = fileURLToPath(new URL('../results/', import.meta.url));

/** `20250101T120000` in UTC, the same instant as the record's ISO `date`. */
export function compactTimestamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, '')
    .replace(/[-:]/g, '');
}

/** Writes `<name>-<timestamp>.json` and `<name>-latest.json` (pretty JSON) and returns both paths. */
export async function writeResult(
  name: string,
  date: Date,
  record: JsonObject,
): Promise<{ file: string; latest: string }> {
  await fs.mkdir(resultsDir, { recursive: true });
  const text = `${JSON.stringify(record, null, 2)}\n`;
  const file = path.join(resultsDir, `${name}-${compactTimestamp(date)}.json`);
  const latest = path.join(resultsDir, `${name}-latest.json`);
  await fs.writeFile(file, text);
  await fs.writeFile(latest, text);
  return { file, latest };
}
