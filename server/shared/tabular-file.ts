import ExcelJS from 'exceljs';
import { mediaTypes } from '../../core/contracts/contract.ts';
import { AppError } from '../../core/errors.ts';

export const XLSX_TYPE = mediaTypes.xlsx;
export const CSV_TYPE = mediaTypes.csv;

export interface Table {
  header: string[];
  /** Data rows with their 1-based row number in the file (header is row 1). */
  rows: { rowNumber: number; cells: string[] }[];
}

/** Reads the first sheet of an .xlsx or a CSV (comma or semicolon, quoted fields, UTF-8 with BOM). */
export async function readTable(body: Buffer, contentType: string): Promise<Table> {
  const type = contentType.split(';')[0]?.trim().toLowerCase();
  if (type === XLSX_TYPE) return readXlsx(body);
  if (type === CSV_TYPE || type === 'text/plain') return parseCsv(body.toString('utf8'));
  throw new AppError('UNSUPPORTED_MEDIA_TYPE');
}

async function readXlsx(body: Buffer): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
  } catch {
    throw new AppError('IMPORT_INVALID', [{ path: 'file', message: 'not a readable .xlsx file' }]);
  }
  const sheet = workbook.worksheets[0];
  const all: { rowNumber: number; cells: string[] }[] = [];
  sheet?.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    all.push({ rowNumber, cells: values.map(cellText) });
  });
  const [head, ...rows] = all;
  return { header: (head?.cells ?? []).map(normaliseHeader), rows };
}

function cellText(v: ExcelJS.CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    return '';
  }
  return String(v).trim();
}

export function parseCsv(text: string): Table {
  const src = text.replace(/^\uFEFF/, '');
  const firstLine = src.split(/\r?\n/, 1)[0] ?? '';
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || record.length) {
    record.push(field);
    records.push(record);
  }
  const numbered = records
    .map((cells, i) => ({ rowNumber: i + 1, cells: cells.map((c) => c.trim()) }))
    .filter((r) => r.cells.some((c) => c !== ''));
  const [head, ...rows] = numbered;
  return { header: (head?.cells ?? []).map(normaliseHeader), rows };
}

/** Lower case, no diacritics, spaces as underscores: "Dân số" → "dan_so". */
export function normaliseHeader(h: string): string {
  return h
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '_');
}
