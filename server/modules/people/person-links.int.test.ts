import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../shared/actor.ts';
import { approvedVenue, bearer, cccd, declare, personRef, phone } from '../../testing/factories.ts';
import {
  BINH_LU,
  createTestPlatform,
  DOAN_KET,
  LAI_CHAU,
  type TestClient,
  type TestPlatform,
} from '../../testing/test-platform.ts';

/**
 * Officials confirm that a citizen who declared with a document already on file, from another
 * phone, is that person (accept: records, QR and session move to officials' record) or not
 * (reject: the citizen's record stays as history, its QR revoked).
 */
let t: TestPlatform;
let officer: TestClient;
let gateOwner: TestClient;
let venue: { id: string; public_code: string };
beforeAll(async () => {
  t = await createTestPlatform();
  officer = await t.signIn('commune_officer', DOAN_KET);
  gateOwner = await t.signIn('organisation_admin', DOAN_KET);
  venue = await approvedVenue(db(), { communeCode: DOAN_KET, ownerUserId: gateOwner.user.id, name: 'Chợ Đoàn Kết' });
});
afterAll(async () => t.close());

const db = () => t.platform.database.db;
const inject = (url: string, payload: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload, headers });

/** Officials' record of someone (F1 by default), then that someone declaring from a phone of their own. */
async function pendingLink(o: { fullName?: string; officialPhone?: string; fLevel?: number | null } = {}) {
  const ref = personRef(o.fullName ?? 'Lò Văn Minh', { birthYear: 1988, addressLine: 'Tổ 7, phường Đoàn Kết' });
  if (!('person' in ref)) throw new Error('unreachable');
  const person = { ...ref.person, ...(o.officialPhone ? { phone: o.officialPhone } : {}) };
  const { id: officialId } = await t.platform.services.peopleRegistry.resolve(
    db(),
    systemActor('test'),
    { person },
    'subject',
  );
  if (o.fLevel !== null)
    await db()
      .updateTable('people')
      .set({ f_level: o.fLevel ?? 1 })
      .where('id', '=', officialId)
      .execute();
  const citizenPhone = phone();
  const declared = await declare(t, {
    person: {
      idType: 'cccd',
      idNumber: person.idNumber,
      fullName: person.fullName,
      birthYear: 1988,
      gender: 'male',
      phone: citizenPhone,
    },
  });
  const request = await db()
    .selectFrom('person_link_requests')
    .selectAll()
    .where('official_person_id', '=', officialId)
    .executeTakeFirstOrThrow();
  return {
    officialId,
    citizenPhone,
    declared: declared.result,
    sent: { ...declared.body, otp: declared.otp },
    request,
  };
}

describe('link requests for officials', () => {
  it('lists the requests of the area (either record), opens one side by side, and logs who read whose data', async () => {
    const { request, officialId, citizenPhone } = await pendingLink({ officialPhone: '0912666001' });
    expect(request).toMatchObject({ status: 'open', reason: 'phone_differs' });
    const page = (await officer.get('/api/people/link-requests')).json();
    expect(page.items).toContainEqual(
      expect.objectContaining({
        id: request.id,
        declaredName: 'Lò Văn Minh',
        phone: `+84${citizenPhone.slice(1)}`,
        reason: 'phone_differs',
      }),
    );
    const detail = await officer.get(`/api/people/link-requests/${request.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({
      canDecide: true,
      declared: { personId: request.declared_person_id, phoneVerified: true },
      official: { personId: officialId, phone: '+84912666001', phoneVerified: false, fLevel: 1 },
    });
    const read = await db()
      .selectFrom('audit_events as e')
      .innerJoin('audit_event_subjects as s', 's.event_id', 'e.id')
      .select(['e.action', 's.person_ids'])
      .where('e.actor_id', '=', officer.user.id)
      .where('e.action', '=', 'read_link_request')
      .where(sql<boolean>`e.after->>'requestId' = ${request.id}`)
      .executeTakeFirstOrThrow();
    expect(read.action).toBe('read_link_request');
    expect([...read.person_ids].sort()).toEqual([officialId, request.declared_person_id].sort());
    const file = await officer.get('/api/people/link-requests/export.xlsx');
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');

    const neighbour = await t.signIn('commune_officer', BINH_LU);
    expect((await neighbour.get('/api/people/link-requests')).json().items).toEqual([]);
    expect((await neighbour.get(`/api/people/link-requests/${request.id}`)).statusCode).toBe(404);
    const inspector = await t.signIn('inspector', LAI_CHAU);
    expect((await inspector.get('/api/people/link-requests')).statusCode).toBe(403);
  });

  it("accepting moves the citizen's records, QR and session to officials' record, once for a double click", async () => {
    const { request, officialId, declared, citizenPhone, sent } = await pendingLink({ officialPhone: '0912666002' });
    const today = (await officer.get('/api/today'))
      .json()
      .groups.find((g: { kind: string }) => g.kind === 'link_requests');
    expect(today.items).toContainEqual(
      expect.objectContaining({ id: request.id, link: `/people/links/${request.id}` }),
    );
    // While waiting, the citizen checks in with their own session: the visit is theirs.
    expect(
      (
        await inject(
          '/api/public/checkins',
          { clientKey: randomUUID(), venueCode: venue.public_code },
          bearer(declared.session),
        )
      ).statusCode,
    ).toBe(200);

    const [a, b] = await Promise.all([
      officer.post(`/api/people/link-requests/${request.id}/accept`, {}),
      officer.post(`/api/people/link-requests/${request.id}/accept`, {}),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.json()).toEqual({ id: request.id, status: 'accepted', personId: officialId });
    expect(b.json()).toEqual(a.json());

    const official = await db().selectFrom('people').selectAll().where('id', '=', officialId).executeTakeFirstOrThrow();
    expect(official).toMatchObject({
      phone: `+84${citizenPhone.slice(1)}`,
      full_name: 'Lò Văn Minh',
      f_level: 1,
      identity_status: 'registered',
    });
    expect(official.phone_verified_at).not.toBeNull();
    const merged = await db()
      .selectFrom('people')
      .select(['merged_into'])
      .where('id', '=', request.declared_person_id)
      .executeTakeFirstOrThrow();
    expect(merged.merged_into).toBe(officialId);
    expect(
      await db()
        .selectFrom('health_declarations')
        .select('id')
        .where('person_id', '=', request.declared_person_id)
        .execute(),
    ).toEqual([]);
    // The citizen's QR now shows the record's status (an F1 is yellow), and their session reads its history.
    expect((await inject('/api/public/status', { qrToken: declared.qrToken })).json()).toMatchObject({
      colour: 'yellow',
      reasons: ['contact'],
    });
    const history = await inject('/api/public/me/checkins', {}, bearer(declared.session));
    expect(history.json().items).toMatchObject([{ venueName: 'Chợ Đoàn Kết' }]);
    const events = await db()
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', officialId)
      .where('action', '=', 'link_accept')
      .execute();
    expect(events).toHaveLength(1);
    expect(
      await db().selectFrom('person_merges').select('id').where('merged_id', '=', request.declared_person_id).execute(),
    ).toHaveLength(1);
    expect((await officer.post(`/api/people/link-requests/${request.id}/reject`, {})).statusCode).toBe(409);
    // A late resend of the citizen's declaration answers for the record it became.
    const resend = await inject('/api/public/declarations', sent);
    expect(resend.json()).toMatchObject({ qrToken: declared.qrToken, status: { colour: 'yellow' } });
    expect((await t.platform.services.citizenSessions.holder(resend.json().session.token))!.personId).toBe(officialId);
  });

  it("a new phone for a verified record: accepting ends the old phone's QR and sessions", async () => {
    const first = await declare(t, {
      person: { fullName: 'Vàng Thị Lan', gender: 'female', idNumber: cccd(1985, 'female') },
    });
    const second = await declare(t, { person: { ...first.body.person, phone: phone() } });
    expect(second.result.status.reasons).toEqual(['awaiting_verification']);
    const personId = (await t.platform.services.people.holderOf(first.result.qrToken))!.personId;
    const request = await db()
      .selectFrom('person_link_requests')
      .selectAll()
      .where('official_person_id', '=', personId)
      .executeTakeFirstOrThrow();
    expect(request.reason).toBe('verified_other_phone');
    expect(
      (await officer.post(`/api/people/link-requests/${request.id}/accept`, { note: 'Đã gọi điện xác nhận' }))
        .statusCode,
    ).toBe(200);
    expect(await t.platform.services.people.holderOf(first.result.qrToken)).toBeNull();
    expect(await t.platform.services.citizenSessions.holder(first.result.session.token)).toBeNull();
    expect((await t.platform.services.citizenSessions.holder(second.result.session.token))!.personId).toBe(personId);
    expect((await t.platform.services.people.holderOf(second.result.qrToken))!.personId).toBe(personId);
  });

  it('rejecting keeps the citizen\'s record as history: its QR says "not verified" and never passes a gate', async () => {
    const { request, declared, officialId, citizenPhone } = await pendingLink({
      fullName: 'Đèo Văn Tám',
      fLevel: null,
    });
    expect(request.reason).toBe('no_phone');
    expect(
      (await officer.post(`/api/people/link-requests/${request.id}/reject`, { note: 'Không phải người này' })).json(),
    ).toEqual({ id: request.id, status: 'rejected', personId: request.declared_person_id });
    expect((await officer.post(`/api/people/link-requests/${request.id}/reject`, {})).statusCode).toBe(200);
    expect((await officer.post(`/api/people/link-requests/${request.id}/accept`, {})).statusCode).toBe(409);
    expect((await inject('/api/public/status', { qrToken: declared.qrToken })).json()).toMatchObject({
      colour: 'none',
      reasons: ['not_verified'],
    });
    expect(
      (await gateOwner.post(`/api/venues/${venue.id}/gate-scans`, { token: declared.qrToken })).json(),
    ).toMatchObject({ allowed: false, reasons: ['invalid_qr'] });
    const official = await db()
      .selectFrom('people')
      .select(['phone', 'phone_verified_at'])
      .where('id', '=', officialId)
      .executeTakeFirstOrThrow();
    expect(official).toEqual({ phone: null, phone_verified_at: null });
    // Declaring again from that phone asks officials nothing new: the station settles it in person.
    const again = await declare(t, {
      person: {
        idType: 'cccd',
        idNumber: (
          await db().selectFrom('people').select('id_number').where('id', '=', officialId).executeTakeFirstOrThrow()
        ).id_number!,
        fullName: 'Đèo Văn Tám',
        birthYear: 1988,
        gender: 'male',
        phone: citizenPhone,
      },
    });
    expect(again.result.status).toMatchObject({ colour: 'none', reasons: ['not_verified'] });
    expect(
      await db().selectFrom('person_link_requests').select('id').where('official_person_id', '=', officialId).execute(),
    ).toHaveLength(1);
  });

  it('keeps the registry coherent: a self-declared record is never merged by hand, and shows as a duplicate', async () => {
    const { request, officialId } = await pendingLink({ fullName: 'Hà Văn Chín', officialPhone: '0912666003' });
    const duplicates = (await officer.get(`/api/people/${officialId}/duplicates`)).json();
    expect(duplicates).toContainEqual(
      expect.objectContaining({ personId: request.declared_person_id, reasons: expect.arrayContaining(['document']) }),
    );
    const merge = await officer.post('/api/people/merge', { keepId: officialId, mergeId: request.declared_person_id });
    expect(merge.statusCode).toBe(409);
    expect(
      (
        await db()
          .selectFrom('people')
          .select('merged_into')
          .where('id', '=', request.declared_person_id)
          .executeTakeFirstOrThrow()
      ).merged_into,
    ).toBeNull();
  });
});
