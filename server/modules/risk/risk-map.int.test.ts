import ExcelJS from 'exceljs';
import { signer } from '../../testing/factories.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, vietnamToday } from '../../../core/vietnam-calendar.ts';
import { nq128_qd4800_2021 } from '../../../core/rules/risk/rule-sets.ts';
import type { RiskMapView } from '../../../core/schemas/risk-map.ts';
import { BINH_LU, DOAN_KET, LAI_CHAU, type TestClient, type TestPlatform } from '../../testing/test-platform.ts';
import { caseIn, setUpOutbreak, today, type Outbreak } from '../../testing/risk-outbreak.ts';

/** The daily counts, the level map with its decisions, and rule sets as data, over the outbreak of server/testing/risk-outbreak.ts. */
let o: Outbreak;
let t: TestPlatform;
let cdc: TestClient;
let steering: TestClient;
let admin: TestClient;

beforeAll(async () => {
  o = await setUpOutbreak();
  ({ t, cdc, steering, admin } = o);
});
afterAll(async () => t.close());

const counts = () =>
  t.platform.database.db
    .selectFrom('locality_daily_counts')
    .select(['locality_code', 'day', 'community', 'community_known', 'in_quarantine', 'imported', 'tests', 'positives'])
    .where(({ or, eb }) =>
      or([eb('community', '>', 0), eb('in_quarantine', '>', 0), eb('imported', '>', 0), eb('tests', '>', 0)]),
    )
    .orderBy('locality_code')
    .orderBy('day')
    .execute();

describe('daily counts', () => {
  it('are kept incrementally: what the triggers recount equals a full rebuild', async () => {
    await t.platform.services.indicators.refreshDirty(t.platform.database.db);
    const incremental = await counts();
    expect(incremental.find((r) => r.locality_code === BINH_LU && r.day === addDays(today, -2))).toMatchObject({
      community: 0,
      imported: 1,
    });
    await t.platform.services.indicators.rebuildAll(t.platform.database.db);
    expect(await counts()).toEqual(incremental);
  });

  it('a new case marks its one cell, and only that cell is recounted', async () => {
    const db = t.platform.database.db;
    await t.platform.services.indicators.refreshDirty(db);
    await caseIn(o, BINH_LU, addDays(today, -1));
    expect(await db.selectFrom('risk_dirty_cells').selectAll().execute()).toEqual([
      { locality_code: BINH_LU, day: addDays(today, -1) },
    ]);
    expect(await t.platform.services.indicators.refreshDirty(db)).toBe(1);
  });
});

describe('the level map', () => {
  it('colours every commune of the province, with computed and decided levels and counts', async () => {
    const res = await cdc.get(`/api/risk/map?province=${LAI_CHAU}&ruleSet=nq128_qd4800_2021`);
    expect(res.statusCode).toBe(200);
    const map = res.json<RiskMapView>();
    const communes = await t.platform.database.db
      .selectFrom('localities')
      .select('code')
      .where('level', '=', 'commune')
      .where('status', '=', 'active')
      .where('province_code', '=', LAI_CHAU)
      .execute();
    expect(map.communes).toHaveLength(communes.length);
    const doanKet = map.communes.find((c) => c.code === DOAN_KET)!;
    expect(doanKet).toMatchObject({ computedLevel: 'level_4', decidedLevel: null, level: 'level_4' });
    expect(doanKet.per100k7d).toBeGreaterThanOrEqual(150);
    expect(Object.values(map.levelCounts).reduce((s, v) => s + v, 0)).toBe(communes.length);
    expect(map.ruleSet.levels.map((l) => l.key)).toEqual(['level_1', 'level_2', 'level_3', 'level_4']);
    expect(map.province.cases14d).toBe(map.communes.reduce((s, c) => s + c.cases14d, 0));
  });

  it('gives the province its level from its communes, and the steering committee decides it', async () => {
    const evaluation = (await cdc.get(`/api/risk/evaluate?locality=${LAI_CHAU}&ruleSet=nq128_qd4800_2021`)).json();
    expect(evaluation.childLevels.level_4).toBe(1);
    const decided = await steering.post('/api/risk/decisions', {
      ...signer,

      locality: LAI_CHAU,
      ruleSet: 'nq128_qd4800_2021',
      levelKey: 'level_2',
      reason: 'Một xã bùng phát, đã khoanh vùng',
    });
    expect(decided.statusCode).toBe(201);
    const history = (await cdc.get(`/api/risk/decisions?locality=${LAI_CHAU}`)).json();
    expect(history.items[0]).toMatchObject({
      kind: 'override',
      levelKey: 'level_2',
      reason: 'Một xã bùng phát, đã khoanh vùng',
    });
  });

  it('keeps a register of the province’s decisions, its communes’ included, exportable to Excel', async () => {
    const tanPhong = '03408';
    expect(
      (
        await steering.post('/api/risk/decisions', {
          ...signer,
          locality: tanPhong,
          ruleSet: 'nq128_qd4800_2021',
        })
      ).statusCode,
    ).toBe(201);
    const own = (await cdc.get(`/api/risk/decisions?locality=${LAI_CHAU}`)).json().items;
    expect(own.map((d: { localityCode: string }) => d.localityCode)).toEqual([LAI_CHAU]);
    const register = (await cdc.get(`/api/risk/decisions?locality=${LAI_CHAU}&subtree=true`)).json().items;
    expect(
      register.map((d: { localityCode: string; localityName: string }) => [d.localityCode, d.localityName]),
    ).toEqual([
      [tanPhong, expect.stringContaining('Tân Phong')],
      [LAI_CHAU, 'Tỉnh Lai Châu'],
    ]);
    const page = (await cdc.get(`/api/risk/decisions?locality=${LAI_CHAU}&subtree=true&limit=1`)).json();
    expect(page.nextCursor).not.toBeNull();
    expect(
      (
        await cdc.get(
          `/api/risk/decisions?locality=${LAI_CHAU}&subtree=true&limit=1&after=${encodeURIComponent(page.nextCursor)}`,
        )
      ).json().items[0].localityCode,
    ).toBe(LAI_CHAU);
    const badFlag = await cdc.get(`/api/risk/decisions?locality=${LAI_CHAU}&subtree=yes`);
    expect(badFlag.statusCode).toBe(400);
    expect(badFlag.json().error.details[0].path).toBe('subtree');

    const res = await cdc.get(`/api/risk/decisions/export.xlsx?locality=${LAI_CHAU}&subtree=true`);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(1).getCell(2).value).toBe('Địa bàn');
    const province = sheet.getRow(3);
    expect([
      province.getCell(1).value,
      province.getCell(5).value,
      province.getCell(6).value,
      province.getCell(7).value,
      sheet.getRow(1).getCell(8).value,
      sheet.getRow(1).getCell(10).value,
    ]).toEqual([
      LAI_CHAU,
      nq128_qd4800_2021.levels.find((l) => l.key === 'level_2')!.name.vi,
      'Điều chỉnh cấp độ',
      'Một xã bùng phát, đã khoanh vùng',
      'Số, ký hiệu',
      'Người ký',
    ]);
    // The register shows the act: its number, date of signing and signer.
    expect(String(province.getCell(8).value)).toMatch(/^\d+\/QĐ-UBND$/);
    // The date of signing is a date cell (sortable, filterable), written dd/mm/yyyy.
    expect((province.getCell(9).value as Date).toISOString().slice(0, 10)).toBe(vietnamToday());
    expect(province.getCell(9).numFmt).toBe('dd/mm/yyyy');
    expect(province.getCell(10).value).toBe('KT. CHỦ TỊCH / PHÓ CHỦ TỊCH: Nguyễn Văn Ký');
  });

  it('exports the map to Excel', async () => {
    const res = await cdc.get(`/api/risk/map/export.xlsx?province=${LAI_CHAU}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
  });
});

describe('rule sets as data', () => {
  it('refuses an invalid definition with every problem, in the reader’s language', async () => {
    const bad = {
      ...nq128_qd4800_2021,
      levels: nq128_qd4800_2021.levels.map((l, i) => (i === 1 ? { ...l, key: 'level_1' } : l)),
    };
    const res = await admin.request({
      method: 'PUT',
      url: '/api/risk/rule-sets/nq128_qd4800_2021',
      payload: { definition: bad },
      headers: { 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toContainEqual({
      path: 'definition.levels.1.key',
      message: 'The level key "level_1" is repeated',
    });
    expect(res.json().error.details).toContainEqual({
      path: 'definition.communeRules.4.level',
      message: 'There is no level "level_2"',
    });
    expect((await cdc.get('/api/risk/rule-sets/nq128_qd4800_2021')).json().version).toBe(1);
  });

  it('saves an edit as a new version, which the map applies once activated; officials may not edit', async () => {
    const stricter = {
      ...nq128_qd4800_2021,
      communeRules: nq128_qd4800_2021.communeRules.map((r) =>
        r.id === 'level_2.c1' ? { ...r, conditions: [{ ...r.conditions[0]!, value: 1 }] } : r,
      ),
    };
    expect(
      (
        await cdc.request({
          method: 'PUT',
          url: '/api/risk/rule-sets/nq128_qd4800_2021',
          payload: { definition: stricter },
        })
      ).statusCode,
    ).toBe(403);
    const saved = await admin.request({
      method: 'PUT',
      url: '/api/risk/rule-sets/nq128_qd4800_2021',
      payload: { definition: stricter },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2, preset: false, versions: [{ version: 2 }, { version: 1 }] });
    // The same definition sent again is no new version, even twice at once for a new rule set.
    const resent = await admin.request({
      method: 'PUT',
      url: '/api/risk/rule-sets/nq128_qd4800_2021',
      payload: { definition: stricter },
    });
    expect([resent.statusCode, resent.json().version, resent.json().versions.length]).toEqual([200, 2, 2]);
    const trial = { ...nq128_qd4800_2021, code: 'bcd_thu_nghiem' };
    const twins = await Promise.all(
      [1, 2].map(() =>
        admin.request({ method: 'PUT', url: '/api/risk/rule-sets/bcd_thu_nghiem', payload: { definition: trial } }),
      ),
    );
    expect(twins.map((r) => [r.statusCode, r.json().version, r.json().versions.length])).toEqual([
      [200, 1, 1],
      [200, 1, 1],
    ]);
    expect((await admin.post('/api/risk/rule-sets/nq128_qd4800_2021/activate')).json().active).toBe(true);
    const map = (await cdc.get(`/api/risk/map?province=${LAI_CHAU}`)).json<RiskMapView>();
    expect(map.ruleSet).toMatchObject({ code: 'nq128_qd4800_2021', version: 2 });
    expect(map.communes.find((c) => c.code === BINH_LU)!.computedLevel).toBe('level_2');
    const list = (await cdc.get('/api/risk/rule-sets')).json();
    expect(list.items.filter((r: { active: boolean }) => r.active).map((r: { code: string }) => r.code)).toEqual([
      'nq128_qd4800_2021',
    ]);
  });
});
