import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, vietnamToday } from '../../../core/vietnam-calendar.ts';
import { nq128_qd4800_2021 } from '../../../core/rules/risk/rule-sets.ts';
import type { CaseClassification } from '../../../core/schemas/cases.ts';
import type { DashboardView, RiskMapView } from '../../../core/schemas/risk-map.ts';
import { systemActor } from '../../shared/actor.ts';
import { personRef } from '../../testing/factories.ts';
import { BINH_LU, createTestPlatform, DOAN_KET, LAI_CHAU, type TestClient, type TestPlatform } from '../../testing/test-platform.ts';
import { registerCase } from '../../commands/register-case.ts';

let t: TestPlatform;
let cdc: TestClient;
let steering: TestClient;
let admin: TestClient;
const today = vietnamToday();
const sys = systemActor('test');
let n = 0;

async function caseIn(commune: string, day: string, classification: CaseClassification = 'community') {
  n += 1;
  return registerCase(t.platform.services, sys, {
    clientKey: randomUUID(), subject: personRef(`Người ${n}`, { birthYear: 1980, communeCode: commune }), sampleDate: day, confirmedDate: day,
    classification, sourceCaseIds: [], localityCode: commune,
  });
}

const counts = () =>
  t.platform.database.db.selectFrom('locality_daily_counts').select(['locality_code', 'day', 'community', 'community_known', 'in_quarantine', 'imported', 'tests', 'positives'])
    .where(({ or, eb }) => or([eb('community', '>', 0), eb('in_quarantine', '>', 0), eb('imported', '>', 0), eb('tests', '>', 0)]))
    .orderBy('locality_code').orderBy('day').execute();

beforeAll(async () => {
  t = await createTestPlatform();
  cdc = await t.signIn('health_department', LAI_CHAU);
  steering = await t.signIn('steering_committee', LAI_CHAU);
  admin = await t.signIn('system_admin', 'VN');
  const db = t.platform.database.db;
  await db.updateTable('localities').set({ population: 2000 }).where('code', '=', DOAN_KET).execute();
  await db.updateTable('localities').set({ population: 5000 }).where('code', '=', BINH_LU).execute();
  // Đoàn Kết: a growing outbreak over 30 days (enough cases for Rt); Bình Lư: one case and one import.
  for (let d = 29; d >= 0; d--) for (let k = 0; k < Math.ceil((30 - d) / 6); k++) await caseIn(DOAN_KET, addDays(today, -d));
  await caseIn(BINH_LU, addDays(today, -3));
  await caseIn(BINH_LU, addDays(today, -2), 'imported');
});
afterAll(async () => t.close());

describe('daily counts', () => {
  it('are kept incrementally: what the triggers recount equals a full rebuild', async () => {
    await t.platform.services.indicators.refreshDirty(t.platform.database.db);
    const incremental = await counts();
    expect(incremental.find((r) => r.locality_code === BINH_LU && r.day === addDays(today, -2))).toMatchObject({ community: 0, imported: 1 });
    await t.platform.services.indicators.rebuildAll(t.platform.database.db);
    expect(await counts()).toEqual(incremental);
  });

  it('a new case marks its one cell, and only that cell is recounted', async () => {
    const db = t.platform.database.db;
    await t.platform.services.indicators.refreshDirty(db);
    await caseIn(BINH_LU, addDays(today, -1));
    expect(await db.selectFrom('risk_dirty_cells').selectAll().execute()).toEqual([{ locality_code: BINH_LU, day: addDays(today, -1) }]);
    expect(await t.platform.services.indicators.refreshDirty(db)).toBe(1);
  });
});

describe('the level map', () => {
  it('colours every commune of the province, with computed and decided levels and counts', async () => {
    const res = await cdc.get(`/api/risk/map?province=${LAI_CHAU}&ruleSet=nq128_qd4800_2021`);
    expect(res.statusCode).toBe(200);
    const map = res.json<RiskMapView>();
    const communes = await t.platform.database.db.selectFrom('localities').select('code').where('level', '=', 'commune').where('status', '=', 'active').where('province_code', '=', LAI_CHAU).execute();
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
    const decided = await steering.post('/api/risk/decisions', { locality: LAI_CHAU, ruleSet: 'nq128_qd4800_2021', levelKey: 'level_2', reason: 'Một xã bùng phát, đã khoanh vùng' });
    expect(decided.statusCode).toBe(201);
    const history = (await cdc.get(`/api/risk/decisions?locality=${LAI_CHAU}`)).json();
    expect(history.items[0]).toMatchObject({ kind: 'override', levelKey: 'level_2', reason: 'Một xã bùng phát, đã khoanh vùng' });
  });

  it('keeps a register of the province’s decisions, its communes’ included, exportable to Excel', async () => {
    const tanPhong = '03408';
    expect((await steering.post('/api/risk/decisions', { locality: tanPhong, ruleSet: 'nq128_qd4800_2021' })).statusCode).toBe(201);
    const own = (await cdc.get(`/api/risk/decisions?locality=${LAI_CHAU}`)).json().items;
    expect(own.map((d: { localityCode: string }) => d.localityCode)).toEqual([LAI_CHAU]);
    const register = (await cdc.get(`/api/risk/decisions?locality=${LAI_CHAU}&subtree=true`)).json().items;
    expect(register.map((d: { localityCode: string; localityName: string }) => [d.localityCode, d.localityName]))
      .toEqual([[tanPhong, expect.stringContaining('Tân Phong')], [LAI_CHAU, 'Tỉnh Lai Châu']]);
    const page = (await cdc.get(`/api/risk/decisions?locality=${LAI_CHAU}&subtree=true&limit=1`)).json();
    expect(page.nextCursor).not.toBeNull();
    expect((await cdc.get(`/api/risk/decisions?locality=${LAI_CHAU}&subtree=true&limit=1&after=${encodeURIComponent(page.nextCursor)}`)).json().items[0].localityCode).toBe(LAI_CHAU);
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
    expect([province.getCell(1).value, province.getCell(5).value, province.getCell(6).value, province.getCell(7).value])
      .toEqual([LAI_CHAU, nq128_qd4800_2021.levels.find((l) => l.key === 'level_2')!.name.vi, 'Điều chỉnh cấp độ', 'Một xã bùng phát, đã khoanh vùng']);
  });

  it('exports the map to Excel', async () => {
    const res = await cdc.get(`/api/risk/map/export.xlsx?province=${LAI_CHAU}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
  });
});

describe('rule sets as data', () => {
  it('refuses an invalid definition with every problem, in the reader’s language', async () => {
    const bad = { ...nq128_qd4800_2021, levels: nq128_qd4800_2021.levels.map((l, i) => (i === 1 ? { ...l, key: 'level_1' } : l)) };
    const res = await admin.request({ method: 'PUT', url: '/api/risk/rule-sets/nq128_qd4800_2021', payload: { definition: bad }, headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toContainEqual({ path: 'definition.levels.1.key', message: 'The level key "level_1" is repeated' });
    expect(res.json().error.details).toContainEqual({ path: 'definition.communeRules.4.level', message: 'There is no level "level_2"' });
    expect((await cdc.get('/api/risk/rule-sets/nq128_qd4800_2021')).json().version).toBe(1);
  });

  it('saves an edit as a new version, which the map applies once activated; officials may not edit', async () => {
    const stricter = { ...nq128_qd4800_2021, communeRules: nq128_qd4800_2021.communeRules.map((r) => (r.id === 'level_2.c1' ? { ...r, conditions: [{ ...r.conditions[0]!, value: 1 }] } : r)) };
    expect((await cdc.request({ method: 'PUT', url: '/api/risk/rule-sets/nq128_qd4800_2021', payload: { definition: stricter } })).statusCode).toBe(403);
    const saved = await admin.request({ method: 'PUT', url: '/api/risk/rule-sets/nq128_qd4800_2021', payload: { definition: stricter } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2, preset: false, versions: [{ version: 2 }, { version: 1 }] });
    // The same definition sent again is no new version, even twice at once for a new rule set.
    const resent = await admin.request({ method: 'PUT', url: '/api/risk/rule-sets/nq128_qd4800_2021', payload: { definition: stricter } });
    expect([resent.statusCode, resent.json().version, resent.json().versions.length]).toEqual([200, 2, 2]);
    const trial = { ...nq128_qd4800_2021, code: 'bcd_thu_nghiem' };
    const twins = await Promise.all([1, 2].map(() => admin.request({ method: 'PUT', url: '/api/risk/rule-sets/bcd_thu_nghiem', payload: { definition: trial } })));
    expect(twins.map((r) => [r.statusCode, r.json().version, r.json().versions.length])).toEqual([[200, 1, 1], [200, 1, 1]]);
    expect((await admin.post('/api/risk/rule-sets/nq128_qd4800_2021/activate')).json().active).toBe(true);
    const map = (await cdc.get(`/api/risk/map?province=${LAI_CHAU}`)).json<RiskMapView>();
    expect(map.ruleSet).toMatchObject({ code: 'nq128_qd4800_2021', version: 2 });
    expect(map.communes.find((c) => c.code === BINH_LU)!.computedLevel).toBe('level_2');
    const list = (await cdc.get('/api/risk/rule-sets')).json();
    expect(list.items.filter((r: { active: boolean }) => r.active).map((r: { code: string }) => r.code)).toEqual(['nq128_qd4800_2021']);
  });
});

describe('epidemic zones', () => {
  it('covers the communes whose centre lies in a drawn area, flags arrivals from them, and ends', async () => {
    const db = t.platform.database.db;
    const c = await db.selectFrom('localities').select(['centroid_lon', 'centroid_lat']).where('code', '=', DOAN_KET).executeTakeFirstOrThrow();
    const [x, y, e] = [c.centroid_lon!, c.centroid_lat!, 0.002];
    const body = {
      name: 'Phong tỏa bản Đoàn Kết', kind: 'phong_toa', polygon: { type: 'Polygon', coordinates: [[[x - e, y - e], [x + e, y - e], [x + e, y + e], [x - e, y + e], [x - e, y - e]]] },
      startsAt: new Date(Date.now() - 60_000).toISOString(), measures: ['Không ra vào vùng phong tỏa'], clientKey: randomUUID(), province: LAI_CHAU,
    };
    const res = await steering.post('/api/risk/zones', body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ communeCodes: [DOAN_KET], populationCovered: 2000, active: true });
    expect((await steering.post('/api/risk/zones', body)).json().id).toBe(res.json().id);
    const status = () => db.selectFrom('locality_risk_status').select(['in_epidemic_zone', 'level']).where('code', '=', DOAN_KET).executeTakeFirst();
    // Flagged for arrivals, with no level invented for it.
    expect(await status()).toEqual({ in_epidemic_zone: true, level: null });
    const map = (await cdc.get(`/api/risk/map?province=${LAI_CHAU}`)).json<RiskMapView>();
    expect(map.communes.find((m) => m.code === DOAN_KET)!.inZone).toBe(true);
    expect((await cdc.post(`/api/risk/zones/${res.json().id}/end`, {})).statusCode).toBe(403);
    expect((await steering.post(`/api/risk/zones/${res.json().id}/end`, {})).json().active).toBe(false);
    expect((await status())?.in_epidemic_zone).toBe(false);
    expect((await cdc.get(`/api/risk/zones?province=${LAI_CHAU}&state=all`)).json().items).toHaveLength(1);
  });

  it('refuses a drawn area with no commune centre in it', async () => {
    const res = await steering.post('/api/risk/zones', {
      name: 'Biển', kind: 'khoanh_vung', polygon: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }, startsAt: new Date().toISOString(), clientKey: randomUUID(), province: LAI_CHAU,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('polygon');
  });
});

describe('vaccination coverage', () => {
  it('imports a file all or nothing, and the rules read it', async () => {
    const csv = (body: string) => cdc.request({ method: 'POST', url: '/api/risk/vaccination/import', payload: body, headers: { 'content-type': 'text/csv' } });
    const bad = await csv(`Mã xã,Ngày,Tỷ lệ người lớn tiêm đủ liều (%)\n${BINH_LU},${today},80\n${DOAN_KET},${today},180\n`);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details).toEqual([expect.objectContaining({ path: 'row:3' })]);
    expect(await t.platform.database.db.selectFrom('vaccination_coverage').selectAll().execute()).toEqual([]);
    const ok = await csv(`Mã xã,Ngày,Tỷ lệ người lớn tiêm đủ liều (%),Tỷ lệ nhóm nguy cơ cao (%)\n${BINH_LU},${addDays(today, -1)},80,95\n`);
    expect(ok.json()).toEqual({ imported: 1, replaced: 0 });
    const evaluation = (await cdc.get(`/api/risk/evaluate?locality=${BINH_LU}&ruleSet=qd218_2022`)).json();
    expect(evaluation.indicators.indicators).toMatchObject({ vaccine_coverage_full_adults: 80, vaccine_coverage_high_risk: 95 });
    expect(evaluation.missingIndicators).not.toContain('vaccine_coverage_full_adults');
  });
});

describe('the dashboard', () => {
  it('draws the curve, Rt with its interval and a 14-day projection, and a level trend that agrees with the map', async () => {
    const res = await cdc.get(`/api/risk/dashboard?province=${LAI_CHAU}&ruleSet=qd2686_2021&from=${addDays(today, -59)}`);
    expect(res.statusCode).toBe(200);
    const d = res.json<DashboardView>();
    expect(d.epicurve).toHaveLength(60);
    expect(d.epicurve.reduce((s, x) => s + x.community + x.inQuarantine + x.imported, 0)).toBe(n);
    expect(d.rt.length).toBeGreaterThan(0);
    for (const r of d.rt) expect(r.lower).toBeLessThanOrEqual(r.mean), expect(r.mean).toBeLessThanOrEqual(r.upper);
    expect(d.projection).toHaveLength(14);
    expect(d.projection[0]!.day).toBe(addDays(today, 1));
    expect(d.serialInterval).toMatchObject({ meanDays: 4.7, sdDays: 2.9 });
    // The SQL series and the per-commune rules must agree, day by day.
    const trendToday = d.levelTrend.find((x) => x.day === today)!;
    const map = (await cdc.get(`/api/risk/map?province=${LAI_CHAU}&ruleSet=qd2686_2021`)).json<RiskMapView>();
    const computed: Record<string, number> = {};
    for (const c of map.communes) computed[c.computedLevel] = (computed[c.computedLevel] ?? 0) + 1;
    expect(trendToday.counts).toEqual(computed);
    expect(trendToday.level).toBe(map.province.computedLevel);
    for (const past of [-3, -20]) {
      const day = addDays(today, past);
      const m = (await cdc.get(`/api/risk/map?province=${LAI_CHAU}&ruleSet=qd2686_2021&date=${day}`)).json<RiskMapView>();
      const c2: Record<string, number> = {};
      for (const c of m.communes) c2[c.computedLevel] = (c2[c.computedLevel] ?? 0) + 1;
      expect(d.levelTrend.find((x) => x.day === day)!.counts, day).toEqual(c2);
    }
  });

  it('refuses a commune of another province and a reversed range', async () => {
    expect((await cdc.get(`/api/risk/dashboard?province=${LAI_CHAU}&communes=00001`)).statusCode).toBe(400);
    expect((await cdc.get(`/api/risk/dashboard?province=${LAI_CHAU}&from=${today}&to=${addDays(today, -1)}`)).statusCode).toBe(400);
  });
});

describe('the public page', () => {
  it('shows levels and counts to anyone, without a single identity', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/risk-map?province=${LAI_CHAU}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toMatch(/Người \d/);
    expect(res.body).not.toContain('decidedBy');
    expect(res.json().communes.find((c: { code: string }) => c.code === DOAN_KET).cases14d).toBeGreaterThan(0);
    const geo = await t.app.inject({ method: 'GET', url: `/api/public/boundaries/${LAI_CHAU}` });
    expect(Object.keys(geo.json().features[0].properties).sort()).toEqual(['code', 'name']);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/risk-map?province=99' })).statusCode).toBe(404);
  });

  it('announces a raise during its notice, without the reason or who decided', async () => {
    const active = (await cdc.get('/api/risk/rule-sets')).json().items.find((r: { active: boolean }) => r.active).code;
    const raise = await steering.post('/api/risk/decisions', { locality: BINH_LU, ruleSet: active, levelKey: 'level_4', reason: 'Lý do nội bộ của ban chỉ đạo' });
    expect(raise.statusCode).toBe(201);
    const from = raise.json().effectiveFrom;
    expect(Date.parse(from)).toBeGreaterThan(Date.now());
    // A minute later than any cached answer: the public map is recomputed at most once a minute.
    const view = await t.platform.services.riskPublic.map(LAI_CHAU, new Date(Date.now() + 61_000));
    expect(view.announced).toContainEqual({ code: BINH_LU, name: 'Xã Bình Lư', level: 'level_4', effectiveFrom: from });
    const times = view.announced.map((d) => d.effectiveFrom);
    expect(times).toEqual([...times].sort());
    expect(view.communes.find((c) => c.code === BINH_LU)!.level).not.toBe('level_4');
    expect(JSON.stringify(view)).not.toContain('Lý do nội bộ');
  });
});
