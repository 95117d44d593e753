import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, vietnamToday } from '../../../core/vietnam-calendar.ts';
import { systemActor } from '../../shared/actor.ts';
import {
  BINH_LU,
  createTestPlatform,
  DIEN_BIEN_PHU,
  DOAN_KET,
  LAI_CHAU,
  type TestClient,
  type TestPlatform,
} from '../../testing/test-platform.ts';

/**
 * Forces and donations (issue 18): Đoàn Kết asks the province for two community COVID team members,
 * the province sends them from Bình Lư (transfers recorded, the commune's availability follows);
 * a donation is handed out to a household, never beyond what remains, and the public page shows
 * totals without naming anyone.
 */
let t: TestPlatform;
let officer: TestClient;
let neighbour: TestClient;
let bcd: TestClient;
const sys = systemActor('test');
const today = vietnamToday();
const unit: Record<string, string> = {};
const db = () => t.platform.database.db;

beforeAll(async () => {
  t = await createTestPlatform();
  await t.platform.services.units.ensureProvinceUnits(sys, LAI_CHAU);
  officer = await t.signIn('commune_officer', DOAN_KET);
  neighbour = await t.signIn('commune_officer', BINH_LU);
  bcd = await t.signIn('steering_committee', LAI_CHAU);
  for (const code of [DOAN_KET, BINH_LU, `${LAI_CHAU}-UBND`, `${LAI_CHAU}-MTTQ`])
    unit[code] =
      (await db().selectFrom('reporting_units').select('id').where('code', '=', code).executeTakeFirst())?.id ?? '';
});
afterAll(async () => t.close());

const member = (unitId: string, fullName: string, over: Record<string, unknown> = {}) => ({
  clientKey: randomUUID(),
  unitId,
  kind: 'community_covid_team',
  fullName,
  phone: '0912345678',
  skills: ['lấy mẫu'],
  ...over,
});

describe('forces', () => {
  let sent: string[] = [];
  let requestId: string;

  it('keeps rosters per unit, once per client key, within the area', async () => {
    const first = member(unit[BINH_LU]!, 'Lò Văn Hùng');
    expect((await neighbour.post('/api/resources/forces', first)).statusCode).toBe(201);
    expect((await neighbour.post('/api/resources/forces', first)).statusCode).toBe(201);
    const second = await neighbour.post('/api/resources/forces', member(unit[BINH_LU]!, 'Tao Thị Mai'));
    await neighbour.post(
      '/api/resources/forces',
      member(unit[BINH_LU]!, 'Giàng A Páo', { availability: 'unavailable' }),
    );
    await officer.post('/api/resources/forces', member(unit[DOAN_KET]!, 'Vàng Thị Lan'));
    expect((await officer.post('/api/resources/forces', member(unit[BINH_LU]!, 'Người ngoài'))).statusCode).toBe(403);
    const roster = (await neighbour.get('/api/resources/forces?limit=2')).json();
    expect(roster.items.map((m: { fullName: string }) => m.fullName)).toEqual(['Giàng A Páo', 'Lò Văn Hùng']);
    expect(roster.nextCursor).not.toBeNull();
    expect((await officer.get('/api/resources/forces')).json().items).toHaveLength(1);
    sent = [(await neighbour.get('/api/resources/forces?availableOnly=true')).json().items[0].id, second.json().id];
    const duty = await neighbour.post(`/api/resources/forces/${second.json().id}/duties`, {
      clientKey: randomUUID(),
      startsAt: `${today}T07:00:00+07:00`,
      endsAt: `${today}T19:00:00+07:00`,
      post: 'Chốt kiểm soát cầu Nậm Lay',
    });
    expect(duty.statusCode).toBe(201);
    const overlap = await neighbour.post(`/api/resources/forces/${second.json().id}/duties`, {
      clientKey: randomUUID(),
      startsAt: `${today}T18:00:00+07:00`,
      endsAt: `${today}T22:00:00+07:00`,
      post: 'Chốt kiểm soát chợ',
    });
    expect(overlap.statusCode).toBe(409);
    expect((await neighbour.get(`/api/resources/duties?unit=${unit[BINH_LU]}&from=${today}`)).json()).toHaveLength(1);
  });

  it('lets a commune ask its upper level, and only the upper level send people', async () => {
    const asked = await officer.post('/api/resources/reinforcements', {
      clientKey: randomUUID(),
      unitId: unit[DOAN_KET],
      kind: 'community_covid_team',
      count: 2,
      reason: 'Ổ dịch bản Nà Khá: cần lấy mẫu 600 hộ',
    });
    expect(asked.statusCode).toBe(201);
    requestId = asked.json().id;
    expect(asked.json()).toMatchObject({ status: 'open', canAssign: false });
    // The commune asking cannot send itself people.
    expect(
      (await officer.post(`/api/resources/reinforcements/${requestId}/assignments`, { memberIds: sent })).statusCode,
    ).toBe(403);
    const wrong = await bcd.request({
      method: 'POST',
      url: `/api/resources/reinforcements/${requestId}/assignments`,
      headers: { 'accept-language': 'en' },
      payload: { memberIds: [(await officer.get('/api/resources/forces')).json().items[0].id] },
    });
    expect(wrong.json().error.details).toEqual([
      { path: 'memberIds.0', message: 'This person already belongs to the unit asking' },
    ]);
    const done = await bcd.post(`/api/resources/reinforcements/${requestId}/assignments`, { memberIds: sent });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'fulfilled', assigned: 2 });
    expect(await db().selectFrom('force_transfers').select('to_unit_id').execute()).toEqual([
      { to_unit_id: unit[DOAN_KET] },
      { to_unit_id: unit[DOAN_KET] },
    ]);
    const available = await t.platform.services.resources.availableForUnits(db(), [unit[DOAN_KET]!, unit[BINH_LU]!]);
    expect(available.get(unit[DOAN_KET]!)!.forcesByKind.community_covid_team).toBe(3);
    expect(available.get(unit[BINH_LU]!)!.forcesByKind.community_covid_team).toBe(0);
    expect((await bcd.post(`/api/resources/reinforcements/${requestId}/decline`, { reason: 'x' })).statusCode).toBe(
      409,
    );
  });
});

describe('donations and support', () => {
  let donationId: string;

  it('records donations (anonymous allowed) once, and refuses a donor without a name', async () => {
    const gift = {
      clientKey: randomUUID(),
      unitId: unit[DOAN_KET],
      donorKind: 'business',
      donorName: 'Công ty TNHH Chè Tam Đường',
      form: 'cash',
      amount: 50_000_000,
      purpose: 'lockdown_households',
      receivedOn: addDays(today, -2),
    };
    const first = await officer.post('/api/resources/donations', gift);
    expect(first.statusCode).toBe(201);
    donationId = first.json().id;
    expect((await officer.post('/api/resources/donations', gift)).json().id).toBe(donationId);
    const anonymous = await officer.post('/api/resources/donations', {
      ...gift,
      clientKey: randomUUID(),
      donorKind: 'anonymous',
      donorName: undefined,
      amount: 2_000_000,
    });
    expect(anonymous.json()).toMatchObject({ donorName: null, donorKind: 'anonymous' });
    const nameless = await officer.post('/api/resources/donations', {
      ...gift,
      clientKey: randomUUID(),
      donorName: undefined,
    });
    expect(nameless.statusCode).toBe(400);
  });

  it('hands out support within what remains, in the area, and keeps recipients off the public page', async () => {
    const handout = {
      clientKey: randomUUID(),
      recipientKind: 'household_in_lockdown',
      recipientName: 'Hộ ông Lò Văn Sáng',
      recipientAddress: 'Bản Nà Khá',
      locality: DOAN_KET,
      amount: 1_500_000,
      distributedOn: today,
    };
    expect((await officer.post(`/api/resources/donations/${donationId}/distributions`, handout)).statusCode).toBe(201);
    expect((await officer.post(`/api/resources/donations/${donationId}/distributions`, handout)).statusCode).toBe(201);
    const tooMuch = await officer.request({
      method: 'POST',
      url: `/api/resources/donations/${donationId}/distributions`,
      headers: { 'accept-language': 'en' },
      payload: { ...handout, clientKey: randomUUID(), amount: 60_000_000 },
    });
    expect(tooMuch.statusCode).toBe(409);
    expect(tooMuch.json().error.details[0].message).toBe('More than what remains of the donation (48500000 left)');
    const elsewhere = await officer.post(`/api/resources/donations/${donationId}/distributions`, {
      ...handout,
      clientKey: randomUUID(),
      locality: DIEN_BIEN_PHU,
    });
    expect(elsewhere.statusCode).toBe(400);
    const list = (await officer.get('/api/resources/distributions')).json();
    expect(list.items).toEqual([expect.objectContaining({ recipientName: 'Hộ ông Lò Văn Sáng', amount: 1_500_000 })]);
    const pub = await t.app.inject({ method: 'GET', url: `/api/public/support?province=${LAI_CHAU}` });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ cashReceived: 52_000_000, cashDistributed: 1_500_000 });
    expect(pub.body).not.toContain('Lò Văn Sáng');
    expect(pub.body).not.toContain('Chè Tam Đường');
    const audited = await db()
      .selectFrom('audit_events')
      .select('action')
      .where('entity_type', '=', 'support_distribution')
      .execute();
    expect(audited.map((a) => a.action).sort()).toEqual(['distribute_support', 'read_list']);
  });
});
