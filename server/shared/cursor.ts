import { BilingualError } from './bilingual-error.ts';

const invalidCursor = {
  vi: 'Con trỏ trang không hợp lệ: hãy tải lại danh sách từ đầu',
  en: 'Invalid page cursor: reload the list from the start',
};

/**
 * What one value of a keyset cursor must look like, when a repository wants it checked before it
 * reaches SQL: `timestamp` is a microsecond-exact UTC time as PostgreSQL prints it
 * (`to_char(… at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`), `uuid` a row id.
 */
export type CursorPart = 'timestamp' | 'uuid';

const partPattern: Record<CursorPart, RegExp> = {
  timestamp: /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/,
  uuid: /^[0-9a-f-]{36}$/,
};

/** Keyset cursors are opaque to clients: base64url of the sort key values of the last row. */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/**
 * The sort key values of `cursor` (null for the first page). `parts` is how many values the list's
 * key has, or the shape of each (strings then). Anything else is the client's error, answered in
 * the caller's language, never a crash or a value spliced into SQL unchecked.
 */
export function decodeCursor(cursor: string | undefined, parts: number): (string | number)[] | null;
export function decodeCursor(cursor: string | undefined, parts: readonly CursorPart[]): string[] | null;
export function decodeCursor(
  cursor: string | undefined,
  parts: number | readonly CursorPart[],
): (string | number)[] | null {
  if (!cursor) return null;
  const arity = typeof parts === 'number' ? parts : parts.length;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === arity &&
      values.every((v) => typeof v === 'string' || typeof v === 'number') &&
      (typeof parts === 'number' ||
        parts.every((part, i) => typeof values[i] === 'string' && partPattern[part].test(values[i])))
    ) {
      return values as (string | number)[];
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
