import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalitiesRepository } from './localities.repository.ts';
import {
  BINH_LU,
  createTestPlatform,
  DIEN_BIEN_PHU,
  DOAN_KET,
  LAI_CHAU,
  type TestClient,
  type TestPlatform,
} from '../../testing/test-platform.ts';

let t: TestPlatform;
let admin: TestClient;
beforeAll(async () => {
  t = await createTestPlatform();
  admin = await t.signIn('system_admin', LAI_CHAU);
});
afterAll(async () => t.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('locality tree', () => {
  it('gives a province officer the province and its 38 communes with demo populations', async () => {
    const c = await t.signIn('health_department', LAI_CHAU);
    const tree = (await c.get('/api/localities/tree')).json();
    expect(tree.root).toMatchObject({ code: LAI_CHAU, name: 'Lai Châu', level: 'province' });
    expect(tree.descendants).toHaveLength(38);
    expect(
      tree.descendants.every(
        (l: { populationIsDemo: boolean; population: number }) => l.populationIsDemo && l.population > 0,
      ),
    ).toBe(true);
    const geo = (await c.get(`/api/localities/${LAI_CHAU}/boundaries`)).json();
    expect(geo.features).toHaveLength(38);
    expect(geo.features[0].geometry.type).toMatch(/Polygon/);
  });

  it('pages children by code and searches names ignoring diacritics', async () => {
    const first = (await admin.get(`/api/localities?parent=${LAI_CHAU}&limit=20`)).json();
    const second = (await admin.get(`/api/localities?parent=${LAI_CHAU}&limit=20&after=${first.nextCursor}`)).json();
    expect(first.items).toHaveLength(20);
    expect(second.items).toHaveLength(18);
    expect(second.nextCursor).toBeNull();
    const found = (await admin.get(`/api/localities?parent=${LAI_CHAU}&q=doan%20ket`)).json();
    expect(found.items.map((l: { code: string }) => l.code)).toEqual([DOAN_KET]);
  });
});

describe('public address picker', () => {
  it('lists the loaded provinces and the active communes of one, without a session', async () => {
    const provinces = (await t.app.inject({ method: 'GET', url: '/api/public/localities' })).json().items;
    expect(provinces.map((p: { code: string }) => p.code)).toEqual(['11', '12']);
    const communes = (await t.app.inject({ method: 'GET', url: `/api/public/localities?parent=${LAI_CHAU}` })).json()
      .items;
    expect(communes.length).toBeGreaterThanOrEqual(37);
    expect(communes[0]).toEqual({
      code: '03388',
      name: 'Đoàn Kết',
      fullName: 'Phường Đoàn Kết',
      level: 'commune',
      type: 'phuong',
    });
    expect((await t.app.inject({ method: 'GET', url: '/api/public/localities?parent=03388' })).statusCode).toBe(404);
  });
});

describe('national origin pickers', () => {
  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('lists the 34 provinces of the country, loaded here or not, by name, publicly cacheable', async () => {
    const res = await get('/api/public/places/provinces');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=86400');
    const items: { code: string; name: string; fullName: string }[] = res.json().items;
    expect(items).toHaveLength(34);
    expect(items[0]).toEqual({ code: '01', name: 'Hà Nội', fullName: 'Thành phố Hà Nội' });
    expect(items.find((p) => p.code === '79')).toEqual({
      code: '79',
      name: 'Hồ Chí Minh',
      fullName: 'Thành phố Hồ Chí Minh',
    });
  });

  it('lists the communes of any province on demand, and refuses an unknown or malformed province', async () => {
    const res = await get('/api/public/places/provinces/01/communes');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=86400');
    const items: { code: string; fullName: string }[] = res.json().items;
    expect(items).toHaveLength(126);
    expect(items[0]).toEqual({ code: '00004', name: 'Ba Đình', fullName: 'Phường Ba Đình' });
    const national = (await get('/api/public/places/provinces')).json().items as { code: string }[];
    let communes = 0;
    for (const p of national)
      communes += (await get(`/api/public/places/provinces/${p.code}/communes`)).json().items.length;
    expect(communes).toBe(3321);
    const unknown = await get('/api/public/places/provinces/99/communes');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('NOT_FOUND');
    const malformed = await get('/api/public/places/provinces/1/communes');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('rename', () => {
  it('renames with a reason, keeps the history and audits before/after', async () => {
    const res = await admin.patch(`/api/localities/${BINH_LU}`, {
      name: 'Bình Lư Mới',
      fullName: 'Xã Bình Lư Mới',
      reason: 'Nghị quyết đổi tên',
    });
    expect(res.statusCode).toBe(200);
    const history = (await admin.get(`/api/localities/${BINH_LU}/history`)).json();
    expect(history.at(-1)).toMatchObject({
      kind: 'renamed',
      reason: 'Nghị quyết đổi tên',
      details: { from: { name: 'Bình Lư' } },
    });
    const audit = (await admin.get(`/api/audit?entityType=locality&entityId=${BINH_LU}`)).json().items;
    expect(audit[0]).toMatchObject({ action: 'rename', before: { name: 'Bình Lư' }, after: { name: 'Bình Lư Mới' } });
  });

  it('is not open to a health department officer', async () => {
    const c = await t.signIn('health_department', LAI_CHAU);
    const res = await c.patch(`/api/localities/${BINH_LU}`, { name: 'X', fullName: 'X', reason: 'because' });
    expect(res.statusCode).toBe(403);
  });
});

describe('merge', () => {
  it('closes the source code for ever, sums population, combines the boundary and moves its accounts', async () => {
    const [a, b] = (await admin.get(`/api/localities?parent=${LAI_CHAU}&limit=500`)).json().items.slice(-2);
    const officer = await t.signIn('commune_officer', a.code);
    const res = await admin.post('/api/localities/merge', {
      sourceCode: a.code,
      targetCode: b.code,
      effectiveDate: '2026-07-01',
      reason: 'Nghị quyết sáp nhập',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: b.code, status: 'active', population: a.population + b.population });
    const source = (await admin.get(`/api/localities/${a.code}`)).json();
    expect(source).toMatchObject({ status: 'merged', mergedIntoCode: b.code });
    expect(await new LocalitiesRepository().currentCode(t.platform.database.db, a.code)).toBe(b.code);
    const geo = (await admin.get(`/api/localities/${b.code}/boundaries`)).json();
    expect(geo.features[0].geometry.type).toBe('MultiPolygon');
    expect((await admin.get(`/api/localities/${LAI_CHAU}/boundaries`)).json().features).toHaveLength(37);
    // The officer of the closed unit now works for the unit that absorbed it, after signing in again.
    expect((await officer.get('/api/auth/me')).statusCode).toBe(401);
    const again = await t.login(officer.user.username, officer.user.password);
    expect((await again.get('/api/auth/me')).json().user.localityCode).toBe(b.code);
    const kinds = (await admin.get(`/api/localities/${a.code}/history`)).json().map((e: { kind: string }) => e.kind);
    expect(kinds).toContain('merged_into');
    // A closed unit cannot merge again, and nothing is half-written.
    const twice = await admin.post('/api/localities/merge', {
      sourceCode: a.code,
      targetCode: b.code,
      effectiveDate: '2026-07-01',
      reason: 'again',
    });
    expect(twice.statusCode).toBe(409);
  });

  it('refuses units of different provinces, itself, and future dates', async () => {
    const country = await t.signIn('system_admin', 'VN');
    const cross = await country.post('/api/localities/merge', {
      sourceCode: DOAN_KET,
      targetCode: DIEN_BIEN_PHU,
      effectiveDate: '2026-07-01',
      reason: 'x-province',
    });
    expect(cross.statusCode).toBe(400);
    const self = await country.post('/api/localities/merge', {
      sourceCode: DOAN_KET,
      targetCode: DOAN_KET,
      effectiveDate: '2026-07-01',
      reason: 'self',
    });
    expect(self.statusCode).toBe(400);
    const future = await country.post('/api/localities/merge', {
      sourceCode: DOAN_KET,
      targetCode: BINH_LU,
      effectiveDate: '2999-01-01',
      reason: 'future',
    });
    expect(future.json().error.details[0].path).toBe('effectiveDate');
  });
});

describe('population import', () => {
  it('imports a CSV with Vietnamese headers and clears the demo mark', async () => {
    const csv = `Mã;Dân số\n${DOAN_KET};42.150\n${BINH_LU};9 870\n`;
    const res = await admin.request({
      method: 'POST',
      url: '/api/localities/population/import?year=2025',
      payload: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ updated: 2, year: 2025 });
    expect((await admin.get(`/api/localities/${DOAN_KET}`)).json()).toMatchObject({
      population: 42150,
      populationIsDemo: false,
    });
  });

  it('imports an .xlsx made by Excel, with codes that lost their leading zero', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Dân số');
    ws.addRow(['code', 'population']);
    ws.addRow([Number(DOAN_KET), 40000]);
    const body = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await admin.request({
      method: 'POST',
      url: '/api/localities/population/import?year=2026',
      payload: body,
      headers: { 'content-type': XLSX },
    });
    expect(res.json()).toEqual({ updated: 1, year: 2026 });
  });

  it('saves nothing when one row is wrong, and lists every problem by row', async () => {
    const csv = `code,population\n${DOAN_KET},1\n${DIEN_BIEN_PHU},5\nabc,7\n`;
    const res = await admin.request({
      method: 'POST',
      url: '/api/localities/population/import',
      payload: csv,
      headers: { 'content-type': 'text/csv', 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual(['row:3', 'row:4']);
    expect((await admin.get(`/api/localities/${DOAN_KET}`)).json().population).toBe(40000);
  });

  it('refuses other file types', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/localities/population/import',
      payload: '<x/>',
      headers: { 'content-type': 'application/xml' },
    });
    expect(res.statusCode).toBe(415);
  });
});

describe('export', () => {
  it('exports the communes of the province to Excel', async () => {
    const res = await admin.get(`/api/localities/export.xlsx?parent=${LAI_CHAU}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount).toBe(1 + 37);
  });
});
