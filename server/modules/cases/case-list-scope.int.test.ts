import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldVietnamese } from '../../../core/rules/person-keys.ts';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import { pathWithinSql, scopeWithinSql } from '../../db/path-scope.ts';
import { personRef } from '../../testing/factories.ts';
import {
  BINH_LU,
  createTestPlatform,
  DIEN_BIEN,
  DIEN_BIEN_PHU,
  DOAN_KET,
  LAI_CHAU,
  type TestPlatform,
} from '../../testing/test-platform.ts';

/**
 * Issue 14: the case list's jurisdiction filter is an equality on the province or commune code (so
 * an index in the list's order serves it); it must select exactly what the path filter selects.
 */
let t: TestPlatform;
const db = () => t.platform.database.db;
const today = vietnamToday();

beforeAll(async () => {
  t = await createTestPlatform();
  const cdc = await t.signIn('health_department', 'VN');
  const cases: [string, string][] = [
    ['Nguyễn Văn Đức', DOAN_KET],
    ['Trần Thị Bình', DOAN_KET],
    ['Lò Văn Sáng', BINH_LU],
    ['Quàng Thị Hoà', DIEN_BIEN_PHU],
  ];
  for (const [name, commune] of cases) {
    const res = await cdc.post('/api/cases', {
      clientKey: randomUUID(),
      subject: personRef(name, { communeCode: commune }),
      sampleDate: today,
      confirmedDate: today,
      classification: 'community',
    });
    expect(res.statusCode).toBe(201);
  }
});
afterAll(async () => t.close());

async function ids(where: ReturnType<typeof pathWithinSql>): Promise<string[]> {
  return (await db().selectFrom('cases as c').select('c.id').where(where).orderBy('c.id').execute()).map((r) => r.id);
}

describe('the case list scope', () => {
  it('selects by province or commune code exactly what the locality path selects', async () => {
    const paths = (
      await db()
        .selectFrom('localities')
        .select('path')
        .where('code', 'in', ['VN', LAI_CHAU, DIEN_BIEN, DOAN_KET, BINH_LU, DIEN_BIEN_PHU])
        .execute()
    ).map((r) => r.path);
    expect(paths).toHaveLength(6);
    for (const path of paths) {
      const byCode = await ids(
        scopeWithinSql({ path: 'c.locality_path', province: 'c.province_code', commune: 'c.locality_code' }, path),
      );
      expect([path, byCode]).toEqual([path, await ids(pathWithinSql('c.locality_path', path))]);
    }
    expect(
      await ids(
        scopeWithinSql(
          { path: 'c.locality_path', province: 'c.province_code' },
          paths.find((p) => p.endsWith(DOAN_KET))!,
        ),
      ),
    ).toHaveLength(2);
  });

  it('refuses a case whose codes do not follow its path (the equalities rely on it)', async () => {
    const row = await db().selectFrom('cases').select(['id', 'locality_path']).limit(1).executeTakeFirstOrThrow();
    await expect(
      db().updateTable('cases').set({ province_code: DIEN_BIEN }).where('id', '=', row.id).execute(),
    ).rejects.toThrow(/cases_codes_follow_path/);
    await expect(
      db()
        .updateTable('cases')
        .set({ locality_code: BINH_LU })
        .where('id', '=', row.id)
        .where('locality_path', 'not like', `%/${BINH_LU}`)
        .execute(),
    ).rejects.toThrow();
  });

  it('folds names in the database as the application does', async () => {
    const names = [
      'Nguyễn Văn Đức',
      'ĐẶNG THỊ HỒNG NHUNG',
      'Lò  Văn   Sáng',
      'Hoàng-Thị Ánh (Mai)',
      'Vũ Thị Ngọc Ẩn',
      'Giàng A Dơ',
      'Trịnh Xuân Ỷ',
      'Phạm Thuỷ Tiên, 1990',
    ];
    for (const name of names) {
      const r = await sql<{ folded: string }>`select fold_vietnamese(${name}) as folded`.execute(db());
      expect(r.rows[0]!.folded).toBe(foldVietnamese(name));
    }
  });

  it('finds a case by its number, or by a name typed without diacritics, in scope only', async () => {
    const lai = await t.signIn('health_department', LAI_CHAU);
    const duc = (await lai.get('/api/cases?q=nguyen%20van%20duc')).json().items;
    expect(duc.map((c: { fullName: string }) => c.fullName)).toEqual(['Nguyễn Văn Đức']);
    expect((await lai.get(`/api/cases?q=${encodeURIComponent(duc[0].caseNumber)}`)).json().items).toHaveLength(1);
    expect((await lai.get('/api/cases?q=quang%20thi%20hoa')).json().items).toEqual([]);
    // A case reported without a person record (a line list) is found by the name it came with.
    await db()
      .updateTable('cases')
      .set({ person_id: null, full_name: 'Nguyễn Văn Đức' })
      .where('id', '=', duc[0].id)
      .execute();
    expect((await lai.get('/api/cases?q=van%20duc')).json().items.map((c: { id: string }) => c.id)).toEqual([
      duc[0].id,
    ]);
  });

  it('answers a common name by walking the list and a rare one through the indexes, the same newest matches either way', async () => {
    const place = await db()
      .selectFrom('localities')
      .select(['path', 'province_code'])
      .where('code', '=', BINH_LU)
      .executeTakeFirstOrThrow();
    // 1,500 cases reported by a line list (no person), newer than the rest: "Bệnh nhân 1" … "Bệnh nhân 1500".
    await sql`
      insert into cases (case_number, full_name, confirmed_date, classification, locality_code, locality_path, province_code, profile_code)
      select 'LL' || lpad(n::text, 6, '0'), 'Bệnh nhân ' || n, ${today}::date - (n % 20), 'community', ${BINH_LU}, ${place.path}, ${place.province_code},
        (select profile_code from cases limit 1)
      from generate_series(1, 1500) n`.execute(db());
    const lai = await t.signIn('health_department', LAI_CHAU);
    const search = async (q: string) => {
      const out: string[] = [];
      let after = '';
      for (;;) {
        const page = (await lai.get(`/api/cases?limit=100&q=${encodeURIComponent(q)}${after}`)).json();
        out.push(...page.items.map((c: { id: string }) => c.id));
        if (!page.nextCursor) return out;
        after = `&after=${page.nextCursor}`;
      }
    };
    const expected = async (key: string) =>
      (
        await sql<{ id: string }>`
      select c.id from cases c left join people p on p.id = c.person_id
      where c.province_code = ${LAI_CHAU} and (p.name_key like ${`%${key}%`} or c.name_key like ${`%${key}%`})
      order by c.confirmed_date desc, c.id desc`.execute(db())
      ).rows.map((r) => r.id);
    // Common: every line-list case matches "benh nhan"; rare: one case, older than 1,500 others.
    for (const [q, key] of [
      ['benh nhan', 'benh nhan'],
      ['Bệnh nhân 14', 'benh nhan 14'],
      ['van duc', 'van duc'],
    ] as const) {
      const want = await expected(key);
      expect(want.length).toBeGreaterThan(0);
      expect([q, await search(q)]).toEqual([q, want]);
    }
    expect(await search('LL000777')).toHaveLength(1);
    expect(await search('ll000777')).toHaveLength(1);
  });
});
