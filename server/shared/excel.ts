import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Locale } from '../../core/errors.ts';
import { vietnamWallClock } from '../../core/vietnam-calendar.ts';
import { csvStream } from './csv.ts';

import { drainedOrClosed } from './export-pages.ts';

export { allPages, cursorPages, snapshotPages, type ExportChunkLog } from './export-pages.ts';

/** A calendar day ('YYYY-MM-DD'), as opposed to a `Date`, which is an instant. */
export interface SheetDay {
  readonly day: string;
}

/**
 * What a cell holds. A `Date` is an instant and is written as Viet Nam's wall clock (a check-in at
 * 08:00 in Lai Châu reads 08:00, not the 01:00 of UTC); a day is written as that day.
 */
export type SheetValue = string | number | boolean | Date | SheetDay | null;

export const sheetDay = (day: string | null | undefined): SheetDay | null => (day ? { day } : null);

export const isSheetDay = (v: SheetValue): v is SheetDay => typeof v === 'object' && v !== null && !(v instanceof Date);

export interface SheetColumn<T> {
  header: Record<Locale, string>;
  width?: number;
  value: (row: T) => SheetValue;
}

/** What every export builds: a sheet's columns over pages of rows, to send as .xlsx or .csv. */
export interface SheetSource<T> {
  /** The .xlsx name; the CSV of the same export takes the same name ending in .csv. */
  filename: string;
  sheetName: string;
  locale: Locale;
  columns: SheetColumn<T>[];
  pages: AsyncIterable<T[]>;
}

/**
 * An export ready to be sent in one format. Nothing is read until `xlsx()` or `csv()` is called,
 * and only one of them may be (the pages are walked once).
 */
export interface SheetExport {
  filename: string;
  csvFilename: string;
  xlsx(): Readable;
  csv(): Readable;
}

export function sheetExport<T>(source: SheetSource<T>): SheetExport {
  return {
    filename: source.filename,
    csvFilename: source.filename.replace(/\.xlsx$/i, '') + '.csv',
    xlsx: () => xlsxStream(source),
    csv: () => csvStream(source),
  };
}

/**
 * Streams an .xlsx built page by page (keyset), so an export of any size never sits in memory.
 * Errors after the first byte end the stream; the client sees a truncated download, not a 200 lie,
 * because the zip directory is never written.
 */
function xlsxStream<T>(opts: SheetSource<T>): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const sheet = workbook.addWorksheet(opts.sheetName);
  sheet.columns = opts.columns.map((c, i) => ({
    header: c.header[opts.locale],
    key: String(i),
    width: c.width ?? 18,
  }));
  sheet.getRow(1).font = { bold: true };
  void (async () => {
    for await (const rows of opts.pages) {
      // The client went away: leaving the loop ends the walk, so no further page is queried.
      if (out.destroyed) return;
      for (const row of rows) addRow(sheet, opts.locale, opts.columns, row);
      // A slow client: wait for it before reading the next page, so memory stays flat.
      if (out.writableNeedDrain) await drainedOrClosed(out);
    }
    if (out.destroyed) return;
    sheet.commit();
    await workbook.commit();
  })().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return out;
}

// The official way of writing dates in Vietnamese (dd/MM/yyyy), a month name in English.
const dayFormat: Record<Locale, string> = { vi: 'dd/mm/yyyy', en: 'dd mmm yyyy' };
const instantFormat: Record<Locale, string> = { vi: 'dd/mm/yyyy hh:mm', en: 'dd mmm yyyy hh:mm' };

function addRow<T>(sheet: ExcelJS.Worksheet, locale: Locale, columns: SheetColumn<T>[], source: T) {
  const values = columns.map((c) => c.value(source));
  // Excel has no time zones: a date cell is a wall clock, so an instant is moved to Viet Nam's.
  const row = sheet.addRow(
    values.map((v) => (v instanceof Date ? vietnamWallClock(v) : isSheetDay(v) ? new Date(`${v.day}T00:00:00Z`) : v)),
  );
  values.forEach((v, i) => {
    if (v instanceof Date) row.getCell(i + 1).numFmt = instantFormat[locale];
    else if (isSheetDay(v)) row.getCell(i + 1).numFmt = dayFormat[locale];
  });
  row.commit();
}
