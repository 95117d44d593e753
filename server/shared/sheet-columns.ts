import type { ErrorDetail, Locale } from '../../core/errors.ts';
import { normaliseHeader, type Table } from './tabular-file.ts';

/**
 * The columns of an import sheet: the headers each column is recognised by (Vietnamese without
 * accents or English, normalised as `normaliseHeader` does), its name in both languages for the
 * problems told back, which columns are required and how many rows a file may hold. Shared by
 * every sheet import (organisations, rosters) so that they read headers and flags the same way.
 */
export interface SheetColumns<C extends string> {
  headers: Record<C, readonly string[]>;
  names: Record<C, Record<Locale, string>>;
  required: readonly C[];
  maxRows: number;
}

const words = {
  missing: { vi: 'Thiếu cột', en: 'Missing column' },
  empty: { vi: 'Tệp không có dòng dữ liệu', en: 'The file has no data rows' },
  tooMany: { vi: 'Tối đa {n} dòng', en: 'At most {n} rows' },
  badFlag: { vi: 'Ghi "có" hoặc "không"', en: 'Write "yes" or "no"' },
} satisfies Record<string, Record<Locale, string>>;

export interface LocatedColumns<C extends string> {
  /** Each column's index in the header, -1 when absent. */
  at: Record<C, number>;
  /** Problems of the file as a whole (a required column missing, no rows, too many): nothing to read then. */
  errors: ErrorDetail[];
  /** The trimmed text of a row's cell ('' for an absent column). */
  cell: (cells: readonly string[], c: C) => string;
  /** A problem of one cell, in the reader's language, prefixed with its column's name. */
  problem: (c: C, text: string) => string;
}

/** Finds the columns of `spec` in the table's header and checks the file's size. */
export function locateColumns<C extends string>(
  table: Table,
  spec: SheetColumns<C>,
  locale: Locale,
): LocatedColumns<C> {
  const keys = Object.keys(spec.headers) as C[];
  const at = Object.fromEntries(
    keys.map((c) => [c, table.header.findIndex((h) => spec.headers[c].includes(h))]),
  ) as Record<C, number>;
  const errors: ErrorDetail[] = [];
  for (const c of spec.required)
    if (at[c] < 0)
      errors.push({ path: 'header', message: `${words.missing[locale]}: ${spec.names[c].vi} / ${spec.names[c].en}` });
  if (table.rows.length === 0) errors.push({ path: 'file', message: words.empty[locale] });
  if (table.rows.length > spec.maxRows)
    errors.push({ path: 'file', message: words.tooMany[locale].replace('{n}', String(spec.maxRows)) });
  return {
    at,
    errors,
    cell: (cells, c) => (at[c] < 0 ? '' : (cells[at[c]] ?? '').trim()),
    problem: (c, text) => `${spec.names[c][locale]}: ${text}`,
  };
}

const yes = new Set(['co', 'x', 'yes', 'y', 'true', '1']);
const no = new Set(['', 'khong', 'no', 'n', 'false', '0']);

/** A yes/no cell ("có", "x", "yes"… or empty, "không", "no"…); null with the words to tell when it is neither. */
export function sheetFlag(raw: string, locale: Locale): { value: boolean } | { problem: string } {
  const v = normaliseHeader(raw);
  if (yes.has(v)) return { value: true };
  if (no.has(v)) return { value: false };
  return { problem: `${words.badFlag[locale]}: "${raw}"` };
}

/** A coded cell (a kind, a role…) written as its code or one of its words, normalised like a header. */
export function sheetWord<T>(raw: string, byWord: ReadonlyMap<string, T>): T | undefined {
  return byWord.get(normaliseHeader(raw).replace(/,/g, ''));
}
