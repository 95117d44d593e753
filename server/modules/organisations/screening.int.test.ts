import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import { cccd, declare } from '../../testing/factories.ts';
import { createTestPlatform, DOAN_KET, type TestClient, type TestPlatform } from '../../testing/test-platform.ts';
import { registerOrganisation } from './organisation-fixtures.ts';

/** Workers' screening under Decision 2787 as test orders, and a worker with symptoms (issue 15). */
let t: TestPlatform;
let owner: TestClient;
let otherOwner: TestClient;
let officer: TestClient;
let orgId: string;
const docs = { sc1: cccd(), sc2: cccd(), scAbsent: cccd(), scRemote: cccd(), other: cccd() };
const highRisk = Array.from({ length: 6 }, () => cccd());
const day = vietnamToday(new Date());
const db = () => t.platform.database.db;
const daysAgo = (n: number) => new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestPlatform();
  owner = await t.signIn('organisation_admin', DOAN_KET);
  otherOwner = await t.signIn('organisation_admin', DOAN_KET);
  officer = await t.signIn('commune_officer', DOAN_KET);
  orgId = (await registerOrganisation(owner)).id;
  await officer.post(`/api/organisations/${orgId}/decision`, { decision: 'approve' });
  // Everyone but one service-contact worker is on file (they declared once, under the roster's name).
  const onFile: [string, string][] = [
    [docs.sc1, 'Lò Văn Một'],
    [docs.sc2, 'Lò Văn Hai'],
    [docs.scRemote, 'Lò Văn Xa'],
    [docs.other, 'Lò Văn Khác'],
    ...highRisk.map((n, i): [string, string] => [n, `Cà Thị Rủi ${i}`]),
  ];
  for (const [idNumber, fullName] of onFile) await declare(t, { person: { idNumber, fullName } });
  const csv = [
    'Họ tên,Số CCCD,Phòng ban,Hình thức,Vị trí',
    `Lò Văn Một,${docs.sc1},Bán hàng,tại chỗ,tiếp xúc khách`,
    `Lò Văn Hai,${docs.sc2},Bán hàng,tại chỗ,tiếp xúc khách`,
    `Lò Văn Vắng,${docs.scAbsent},Bán hàng,tại chỗ,tiếp xúc khách`,
    `Lò Văn Xa,${docs.scRemote},Bán hàng,từ xa,tiếp xúc khách`,
    `Lò Văn Khác,${docs.other},Kho,tại chỗ,`,
    ...highRisk.map((n, i) => `Cà Thị Rủi ${i},${n},Xưởng,tại chỗ,nguy cơ cao`),
  ].join('\n');
  const res = await owner.request({
    method: 'POST',
    url: `/api/organisations/${orgId}/roster/import`,
    payload: csv,
    headers: { 'content-type': 'text/csv' },
  });
  if (res.statusCode !== 200) throw new Error(res.body);
});
afterAll(async () => t.close());

type Due = {
  items: { fullName: string; role: string; onFile: boolean; workerId: string }[];
  nextCursor: string | null;
};
const names = (d: Due) => d.items.map((i) => i.fullName);

describe('screening due under Decision 2787', () => {
  it('lists on-site service-contact workers never tested and a 20% round of high-risk workers, keyset paged and filtered', async () => {
    const first = await owner.get(`/api/organisations/${orgId}/screening-due?limit=2`);
    expect(first.statusCode, first.body).toBe(200);
    const body = first.json();
    expect(body).toMatchObject({
      day,
      rule: { intervalDays: 7, highRiskSharePercent: 20 },
      // 6 high-risk workers: 20% rounded up is 2.
      totals: { serviceContact: 3, highRisk: 2, highRiskOnSite: 6 },
    });
    expect(names(body)).toEqual(['Lò Văn Hai', 'Lò Văn Một']);
    const rest = (await owner.get(`/api/organisations/${orgId}/screening-due?limit=2&after=${body.nextCursor}`)).json();
    expect(rest.items).toHaveLength(2);
    expect(rest.items[0]).toMatchObject({ fullName: 'Lò Văn Vắng', onFile: false, lastTestedOn: null });
    const last = (await owner.get(`/api/organisations/${orgId}/screening-due?limit=2&after=${rest.nextCursor}`)).json();
    expect(last.items).toHaveLength(1);
    expect(last.nextCursor).toBeNull();
    const hr = (await officer.get(`/api/organisations/${orgId}/screening-due?role=high_risk`)).json();
    expect(hr.items.map((i: { role: string }) => i.role)).toEqual(['high_risk', 'high_risk']);
    const xlsx = await officer.get(`/api/organisations/${orgId}/screening-due/export.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const csv = await officer.get(`/api/organisations/${orgId}/screening-due/export.csv`);
    expect(csv.body).toContain('Lò Văn Vắng');
    expect((await otherOwner.get(`/api/organisations/${orgId}/screening-due`)).statusCode).toBe(404);
  });

  it("shows the commune each organisation's due figures", async () => {
    const area = (await officer.get(`/api/workplace-screening?locality=${DOAN_KET}`)).json();
    expect(area.items.find((r: { organisationId: string }) => r.organisationId === orgId)).toMatchObject({
      serviceContactDue: 3,
      highRiskDue: 2,
      notOnFile: 1,
    });
    expect((await officer.get(`/api/workplace-screening/export.xlsx?locality=${DOAN_KET}`)).statusCode).toBe(200);
    expect((await owner.get('/api/workplace-screening')).statusCode).toBe(403);
  });

  it('orders a test for each due worker on file in one click, once per client key', async () => {
    expect(
      (await owner.post(`/api/organisations/${orgId}/screening-orders`, { clientKey: randomUUID() })).statusCode,
    ).toBe(403);
    const clientKey = randomUUID();
    const res = await officer.post(`/api/organisations/${orgId}/screening-orders`, { clientKey });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ day, ordered: 4, notOnFile: 1 });
    const again = await officer.post(`/api/organisations/${orgId}/screening-orders`, { clientKey });
    expect(again.json()).toEqual({ day, ordered: 4, notOnFile: 1 });
    const orders = await db()
      .selectFrom('test_orders')
      .select(['reason', 'test_kind'])
      .where('id', 'in', db().selectFrom('workplace_screening_orders').select('test_order_id'))
      .execute();
    expect(orders).toHaveLength(4);
    expect(new Set(orders.map((o) => `${o.reason}/${o.test_kind}`))).toEqual(new Set(['campaign/rapid_antigen']));
    // Only the worker not on file is still due; another click the same day orders nothing.
    expect(names((await owner.get(`/api/organisations/${orgId}/screening-due`)).json())).toEqual(['Lò Văn Vắng']);
    const second = await officer.post(`/api/organisations/${orgId}/screening-orders`, { clientKey: randomUUID() });
    expect(second.json()).toEqual({ day, ordered: 0, notOnFile: 1 });
    const audit = await db()
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', orgId)
      .where('action', '=', 'order_screening')
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('takes the next due date from the last sample: a worker sampled 3 days ago is not due when the orders are 8 days old', async () => {
    await db()
      .updateTable('workplace_screening_orders')
      .set({ due_on: daysAgo(8) })
      .execute();
    const worker = await db()
      .selectFrom('workplace_screening_orders as s')
      .innerJoin('roster_workers as w', 'w.id', 's.roster_worker_id')
      .select(['s.test_order_id', 'w.full_name'])
      .where('w.id_number', '=', docs.sc1)
      .executeTakeFirstOrThrow();
    const sample = await officer.post('/api/testing/samples', {
      code: `SC-${randomUUID().slice(0, 8)}`,
      orderId: worker.test_order_id,
      kind: 'rapid_antigen',
      collectedAt: `${daysAgo(3)}T02:00:00.000Z`,
    });
    expect(sample.statusCode, sample.body).toBe(201);
    const due = (await officer.get(`/api/organisations/${orgId}/screening-due`)).json();
    expect(names(due)).not.toContain('Lò Văn Một');
    expect(due.totals).toEqual({ serviceContact: 2, highRisk: 2, highRiskOnSite: 6 });
    // The next high-risk round samples those tested longest ago: not the two of the last round.
    const sampledBefore = await db()
      .selectFrom('workplace_screening_orders as s')
      .innerJoin('roster_workers as w', 'w.id', 's.roster_worker_id')
      .select('w.full_name')
      .where('w.work_role', '=', 'high_risk')
      .execute();
    const round = due.items
      .filter((i: { role: string }) => i.role === 'high_risk')
      .map((i: { fullName: string }) => i.fullName);
    expect(round.some((n: string) => sampledBefore.some((s) => s.full_name === n))).toBe(false);
  });

  it("orders into one testing campaign of the organisation's, whose coverage counts the samples, and shows the round's coverage", async () => {
    const click = await officer.post(`/api/organisations/${orgId}/screening-orders`, { clientKey: randomUUID() });
    expect(click.json()).toMatchObject({ ordered: 3, notOnFile: 1 });
    const links = await db()
      .selectFrom('workplace_screening_campaigns')
      .selectAll()
      .where('organisation_id', '=', orgId)
      .execute();
    expect(links).toHaveLength(1);
    const campaignId = links[0]!.campaign_id;
    const campaign = await db()
      .selectFrom('test_campaigns')
      .selectAll()
      .where('id', '=', campaignId)
      .executeTakeFirstOrThrow();
    expect(campaign).toMatchObject({ locality_code: DOAN_KET, target_population: 9 });
    const withCampaign = await db()
      .selectFrom('test_orders')
      .select(['campaign_id'])
      .where(
        'id',
        'in',
        db().selectFrom('workplace_screening_orders').select('test_order_id').where('reason', '=', 'screening'),
      )
      .execute();
    // The first click (before the campaign existed in this test) and this one: all in the one campaign.
    expect(withCampaign).toHaveLength(7);
    expect(new Set(withCampaign.map((o) => o.campaign_id))).toEqual(new Set([campaignId]));
    const sc2Order = await db()
      .selectFrom('workplace_screening_orders as s')
      .innerJoin('roster_workers as w', 'w.id', 's.roster_worker_id')
      .select('s.test_order_id')
      .where('w.id_number', '=', docs.sc2)
      .where('s.due_on', '=', day)
      .executeTakeFirstOrThrow();
    const code = `SC-${randomUUID().slice(0, 8)}`;
    const sample = await officer.post('/api/testing/samples', {
      code,
      orderId: sc2Order.test_order_id,
      kind: 'rapid_antigen',
      collectedAt: new Date().toISOString(),
    });
    expect(sample.statusCode, sample.body).toBe(201);
    const result = await officer.post('/api/testing/results', { items: [{ code, result: 'negative' }] });
    expect(result.statusCode, result.body).toBe(200);
    const progress = (await officer.get(`/api/testing/campaigns/${campaignId}/progress`)).json();
    // sc1 (sampled 3 days ago for the first click's order) and sc2, of the 9 screened workers.
    expect(progress.coverage).toBeCloseTo(2 / 9);
    const due = (await owner.get(`/api/organisations/${orgId}/screening-due`)).json();
    expect(due.coverage).toMatchObject({
      from: daysAgo(6),
      to: day,
      due: 1,
      ordered: 3,
      sampled: 1,
      tested: 1,
      serviceContactWorkers: 3,
      serviceContactTested: 1,
      serviceContactTestedShare: 1 / 3,
      highRiskWorkers: 6,
      highRiskSampled: 0,
      highRiskSampledShare: 0,
      highRiskShareMet: false,
    });
    const area = (await officer.get(`/api/workplace-screening?locality=${DOAN_KET}`)).json();
    const row = area.items.find((r: { organisationId: string }) => r.organisationId === orgId);
    expect(row.coverage).toEqual(due.coverage);
    const csv = await officer.get(`/api/workplace-screening/export.csv?locality=${DOAN_KET}`);
    expect(csv.body).toContain('% nguy cơ cao đã lấy mẫu');
    expect(csv.body).toContain(',3,1,1,33.3,0,Không');
  });
});

describe('a worker with symptoms', () => {
  const worker = async (idNumber: string) =>
    (await db().selectFrom('roster_workers').select('id').where('id_number', '=', idNumber).executeTakeFirstOrThrow())
      .id;

  it('is reported once per client key: yellow, a test ordered, on the commune today’s work, the read logged', async () => {
    const workerId = await worker(docs.other);
    const body = { clientKey: randomUUID(), workerId, symptoms: ['fever', 'cough'], onsetOn: daysAgo(1) };
    const res = await owner.post(`/api/organisations/${orgId}/symptom-reports`, body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ fullName: 'Lò Văn Khác', symptoms: ['fever', 'cough'], testOrdered: true });
    const again = await owner.post(`/api/organisations/${orgId}/symptom-reports`, body);
    expect(again.json().id).toBe(res.json().id);
    const person = await db()
      .selectFrom('people')
      .select(['id', 'under_monitoring'])
      .where('id_number', '=', docs.other)
      .executeTakeFirstOrThrow();
    expect(person.under_monitoring).toBe(true);
    // The hourly end of home monitoring leaves it: no quarantine stay explains it, the report does.
    await t.platform.services.homeMonitoring.endFinishedMonitoring();
    const still = await db()
      .selectFrom('people')
      .select(['under_monitoring', 'monitoring_hold_until'])
      .where('id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(still.under_monitoring).toBe(true);
    const orders = await db().selectFrom('test_orders').select('reason').where('person_id', '=', person.id).execute();
    expect(orders).toEqual([{ reason: 'symptoms' }]);
    const today = (await officer.get('/api/today')).json();
    const group = today.groups.find((g: { kind: string }) => g.kind === 'workplace_symptoms');
    expect(group).toMatchObject({ count: 1, items: [{ link: `/organisations/${orgId}` }] });
    expect(group.items[0].label).toContain('Lò Văn Khác');
    const list = (await officer.get(`/api/organisations/${orgId}/symptom-reports`)).json();
    expect(list.items).toHaveLength(1);
    // The commune takes it in: it leaves today's work (the organisation may not).
    const handled = `/api/organisations/${orgId}/symptom-reports/${res.json().id}/handled`;
    expect((await owner.post(handled)).statusCode).toBe(403);
    expect((await officer.post(handled)).json().handledAt).not.toBeNull();
    const after = (await officer.get('/api/today')).json();
    expect(after.groups.find((g: { kind: string }) => g.kind === 'workplace_symptoms')).toMatchObject({ count: 0 });
    const reads = await db()
      .selectFrom('audit_events')
      .select('action')
      .where('entity_type', '=', 'workplace_symptom_report')
      .execute();
    expect(reads.map((r) => r.action).sort()).toEqual(['handle_symptoms', 'read_list', 'report_symptoms']);
  });

  it('refuses an onset after today, a worker not on the roster and another organisation', async () => {
    const workerId = await worker(docs.sc2);
    const future = await owner.post(`/api/organisations/${orgId}/symptom-reports`, {
      clientKey: randomUUID(),
      workerId,
      symptoms: ['fever'],
      onsetOn: '2999-01-01',
    });
    expect(future.statusCode).toBe(400);
    const stranger = await owner.post(`/api/organisations/${orgId}/symptom-reports`, {
      clientKey: randomUUID(),
      workerId: randomUUID(),
      symptoms: ['fever'],
      onsetOn: day,
    });
    expect(stranger.statusCode).toBe(400);
    const other = await otherOwner.post(`/api/organisations/${orgId}/symptom-reports`, {
      clientKey: randomUUID(),
      workerId,
      symptoms: ['fever'],
      onsetOn: day,
    });
    expect(other.statusCode).toBe(404);
  });
});

describe("the organisation's own screening rule", () => {
  const url = () => `/api/organisations/${orgId}/screening-settings`;
  const put = (c: TestClient, payload: object, lang?: string) =>
    c.request({ method: 'PUT', url: url(), payload, headers: lang ? { 'accept-language': lang } : {} });

  it("is Decision 2787's until set; its admin and the commune set it within 5–7 days and ≥ 20%, audited", async () => {
    expect((await owner.get(url())).json()).toEqual({
      screens: true,
      intervalDays: 7,
      highRiskSharePercent: 20,
      isDefault: true,
      updatedAt: null,
    });
    const short = await put(owner, { screens: true, intervalDays: 4, highRiskSharePercent: 20 });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details).toEqual([
      { path: 'intervalDays', message: expect.stringContaining('từ 5 đến 7 ngày') },
    ]);
    const low = await put(owner, { screens: true, intervalDays: 5, highRiskSharePercent: 10 }, 'en');
    expect(low.json().error.details).toEqual([
      { path: 'highRiskSharePercent', message: expect.stringContaining('from 20 to 100') },
    ]);
    expect((await put(otherOwner, { screens: true, intervalDays: 5, highRiskSharePercent: 50 })).statusCode).toBe(404);
    const set = await put(owner, { screens: true, intervalDays: 5, highRiskSharePercent: 50 });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ intervalDays: 5, highRiskSharePercent: 50, isDefault: false });
    const due = (await officer.get(`/api/organisations/${orgId}/screening-due`)).json();
    expect(due.rule).toEqual({ screens: true, intervalDays: 5, highRiskSharePercent: 50 });
    // None of the 6 high-risk workers sampled this round: below the organisation's 50%.
    expect(due.coverage).toMatchObject({ highRiskShareMet: false });
    const audit = await db()
      .selectFrom('audit_events')
      .select(['before', 'after'])
      .where('entity_id', '=', orgId)
      .where('action', '=', 'update_screening_settings')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toEqual({ screens: true, intervalDays: 5, share: 50 });
  });

  it('an organisation that does not screen has no one due, orders nothing and leaves the area list', async () => {
    const off = await put(officer, { screens: false, intervalDays: 7, highRiskSharePercent: 20 });
    expect(off.statusCode, off.body).toBe(200);
    const due = (await owner.get(`/api/organisations/${orgId}/screening-due`)).json();
    expect(due.items).toEqual([]);
    expect(due.rule.screens).toBe(false);
    const click = await officer.post(`/api/organisations/${orgId}/screening-orders`, { clientKey: randomUUID() });
    expect(click.json()).toMatchObject({ ordered: 0, notOnFile: 0 });
    const area = (await officer.get(`/api/workplace-screening?locality=${DOAN_KET}`)).json();
    expect(area.items.map((r: { organisationId: string }) => r.organisationId)).not.toContain(orgId);
  });
});
