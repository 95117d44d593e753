import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FacilityView, PlacementView } from '../../../core/schemas/facilities.ts';
import { cccd } from '../../testing/factories.ts';
import {
  BINH_LU,
  createTestPlatform,
  DIEN_BIEN,
  DIEN_BIEN_PHU,
  DOAN_KET,
  LAI_CHAU,
  type TestClient,
  type TestPlatform,
} from '../../testing/test-platform.ts';

/** Communes of Lai Châu at growing distance from Đoàn Kết (centroids of the bundled boundaries). */
const TAN_PHONG = '03408'; // ≈ 13 km
const MUONG_TE = '03445'; // ≈ 79 km

let t: TestPlatform;
let cdc: TestClient;
let steering: TestClient;
let officer: TestClient;
let staff: TestClient;
const db = () => t.platform.database.db;

beforeAll(async () => {
  t = await createTestPlatform();
  cdc = await t.signIn('health_department', LAI_CHAU);
  steering = await t.signIn('steering_committee', LAI_CHAU);
  officer = await t.signIn('commune_officer', DOAN_KET);
  staff = await t.signIn('facility_staff', BINH_LU);
});
afterAll(async () => t.close());

let serial = 0;
const body = (over: Record<string, unknown> = {}) => ({
  name: `Khu cách ly tập trung số ${++serial}`,
  kind: 'concentrated',
  communeCode: DOAN_KET,
  addressLine: 'Trường Cao đẳng Cộng đồng, tổ 12',
  contactPhone: '0213 3876 123',
  capacity: { quarantine_place: 10 },
  ...over,
});

async function open(c: TestClient, over: Record<string, unknown> = {}): Promise<FacilityView> {
  const res = await c.post('/api/facilities', body(over));
  if (res.statusCode !== 201) throw new Error(`create: ${res.statusCode} ${res.body}`);
  return res.json<FacilityView>();
}

/** Admits `n` people to quarantine at a facility, written directly (the quarantine module has its own tests). */
async function quarantine(facilityId: string, n: number, status: 'active' | 'released' = 'active') {
  const facility = await db()
    .selectFrom('facilities')
    .select('locality_path')
    .where('id', '=', facilityId)
    .executeTakeFirstOrThrow();
  for (let i = 0; i < n; i++) {
    const person = await db()
      .insertInto('people')
      .values({
        id_type: 'cccd',
        id_number: cccd(1990),
        full_name: 'Lò Thị Mai',
        birth_year: 1990,
        gender: 'female',
        phone: null,
        phone_verified_at: null,
        email: null,
        commune_code: DOAN_KET,
        locality_path: facility.locality_path,
        address_line: null,
        f_level: 1,
        erased_at: null,
        household_key: null,
        name_key: null,
        merged_into: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db()
      .insertInto('quarantine_admissions')
      .values({
        person_id: person.id,
        facility_id: facilityId,
        reason: 'f1',
        contact_id: null,
        profile_code: 'covid19_2020',
        starts_on: '2026-11-20',
        ends_on: '2026-12-03',
        monitoring_until: '2026-12-17',
        test_dates: '[]',
        room: null,
        status,
        released_on: null,
        release_kind: null,
        release_note: null,
        document_number: null,
        monitor_token_id: null,
        locality_path: facility.locality_path,
        client_key: null,
        created_by: null,
      })
      .execute();
  }
}

const lineOf = (f: FacilityView, kind: string) => f.capacity.find((l) => l.kind === kind);

describe('facilities', () => {
  it('opens a facility with its capacity, audited in the same transaction', async () => {
    const f = await open(cdc, { capacity: { quarantine_place: 40, regular_bed: 0 }, occupancyAlertPercent: 75 });
    expect(f).toMatchObject({
      communeCode: DOAN_KET,
      communeName: 'Đoàn Kết',
      status: 'active',
      occupancyAlertPercent: 75,
      alert: false,
      contactPhone: '0213 3876 123',
    });
    // A kind given as 0 is not offered.
    expect(f.capacity).toEqual([
      { kind: 'quarantine_place', capacity: 40, occupied: 0, free: 40, percent: 0, alert: false },
    ]);
    const audit = await db().selectFrom('audit_events').selectAll().where('entity_id', '=', f.id).execute();
    expect(audit).toMatchObject([
      { action: 'create', entity_type: 'facility', actor_id: cdc.user.id, locality_code: DOAN_KET },
    ]);
    expect(audit[0]!.after).toMatchObject({ capacity: { quarantine_place: 40 }, occupancyAlertPercent: 75 });
  });

  it('refuses who may not manage, a place that is not a commune and an unknown capacity kind', async () => {
    const name = 'Khu cách ly không được mở';
    expect((await officer.post('/api/facilities', body({ name }))).statusCode).toBe(403);
    expect((await steering.post('/api/facilities', body({ name }))).statusCode).toBe(403);
    expect((await staff.post('/api/facilities', body({ name, communeCode: BINH_LU }))).statusCode).toBe(403);
    expect((await cdc.post('/api/facilities', body({ name, communeCode: '99999' }))).statusCode).toBe(404);
    const bad = await cdc.request({
      method: 'POST',
      url: '/api/facilities',
      payload: body({ name, capacity: { beds: 3 } }),
      headers: { 'accept-language': 'en' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([{ path: 'capacity', message: 'Unknown capacity kind' }]);
    expect(await db().selectFrom('facilities').select('id').where('name', '=', name).execute()).toEqual([]);
  });

  it('counts active quarantine admissions as occupied places and alerts at the threshold', async () => {
    const f = await open(cdc, { capacity: { quarantine_place: 10 } });
    await quarantine(f.id, 7);
    await quarantine(f.id, 3, 'released');
    expect(lineOf((await cdc.get(`/api/facilities/${f.id}`)).json(), 'quarantine_place')).toEqual({
      kind: 'quarantine_place',
      capacity: 10,
      occupied: 7,
      free: 3,
      percent: 70,
      alert: false,
    });
    await quarantine(f.id, 1);
    const full = (await cdc.get(`/api/facilities/${f.id}`)).json<FacilityView>();
    expect(full).toMatchObject({ alert: true, capacity: [{ occupied: 8, free: 2, percent: 80, alert: true }] });
    const raised = await cdc.patch(`/api/facilities/${f.id}`, { occupancyAlertPercent: 90 });
    expect(raised.json()).toMatchObject({ alert: false, occupancyAlertPercent: 90 });
  });

  it('counts home quarantine without running out of places', async () => {
    const home = await open(cdc, { name: 'Cách ly tại nhà Đoàn Kết', kind: 'home', capacity: {} });
    await quarantine(home.id, 3);
    const view = (await cdc.get(`/api/facilities/${home.id}`)).json<FacilityView>();
    expect(view).toMatchObject({
      alert: false,
      capacity: [{ kind: 'quarantine_place', capacity: 0, occupied: 3, percent: 0, alert: false }],
    });
  });

  it('never lowers a capacity below use nor closes a facility that still holds people', async () => {
    const f = await open(cdc, { capacity: { quarantine_place: 5, regular_bed: 4 } });
    await quarantine(f.id, 3);
    const lower = await cdc.patch(`/api/facilities/${f.id}`, { capacity: { quarantine_place: 2 } });
    expect(lower.statusCode).toBe(409);
    expect(lower.json().error.details).toEqual([
      { path: 'capacity.quarantine_place', message: 'Không thể giảm chỗ cách ly xuống dưới số đang sử dụng (3)' },
    ]);
    const close = await cdc.patch(`/api/facilities/${f.id}`, { status: 'closed' });
    expect(close.statusCode).toBe(409);
    expect(close.json().error.details[0].path).toBe('status');
    const ok = await cdc.patch(`/api/facilities/${f.id}`, {
      capacity: { quarantine_place: 3, regular_bed: 0, icu_bed: 2 },
      name: 'Khu cách ly Đoàn Kết',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<FacilityView>().capacity.map((l) => [l.kind, l.capacity, l.occupied])).toEqual([
      ['quarantine_place', 3, 3],
      ['icu_bed', 2, 0],
    ]);
    const audit = await db()
      .selectFrom('audit_events')
      .select(['before', 'after'])
      .where('entity_id', '=', f.id)
      .where('action', '=', 'update')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      before: { capacity: { quarantine_place: 5, regular_bed: 4 } },
      after: { name: 'Khu cách ly Đoàn Kết', capacity: { quarantine_place: 3, icu_bed: 2 } },
    });
    const move = await cdc.patch(`/api/facilities/${f.id}`, { communeCode: BINH_LU });
    expect(move.statusCode).toBe(400);
    expect(move.json().error.details).toEqual([
      { path: 'communeCode', message: 'Không đổi được xã/phường của cơ sở: hãy tạo cơ sở mới' },
    ]);
    expect((await officer.patch(`/api/facilities/${f.id}`, { name: 'Đổi tên' })).statusCode).toBe(403);
  });

  it('lists in pages within the jurisdiction, filters, and exports with Vietnamese headers', async () => {
    const binhLu = await open(cdc, {
      communeCode: BINH_LU,
      kind: 'hospital',
      name: 'Trung tâm Y tế Bình Lư',
      capacity: { regular_bed: 20, icu_bed: 2 },
    });
    const all: FacilityView[] = [];
    let after: string | null = null;
    do {
      const page: { items: FacilityView[]; nextCursor: string | null } = (
        await cdc.get(`/api/facilities?limit=2${after ? `&after=${after}` : ''}`)
      ).json();
      all.push(...page.items);
      after = page.nextCursor;
    } while (after);
    const count = await db()
      .selectFrom('facilities')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(all).toHaveLength(Number(count.n));
    expect(new Set(all.map((f) => f.id)).size).toBe(all.length);
    expect((await cdc.get('/api/facilities?kind=hospital')).json().items.map((f: FacilityView) => f.name)).toEqual([
      'Trung tâm Y tế Bình Lư',
    ]);
    expect(
      (await officer.get('/api/facilities')).json().items.every((f: FacilityView) => f.communeCode === DOAN_KET),
    ).toBe(true);
    // Facility staff see the facilities they are bound to, none before.
    expect((await staff.get('/api/facilities')).json().items).toEqual([]);
    await t.bindFacilities(staff.user.id, [binhLu.id]);
    expect((await staff.get('/api/facilities')).json().items.map((f: FacilityView) => f.id)).toEqual([binhLu.id]);
    expect((await officer.get(`/api/facilities?locality=${BINH_LU}`)).statusCode).toBe(404);

    const res = await steering.get(`/api/facilities/export.xlsx?locality=${BINH_LU}`);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Tên cơ sở');
    expect(sheet.getRow(2).getCell(2).value).toBe('Bệnh viện');
    expect(sheet.getRow(1).getCell(11).value).toBe('Giường bệnh thường: tổng số');
    expect(sheet.getRow(2).getCell(11).value).toBe(20);
    expect(sheet.rowCount).toBe(2);
  });
});

describe('placement search', () => {
  let near: FacilityView;
  let tanPhong: FacilityView;
  let binhLu: FacilityView;
  let muongTe: FacilityView;
  beforeAll(async () => {
    const cap = (n: number) => ({ capacity: { quarantine_place: n } });
    near = await open(cdc, { name: 'KCL Đoàn Kết', ...cap(20) });
    await quarantine(near.id, 5); // 15 free
    tanPhong = await open(cdc, { name: 'KCL Tân Phong', communeCode: TAN_PHONG, ...cap(20) });
    binhLu = await open(cdc, { name: 'KCL Bình Lư', communeCode: BINH_LU, ...cap(30) });
    muongTe = await open(cdc, { name: 'KCL Mường Tè', communeCode: MUONG_TE, ...cap(100) });
    // Not candidates: closed, full, beds only, or in another province.
    const closed = await open(cdc, { name: 'KCL đã đóng', communeCode: TAN_PHONG, ...cap(50) });
    await cdc.patch(`/api/facilities/${closed.id}`, { status: 'closed' });
    const full = await open(cdc, { name: 'KCL đã đầy', communeCode: TAN_PHONG, ...cap(2) });
    await quarantine(full.id, 2);
    await open(cdc, {
      name: 'Bệnh viện Tân Phong',
      kind: 'hospital',
      communeCode: TAN_PHONG,
      capacity: { regular_bed: 80 },
    });
    const dienBien = await t.signIn('health_department', DIEN_BIEN);
    await open(dienBien, { name: 'KCL Điện Biên Phủ', communeCode: DIEN_BIEN_PHU, ...cap(500) });
  });

  const search = async (c: TestClient, query: string) => {
    const res = await c.get(`/api/facilities/placement?${query}`);
    expect(res.statusCode).toBe(200);
    return res.json<PlacementView>();
  };
  // Earlier tests opened other facilities in Đoàn Kết: keep the four of this block.
  const mine = (p: PlacementView) =>
    p.options.filter((o) => [near.id, tanPhong.id, binhLu.id, muongTe.id].includes(o.facilityId));

  it('places 40 people nearest first, splitting until everybody has a place', async () => {
    const p = await search(cdc, `people=40&kind=quarantine_place&near=${DOAN_KET}&locality=${LAI_CHAU}`);
    expect(p).toMatchObject({
      people: 40,
      kind: 'quarantine_place',
      near: { code: DOAN_KET, name: 'Đoàn Kết' },
      placed: 40,
      shortfall: 0,
    });
    const ordered = mine(p);
    expect(ordered.map((o) => o.name)).toEqual(['KCL Đoàn Kết', 'KCL Tân Phong', 'KCL Bình Lư', 'KCL Mường Tè']);
    expect(ordered[0]).toMatchObject({ free: 15, distanceKm: 0, communeName: 'Đoàn Kết' });
    expect(ordered[1]!.distanceKm).toBeGreaterThan(10);
    expect(ordered[1]!.distanceKm).toBeLessThan(16);
    expect(ordered[2]!.distanceKm).toBeGreaterThan(25);
    expect(ordered[3]!.distanceKm).toBeGreaterThan(70);
    expect(
      p.options.every(
        (o) => !['KCL đã đóng', 'KCL đã đầy', 'Bệnh viện Tân Phong', 'KCL Điện Biên Phủ'].includes(o.name),
      ),
    ).toBe(true);
    expect(p.options.reduce((s, o) => s + o.suggested, 0)).toBe(40);
    // Facilities of Đoàn Kết come first and each is filled before the next one gets anybody.
    let left = 40;
    for (const o of p.options) {
      expect(o.suggested).toBe(Math.min(left, o.free));
      left -= o.suggested;
    }
  });

  it('reports the shortfall when the province has too few places', async () => {
    const p = await search(cdc, `people=100000&kind=quarantine_place&near=${MUONG_TE}`);
    const free = p.options.reduce((s, o) => s + o.free, 0);
    expect(p).toMatchObject({ placed: free, shortfall: 100000 - free });
    expect(p.options[0]!.name).toBe('KCL Mường Tè');
  });

  it('stays within the caller jurisdiction', async () => {
    const p = await search(officer, 'people=5&kind=quarantine_place');
    expect(p.options.length).toBeGreaterThan(0);
    expect(p.options.every((o) => o.communeCode === DOAN_KET)).toBe(true);
    expect(p.near).toBeNull();
    expect(
      (await officer.get(`/api/facilities/placement?people=5&kind=quarantine_place&near=${BINH_LU}`)).statusCode,
    ).toBe(404);
    expect((await cdc.get('/api/facilities/placement?people=0&kind=quarantine_place')).statusCode).toBe(400);
  });
});
