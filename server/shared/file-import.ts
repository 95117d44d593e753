import { AppError, type ErrorDetail, type Locale } from '../../core/errors.ts';
import { readTable, type Table } from './tabular-file.ts';

/** An uploaded file as the route received it: the raw body and its declared type. */
export interface Upload {
  body: Buffer;
  contentType: string;
}

/**
 * The first steps of every spreadsheet import, all rows or none: read the upload (.xlsx or .csv)
 * into a table and validate every row with `parse`, which reports each bad row in `errors` (paths
 * `row:N`, see `rowPath`) instead of stopping at the first. The caller adds what only the database
 * can tell (unknown codes, scope), then calls `rejectInvalidRows` before writing anything.
 */
export async function readImport<P extends { errors: ErrorDetail[] }>(
  upload: Upload,
  locale: Locale,
  parse: (table: Table, locale: Locale) => P,
): Promise<P> {
  return parse(await readTable(upload.body, upload.contentType), locale);
}

/** The error path of a row, by its 1-based number in the file (the header is row 1). */
export const rowPath = (rowNumber: number) => `row:${rowNumber}`;

const rowOf = (path: string) => Number(path.split(':')[1] ?? 0);

/**
 * Refuses the whole file when any row is bad: IMPORT_INVALID with every problem, in file order
 * (problems of the file or its header first). Nothing has been written when it throws.
 */
export function rejectInvalidRows(errors: readonly ErrorDetail[]): void {
  if (errors.length)
    throw new AppError(
      'IMPORT_INVALID',
      [...errors].sort((a, b) => rowOf(a.path) - rowOf(b.path)),
    );
}
