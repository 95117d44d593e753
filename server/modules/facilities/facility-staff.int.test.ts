import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserView } from '../../../core/schemas/users.ts';
import { systemActor } from '../../shared/actor.ts';
import { personRef } from '../../testing/factories.ts';
import {
  BINH_LU,
  createTestPlatform,
  DIEN_BIEN_PHU,
  DOAN_KET,
  LAI_CHAU,
  type TestClient,
  type TestPlatform,
} from '../../testing/test-platform.ts';
import { registerCase } from '../../commands/register-case.ts';

/**
 * Facility staff are bound to facilities by an administrator (issue 11, hole 5): checked against
 * both scopes before anything is written, audited, applied at once, and the account then reads and
 * writes the stays, beds and tests of those facilities only.
 */
let t: TestPlatform;
let admin: TestClient;
const facilities: Record<'hotel' | 'hospital' | 'binhLu' | 'dienBien', string> = {
  hotel: '',
  hospital: '',
  binhLu: '',
  dienBien: '',
};
const db = () => t.platform.database.db;

beforeAll(async () => {
  t = await createTestPlatform();
  admin = await t.signIn('system_admin', LAI_CHAU);
  const sys = systemActor('test');
  const open = async (name: string, communeCode: string, capacity: Record<string, number>) =>
    (
      await t.platform.services.facilities.create(sys, {
        name,
        kind: 'hospital',
        communeCode,
        addressLine: 'Đường thử',
        capacity,
        occupancyAlertPercent: 80,
      })
    ).id;
  facilities.hotel = await open('Khách sạn Đoàn Kết', DOAN_KET, { quarantine_place: 10 });
  facilities.hospital = await open('Bệnh viện Đoàn Kết', DOAN_KET, { regular_bed: 5 });
  facilities.binhLu = await open('Trạm Y tế Bình Lư', BINH_LU, { quarantine_place: 10, regular_bed: 5 });
  facilities.dienBien = await open('Bệnh viện Điện Biên', DIEN_BIEN_PHU, { quarantine_place: 10 });
});
afterAll(async () => t.close());

const account = (username: string, over: Record<string, unknown> = {}) => ({
  username,
  fullName: 'Nhân viên cơ sở',
  role: 'facility_staff',
  localityCode: LAI_CHAU,
  password: 'a-long-staff-password',
  ...over,
});

describe('binding facility staff to facilities', () => {
  it('binds a new account to facilities of the administrator’s area, audited', async () => {
    const res = await admin.post(
      '/api/users',
      account('coso.mot', { facilityIds: [facilities.hotel, facilities.hospital, facilities.hotel] }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const user = res.json<{ user: UserView }>().user;
    expect([...user.facilityIds!].sort()).toEqual([facilities.hotel, facilities.hospital].sort());
    const audit = await db()
      .selectFrom('audit_events')
      .select(['action', 'actor_id', 'after'])
      .where('entity_id', '=', user.id)
      .where('action', '=', 'assign_facilities')
      .execute();
    expect(audit).toEqual([
      {
        action: 'assign_facilities',
        actor_id: admin.user.id,
        after: { facilityIds: [facilities.hotel, facilities.hospital].sort() },
      },
    ]);
    const listed = (await admin.get('/api/users?q=coso.mot')).json<{ items: UserView[] }>().items;
    expect(listed.map((u) => u.facilityIds?.length)).toEqual([2]);
  });

  it('refuses, writing nothing, a facility out of the administrator’s area, out of the account’s, or for another role', async () => {
    const outOfProvince = await admin.post(
      '/api/users',
      account('coso.hai', { facilityIds: [facilities.hotel, facilities.dienBien] }),
    );
    expect(outOfProvince.statusCode).toBe(400);
    expect(outOfProvince.json().error.details).toEqual([
      { path: 'facilityIds.1', message: 'Không có cơ sở này trong phạm vi của bạn và của tài khoản' },
    ]);
    const unknown = await admin.post('/api/users', account('coso.hai', { facilityIds: [randomUUID()] }));
    expect(unknown.statusCode).toBe(400);
    const outOfCommune = await admin.post(
      '/api/users',
      account('coso.hai', { localityCode: DOAN_KET, facilityIds: [facilities.binhLu] }),
    );
    expect(outOfCommune.statusCode).toBe(400);
    const inspector = await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: account('coso.hai', { role: 'inspector', facilityIds: [facilities.hotel] }),
      headers: { 'accept-language': 'en' },
    });
    expect(inspector.statusCode).toBe(400);
    expect(inspector.json().error.details).toEqual([
      { path: 'facilityIds', message: 'Only facility staff accounts are bound to facilities' },
    ]);
    expect(
      await db().selectFrom('users').select('id').where('username', '=', 'coso.hai').executeTakeFirst(),
    ).toBeUndefined();
    const officer = await t.signIn('commune_officer', DOAN_KET);
    expect(
      (await officer.post('/api/users', account('coso.hai', { facilityIds: [facilities.hotel] }))).statusCode,
    ).toBe(403);
    const dienBienAdmin = await t.signIn('system_admin', '11');
    const staff = await t.createUser('facility_staff', LAI_CHAU);
    expect(
      (await dienBienAdmin.patch(`/api/users/${staff.id}`, { facilityIds: [facilities.dienBien] })).statusCode,
    ).toBe(404);
  });

  it('applies a change of facilities at once and drops them when the role changes', async () => {
    const sys = systemActor('test');
    const q = t.platform.services.quarantine;
    const here = await q.admit(sys, {
      clientKey: randomUUID(),
      subject: personRef('Đèo Văn Ở', { communeCode: DOAN_KET }),
      reason: 'f1',
      facilityId: facilities.hotel,
      vaccinatedOrRecovered: false,
    });
    const there = await q.admit(sys, {
      clientKey: randomUUID(),
      subject: personRef('Cầm Thị Kia', { communeCode: BINH_LU }),
      reason: 'f1',
      facilityId: facilities.binhLu,
      vaccinatedOrRecovered: false,
    });
    const created = await t.createUser('facility_staff', LAI_CHAU, 'coso.ba');
    const staff = await t.login(created.username, created.password);
    const names = async () =>
      (await staff.get('/api/quarantine/admissions'))
        .json<{ items: { fullName: string }[] }>()
        .items.map((a) => a.fullName);
    expect(await names()).toEqual([]);
    expect((await admin.patch(`/api/users/${created.id}`, { facilityIds: [facilities.hotel] })).statusCode).toBe(200);
    expect(await names()).toEqual(['Đèo Văn Ở']);
    expect((await staff.get(`/api/quarantine/admissions/${there.id}`)).statusCode).toBe(404);
    expect((await admin.patch(`/api/users/${created.id}`, { facilityIds: [facilities.binhLu] })).statusCode).toBe(200);
    expect(await names()).toEqual(['Cầm Thị Kia']);
    expect((await staff.get(`/api/quarantine/admissions/${here.id}`)).statusCode).toBe(404);
    const changed = await admin.patch(`/api/users/${created.id}`, { role: 'commune_officer', localityCode: BINH_LU });
    expect(changed.statusCode).toBe(200);
    expect(changed.json<UserView>().facilityIds).toBeUndefined();
    expect(
      await db().selectFrom('facility_staff').select('facility_id').where('user_id', '=', created.id).execute(),
    ).toEqual([]);
  });
});

describe('a bound facility staff account at work', () => {
  let staff: TestClient;
  let caseId: string;
  beforeAll(async () => {
    staff = await t.signIn('facility_staff', LAI_CHAU);
    await t.bindFacilities(staff.user.id, [facilities.hotel, facilities.hospital]);
    caseId = (
      await registerCase(t.platform.services, systemActor('test'), {
        clientKey: randomUUID(),
        subject: personRef('Lò Văn Bệnh', { communeCode: DOAN_KET }),
        sampleDate: '2026-11-01',
        confirmedDate: '2026-11-02',
        classification: 'community',
        sourceCaseIds: [],
      })
    ).id;
  });

  it('admits, moves and releases only at its own facilities', async () => {
    const admit = (facilityId: string) =>
      staff.post('/api/quarantine/admissions', {
        clientKey: randomUUID(),
        subject: personRef('Tao Văn Cách', { communeCode: DOAN_KET }),
        reason: 'f1',
        facilityId,
      });
    expect((await admit(facilities.binhLu)).statusCode).toBe(404);
    const ours = await admit(facilities.hotel);
    expect(ours.statusCode).toBe(201);
    const stay = ours.json<{ id: string }>();
    expect(
      (
        await staff.post(`/api/quarantine/admissions/${stay.id}/transfer`, {
          facilityId: facilities.binhLu,
          reason: 'chuyển đi',
        })
      ).statusCode,
    ).toBe(404);
    const theirs = await t.platform.services.quarantine.admit(systemActor('test'), {
      clientKey: randomUUID(),
      subject: personRef('Lừ Thị Khác', { communeCode: BINH_LU }),
      reason: 'f1',
      facilityId: facilities.binhLu,
      vaccinatedOrRecovered: false,
    });
    expect(
      (await staff.post(`/api/quarantine/admissions/${theirs.id}/extend`, { days: 2, reason: 'thử gia hạn' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await staff.post(`/api/quarantine/admissions/${theirs.id}/release`, { early: true, note: 'thử' })).statusCode,
    ).toBe(404);
    expect((await staff.get(`/api/quarantine/admissions/${theirs.id}/decision.pdf`)).statusCode).toBe(404);
    expect(
      (
        await staff.post('/api/testing/samples', {
          code: 'KHAC-1',
          orderId: theirs.orders[0]!.id,
          kind: 'rt_pcr',
          collectedAt: new Date().toISOString(),
        })
      ).statusCode,
    ).toBe(404);
    const view = await t.platform.services.quarantine.get(systemActor('test'), stay.id);
    expect(
      (
        await staff.post('/api/testing/samples', {
          code: 'CUA-1',
          orderId: view.orders[0]!.id,
          kind: 'rt_pcr',
          collectedAt: new Date().toISOString(),
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (await staff.post('/api/testing/results', { items: [{ code: 'CUA-1', result: 'negative' }] })).statusCode,
    ).toBe(200);
  });

  it('admits and discharges patients only at its own facilities, and sees only their beds', async () => {
    expect(
      (await staff.post('/api/treatment/stays', { caseId, facilityId: facilities.binhLu, bedKind: 'regular_bed' }))
        .statusCode,
    ).toBe(404);
    const admitted = await staff.post('/api/treatment/stays', {
      caseId,
      facilityId: facilities.hospital,
      bedKind: 'regular_bed',
    });
    expect(admitted.statusCode).toBe(201);
    const board = (await staff.get(`/api/treatment/occupancy?locality=${LAI_CHAU}`)).json<{
      facilities: { id: string }[];
    }>();
    expect(board.facilities.map((f) => f.id).sort()).toEqual([facilities.hotel, facilities.hospital].sort());
    expect((await staff.get(`/api/facilities/${facilities.binhLu}`)).statusCode).toBe(404);
    const other = await t.signIn('facility_staff', LAI_CHAU);
    await t.bindFacilities(other.user.id, [facilities.binhLu]);
    expect(
      (
        await other.post(`/api/treatment/stays/${admitted.json<{ id: string }>().id}/discharge`, {
          outcome: 'recovered',
        })
      ).statusCode,
    ).toBe(404);
  });
});
