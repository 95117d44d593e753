import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { register } from './venue-fixtures.ts';
import { createTestPlatform, DOAN_KET, type TestClient, type TestPlatform } from '../../testing/test-platform.ts';

/** Venue lists: keyset pages exact to the microsecond, filters, and the Excel export of the same list. */
let t: TestPlatform;
let otherOwner: TestClient;
let officer: TestClient;
beforeAll(async () => {
  t = await createTestPlatform();
  otherOwner = await t.signIn('organisation_admin', DOAN_KET);
  officer = await t.signIn('commune_officer', DOAN_KET);
  // The export is checked on approved venues: one approved by the commune officer.
  const approved = await register(await t.signIn('organisation_admin', DOAN_KET));
  const decided = await officer.post(`/api/venues/${approved.id}/decision`, { decision: 'approve' });
  if (decided.statusCode !== 200) throw new Error(`approve: ${decided.statusCode} ${decided.body}`);
});
afterAll(async () => t.close());

const db = () => t.platform.database.db;

/** Registration time is never updated by the application; tests move it to build tie cases. */
const setCreatedAt = (id: string, at: string) =>
  sql`update venues set created_at = ${at}::timestamptz where id = ${id}`.execute(db());

describe('list and export', () => {
  it('pages newest first with a cursor exact to the microsecond, and filters', async () => {
    const made = [];
    for (let i = 0; i < 4; i++)
      made.push(await register(otherOwner, { name: `Cửa hàng phân trang ${i}`, type: 'shop' }));
    // All at the same instant: the id breaks the tie.
    for (const v of made) await setCreatedAt(v.id, '2030-01-01 00:00:00+00');
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (
        await otherOwner.get(`/api/venues?limit=1&q=phan%20trang${after ? `&after=${after}` : ''}`)
      ).json();
      seen.push(...page.items.map((v) => v.id));
      after = page.nextCursor;
    } while (after);
    expect(seen).toHaveLength(4);
    expect(new Set(seen)).toEqual(new Set(made.map((v) => v.id)));
    expect(seen).toEqual([...seen].sort().reverse());
    const byCode = (await officer.get(`/api/venues?q=${made[0]!.publicCode.toLowerCase()}`)).json().items;
    expect(byCode.map((v: { id: string }) => v.id)).toEqual([made[0]!.id]);
    const shops = (await officer.get('/api/venues?type=shop&status=pending&limit=500')).json().items;
    expect(shops.length).toBeGreaterThanOrEqual(4);
    expect(shops.every((v: { type: string; status: string }) => v.type === 'shop' && v.status === 'pending')).toBe(
      true,
    );
  });

  it('pages across microseconds within one millisecond', async () => {
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await register(otherOwner, { name: `Micro ${i}` }));
    for (const [i, v] of made.entries()) {
      await setCreatedAt(v.id, `2031-01-01 00:00:00.12345${i}+00`);
    }
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (
        await otherOwner.get(`/api/venues?limit=1&q=micro${after ? `&after=${after}` : ''}`)
      ).json();
      seen.push(...page.items.map((v) => v.id));
      after = page.nextCursor;
    } while (after);
    expect(seen).toEqual(made.map((v) => v.id).reverse());
  });

  it('exports the same list to an Excel file that opens, headers in the caller language', async () => {
    const listed = (await officer.get('/api/venues?status=approved&limit=500')).json().items;
    const res = await officer.get('/api/venues/export.xlsx?status=approved');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe('Địa điểm');
    expect(sheet.getRow(1).getCell(1).value).toBe('Mã địa điểm');
    expect(sheet.rowCount).toBe(1 + listed.length);
    expect(sheet.getRow(2).getCell(1).value).toBe(listed[0].publicCode);
    expect(sheet.getRow(2).getCell(12).value).toBe('Đã duyệt');
    const en = await officer.request({
      method: 'GET',
      url: '/api/venues/export.xlsx?status=approved',
      headers: { 'accept-language': 'en' },
    });
    const wbEn = new ExcelJS.Workbook();
    await wbEn.xlsx.load(en.rawPayload as unknown as ArrayBuffer);
    expect(wbEn.worksheets[0]!.getRow(1).getCell(1).value).toBe('Venue code');
    expect(wbEn.worksheets[0]!.getRow(2).getCell(12).value).toBe('Approved');
  });
});
