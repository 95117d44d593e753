import { BilingualError } from './bilingual-error.ts';

const invalidCursor = {
  vi: 'Con trỏ trang không hợp lệ: hãy tải lại danh sách từ đầu',
  en: 'Invalid page cursor: reload the list from the start',
};

/** Keyset cursors are opaque to clients: base64url of the sort key values of the last row. */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === arity &&
      values.every((v) => typeof v === 'string' || typeof v === 'number')
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
