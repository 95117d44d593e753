import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Platform } from '../main.ts';
import type { ImportProgress, LinelistFormat } from '../modules/linelist/linelist.service.ts';
import type { ChainSummary } from '../modules/chains/chains.service.ts';
import { systemActor } from '../shared/actor.ts';

const formats: Record<string, LinelistFormat> = { '.json': 'vn2020', '.csv': 'csv', '.txt': 'csv', '.xlsx': 'xlsx' };

export function linelistFormatOf(file: string): LinelistFormat | null {
  return formats[path.extname(file).toLowerCase()] ?? null;
}

/** `--mapping '{"Mã BN":"caseNumber"}'`: column → field, checked again by the import itself. */
export function parseMapping(text: string | undefined): Record<string, string> | undefined {
  if (text === undefined) return undefined;
  const parsed: unknown = JSON.parse(text);
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    Array.isArray(parsed) ||
    !Object.values(parsed).every((v) => typeof v === 'string')
  ) {
    throw new Error('--mapping must be a JSON object of column → field');
  }
  return parsed as Record<string, string>;
}

const describe = (p: Readonly<ImportProgress>) =>
  `[${p.source}] ${p.phase}: ${p.rowsRead} rows read, ${p.rowsValid} valid, ${p.rowsWritten} written, ${p.links} links (${((Date.now() - p.startedAt.getTime()) / 1000).toFixed(1)} s)`;

/**
 * `phongdich import linelist <file>`: streams the file (a .xlsx is read whole), as the system,
 * which loads provinces the database lacks. Progress goes to stderr, the result to stdout.
 */
export async function importLinelist(
  p: Platform,
  file: string,
  o: { format: LinelistFormat; source?: string; mapping?: Record<string, string> },
) {
  const body = o.format === 'xlsx' ? await readFile(file) : createReadStream(file, { highWaterMark: 1 << 20 });
  const result = await p.services.linelist.import(
    systemActor('cli'),
    { format: o.format, body, filename: path.basename(file) },
    {
      source: o.source,
      mapping: o.mapping,
      onProgress: (pr) => console.error(describe(pr)),
    },
  );
  console.log(JSON.stringify(result, null, 2));
}

/** `phongdich chains [--json]`: measures of every loaded case's chains. */
export async function printChains(p: Platform, json: boolean): Promise<ChainSummary> {
  const s = await p.services.chains.summary(systemActor('cli'));
  if (json) console.log(JSON.stringify(s, null, 2));
  else {
    console.log(
      `cases ${s.cases}, links ${s.links}, chains of ≥ 2 cases ${s.chainsWithAtLeastTwo}, largest ${s.largestChain}, longest generation path ${s.longestGenerationPath}`,
    );
    const top = Object.entries(s.descendants)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10);
    for (const [caseNumber, n] of top) console.log(`  ${caseNumber}\t${n} descendants`);
  }
  return s;
}
