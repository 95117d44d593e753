import { AppError, type ErrorDetail, type Locale } from '../../../core/errors.ts';
import { lineListMessage, type LineListMessage } from '../../../core/rules/linelist-messages.ts';
import { normaliseHeader } from '../../shared/tabular-file.ts';

/**
 * Streaming readers for line-list files. A million-row file is hundreds of megabytes: it is read
 * chunk by chunk and handed on in small groups of rows, so neither the whole text (past V8's
 * string limit) nor a whole parsed tree ever exists at once. Each chunk yields the rows it
 * completed, which keeps the async overhead per chunk rather than per row.
 */
export type Chunks = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

/** A row that did not parse: reported with the others, so the caller still validates the rest. */
export interface BrokenRow {
  rowNumber: number;
  broken: ErrorDetail;
}
export interface JsonRow {
  rowNumber: number;
  value: unknown;
}

const QUOTE = 0x22,
  BACKSLASH = 0x5c,
  OPEN_OBJ = 0x7b,
  CLOSE_OBJ = 0x7d,
  OPEN_ARR = 0x5b,
  CLOSE_ARR = 0x5d;
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * The objects of a JSON line list: the `data` array of `{modified, total, data: [...]}` (vn-2020)
 * or a bare top-level array. Only the bytes of one row are decoded and parsed at a time; the
 * structure around the rows is tracked byte by byte (UTF-8 never puts a multi-byte character's
 * bytes in the ASCII range, so quotes and brackets are found without decoding).
 */
export async function* jsonRows(chunks: Chunks, locale: Locale): AsyncGenerator<(JsonRow | BrokenRow)[]> {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let topIsObject: boolean | null = null;
  /** Depth inside the rows array (rows open there), 0 while outside it. */
  let rowsDepth = 0;
  let rowsSeen = false;
  let key: number[] | null = null;
  let lastKey = '';
  let rowStart = -1;
  let pending: Uint8Array[] = [];
  let rowNumber = 0;
  for await (const chunk of chunks) {
    const out: (JsonRow | BrokenRow)[] = [];
    // Most bytes are inside strings: jump to the next quote or backslash with native searches,
    // each position found once per chunk.
    let nextQuote = -1;
    let nextBackslash = -1;
    for (let i = 0; i < chunk.length; i++) {
      if (inString && !escaped && key === null) {
        if (nextQuote < i) nextQuote = indexOrEnd(chunk, QUOTE, i);
        if (nextBackslash < i) nextBackslash = indexOrEnd(chunk, BACKSLASH, i);
        i = Math.min(nextQuote, nextBackslash);
        if (i >= chunk.length) break;
      }
      const c = chunk[i]!;
      if (inString) {
        if (escaped) escaped = false;
        else if (c === BACKSLASH) escaped = true;
        else if (c === QUOTE) {
          inString = false;
          if (key) lastKey = Buffer.from(key).toString('utf8');
          key = null;
        } else if (key && key.length < 64) key.push(c);
        continue;
      }
      if (c === QUOTE) {
        inString = true;
        // Keys of the top-level object: the rows are the array that follows "data".
        key = depth === 1 && topIsObject && rowsDepth === 0 ? [] : null;
      } else if (c === OPEN_OBJ || c === OPEN_ARR) {
        if (topIsObject === null) topIsObject = c === OPEN_OBJ;
        if (
          c === OPEN_ARR &&
          !rowsSeen &&
          ((depth === 0 && !topIsObject) || (depth === 1 && topIsObject && lastKey === 'data'))
        ) {
          rowsDepth = depth + 1;
          rowsSeen = true;
        } else if (c === OPEN_OBJ && rowsDepth > 0 && depth === rowsDepth) rowStart = i;
        depth++;
      } else if (c === CLOSE_OBJ || c === CLOSE_ARR) {
        depth--;
        if (rowsDepth > 0 && depth === rowsDepth && c === CLOSE_OBJ && rowStart >= 0) {
          const bytes = pending.length
            ? Buffer.concat([...pending, chunk.subarray(rowStart, i + 1)])
            : chunk.subarray(rowStart, i + 1);
          pending = [];
          rowStart = -1;
          rowNumber++;
          try {
            out.push({
              rowNumber,
              value: JSON.parse(
                Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'),
              ) as unknown,
            });
          } catch {
            out.push({ rowNumber, broken: { path: `row:${rowNumber}`, message: lineListMessage(locale, 'json') } });
          }
        } else if (rowsDepth > 0 && depth === rowsDepth - 1) rowsDepth = 0;
      } else if (topIsObject === null && !isSpace(c)) {
        throw fileError(locale, 'notJson');
      } else if (rowsDepth > 0 && depth === rowsDepth && rowStart < 0 && !isSpace(c) && c !== 0x2c) {
        // A value in the rows array that is not an object: count it, so row numbers stay true.
        rowNumber++;
        out.push({ rowNumber, broken: { path: `row:${rowNumber}`, message: lineListMessage(locale, 'notObject') } });
        while (i + 1 < chunk.length && chunk[i + 1] !== 0x2c && chunk[i + 1] !== CLOSE_ARR) i++;
      }
    }
    if (rowStart >= 0) {
      pending.push(chunk.subarray(rowStart));
      rowStart = 0;
    }
    if (out.length) yield out;
  }
  if (depth !== 0 || inString || !rowsSeen) {
    throw fileError(locale, 'truncated');
  }
}

export interface CsvRecord {
  /** 1-based record number; the header is 1. */
  rowNumber: number;
  cells: string[];
}

/**
 * Records of a CSV (comma or semicolon, whichever the first line has more of; quoted fields with
 * doubled quotes; UTF-8 with or without BOM), as `parseCsv` reads them, but chunk by chunk.
 * The first record is the header, normalised with `normaliseHeader`. Blank lines are skipped.
 */
export async function* csvRecords(
  chunks: Chunks,
  locale: Locale,
): AsyncGenerator<{ header: string[]; records: CsvRecord[] }> {
  const decoder = new TextDecoder('utf-8');
  let sep: string | null = null;
  let carry = '';
  let field = '';
  let record: string[] = [];
  let quoted = false;
  let header: string[] | null = null;
  let n = 0;
  let first = true;
  const finishRecord = (out: CsvRecord[]) => {
    record.push(field);
    field = '';
    n++;
    const cells = record.map((c) => c.trim());
    record = [];
    if (!cells.some((c) => c !== '')) return;
    if (header === null) header = cells.map(normaliseHeader);
    else out.push({ rowNumber: n, cells });
  };
  /** Returns what must wait for the next chunk: a closing quote that may be a doubled one. */
  const scan = (text: string, out: CsvRecord[], final: boolean): string => {
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (quoted) {
        if (c === '"') {
          if (i + 1 === text.length && !final) return '"';
          if (text[i + 1] === '"') {
            field += '"';
            i++;
          } else quoted = false;
        } else field += c;
      } else if (c === '"') quoted = true;
      else if (c === sep) {
        record.push(field);
        field = '';
      } else if (c === '\n') finishRecord(out);
      else if (c !== '\r') field += c;
    }
    return '';
  };
  const start = (text: string) => {
    if (!first) return text;
    first = false;
    return text.replace(/^\uFEFF/, '');
  };
  for await (const chunk of chunks) {
    let text = carry + decoder.decode(chunk, { stream: true });
    carry = '';
    if (sep === null) {
      const nl = text.indexOf('\n');
      if (nl < 0) {
        carry = text;
        continue;
      }
      sep = pickSeparator(text.slice(0, nl));
    }
    const out: CsvRecord[] = [];
    carry = scan(start(text), out, false);
    if (out.length && header) yield { header, records: out };
  }
  const text = carry + decoder.decode();
  sep ??= pickSeparator(text);
  const out: CsvRecord[] = [];
  scan(start(text), out, true);
  if (field !== '' || record.length) finishRecord(out);
  if (header) yield { header, records: out };
  else throw fileError(locale, 'empty');
}

const indexOrEnd = (chunk: Uint8Array, byte: number, from: number) => {
  const i = chunk.indexOf(byte, from);
  return i < 0 ? chunk.length : i;
};

const fileError = (locale: Locale, key: LineListMessage) =>
  new AppError('IMPORT_INVALID', [{ path: 'file', message: lineListMessage(locale, key) }]);

function pickSeparator(firstLine: string): string {
  return (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
}

/** A Buffer as chunks of 1 MiB, so the HTTP body goes through the same streaming path as a file. */
export function* chunksOf(body: Uint8Array, size = 1 << 20): Generator<Uint8Array> {
  for (let i = 0; i < body.length; i += size) yield body.subarray(i, Math.min(body.length, i + size));
}
