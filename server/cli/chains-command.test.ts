import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../testing/cli-in-process.ts';
import { transmissionChains } from '../../core/rules/transmission-chains.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'phongdich-chains-cli-'));
// Outside demo mode the CLI needs a signing secret of its own configuration.
const secret = randomBytes(32).toString('base64url');
// An embedded database of its own, whatever DATABASE_URL the shell may have.
const cli = (args: string[]) =>
  runCliInProcess(args, { DATABASE_URL: undefined, PHONGDICH_DATA_DIR: dataDir, PHONGDICH_SECRET: secret });
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

// Two chains in Lai Châu (1 → 2 → 4, 1 → 3; 5 → 6), a diamond-free tree, and loose cases.
const patients = [
  {
    id: '1',
    positiveDate: '2021-05-01',
    treatLoc: 'Lai Châu',
    status: 'negative',
    dischargeDate: '2021-05-20',
    source: ['LA'],
  },
  { id: '2', positiveDate: '2021-05-03', treatLoc: 'Lai Châu', status: 'positive', source: ['1'] },
  { id: '3', positiveDate: '2021-05-03', treatLoc: 'Lai Châu', status: 'positive', source: ['1', 'CHO-K1'] },
  { id: '4', positiveDate: '2021-05-05', treatLoc: 'Lai Châu', status: 'positive', source: ['2'] },
  { id: '5', positiveDate: '2021-05-06', treatLoc: 'Lai Châu', status: 'positive', source: ['IMPORT'] },
  { id: '6', positiveDate: '2021-05-08', treatLoc: 'Lai Châu', status: 'positive', source: ['5'] },
  { id: '7', positiveDate: '2021-05-08', treatLoc: 'Lai Châu', status: 'positive', source: [] },
];

describe('phongdich import linelist / chains --json', () => {
  it('imports a line list and prints its chains as the pure rule measures them', async () => {
    const file = path.join(dataDir, 'patients.json');
    fs.writeFileSync(file, JSON.stringify({ modified: '2021-05-08', total: patients.length, data: patients }));
    const imported = await cli(['import', 'linelist', file, '--source', 'test']);
    expect(imported.stderr).toMatch(/done: 7 rows read, 7 valid, 7 written, 4 links/);
    expect(imported.status).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ totalRows: 7, createdCases: 7, links: 4, errors: [] });

    const run = await cli(['chains', '--json']);
    expect(run.status).toBe(0);
    const printed = JSON.parse(run.stdout) as Record<string, unknown>;
    const s = transmissionChains(patients.map((p) => ({ id: p.id, sources: p.source })));
    expect(printed).toEqual({
      cases: 7,
      links: 4,
      chainsWithAtLeastTwo: 2,
      largestChain: 4,
      longestGenerationPath: 2,
      descendants: { 1: 3, 2: 1, 3: 0, 4: 0, 5: 1, 6: 0, 7: 0 },
    });
    expect(printed).toMatchObject({
      cases: s.cases,
      links: s.links,
      longestGenerationPath: s.longestGenerationPath,
      descendants: Object.fromEntries(s.descendants),
    });
  }, 180_000);

  it('refuses an unknown file type and reports invalid rows without writing', async () => {
    expect((await cli(['import', 'linelist', 'cases.pdf'])).status).toBe(1);
    const bad = path.join(dataDir, 'bad.csv');
    fs.writeFileSync(bad, 'case_number,confirmed_date,province\nB1,2021-13-01,Lai Châu\n');
    const run = await cli(['import', 'linelist', bad]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/IMPORT_INVALID.*row:2/);
  }, 120_000);
});
