import { describe, expect, it } from 'vitest';
import { AppError, type ErrorDetail } from '../../core/errors.ts';
import { readImport, rejectInvalidRows, rowPath } from './file-import.ts';
import type { Table } from './tabular-file.ts';

const csv = (text: string) => ({ body: Buffer.from(text), contentType: 'text/csv; charset=utf-8' });

/** A parser of the kind the imports write: every bad row reported, good rows kept. */
function parseCounts(table: Table): { rows: { code: string; n: number }[]; errors: ErrorDetail[] } {
  const errors: ErrorDetail[] = [];
  const rows: { code: string; n: number }[] = [];
  for (const r of table.rows) {
    const n = Number(r.cells[1]);
    if (!Number.isInteger(n)) errors.push({ path: rowPath(r.rowNumber), message: `not a count: ${r.cells[1]}` });
    else rows.push({ code: r.cells[0] ?? '', n });
  }
  return { rows, errors };
}

describe('file import', () => {
  it('reads an upload into a table and hands every row to the parser, with its row number', async () => {
    const parsed = await readImport(csv('Mã;Số\n01;5\n02;x\n03;7\n04;y\n'), 'vi', parseCounts);
    expect(parsed.rows).toEqual([
      { code: '01', n: 5 },
      { code: '03', n: 7 },
    ]);
    expect(parsed.errors.map((e) => e.path)).toEqual(['row:3', 'row:5']);
  });

  it('refuses a type it cannot read', async () => {
    await expect(
      readImport({ body: Buffer.from('{}'), contentType: 'application/json' }, 'vi', parseCounts),
    ).rejects.toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
    });
  });

  it('accepts a file without problems', () => {
    expect(() => rejectInvalidRows([])).not.toThrow();
  });

  it('refuses the whole file listing every problem in file order, file and header problems first', () => {
    const errors: ErrorDetail[] = [
      { path: rowPath(12), message: 'unknown code' },
      { path: rowPath(3), message: 'bad number' },
      { path: 'header', message: 'missing column' },
      { path: rowPath(3), message: 'repeated code' },
    ];
    let thrown: unknown;
    try {
      rejectInvalidRows(errors);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).code).toBe('IMPORT_INVALID');
    expect((thrown as AppError).details.map((d) => `${d.path} ${d.message}`)).toEqual([
      'header missing column',
      'row:3 bad number',
      'row:3 repeated code',
      'row:12 unknown code',
    ]);
    expect(errors[0]?.path).toBe('row:12'); // the caller's list is left as it was
  });
});
