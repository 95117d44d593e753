import { AppError, type Locale } from '../../../core/errors.ts';
import { tableColumns, type ColumnIndex } from '../../../core/rules/linelist-columns.ts';
import { lineListMessage } from '../../../core/rules/linelist-messages.ts';
import {
  normaliseTableRow,
  normaliseVn2020Row,
  type LineListRow,
  type RowContext,
  type RowResult,
} from '../../../core/rules/linelist.ts';
import { normaliseHeader, readTable, XLSX_TYPE } from '../../shared/tabular-file.ts';
import type { ErrorList } from './linelist-errors.ts';
import { chunksOf, csvRecords, jsonRows, type Chunks } from './linelist-reader.ts';
import type { ImportProgress, LinelistFile } from './linelist.service.ts';

/** One import's file and what its reading reports to. */
export interface Reading {
  file: LinelistFile;
  mapping: Record<string, string> | undefined;
  ctx: RowContext;
  errors: ErrorList;
  progress: ImportProgress;
  report: () => void;
}

/** Where valid rows go: `add` refuses a case number seen before; `flush` is awaited after each chunk of the file. */
export interface RowSink {
  add(row: LineListRow): { duplicateOf: number } | null;
  flush?(): Promise<void>;
}

/**
 * Streams the file through the row rules: every valid row goes to `rows` (which refuses a case
 * number seen before), every problem to `errors`, so the whole file is checked in one pass.
 */
export async function readRows(
  { file, mapping, ctx, errors, progress, report }: Reading,
  rows: RowSink,
): Promise<void> {
  let nextReport = 50_000;
  const take = (rowNumber: number, result: RowResult) => {
    progress.rowsRead++;
    if (!result.ok) return errors.add(...result.errors);
    const dup = rows.add(result.row);
    if (dup)
      errors.add({
        path: `row:${rowNumber}`,
        message: `${lineListMessage(ctx.locale, 'duplicate')} ${dup.duplicateOf}`,
      });
    else progress.rowsValid++;
  };
  const tick = () => {
    if (progress.rowsRead >= nextReport) {
      nextReport += 50_000;
      report();
    }
  };
  const body = Buffer.isBuffer(file.body) ? chunksOf(file.body) : file.body;
  if (file.format === 'vn2020') {
    for await (const group of jsonRows(body, ctx.locale)) {
      for (const r of group) {
        if ('broken' in r) {
          progress.rowsRead++;
          errors.add(r.broken);
        } else take(r.rowNumber, normaliseVn2020Row(r.value, r.rowNumber, ctx));
      }
      tick();
      await rows.flush?.();
    }
    return;
  }
  let columns: ColumnIndex | null = null;
  const columnsFor = (header: string[]) => {
    if (columns) return columns;
    const normalised = mapping
      ? Object.fromEntries(Object.entries(mapping).map(([k, v]) => [normaliseHeader(k), v]))
      : undefined;
    const found = tableColumns(header, ctx.locale, normalised);
    if (found.errors.length) throw new AppError('IMPORT_INVALID', found.errors);
    return (columns = found.columns);
  };
  const groups = file.format === 'xlsx' ? xlsxGroups(file.body, ctx.locale) : csvRecords(body, ctx.locale);
  for await (const { header, records } of groups) {
    const cols = columnsFor(header);
    for (const r of records) take(r.rowNumber, normaliseTableRow(r.cells, cols, r.rowNumber, ctx));
    tick();
    await rows.flush?.();
  }
}

/** The first sheet of an .xlsx as one group (exceljs reads the workbook whole; uploads are ≤ 50 MB). */
async function* xlsxGroups(body: Chunks | Buffer, locale: Locale) {
  if (!Buffer.isBuffer(body)) {
    const parts: Uint8Array[] = [];
    for await (const c of body) parts.push(c);
    body = Buffer.concat(parts);
  }
  const table = await readTable(body, XLSX_TYPE);
  if (!table.header.length)
    throw new AppError('IMPORT_INVALID', [{ path: 'file', message: lineListMessage(locale, 'empty') }]);
  yield { header: table.header, records: table.rows };
}
