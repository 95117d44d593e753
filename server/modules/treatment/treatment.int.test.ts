import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FacilityView, OccupancyView, StayView } from '../../../core/schemas/facilities.ts';
import { DAY_MS, vietnamToday } from '../../../core/vietnam-calendar.ts';
import { personRef } from '../../testing/factories.ts';
import { TreatmentRepository } from './treatment.repository.ts';
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
let steering: TestClient;
let staff: TestClient;
let otherStaff: TestClient;
let officer: TestClient;
let hospital: FacilityView;
let binhLuHospital: FacilityView;
const cases: string[] = [];
const db = () => t.platform.database.db;
const today = vietnamToday();

async function newCase(name: string, commune = DOAN_KET): Promise<string> {
  const res = await cdc.post('/api/cases', {
    clientKey: randomUUID(),
    sampleDate: today,
    confirmedDate: today,
    classification: 'community',
    subject: personRef(name, { communeCode: commune, birthYear: 1970 }),
  });
  if (res.statusCode !== 201) throw new Error(`case: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

async function facility(over: Record<string, unknown>): Promise<FacilityView> {
  const res = await cdc.post('/api/facilities', {
    kind: 'hospital',
    communeCode: DOAN_KET,
    addressLine: 'Đường 30 tháng 4',
    ...over,
  });
  if (res.statusCode !== 201) throw new Error(`facility: ${res.statusCode} ${res.body}`);
  return res.json<FacilityView>();
}

beforeAll(async () => {
  t = await createTestPlatform();
  cdc = await t.signIn('health_department', LAI_CHAU);
  steering = await t.signIn('steering_committee', LAI_CHAU);
  staff = await t.signIn('facility_staff', DOAN_KET);
  otherStaff = await t.signIn('facility_staff', BINH_LU);
  officer = await t.signIn('commune_officer', DOAN_KET);
  hospital = await facility({
    name: 'Bệnh viện Đa khoa tỉnh Lai Châu',
    capacity: { regular_bed: 5, icu_bed: 2 },
    occupancyAlertPercent: 50,
  });
  binhLuHospital = await facility({ name: 'Trạm Y tế Bình Lư', communeCode: BINH_LU, capacity: { regular_bed: 10 } });
  await t.bindFacilities(staff.user.id, [hospital.id]);
  await t.bindFacilities(otherStaff.user.id, [binhLuHospital.id]);
  for (const name of ['Nguyễn Văn Hùng', 'Lò Văn Tâm', 'Vàng A Sử', 'Giàng Thị Dợ']) cases.push(await newCase(name));
});
afterAll(async () => t.close());

const admit = (c: TestClient, caseId: string, bedKind = 'icu_bed', over: Record<string, unknown> = {}) =>
  c.post('/api/treatment/stays', { caseId, facilityId: hospital.id, bedKind, ...over });

describe('treatment stays', () => {
  let first: StayView;

  it('admits a case to a free bed, audited in the same transaction', async () => {
    const admittedAt = new Date(Date.now() - 3 * DAY_MS).toISOString();
    const res = await admit(staff, cases[0]!, 'icu_bed', { admittedAt });
    expect(res.statusCode).toBe(201);
    first = res.json<StayView>();
    expect(first).toMatchObject({
      caseId: cases[0],
      fullName: 'Nguyễn Văn Hùng',
      facilityName: 'Bệnh viện Đa khoa tỉnh Lai Châu',
      communeName: 'Đoàn Kết',
      bedKind: 'icu_bed',
      dischargedAt: null,
      outcome: null,
    });
    expect(Date.parse(first.admittedAt)).toBe(Date.parse(admittedAt));
    const audit = await db().selectFrom('audit_events').selectAll().where('entity_id', '=', first.id).execute();
    expect(audit).toMatchObject([
      { action: 'admit', entity_type: 'treatment_stay', actor_id: staff.user.id, locality_code: DOAN_KET },
    ]);
  });

  it('refuses a second open stay of the same case', async () => {
    const res = await admit(cdc, cases[0]!, 'regular_bed');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CASE_ALREADY_ADMITTED');
  });

  it('refuses when no bed of that kind is free, saying so in the caller language', async () => {
    expect((await admit(staff, cases[1]!)).statusCode).toBe(201);
    const vi = await admit(staff, cases[2]!);
    expect(vi.statusCode).toBe(409);
    expect(vi.json().error.code).toBe('NO_FREE_BED');
    expect(vi.json().error.details).toEqual([
      { path: 'bedKind', message: 'Cơ sở không còn giường hồi sức tích cực (ICU) trống (đang dùng 2/2)' },
    ]);
    const en = await staff.request({
      method: 'POST',
      url: '/api/treatment/stays',
      payload: { caseId: cases[2], facilityId: hospital.id, bedKind: 'icu_bed' },
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().error.details[0].message).toBe('No free ICU beds at this facility (2 of 2 in use)');
    // A kind the facility does not offer has no free bed either.
    expect((await admit(staff, cases[2]!, 'oxygen_bed')).statusCode).toBe(409);
    expect(await db().selectFrom('treatment_stays').select('id').where('case_id', '=', cases[2]!).execute()).toEqual(
      [],
    );
  });

  it('lets only recorders of the facility area admit', async () => {
    expect((await admit(officer, cases[2]!, 'regular_bed')).statusCode).toBe(403);
    expect((await admit(steering, cases[2]!, 'regular_bed')).statusCode).toBe(403);
    expect((await admit(otherStaff, cases[2]!, 'regular_bed')).statusCode).toBe(404);
    expect((await admit(staff, randomUUID(), 'regular_bed')).statusCode).toBe(404);
  });

  it('discharges once, closes the case as recovered with it, and frees the bed', async () => {
    const early = await staff.post(`/api/treatment/stays/${first.id}/discharge`, {
      outcome: 'recovered',
      dischargedAt: new Date(Date.parse(first.admittedAt) - 60_000).toISOString(),
    });
    expect(early.statusCode).toBe(400);
    const res = await staff.post(`/api/treatment/stays/${first.id}/discharge`, { outcome: 'recovered' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ outcome: 'recovered', id: first.id });
    expect(res.json().dischargedAt).not.toBeNull();
    const again = await staff.post(`/api/treatment/stays/${first.id}/discharge`, { outcome: 'died' });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'STAY_ALREADY_ENDED']);
    const theCase = await db()
      .selectFrom('cases')
      .select(['status', 'care_setting', 'outcome_date'])
      .where('id', '=', cases[0]!)
      .executeTakeFirstOrThrow();
    expect(theCase).toEqual({ status: 'recovered', care_setting: null, outcome_date: today });
    expect((await admit(staff, cases[2]!)).statusCode).toBe(201);
    const audit = await db()
      .selectFrom('audit_events')
      .select(['action', 'after'])
      .where('entity_id', '=', first.id)
      .where('action', '=', 'discharge')
      .execute();
    expect(audit).toMatchObject([{ after: { outcome: 'recovered' } }]);
  });

  it('refuses admissions to a closed facility and to a case that has died', async () => {
    const closed = await facility({
      name: 'Bệnh viện dã chiến số 1',
      kind: 'field_hospital',
      capacity: { regular_bed: 50 },
    });
    expect((await cdc.patch(`/api/facilities/${closed.id}`, { status: 'closed' })).statusCode).toBe(200);
    const res = await cdc.post('/api/treatment/stays', {
      caseId: cases[3],
      facilityId: closed.id,
      bedKind: 'regular_bed',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('FACILITY_CLOSED');
    expect(res.json().error.details[0].path).toBe('facilityId');
    expect((await cdc.patch(`/api/cases/${cases[3]}`, { status: 'died', outcomeDate: today })).statusCode).toBe(200);
    const dead = await admit(cdc, cases[3]!, 'regular_bed');
    expect([dead.statusCode, dead.json().error.code]).toEqual([409, 'CASE_CLOSED']);
  });

  it('lists stays in pages by facility and open state, logs the read, and exports them', async () => {
    const open = (await cdc.get(`/api/treatment/stays?facilityId=${hospital.id}&open=true`)).json<{
      items: StayView[];
    }>();
    expect(open.items.map((s) => s.caseId).sort()).toEqual([cases[1], cases[2]].sort());
    const closed = (await cdc.get('/api/treatment/stays?open=false')).json<{ items: StayView[] }>();
    expect(closed.items.map((s) => s.id)).toEqual([first.id]);
    const page1 = (await cdc.get('/api/treatment/stays?limit=2')).json<{ items: StayView[]; nextCursor: string }>();
    const page2 = (await cdc.get(`/api/treatment/stays?limit=2&after=${page1.nextCursor}`)).json<{
      items: StayView[];
      nextCursor: string | null;
    }>();
    expect(page2.nextCursor).toBeNull();
    expect([...page1.items, ...page2.items].map((s) => s.id)).toHaveLength(3);
    // Latest admission first: the stay admitted three days ago comes last.
    expect(page2.items.at(-1)!.id).toBe(first.id);
    expect((await otherStaff.get('/api/treatment/stays')).json().items).toEqual([]);
    expect((await officer.get('/api/treatment/stays')).json().items).toHaveLength(3);
    expect((await otherStaff.get(`/api/treatment/stays?locality=${DOAN_KET}`)).statusCode).toBe(404);
    expect((await cdc.get('/api/treatment/stays?open=yes')).statusCode).toBe(400);

    const res = await cdc.get(`/api/treatment/stays/export.xlsx?facilityId=${hospital.id}`);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Mã ca bệnh');
    expect(sheet.rowCount).toBe(4);
    const last = sheet.getRow(4);
    expect([last.getCell(2).value, last.getCell(5).value, last.getCell(8).value, last.getCell(9).value]).toEqual([
      'Nguyễn Văn Hùng',
      'Giường hồi sức tích cực (ICU)',
      'Khỏi bệnh',
      3,
    ]);
    const logged = await db()
      .selectFrom('audit_events')
      .select('action')
      .where('actor_id', '=', cdc.user.id)
      .where('entity_type', '=', 'treatment_stay')
      .execute();
    expect(logged.map((l) => l.action)).toEqual(expect.arrayContaining(['read_list', 'export']));
  });
});

describe('occupancy board', () => {
  it('totals the area by kind, per facility, and lists facilities past their threshold', async () => {
    await cdc.post('/api/treatment/stays', {
      caseId: await newCase('Lường Văn Ơn', BINH_LU),
      facilityId: binhLuHospital.id,
      bedKind: 'regular_bed',
    });
    const res = await steering.get(`/api/treatment/occupancy?locality=${LAI_CHAU}`);
    expect(res.statusCode).toBe(200);
    const board = res.json<OccupancyView>();
    expect(board.locality).toEqual({ code: LAI_CHAU, name: 'Lai Châu' });
    // The closed field hospital is left out of the totals.
    expect(board.totals).toEqual([
      { kind: 'regular_bed', capacity: 15, occupied: 1, free: 14, percent: 6.7 },
      { kind: 'icu_bed', capacity: 2, occupied: 2, free: 0, percent: 100 },
    ]);
    expect(board.facilities.map((f) => f.name).sort()).toEqual([
      'Bệnh viện Đa khoa tỉnh Lai Châu',
      'Trạm Y tế Bình Lư',
    ]);
    expect(board.alerts).toEqual([
      {
        facilityId: hospital.id,
        facilityName: 'Bệnh viện Đa khoa tỉnh Lai Châu',
        communeCode: DOAN_KET,
        communeName: 'Đoàn Kết',
        kind: 'icu_bed',
        capacity: 2,
        occupied: 2,
        percent: 100,
        thresholdPercent: 50,
      },
    ]);
  });

  it('alerts exactly at a facility threshold', async () => {
    // 1 of 10 regular beds is 10 %: a threshold of 10 % alerts, 11 % does not.
    await cdc.patch(`/api/facilities/${binhLuHospital.id}`, { occupancyAlertPercent: 10 });
    expect((await cdc.get(`/api/treatment/occupancy?locality=${BINH_LU}`)).json<OccupancyView>().alerts).toMatchObject([
      { kind: 'regular_bed', percent: 10, thresholdPercent: 10 },
    ]);
    await cdc.patch(`/api/facilities/${binhLuHospital.id}`, { occupancyAlertPercent: 11 });
    expect((await cdc.get(`/api/treatment/occupancy?locality=${BINH_LU}`)).json<OccupancyView>().alerts).toEqual([]);
  });

  it('shows each official their own area only', async () => {
    const mine = (await officer.get('/api/treatment/occupancy')).json<OccupancyView>();
    expect(mine.locality.code).toBe(DOAN_KET);
    expect(mine.facilities.map((f) => f.communeCode)).toEqual([DOAN_KET]);
    expect((await officer.get(`/api/treatment/occupancy?locality=${BINH_LU}`)).statusCode).toBe(404);
  });
});

// Last: it adds a full facility to the province, which the board tests above do not expect.
describe('the last bed', () => {
  it('gives the last bed to one of two simultaneous admissions', async () => {
    const small = await facility({ name: 'Phòng khám Đa khoa khu vực', capacity: { negative_pressure_room: 1 } });
    const [a, b] = [await newCase('Tòng Văn Khánh'), await newCase('Điêu Thị Lan')];
    const both = await Promise.all(
      [a, b].map((caseId) =>
        cdc.post('/api/treatment/stays', { caseId, facilityId: small.id, bedKind: 'negative_pressure_room' }),
      ),
    );
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const stays = await db().selectFrom('treatment_stays').select('id').where('facility_id', '=', small.id).execute();
    expect(stays).toHaveLength(1);
  });

  it('makes a second admission wait for the first to commit, then see the bed taken', async (ctx) => {
    // PGlite has one connection: a second transaction could never start while the first is open.
    if (t.platform.services.databaseKind === 'pglite') ctx.skip();
    const facilities = t.platform.services.facilities;
    const one = await facility({ name: 'Khoa hồi sức Tân Uyên', capacity: { icu_bed: 1 } });
    const caseId = await newCase('Hoàng Văn Phủ');
    let second: Promise<{ capacity: number; occupied: number }> | undefined;
    await db()
      .transaction()
      .execute(async (first) => {
        expect(await facilities.lockCapacity(first, one.id, 'icu_bed')).toEqual({ capacity: 1, occupied: 0 });
        second = db()
          .transaction()
          .execute((trx) => facilities.lockCapacity(trx, one.id, 'icu_bed'));
        await new Promise((r) => setTimeout(r, 200));
        await new TreatmentRepository().insert(first, {
          case_id: caseId,
          facility_id: one.id,
          bed_kind: 'icu_bed',
          admitted_at: new Date(),
          locality_path: 'VN/12/03388',
        });
      });
    expect(await second).toEqual({ capacity: 1, occupied: 1 });
  });
});
