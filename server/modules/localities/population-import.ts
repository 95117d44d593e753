import type { ErrorDetail, Locale } from '../../../core/errors.ts';
import { rowPath } from '../../shared/file-import.ts';
import type { Table } from '../../shared/tabular-file.ts';

const codeHeaders = ['code', 'ma', 'ma_don_vi', 'ma_dvhc', 'ma_xa'];
const populationHeaders = ['population', 'dan_so', 'so_dan'];
export const maxPopulationRows = 20_000;

const msg = {
  noCode: { vi: 'Thiếu cột mã đơn vị (code / mã)', en: 'Missing the unit code column (code / mã)' },
  noPop: { vi: 'Thiếu cột dân số (population / dân số)', en: 'Missing the population column (population / dân số)' },
  empty: { vi: 'Tệp không có dòng dữ liệu', en: 'The file has no data rows' },
  tooMany: { vi: `Tối đa ${maxPopulationRows} dòng`, en: `At most ${maxPopulationRows} rows` },
  badCode: { vi: 'Mã đơn vị không hợp lệ', en: 'Invalid unit code' },
  badPop: {
    vi: 'Dân số phải là số nguyên từ 0 đến 50.000.000',
    en: 'Population must be a whole number from 0 to 50,000,000',
  },
  dup: { vi: 'Mã bị lặp lại trong tệp', en: 'Code repeated in the file' },
} satisfies Record<string, Record<Locale, string>>;

export interface PopulationRow {
  rowNumber: number;
  code: string;
  population: number;
}

/**
 * Validates a population table. Spreadsheets drop leading zeros, so a 4-digit code is read as a
 * 5-digit commune code and a 1-digit code as a 2-digit province code. "12.345" and "12 345" are
 * thousands-separated whole numbers.
 */
export function parsePopulationTable(table: Table, locale: Locale): { rows: PopulationRow[]; errors: ErrorDetail[] } {
  const codeCol = table.header.findIndex((h) => codeHeaders.includes(h));
  const popCol = table.header.findIndex((h) => populationHeaders.includes(h));
  const errors: ErrorDetail[] = [];
  if (codeCol < 0) errors.push({ path: 'header', message: msg.noCode[locale] });
  if (popCol < 0) errors.push({ path: 'header', message: msg.noPop[locale] });
  if (table.rows.length === 0) errors.push({ path: 'file', message: msg.empty[locale] });
  if (table.rows.length > maxPopulationRows) errors.push({ path: 'file', message: msg.tooMany[locale] });
  if (errors.length) return { rows: [], errors };

  const seen = new Set<string>();
  const rows: PopulationRow[] = [];
  for (const r of table.rows) {
    const path = rowPath(r.rowNumber);
    const code = normaliseCode(r.cells[codeCol] ?? '');
    const population = parseWholeNumber(r.cells[popCol] ?? '');
    if (!code) errors.push({ path, message: `${msg.badCode[locale]}: "${r.cells[codeCol] ?? ''}"` });
    if (population === null) errors.push({ path, message: `${msg.badPop[locale]}: "${r.cells[popCol] ?? ''}"` });
    if (code && seen.has(code)) errors.push({ path, message: `${msg.dup[locale]}: ${code}` });
    if (code) seen.add(code);
    if (code && population !== null) rows.push({ rowNumber: r.rowNumber, code, population });
  }
  return { rows, errors };
}

export function normaliseCode(raw: string): string | null {
  const s = raw.trim().replace(/\.0+$/, '');
  if (!/^\d{1,5}$/.test(s)) return null;
  if (s.length === 1) return s.padStart(2, '0');
  if (s.length === 4) return s.padStart(5, '0');
  return s;
}

export function parseWholeNumber(raw: string): number | null {
  const s = raw.trim();
  if (!/^\d{1,3}([.,\s]\d{3})*$/.test(s) && !/^\d+$/.test(s)) return null;
  const n = Number(s.replace(/[.,\s]/g, ''));
  return Number.isSafeInteger(n) && n <= 50_000_000 ? n : null;
}
