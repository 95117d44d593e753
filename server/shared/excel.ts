import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Locale } from '../../core/errors.ts';
import type { Page } from '../../core/schemas/common.ts';

export interface SheetColumn<T> {
  header: Record<Locale, string>;
  width?: number;
  value: (row: T) => string | number | boolean | Date | null;
}

export interface XlsxExport {
  filename: string;
  stream: Readable;
}

/**
 * Streams an .xlsx built page by page (keyset), so an export of any size never sits in memory.
 * Errors after the first byte end the stream; the client sees a truncated download, not a 200 lie,
 * because the zip directory is never written.
 */
export function streamXlsx<T>(opts: {
  filename: string;
  sheetName: string;
  locale: Locale;
  columns: SheetColumn<T>[];
  pages: AsyncIterable<T[]>;
}): XlsxExport {
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
      for (const row of rows) sheet.addRow(opts.columns.map((c) => c.value(row))).commit();
      // A slow client: wait for it before reading the next page, so memory stays flat.
      if (out.writableNeedDrain) await drainedOrClosed(out);
    }
    if (out.destroyed) return;
    sheet.commit();
    await workbook.commit();
  })().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return { filename: opts.filename, stream: out };
}

function drainedOrClosed(stream: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.once('drain', done);
    stream.once('close', done);
  });
}

/**
 * What an export does with each chunk before it is written out: names the chunk's people in the
 * export's audit record (`AuditTrailService.exportLog`), so one export event lists everyone exported.
 */
export type ExportChunkLog<T> = (rows: readonly T[]) => Promise<void>;

/**
 * Walks a keyset-paged list to the end. The first page is fetched before this resolves, so a
 * refusal (scope, role, bad filter) becomes an error answer instead of a truncated 200 download.
 * With `logChunk`, every page is logged as it is fetched, before any of its rows leaves.
 */
export async function allPages<T>(
  fetch: (after: string | undefined) => Promise<Page<T>>,
  logChunk?: ExportChunkLog<T>,
): Promise<AsyncIterable<T[]>> {
  const fetchLogged = async (after: string | undefined) => {
    const page = await fetch(after);
    if (logChunk && page.items.length) await logChunk(page.items);
    return page;
  };
  const first = await fetchLogged(undefined);
  return (async function* () {
    yield first.items;
    let after = first.nextCursor ?? undefined;
    while (after) {
      const page = await fetchLogged(after);
      yield page.items;
      after = page.nextCursor ?? undefined;
    }
  })();
}
