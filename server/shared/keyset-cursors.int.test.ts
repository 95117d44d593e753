import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declare } from '../testing/factories.ts';
import { DOAN_KET, createTestPlatform, type TestPlatform } from '../testing/test-platform.ts';
import { encodeCursor } from './cursor.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(async () => t.close());

const db = () => t.platform.database.db;

describe('keyset cursors of the lists', () => {
  it('page through rows written in the same millisecond without skipping one', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const { body } = await declare(t, { person: { communeCode: DOAN_KET } });
      const row = await db()
        .selectFrom('health_declarations')
        .select('id')
        .where('client_key', '=', body.clientKey)
        .executeTakeFirstOrThrow();
      ids.push(row.id);
    }
    // Four declarations in one millisecond, a few microseconds apart (a busy commune's morning).
    for (const [i, id] of ids.entries()) {
      const at = `2031-03-04T05:06:07.12300${i + 1}Z`;
      await sql`update health_declarations set submitted_at = ${at}::timestamptz where id = ${id}`.execute(db());
    }
    const officer = await t.signIn('commune_officer', DOAN_KET);
    const range = `from=${encodeURIComponent('2031-03-04T05:06:07Z')}&to=${encodeURIComponent('2031-03-04T05:06:08Z')}`;
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 10; guard++) {
      const res = await officer.get(`/api/declarations?limit=1&${range}${after ? `&after=${after}` : ''}`);
      expect(res.statusCode).toBe(200);
      const page = res.json() as { items: { id: string }[]; nextCursor: string | null };
      seen.push(...page.items.map((d) => d.id));
      after = page.nextCursor;
      if (!after) break;
    }
    expect(seen).toEqual([...ids].reverse());
  });

  it('answer 400 with a clear message to a cursor holding a malformed id, in both languages', async () => {
    const officer = await t.signIn('commune_officer', DOAN_KET);
    const forged = encodeCursor(['2031-03-04T05:06:07.123001Z', "x'::uuid); select 1; --"]);
    for (const url of [
      `/api/declarations?after=${forged}`,
      `/api/cases?after=${encodeCursor(['2026-12-01', 'nope'])}`,
    ]) {
      const vi = await officer.get(url);
      expect(vi.statusCode).toBe(400);
      expect(JSON.stringify(vi.json())).toContain('Con trỏ trang không hợp lệ');
    }
  });
});
