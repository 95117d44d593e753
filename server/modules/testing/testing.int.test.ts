import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import { personRef } from '../../testing/factories.ts';
import {
  BINH_LU,
  createTestPlatform,
  DOAN_KET,
  LAI_CHAU,
  type TestClient,
  type TestPlatform,
} from '../../testing/test-platform.ts';

let t: TestPlatform;
let cdc: TestClient;
const db = () => t.platform.database.db;
const today = vietnamToday();
const person = (i: number, communeCode = DOAN_KET) => ({
  ...personRef(`Người xét nghiệm ${i}`, { communeCode, birthYear: 1990 }),
});

beforeAll(async () => {
  t = await createTestPlatform();
  cdc = await t.signIn('health_department', LAI_CHAU);
});
afterAll(async () => t.close());

describe('a mass-testing campaign with pooled samples', () => {
  let campaignId: string;
  let pools: { code: string; members: string[] }[];

  it('pools by 5 where the risk level is unknown, by 10 when asked', async () => {
    const auto = await cdc.post('/api/testing/campaigns', {
      name: 'Xét nghiệm toàn phường',
      localityCode: DOAN_KET,
      targetPopulation: 100,
      startsOn: today,
      endsOn: today,
    });
    expect(auto.json()).toMatchObject({ poolSize: 5 });
    const res = await cdc.post('/api/testing/campaigns', {
      name: 'Xét nghiệm chợ Đoàn Kết',
      localityCode: DOAN_KET,
      targetPopulation: 100,
      startsOn: today,
      endsOn: today,
      poolSize: 10,
    });
    expect(res.statusCode).toBe(201);
    campaignId = res.json().id;
  });

  it('records 23 samples in 3 pools (10, 10, 3), all or nothing', async () => {
    const samples = Array.from({ length: 23 }, (_, i) => ({
      code: `DK-${String(i).padStart(3, '0')}`,
      subject: person(i),
    }));
    const res = await cdc.post(`/api/testing/campaigns/${campaignId}/samples`, {
      collectedAt: new Date().toISOString(),
      lab: 'CDC Lai Châu',
      samples,
    });
    expect(res.statusCode).toBe(201);
    pools = res.json().pools;
    expect(pools.map((p) => p.members.length)).toEqual([10, 10, 3]);
    const again = await cdc.post(`/api/testing/campaigns/${campaignId}/samples`, {
      collectedAt: new Date().toISOString(),
      samples: [samples[0], { code: 'DK-NEW', subject: person(99) }],
    });
    expect(again.statusCode).toBe(400);
    expect(await db().selectFrom('samples').select('id').where('code', '=', 'DK-NEW').execute()).toEqual([]);
  });

  it('clears a negative pool and orders individual re-tests for a positive and a failed one, once', async () => {
    const items = [
      { code: pools[0]!.code, result: 'negative' },
      { code: pools[1]!.code, result: 'positive' },
      { code: pools[2]!.code, result: 'invalid' },
    ];
    const res = await cdc.post('/api/testing/pools/results', { items });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ updated: 3, positives: 1, retestOrders: 13 });
    expect((await cdc.post('/api/testing/pools/results', { items })).json()).toMatchObject({
      updated: 3,
      retestOrders: 0,
    });
    const first = await db()
      .selectFrom('samples')
      .select('result')
      .where('code', '=', pools[0]!.members[0]!)
      .executeTakeFirstOrThrow();
    expect(first.result).toBe('negative');
    const orders = (await cdc.get('/api/testing/orders?reason=pool_retest&limit=50')).json().items;
    expect(orders).toHaveLength(13);
    expect(orders.every((o: { testKind: string; dueOn: string }) => o.testKind === 'rt_pcr' && o.dueOn === today)).toBe(
      true,
    );
  });

  it('exports the re-test orders, the campaigns and the proposals to Excel', async () => {
    for (const url of [
      '/api/testing/orders/export.xlsx?reason=pool_retest',
      '/api/testing/campaigns/export.xlsx',
      '/api/testing/case-proposals/export.xlsx',
    ]) {
      const res = await cdc.get(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
    }
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      (await cdc.get('/api/testing/orders/export.xlsx?reason=pool_retest')).rawPayload as unknown as ArrayBuffer,
    );
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(5).value).toBe('Lý do');
    expect(sheet.rowCount).toBe(14);
    expect(sheet.getRow(2).getCell(5).value).toBe('Xét nghiệm lại (mẫu gộp dương tính)');
  });

  it('refuses a sheet with an unknown pool code without writing anything', async () => {
    const res = await cdc.post('/api/testing/pools/results', {
      items: [
        { code: pools[0]!.code, result: 'positive' },
        { code: 'NO-SUCH-POOL', result: 'negative' },
      ],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toMatchObject([{ path: 'items.1.code' }]);
    const pool = await db()
      .selectFrom('test_pools')
      .select('result')
      .where('code', '=', pools[0]!.code)
      .executeTakeFirstOrThrow();
    expect(pool.result).toBe('negative');
  });

  it('turns a positive individual re-test into a case proposal, accepted once as a case', async () => {
    const order = (await cdc.get('/api/testing/orders?reason=pool_retest&limit=1')).json().items[0];
    const sample = await cdc.post('/api/testing/samples', {
      code: 'RT-0001',
      orderId: order.id,
      kind: 'rt_pcr',
      collectedAt: new Date().toISOString(),
    });
    expect(sample.statusCode).toBe(201);
    const csv = 'Mã mẫu;Kết quả;Giá trị Ct\nRT-0001;Dương tính;21,5\n';
    const imported = await cdc.request({
      method: 'POST',
      url: '/api/testing/samples/import',
      payload: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toMatchObject({ updated: 1, positives: 1, caseProposals: 1 });
    expect((await cdc.get('/api/testing/samples/RT-0001')).json()).toMatchObject({ result: 'positive', ctValue: 21.5 });
    const proposals = (await cdc.get('/api/testing/case-proposals')).json().items;
    expect(proposals).toMatchObject([{ sampleCode: 'RT-0001', personId: order.personId, status: 'open' }]);
    const [a, b] = await Promise.all([
      cdc.post(`/api/testing/case-proposals/${proposals[0].id}/accept`),
      cdc.post(`/api/testing/case-proposals/${proposals[0].id}/accept`),
    ]);
    expect([a.statusCode, b.statusCode]).toContain(200);
    const cases = await db()
      .selectFrom('cases')
      .select(['id', 'sample_date', 'classification'])
      .where('person_id', '=', order.personId)
      .execute();
    expect(cases).toEqual([{ id: expect.any(String), sample_date: today, classification: 'community' }]);
    const p = await db()
      .selectFrom('people')
      .select('f_level')
      .where('id', '=', order.personId)
      .executeTakeFirstOrThrow();
    expect(p.f_level).toBe(0);
  });

  it("lists the campaign's pools with their results, page by page", async () => {
    const first = (await cdc.get(`/api/testing/campaigns/${campaignId}/pools?limit=2`)).json();
    expect(first.items.map((p: { code: string }) => p.code)).toEqual([pools[0]!.code, pools[1]!.code]);
    const rest = (await cdc.get(`/api/testing/campaigns/${campaignId}/pools?limit=2&after=${first.nextCursor}`)).json();
    expect(rest).toMatchObject({ items: [{ code: pools[2]!.code, size: 3, result: 'invalid' }], nextCursor: null });
  });

  it('reports progress per day and coverage of the target population', async () => {
    const res = (await cdc.get(`/api/testing/campaigns/${campaignId}/progress`)).json();
    expect(res.days).toEqual([{ day: today, sampled: 23, resulted: 10, positive: 1, positivity: 0.1 }]);
    expect(res.coverage).toBe(0.23);
    expect(res.campaign).toMatchObject({ sampled: 23, resulted: 10, positive: 1 });
  });

  it('explains an unreadable lab sheet row by row', async () => {
    const csv = 'ma_mau,ket_qua\nDK-000,nghi ngờ\nDK-001,âm tính\n';
    const res = await cdc.request({
      method: 'POST',
      url: '/api/testing/samples/import',
      payload: csv,
      headers: { 'content-type': 'text/csv', 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toEqual([
      { path: 'row:2', message: 'Unreadable result (negative / positive / invalid): "nghi ngờ"' },
    ]);
  });

  it('keeps a neighbour commune out of the campaign', async () => {
    const neighbour = await t.signIn('commune_officer', BINH_LU);
    expect((await neighbour.get(`/api/testing/campaigns/${campaignId}`)).statusCode).toBe(404);
    expect(
      (await neighbour.post('/api/testing/pools/results', { items: [{ code: pools[0]!.code, result: 'positive' }] }))
        .statusCode,
    ).toBe(422);
  });
});
