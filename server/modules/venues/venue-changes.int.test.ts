import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { register, venueBody } from './venue-fixtures.ts';
import {
  BINH_LU,
  createTestPlatform,
  DOAN_KET,
  LAI_CHAU,
  type TestClient,
  type TestPlatform,
} from '../../testing/test-platform.ts';

/** Changing a venue's details, and what a malformed request gets back (and leaves unwritten). */
let t: TestPlatform;
let admin: TestClient;
let owner: TestClient;
let officer: TestClient;
beforeAll(async () => {
  t = await createTestPlatform();
  admin = await t.signIn('system_admin', LAI_CHAU);
  owner = await t.signIn('organisation_admin', DOAN_KET);
  officer = await t.signIn('commune_officer', DOAN_KET);
});
afterAll(async () => t.close());

const db = () => t.platform.database.db;

const decide = (c: TestClient, id: string, decision: string) => c.post(`/api/venues/${id}/decision`, { decision });

const auditOf = (id: string) =>
  db()
    .selectFrom('audit_events')
    .selectAll()
    .where('entity_type', '=', 'venue')
    .where('entity_id', '=', id)
    .orderBy('id')
    .execute();

const count = async (table: 'venues' | 'audit_events') =>
  Number(
    (
      await db()
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('update', () => {
  it('lets the owner change details; an approved venue stays approved; a new phone must be verified again', async () => {
    const v = await register(owner);
    await decide(officer, v.id, 'approve');
    await db().updateTable('venues').set({ contact_phone_verified_at: new Date() }).where('id', '=', v.id).execute();
    const res = await owner.patch(`/api/venues/${v.id}`, {
      name: 'Quán Phở Mới',
      capacity: null,
      gatePolicy: 'open',
      contactPhone: '+84 987 654 321',
      type: 'shop',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: 'Quán Phở Mới',
      capacity: null,
      gatePolicy: 'open',
      contactPhone: '+84987654321',
      contactPhoneVerifiedAt: null,
      type: 'shop',
      status: 'approved',
    });
    const update = (await auditOf(v.id)).find((e) => e.action === 'update')!;
    expect(update.actor_id).toBe(owner.user.id);
    expect(update.before).toMatchObject({ name: v.name, capacity: 80, contactPhoneVerified: true });
    expect(update.after).toMatchObject({
      name: 'Quán Phở Mới',
      capacity: null,
      contactPhoneVerified: false,
      status: 'approved',
    });
  });

  it('keeps the verification when the same phone is sent again, written differently', async () => {
    const v = await register(owner);
    await db().updateTable('venues').set({ contact_phone_verified_at: new Date() }).where('id', '=', v.id).execute();
    const res = await owner.patch(`/api/venues/${v.id}`, { contactPhone: '+84912345678' });
    expect(res.json().contactPhoneVerifiedAt).not.toBeNull();
  });

  it('lets an administrator in scope change it, but not an officer, and never the address or commune', async () => {
    const v = await register(owner);
    expect((await admin.patch(`/api/venues/${v.id}`, { capacity: 120 })).json().capacity).toBe(120);
    expect((await officer.patch(`/api/venues/${v.id}`, { capacity: 5 })).statusCode).toBe(403);
    const move = await owner.patch(`/api/venues/${v.id}`, { addressLine: 'Nơi khác', communeCode: BINH_LU });
    expect(move.statusCode).toBe(400);
    expect(
      move
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['addressLine', 'communeCode']);
    expect(move.json().error.details[0].message).toMatch(/^Không đổi được địa chỉ/);
    expect((await owner.patch(`/api/venues/${v.id}`, {})).statusCode).toBe(400);
  });
});

describe('bad input', () => {
  it('answers field details in the caller language and writes nothing', async () => {
    const venuesBefore = await count('venues');
    const auditBefore = await count('audit_events');
    const badPhone = await owner.post('/api/venues', venueBody({ contactPhone: '0212 345 678' }));
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().error.details).toEqual([
      { path: 'contactPhone', message: 'Số điện thoại di động không hợp lệ' },
    ]);
    const unknownCommune = await owner.post('/api/venues', venueBody({ communeCode: '99999' }));
    expect(unknownCommune.statusCode).toBe(400);
    expect(unknownCommune.json().error.details).toEqual([
      { path: 'communeCode', message: 'Không có xã/phường đang hoạt động với mã này trong phạm vi của bạn' },
    ]);
    const province = await admin.post('/api/venues', venueBody({ communeCode: LAI_CHAU }));
    expect(province.json().error.details[0].path).toBe('communeCode');
    const badType = await owner.post('/api/venues', venueBody({ type: 'casino' }));
    expect(badType.json().error.details).toEqual([{ path: 'type', message: 'Loại địa điểm không hợp lệ' }]);
    const oversize = await owner.request({
      method: 'POST',
      url: '/api/venues',
      payload: venueBody({ name: 'x'.repeat(201), capacity: 0 }),
      headers: { 'accept-language': 'en' },
    });
    expect(oversize.statusCode).toBe(400);
    expect(oversize.json().error.details).toEqual([
      { path: 'name', message: 'Venue name: at most 200 characters' },
      { path: 'capacity', message: 'capacity must be a positive whole number' },
    ]);
    const missing = await owner.post('/api/venues', { name: 'Chỉ có tên' });
    expect(
      missing
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['addressLine', 'communeCode', 'contactPhone', 'organisationName', 'type']);
    expect(await count('venues')).toBe(venuesBefore);
    expect(await count('audit_events')).toBe(auditBefore);
  });

  it('refuses malformed ids and cursors', async () => {
    expect((await officer.get('/api/venues/not-a-uuid')).json().error.details[0].path).toBe('id');
    expect((await officer.get('/api/venues?after=garbage')).statusCode).toBe(400);
    const forged = Buffer.from(JSON.stringify(["2026-01-01'; drop table venues; --", 'x'])).toString('base64url');
    expect((await officer.get(`/api/venues?after=${forged}`)).statusCode).toBe(400);
  });
});
