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
    expect(decodeCursor(encodeCursor(key), ['text', 'uuid', 'number'])).toEqual(key);
    expect(decodeCursor(undefined, ['date', 'uuid'])).toBeNull();
    expect(decodeCursor('', ['date', 'uuid'])).toBeNull();
    expect(encodeCursor(['a'])).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it("refuse garbage, another list's cursor and values that are not strings or numbers, in both languages", () => {
    expect(refusal(() => decodeCursor('garbage', ['text', 'text']))).toEqual(invalid);
    expect(refusal(() => decodeCursor(encodeCursor(['x']), ['text', 'text']))).toEqual(invalid);
    expect(refusal(() => decodeCursor(forge({ after: 'x' }), ['text']))).toEqual(invalid);
    expect(refusal(() => decodeCursor(forge([null, 'x']), ['text', 'text']))).toEqual(invalid);
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

  it('refuse a malformed id, day, number or bigint before it reaches a SQL cast', () => {
    const id = '0193a7c2-7d7e-7000-8000-000000000001';
    expect(decodeCursor(encodeCursor(['2026-12-07', id]), ['date', 'uuid'])).toEqual(['2026-12-07', id]);
    expect(decodeCursor(encodeCursor(['2031-01-01T00:00:00.123450Z', '42']), ['timestamp', 'integer'])).toEqual([
      '2031-01-01T00:00:00.123450Z',
      '42',
    ]);
    for (const [values, parts] of [
      [
        ['2026-12-07', '0193a7c2-7d7e-7000-8000-00000000000g'],
        ['date', 'uuid'],
      ],
      [
        ['2026-12-07', '------------------------------------'],
        ['date', 'uuid'],
      ],
      [
        ['2026-12-07', `${id}x`],
        ['date', 'uuid'],
      ],
      [
        ['07/12/2026', id],
        ['date', 'uuid'],
      ],
      [
        ['2026-02-30', id],
        ['date', 'uuid'],
      ],
      [
        ['2031-13-01T00:00:00.123450', '42'],
        ['timestamp', 'integer'],
      ],
      [
        ['2031-01-01T25:00:00.123450', '42'],
        ['timestamp', 'integer'],
      ],
      [
        ['2031-01-01T00:00:00.123450', '4 2'],
        ['timestamp', 'integer'],
      ],
      [
        ['2031-01-01T00:00:00.123450', 42],
        ['timestamp', 'integer'],
      ],
      [
        ['1', 1, 0, -3, id],
        ['number', 'number', 'number', 'number', 'uuid'],
      ],
    ] as const) {
      expect(refusal(() => decodeCursor(forge(values), parts))).toEqual(invalid);
    }
  });

  it('cut a page from limit + 1 rows, with a cursor only when there is more', () => {
    const rows = [{ id: 'c' }, { id: 'b' }, { id: 'a' }];
    const first = toPage(rows, 2, (r) => [r.id]);
    expect(first.items).toEqual([{ id: 'c' }, { id: 'b' }]);
    expect(decodeCursor(first.nextCursor ?? undefined, ['text'])).toEqual(['b']);
    expect(toPage(rows, 3, (r) => [r.id]).nextCursor).toBeNull();
    expect(toPage([], 3, (r: { id: string }) => [r.id])).toEqual({ items: [], nextCursor: null });
  });
});
