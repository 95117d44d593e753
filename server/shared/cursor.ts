import { BilingualError } from './bilingual-error.ts';

const invalidCursor = {
  vi: 'Con trỏ trang không hợp lệ: hãy tải lại danh sách từ đầu',
  en: 'Invalid page cursor: reload the list from the start',
};

/**
 * What one value of a keyset cursor must look like. Every list names the shape of each value of its
 * key, so a cursor a client altered is refused here, once, before any value reaches SQL:
 * `timestamp` is a microsecond-exact UTC time as PostgreSQL prints it
 * (`to_char(… at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, the Z optional), `date` a
 * calendar day, `uuid` a row id, `integer` a bigint id (as text), `number` a JSON number, `text` any
 * string (a username, a code).
 */
export type CursorPart = 'timestamp' | 'date' | 'uuid' | 'integer' | 'number' | 'text';

const partPattern: Record<Exclude<CursorPart, 'number'>, RegExp> = {
  timestamp: /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z?$/,
  date: /^\d{4}-\d\d-\d\d$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  integer: /^-?\d{1,18}$/,
  text: /^[^\0]{0,500}$/,
};

/** The values of a decoded cursor: numbers for `number` parts, strings for the others. */
export type CursorValues<P extends readonly CursorPart[]> = { [K in keyof P]: P[K] extends 'number' ? number : string };

function fits(part: CursorPart, value: unknown): boolean {
  if (part === 'number') return typeof value === 'number' && Number.isFinite(value);
  if (typeof value !== 'string' || !partPattern[part].test(value)) return false;
  // A day or a time of the right shape must also be on the calendar (no 2026-02-30, no 25:00).
  if (part === 'date') return isCalendarTime(`${value}T00:00:00.000`);
  if (part === 'timestamp') return isCalendarTime(value.slice(0, 23));
  return true;
}

function isCalendarTime(isoMillis: string): boolean {
  const ms = Date.parse(`${isoMillis}Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString() === `${isoMillis}Z`;
}

/** Keyset cursors are opaque to clients: base64url of the sort key values of the last row. */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/**
 * The sort key values of `cursor` (null for the first page), one per shape of `parts`. Anything
 * else (not base64url JSON, another length, a value of another shape: a malformed id, a date that
 * is not one) is the client's error, answered 400 in the caller's language, never a crash or a
 * value spliced into SQL unchecked.
 */
export function decodeCursor<const P extends readonly CursorPart[]>(
  cursor: string | undefined,
  parts: P,
): CursorValues<P> | null {
  if (!cursor) return null;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === parts.length && parts.every((part, i) => fits(part, values[i]))) {
      return values as CursorValues<P>;
    }
  } catch {
    // fall through: a malformed cursor is a client error, not a crash
  }
  throw new BilingualError('VALIDATION_FAILED', [{ path: 'after', message: invalidCursor }]);
}

/** Splits `limit + 1` fetched rows into a page and the cursor of its last row. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number)[]) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
