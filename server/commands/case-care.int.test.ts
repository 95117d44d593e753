import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView } from '../../core/schemas/cases.ts';
import type { FacilityView, StayView } from '../../core/schemas/facilities.ts';
import { vietnamToday } from '../../core/vietnam-calendar.ts';
import { personRef } from '../testing/factories.ts';
import {
  createTestPlatform,
  DOAN_KET,
  LAI_CHAU,
  type TestClient,
  type TestPlatform,
} from '../testing/test-platform.ts';

/**
 * A case's status and its treatment are one state: admission, transfer and discharge move the
 * status, every move is in the case's history, and each refusal answers its own code.
 */
let t: TestPlatform;
let cdc: TestClient;
let officer: TestClient;
let hospital: FacilityView;
let fieldHospital: FacilityView;
const db = () => t.platform.database.db;
const today = vietnamToday();

async function newCase(name: string): Promise<CaseView> {
  const res = await cdc.post('/api/cases', {
    clientKey: randomUUID(),
    sampleDate: today,
    confirmedDate: today,
    classification: 'community',
    subject: personRef(name, { communeCode: DOAN_KET, birthYear: 1980 }),
  });
  if (res.statusCode !== 201) throw new Error(`case: ${res.statusCode} ${res.body}`);
  return res.json<CaseView>();
}

async function facility(name: string, capacity: Record<string, number>): Promise<FacilityView> {
  const res = await cdc.post('/api/facilities', {
    name,
    kind: 'hospital',
    communeCode: DOAN_KET,
    addressLine: 'Đường 30 tháng 4',
    capacity,
  });
  if (res.statusCode !== 201) throw new Error(`facility: ${res.statusCode} ${res.body}`);
  return res.json<FacilityView>();
}

const getCase = async (id: string) => (await cdc.get(`/api/cases/${id}`)).json<CaseView>();
const fLevel = async (personId: string | null) =>
  (await db().selectFrom('people').select('f_level').where('id', '=', personId!).executeTakeFirstOrThrow()).f_level;

beforeAll(async () => {
  t = await createTestPlatform();
  cdc = await t.signIn('health_department', LAI_CHAU);
  officer = await t.signIn('commune_officer', DOAN_KET);
  hospital = await facility('Bệnh viện Đa khoa tỉnh', { regular_bed: 5, icu_bed: 1 });
  fieldHospital = await facility('Bệnh viện dã chiến số 2', { regular_bed: 5 });
});
afterAll(async () => t.close());

describe('the care state of a case', () => {
  it('starts awaiting treatment, with its registration in the history', async () => {
    const c = await newCase('Lò Thị Mai');
    expect(c).toMatchObject({ status: 'awaiting_treatment', care: null });
    expect(c.history).toMatchObject([{ kind: 'registered', fromStatus: null, toStatus: 'awaiting_treatment' }]);
  });

  it('admits to a bed, transfers to another facility and bed kind, and discharges as recovered, all in the history', async () => {
    const c = await newCase('Vàng Văn Chư');
    const admitted = await cdc.post('/api/treatment/stays', {
      caseId: c.id,
      facilityId: hospital.id,
      bedKind: 'icu_bed',
    });
    expect(admitted.statusCode).toBe(201);
    const stay = admitted.json<StayView>();
    let now = await getCase(c.id);
    expect(now).toMatchObject({
      status: 'treating',
      care: { setting: 'bed', stayId: stay.id, facilityName: hospital.name, bedKind: 'icu_bed' },
    });

    const moved = await cdc.post(`/api/treatment/stays/${stay.id}/transfer`, {
      facilityId: fieldHospital.id,
      bedKind: 'regular_bed',
      reason: 'Đỡ khó thở, chuyển xuống giường thường',
    });
    expect(moved.statusCode).toBe(200);
    const second = moved.json<StayView>();
    expect(second).toMatchObject({ facilityId: fieldHospital.id, bedKind: 'regular_bed', dischargedAt: null });
    const first = await db()
      .selectFrom('treatment_stays')
      .selectAll()
      .where('id', '=', stay.id)
      .executeTakeFirstOrThrow();
    expect(first.outcome).toBe('transferred');
    now = await getCase(c.id);
    expect(now).toMatchObject({ status: 'treating', care: { setting: 'bed', stayId: second.id } });

    // The same bed again is not a transfer.
    const same = await cdc.post(`/api/treatment/stays/${second.id}/transfer`, {
      facilityId: fieldHospital.id,
      bedKind: 'regular_bed',
    });
    expect([same.statusCode, same.json().error.code]).toEqual([409, 'SAME_PLACE']);

    const out = await cdc.post(`/api/treatment/stays/${second.id}/discharge`, { outcome: 'recovered' });
    expect(out.statusCode).toBe(200);
    now = await getCase(c.id);
    expect(now).toMatchObject({ status: 'recovered', outcomeDate: today, care: null });
    expect(now.history.map((h) => [h.kind, h.fromStatus, h.toStatus, h.facilityName])).toEqual([
      ['registered', null, 'awaiting_treatment', null],
      ['admitted', 'awaiting_treatment', 'treating', hospital.name],
      ['transferred', 'treating', 'treating', fieldHospital.name],
      ['discharged', 'treating', 'recovered', fieldHospital.name],
    ]);
    expect(now.history[2]).toMatchObject({ reason: 'Đỡ khó thở, chuyển xuống giường thường', bedKind: 'regular_bed' });
    expect(now.history.every((h) => h.actorName !== null && !h.rebuilt)).toBe(true);
    // Recovered: no longer an F0 kept out of venues.
    expect(await fLevel(c.personId)).toBeNull();
  });

  it('treats a mild case at home without a bed, moves it to hospital when it worsens, and discharges it as dead', async () => {
    const c = await newCase('Giàng A Lử');
    const home = await officer.post(`/api/cases/${c.id}/home-treatment`, { reason: 'F0 không triệu chứng' });
    expect(home.statusCode).toBe(200);
    expect(home.json<CaseView>()).toMatchObject({ status: 'treating', care: { setting: 'home', stayId: null } });
    const twice = await officer.post(`/api/cases/${c.id}/home-treatment`, {});
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'CASE_ALREADY_AT_HOME']);

    const toHospital = await cdc.post('/api/treatment/stays', {
      caseId: c.id,
      facilityId: hospital.id,
      bedKind: 'regular_bed',
    });
    expect(toHospital.statusCode).toBe(201);
    const died = await cdc.post(`/api/cases/${c.id}/discharge`, { outcome: 'died' });
    expect(died.statusCode).toBe(200);
    const now = died.json<CaseView>();
    expect(now).toMatchObject({ status: 'died', outcomeDate: today, care: null });
    expect(now.history.map((h) => [h.kind, h.toStatus, h.setting])).toEqual([
      ['registered', 'awaiting_treatment', null],
      ['admitted', 'treating', 'home'],
      ['transferred', 'treating', 'bed'],
      ['discharged', 'died', null],
    ]);
    const stay = await db()
      .selectFrom('treatment_stays')
      .selectAll()
      .where('case_id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect([stay.outcome, stay.discharged_at === null]).toEqual(['died', false]);
  });

  it('discharges a stay as transferred out of the province', async () => {
    const c = await newCase('Tẩn Láo San');
    const stay = (
      await cdc.post('/api/treatment/stays', { caseId: c.id, facilityId: hospital.id, bedKind: 'regular_bed' })
    ).json<StayView>();
    expect((await cdc.post(`/api/treatment/stays/${stay.id}/discharge`, { outcome: 'transferred' })).statusCode).toBe(
      200,
    );
    expect(await getCase(c.id)).toMatchObject({ status: 'transferred_out', outcomeDate: today, care: null });
    // Still an F0, treated elsewhere.
    expect(await fLevel(c.personId)).toBe(0);
  });
});

describe('refusals', () => {
  it('refuses "treating" by hand, and closing a case in treatment by hand, saving nothing', async () => {
    const c = await newCase('Lường Văn Pản');
    const byHand = await cdc.patch(`/api/cases/${c.id}`, { status: 'treating', notes: 'không lưu' });
    expect(byHand.statusCode).toBe(409);
    expect(byHand.json().error).toMatchObject({
      code: 'CASE_TREATMENT_NEEDS_ADMISSION',
      message:
        'Không thể tự đặt trạng thái “đang điều trị”: hãy tiếp nhận ca bệnh vào giường bệnh hoặc điều trị tại nhà.',
    });
    expect((await getCase(c.id)).notes).toBeNull();
    await cdc.post('/api/treatment/stays', { caseId: c.id, facilityId: hospital.id, bedKind: 'regular_bed' });
    const close = await cdc.request({
      method: 'PATCH',
      url: `/api/cases/${c.id}`,
      payload: { status: 'recovered' },
      headers: { 'accept-language': 'en' },
    });
    expect(close.statusCode).toBe(409);
    expect(close.json().error).toMatchObject({
      code: 'CASE_IN_TREATMENT_DISCHARGE_FIRST',
      message:
        'The case is under treatment: discharge it (recovered, died or transferred out of the province) to close it.',
    });
    expect(await getCase(c.id)).toMatchObject({ status: 'treating', care: { setting: 'bed' } });
    // An unchanged status sent with other fields is no change of state.
    expect((await cdc.patch(`/api/cases/${c.id}`, { status: 'treating', notes: 'đã hỏi bệnh' })).statusCode).toBe(200);
  });

  it('records an outcome by hand outside treatment, in the history with its reason', async () => {
    const c = await newCase('Sùng A Dình');
    const res = await cdc.patch(`/api/cases/${c.id}`, {
      status: 'died',
      outcomeDate: today,
      statusReason: 'Tử vong trước khi nhập viện',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<CaseView>().history.at(-1)).toMatchObject({
      kind: 'status_set',
      fromStatus: 'awaiting_treatment',
      toStatus: 'died',
      reason: 'Tử vong trước khi nhập viện',
    });
    const discharge = await cdc.post(`/api/cases/${c.id}/discharge`, { outcome: 'recovered' });
    expect([discharge.statusCode, discharge.json().error.code]).toEqual([409, 'CASE_NOT_IN_TREATMENT']);
    const admit = await cdc.post('/api/treatment/stays', {
      caseId: c.id,
      facilityId: hospital.id,
      bedKind: 'regular_bed',
    });
    expect([admit.statusCode, admit.json().error.code]).toEqual([409, 'CASE_CLOSED']);
  });

  it('leaves the case as it was when the bed is refused', async () => {
    const [a, b] = [await newCase('Hoàng Thị Dung'), await newCase('Lý Văn Tài')];
    const full = await facility('Phòng khám khu vực', { negative_pressure_room: 1 });
    const bed = { facilityId: full.id, bedKind: 'negative_pressure_room' };
    expect((await cdc.post('/api/treatment/stays', { caseId: a.id, ...bed })).statusCode).toBe(201);
    const refused = await cdc.post('/api/treatment/stays', { caseId: b.id, ...bed });
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'NO_FREE_BED']);
    const now = await getCase(b.id);
    expect(now).toMatchObject({ status: 'awaiting_treatment', care: null });
    expect(now.history).toHaveLength(1);
  });

  it('lets only the case’s investigators start home treatment', async () => {
    const c = await newCase('Chảo Láo Lở');
    const staff = await t.signIn('facility_staff', DOAN_KET);
    // Facility staff do not read cases: the case answers as if it did not exist.
    expect((await staff.post(`/api/cases/${c.id}/home-treatment`, {})).statusCode).toBe(404);
    const steering = await t.signIn('steering_committee', LAI_CHAU);
    expect((await steering.post(`/api/cases/${c.id}/discharge`, { outcome: 'recovered' })).statusCode).toBe(403);
  });
});
