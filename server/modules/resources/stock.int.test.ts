import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, vietnamToday } from '../../../core/vietnam-calendar.ts';
import { systemActor } from '../../shared/actor.ts';
import {
  createTestPlatform,
  DOAN_KET,
  LAI_CHAU,
  type TestClient,
  type TestPlatform,
} from '../../testing/test-platform.ts';

/**
 * Stores and the stock ledger (issue 18): the province receives test kits by lot, issues first
 * expiring first, transfers to a commune; bad input and more than the stock are refused with
 * nothing written; a resend records once; concurrent issues never take a lot below zero and the
 * balances always equal the ledger's sums.
 */
let t: TestPlatform;
let cdc: TestClient;
let officer: TestClient;
let provinceStore: string;
let communeStore: string;
const sys = systemActor('test');
const today = vietnamToday();
const db = () => t.platform.database.db;
const unitId = async (code: string) =>
  (await db().selectFrom('reporting_units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
const ledgerRows = async () =>
  Number((await sql<{ n: string }>`select count(*) as n from stock_movements`.execute(db())).rows[0]!.n);

/** Every balance equals the sum of its ledger rows. */
async function expectBalancesMatchLedger() {
  const r = await sql<{ bad: string }>`
    select count(*) as bad from stock_balances b
    full join (select store_id, item_code, lot, sum(quantity) as total from stock_movements group by 1, 2, 3) l
      using (store_id, item_code, lot)
    where coalesce(b.quantity, 0) <> coalesce(l.total, 0)`.execute(db());
  expect(Number(r.rows[0]!.bad)).toBe(0);
}

beforeAll(async () => {
  t = await createTestPlatform();
  await t.platform.services.units.ensureProvinceUnits(sys, LAI_CHAU);
  cdc = await t.signIn('health_department', LAI_CHAU);
  officer = await t.signIn('commune_officer', DOAN_KET);
  const p = await cdc.post('/api/resources/stores', {
    clientKey: randomUUID(),
    unitId: await unitId(`${LAI_CHAU}-CDC`),
    name: 'Kho CDC tỉnh',
  });
  expect(p.statusCode).toBe(201);
  provinceStore = p.json().id;
  const c = await officer.post('/api/resources/stores', {
    clientKey: randomUUID(),
    unitId: await unitId(DOAN_KET),
    name: 'Kho trạm y tế',
  });
  expect(c.statusCode).toBe(201);
  communeStore = c.json().id;
});
afterAll(async () => t.close());

const receipt = (over: Record<string, unknown> = {}) => ({
  clientKey: randomUUID(),
  item: 'rapid_antigen_kit',
  quantity: 1000,
  lot: 'AG-01',
  expiresOn: addDays(today, 20),
  source: 'Bộ Y tế cấp',
  ...over,
});

describe('stock ledger', () => {
  it('refuses an expired receipt, a lot on an untracked item and a store out of reach, writing nothing', async () => {
    const expired = await cdc.request({
      method: 'POST',
      url: `/api/resources/stores/${provinceStore}/receipts`,
      headers: { 'accept-language': 'en' },
      payload: receipt({ expiresOn: addDays(today, -1) }),
    });
    expect(expired.statusCode).toBe(400);
    expect(expired.json().error.details).toEqual([
      { path: 'expiresOn', message: 'The expiry date has passed: expired goods are not received' },
    ]);
    const viExpired = await cdc.post(
      `/api/resources/stores/${provinceStore}/receipts`,
      receipt({ expiresOn: addDays(today, -1) }),
    );
    expect(viExpired.json().error.details[0].message).toBe('Hạn dùng đã qua: không nhập kho hàng hết hạn');
    const lotOnGloves = await cdc.post(`/api/resources/stores/${provinceStore}/receipts`, receipt({ item: 'gloves' }));
    expect(lotOnGloves.statusCode).toBe(400);
    const noLot = await cdc.post(`/api/resources/stores/${provinceStore}/receipts`, receipt({ lot: undefined }));
    expect(noLot.statusCode).toBe(400);
    // The commune's officer neither sees nor moves the province's store.
    expect((await officer.post(`/api/resources/stores/${provinceStore}/receipts`, receipt())).statusCode).toBe(404);
    expect(await ledgerRows()).toBe(0);
  });

  it('receives by lot once per client key and issues the first expiring lot first', async () => {
    const first = receipt();
    expect((await cdc.post(`/api/resources/stores/${provinceStore}/receipts`, first)).statusCode).toBe(201);
    const again = await cdc.post(`/api/resources/stores/${provinceStore}/receipts`, first);
    expect(again.statusCode).toBe(201);
    expect(again.json().stock.quantity).toBe(1000);
    await cdc.post(
      `/api/resources/stores/${provinceStore}/receipts`,
      receipt({ lot: 'AG-02', quantity: 500, expiresOn: addDays(today, 200) }),
    );
    const issued = await cdc.post(`/api/resources/stores/${provinceStore}/issues`, {
      clientKey: randomUUID(),
      item: 'rapid_antigen_kit',
      quantity: 300,
      purpose: 'Xét nghiệm sàng lọc chợ trung tâm',
    });
    expect(issued.statusCode).toBe(201);
    expect(issued.json().movements).toEqual([
      expect.objectContaining({ kind: 'issue', lot: 'AG-01', quantity: -300, balanceAfter: 700 }),
    ]);
    expect(issued.json().stock).toMatchObject({ quantity: 1200, expiringWithin30Days: 700, daysOfCover: 56 });
    await expectBalancesMatchLedger();
  });

  it('refuses a transfer of more than the stock, then moves both sides in one transaction', async () => {
    const rows = await ledgerRows();
    const tooMuch = await cdc.request({
      method: 'POST',
      url: `/api/resources/stores/${provinceStore}/transfers`,
      headers: { 'accept-language': 'en' },
      payload: { clientKey: randomUUID(), toStoreId: communeStore, item: 'rapid_antigen_kit', quantity: 5000 },
    });
    expect(tooMuch.statusCode).toBe(409);
    expect(tooMuch.json().error.details).toEqual([
      { path: 'quantity', message: 'Not enough stock: only 1200 tests usable' },
    ]);
    expect(await ledgerRows()).toBe(rows);
    const moved = await cdc.post(`/api/resources/stores/${provinceStore}/transfers`, {
      clientKey: randomUUID(),
      toStoreId: communeStore,
      item: 'rapid_antigen_kit',
      quantity: 800,
    });
    expect(moved.statusCode).toBe(201);
    expect(
      moved.json().movements.map((m: { kind: string; lot: string; quantity: number }) => [m.kind, m.lot, m.quantity]),
    ).toEqual([
      ['transfer_out', 'AG-01', -700],
      ['transfer_in', 'AG-01', 700],
      ['transfer_out', 'AG-02', -100],
      ['transfer_in', 'AG-02', 100],
    ]);
    const commune = (await officer.get(`/api/resources/stores/${communeStore}/stock`)).json();
    expect(commune.lines).toEqual([
      expect.objectContaining({ item: 'rapid_antigen_kit', quantity: 800, expiringWithin30Days: 700 }),
    ]);
    const ledger = (await officer.get(`/api/resources/stores/${communeStore}/ledger?limit=1`)).json();
    expect(ledger.items).toHaveLength(1);
    expect(
      (await officer.get(`/api/resources/stores/${communeStore}/ledger?limit=1&after=${ledger.nextCursor}`)).json()
        .items,
    ).toHaveLength(1);
    const availability = await t.platform.services.resources.availableFor(db(), { unitId: await unitId(DOAN_KET) });
    expect(availability.stockByItem.rapid_antigen_kit).toEqual({
      quantity: 800,
      unit: 'kit',
      expiringWithin30Days: 700,
    });
    const country = await t.platform.services.resources.availableFor(db(), { localityCode: LAI_CHAU });
    expect(country.stockByItem.rapid_antigen_kit?.quantity).toBe(1200);
    await expectBalancesMatchLedger();
  });

  it('records a count as the difference, and alerts below the minimum for a level', async () => {
    const counted = await officer.post(`/api/resources/stores/${communeStore}/adjustments`, {
      clientKey: randomUUID(),
      item: 'rapid_antigen_kit',
      lot: 'AG-02',
      countedQuantity: 90,
      note: 'Kiểm kê cuối tháng: 10 test hỏng vỏ hộp',
    });
    expect(counted.json().movements).toEqual([
      expect.objectContaining({ kind: 'adjustment', quantity: -10, balanceAfter: 90 }),
    ]);
    const min = await officer.request({
      method: 'PUT',
      url: `/api/resources/stores/${communeStore}/minimums`,
      payload: {
        item: 'rapid_antigen_kit',
        level: 3,
        minimum: 2000,
      },
    });
    expect(min.json()).toMatchObject({ minimum: 2000, belowMinimum: true });
    const atLevel2 = (await officer.get(`/api/resources/stores/${communeStore}/stock?level=2`)).json();
    expect(atLevel2.lines[0]).toMatchObject({ minimum: null, belowMinimum: false });
  });

  it('issues across lots first-expiring first, once per client key, and refuses what is not there', async () => {
    const rows = await ledgerRows();
    const issue = {
      clientKey: randomUUID(),
      item: 'rapid_antigen_kit',
      quantity: 750,
      purpose: 'Điểm xét nghiệm lưu động',
    };
    const first = await officer.post(`/api/resources/stores/${communeStore}/issues`, issue);
    expect(first.statusCode).toBe(201);
    const taken = first
      .json()
      .movements.map((m: { lot: string; quantity: number; balanceAfter: number }) => [
        m.lot,
        m.quantity,
        m.balanceAfter,
      ]);
    expect(taken).toEqual([
      ['AG-01', -700, 0],
      ['AG-02', -50, 40],
    ]);
    expect(first.json().stock).toMatchObject({ quantity: 40 });
    const again = await officer.post(`/api/resources/stores/${communeStore}/issues`, issue);
    expect(again.statusCode).toBe(201);
    expect(again.json().movements).toEqual(first.json().movements);
    expect(await ledgerRows()).toBe(rows + 2);
    const tooMuch = await officer.request({
      method: 'POST',
      url: `/api/resources/stores/${communeStore}/issues`,
      headers: { 'accept-language': 'en' },
      payload: { ...issue, clientKey: randomUUID(), quantity: 41 },
    });
    expect(tooMuch.statusCode).toBe(409);
    expect(tooMuch.json().error.details).toEqual([
      { path: 'quantity', message: 'Not enough stock: only 40 tests usable' },
    ]);
    const noLot = await officer.post(`/api/resources/stores/${communeStore}/issues`, {
      ...issue,
      clientKey: randomUUID(),
      quantity: 1,
      lot: 'AG-99',
    });
    expect(noLot.statusCode).toBe(400);
    expect(await ledgerRows()).toBe(rows + 2);
    await expectBalancesMatchLedger();
  });

  it('never takes a lot below zero under concurrent issues; balances equal the ledger', async () => {
    const s = t.platform.services;
    await s.resourceMovements.receive(sys, provinceStore, { clientKey: randomUUID(), item: 'gloves', quantity: 25 });
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, () =>
        s.resourceMovements.issue(sys, provinceStore, {
          clientKey: randomUUID(),
          item: 'gloves',
          quantity: 1,
          purpose: 'Chốt kiểm soát',
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(25);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(15);
    const balance = await db()
      .selectFrom('stock_balances')
      .select('quantity')
      .where('store_id', '=', provinceStore)
      .where('item_code', '=', 'gloves')
      .executeTakeFirstOrThrow();
    expect(balance.quantity).toBe(0);
    const low = await sql<{ n: string }>`select count(*) as n from stock_movements where balance_after < 0`.execute(
      db(),
    );
    expect(Number(low.rows[0]!.n)).toBe(0);
    await expectBalancesMatchLedger();
  });

  it('keeps the ledger append-only and audits each movement', async () => {
    await expect(sql`update stock_movements set quantity = 1`.execute(db())).rejects.toThrow(/append-only/);
    await expect(sql`delete from stock_movements`.execute(db())).rejects.toThrow(/append-only/);
    const audited = await db()
      .selectFrom('audit_events')
      .select('action')
      .where('entity_type', '=', 'resource_store')
      .execute();
    expect(new Set(audited.map((a) => a.action))).toEqual(
      new Set(['create', 'receive_stock', 'issue_stock', 'transfer_stock', 'adjust_stock', 'set_minimum_stock']),
    );
  });
});
