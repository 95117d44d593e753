import { PassThrough, type Readable } from 'node:stream';
import { vietnamWallClock } from '../../core/vietnam-calendar.ts';
import { isSheetDay, type SheetSource, type SheetValue } from './excel.ts';
import { drainedOrClosed } from './export-pages.ts';

/**
 * The CSV of an export: the same columns and rows as its .xlsx, UTF-8 with a byte-order mark (so
 * Excel reads Vietnamese correctly), comma-separated, CRLF line ends, walked page by page like the
 * workbook: it stops when the client goes away and waits for a slow one.
 */
export function csvStream<T>(opts: SheetSource<T>): Readable {
  const out = new PassThrough();
  void (async () => {
    out.write('\uFEFF' + csvLine(opts.columns.map((c) => c.header[opts.locale])));
    for await (const rows of opts.pages) {
      if (out.destroyed) return;
      let chunk = '';
      for (const row of rows) chunk += csvLine(opts.columns.map((c) => c.value(row)));
      out.write(chunk);
      if (out.writableNeedDrain) await drainedOrClosed(out);
    }
    if (!out.destroyed) out.end();
  })().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return out;
}

const needsQuotes = /[",\r\n]/;
// A text starting like a formula would be run by a spreadsheet opening the file (CSV injection).
const formulaStart = /^[=+\-@\t\r]/;

export function csvLine(values: readonly SheetValue[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i) line += ',';
    line += csvField(values[i] ?? null);
  }
  return line + '\r\n';
}

function csvField(v: SheetValue): string {
  if (v === null) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isSheetDay(v)) return v.day;
  let text = v instanceof Date ? csvInstant(v) : v;
  if (formulaStart.test(text)) text = `'${text}`;
  return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** An instant as the .xlsx shows it: Viet Nam's wall clock, in the ISO order spreadsheets parse. */
function csvInstant(d: Date): string {
  const iso = vietnamWallClock(d).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}
