import { describe, expect, it } from 'vitest';
import { BilingualError } from './bilingual-error.ts';
import { decodeCursor, encodeCursor, toPage } from './cursor.ts';

const forge = (values: unknown) => Buffer.from(JSON.stringify(values)).toString('base64url');
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof BilingualError ? { code: e.code, en: e.in('en').details } : e;
  }
  return 'accepted';
};
const invalid = {
  code: 'VALIDATION_FAILED',
  en: [{ path: 'after', message: 'Invalid page cursor: reload the list from the start' }],
};

describe('keyset cursors', () => {
  it('give back the sort key values they were made of, and nothing for the first page', () => {
    const key = ['2026-12-07T00:51:03.123Z', '0193a7c2-7d7e-7000-8000-000000000001', 3];
    expect(decodeCursor(encodeCursor(key), 3)).toEqual(key);
    expect(decodeCursor(undefined, 2)).toBeNull();
    expect(decodeCursor('', 2)).toBeNull();
    expect(encodeCursor(['a'])).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it("refuse garbage, another list's cursor and values that are not strings or numbers, in both languages", () => {
    expect(refusal(() => decodeCursor('garbage', 2))).toEqual(invalid);
    expect(refusal(() => decodeCursor(encodeCursor(['x']), 2))).toEqual(invalid);
    expect(refusal(() => decodeCursor(forge({ after: 'x' }), 1))).toEqual(invalid);
    expect(refusal(() => decodeCursor(forge([null, 'x']), 2))).toEqual(invalid);
  });

  it('check the shape of each value when the list says what its key is made of', () => {
    const key = ['2031-01-01T00:00:00.123450', '0193a7c2-7d7e-7000-8000-000000000001'];
    expect(decodeCursor(encodeCursor(key), ['timestamp', 'uuid'])).toEqual(key);
    expect(
      refusal(() => decodeCursor(forge(["2026-01-01'; drop table venues; --", 'x']), ['timestamp', 'uuid'])),
    ).toEqual(invalid);
    expect(refusal(() => decodeCursor(forge(['2031-01-01T00:00:00.123Z', key[1]]), ['timestamp', 'uuid']))).toEqual(
      invalid,
    );
    expect(refusal(() => decodeCursor(forge([key[0], 42]), ['timestamp', 'uuid']))).toEqual(invalid);
  });

  it('cut a page from limit + 1 rows, with a cursor only when there is more', () => {
    const rows = [{ id: 'c' }, { id: 'b' }, { id: 'a' }];
    const first = toPage(rows, 2, (r) => [r.id]);
    expect(first.items).toEqual([{ id: 'c' }, { id: 'b' }]);
    expect(decodeCursor(first.nextCursor ?? undefined, 1)).toEqual(['b']);
    expect(toPage(rows, 3, (r) => [r.id]).nextCursor).toBeNull();
    expect(toPage([], 3, (r: { id: string }) => [r.id])).toEqual({ items: [], nextCursor: null });
  });
});
