import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedVenue, declare, declarationBody, personRef, phone, requestOtp } from '../../testing/factories.ts';
import { createTestPlatform, DOAN_KET, type TestClient, type TestPlatform } from '../../testing/test-platform.ts';
import { systemActor } from '../../shared/actor.ts';

/**
 * Hole 1 of issue 11: a declaration found the person by document number only, so anyone who knew
 * the number of a person officials had recorded took the record over (name, phone, address, the
 * verified mark and the existing QR). These tests state the rule that replaced it.
 */
let t: TestPlatform;
let owner: TestClient;
let venue: { id: string; public_code: string };
beforeAll(async () => {
  t = await createTestPlatform();
  owner = await t.signIn('organisation_admin', DOAN_KET);
  venue = await approvedVenue(db(), {
    communeCode: DOAN_KET,
    ownerUserId: owner.user.id,
    gatePolicy: 'require_declaration',
  });
});
afterAll(async () => t.close());

const db = () => t.platform.database.db;
const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, payload });
const tokenId = (token: string) => token.split('.')[1]!;

/** Someone officials entered (a contact, a case, a test order): unverified phone, maybe a status and an old QR. */
async function officialRecord(o: { fullName: string; phone?: string; fLevel?: number; withOldToken?: boolean }) {
  const ref = personRef(o.fullName, { birthYear: 1990, gender: 'female', addressLine: 'Bản Cư Nhà La' });
  if (!('person' in ref)) throw new Error('unreachable');
  const person = { ...ref.person, ...(o.phone ? { phone: o.phone } : {}) };
  const { id } = await t.platform.services.peopleRegistry.resolve(db(), systemActor('test'), { person }, 'subject');
  if (o.fLevel !== undefined)
    await db().updateTable('people').set({ f_level: o.fLevel }).where('id', '=', id).execute();
  const oldTokenId = randomBytes(16).toString('base64url');
  if (o.withOldToken) await db().insertInto('personal_qr_tokens').values({ id: oldTokenId, person_id: id }).execute();
  return { id, person, oldTokenId };
}

/** The declaration a citizen types, with the document of `of` and their own name and phone. */
async function declareAs(
  of: {
    idType: 'cccd' | 'cmnd' | 'passport';
    idNumber: string;
    gender: 'male' | 'female' | 'other';
    birthYear: number;
  },
  who: { fullName: string; phone: string; addressLine?: string },
) {
  return declare(t, {
    person: { idType: of.idType, idNumber: of.idNumber, gender: of.gender, birthYear: of.birthYear, ...who },
  });
}

const row = (id: string) => db().selectFrom('people').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const tokenRow = (token: string) =>
  db().selectFrom('personal_qr_tokens').selectAll().where('id', '=', tokenId(token)).executeTakeFirstOrThrow();

describe('a stranger who knows the document number of someone officials recorded', () => {
  it('takes over nothing: the record, its phone, its status and its QR stay with the person', async () => {
    const victim = await officialRecord({ fullName: 'Lò Thị Hoa', phone: '0912555001', fLevel: 1, withOldToken: true });
    const before = await row(victim.id);
    const stranger = phone();
    const { result } = await declareAs(victim.person, {
      fullName: 'Kẻ Mạo Danh',
      phone: stranger,
      addressLine: 'Nơi khác',
    });

    // The official record is untouched: name, phone (still unverified), address, F-status.
    expect(await row(victim.id)).toEqual(before);
    // The stranger's QR is a new one, bound to the stranger's phone, on a record of their own.
    expect(result.qrToken).not.toContain(victim.oldTokenId);
    const token = await tokenRow(result.qrToken);
    expect(token.person_id).not.toBe(victim.id);
    expect(token.phone).toBe(`+84${stranger.slice(1)}`);
    // Grey, awaiting verification: an F1 cannot turn green by declaring from another phone.
    expect(result.status).toMatchObject({
      colour: 'none',
      reasons: ['awaiting_verification'],
      displayName: 'K. M. Danh',
    });
    const body = JSON.stringify(result);
    for (const secret of ['Hoa', '0912555001', '912555001', 'Cư Nhà La', victim.id]) expect(body).not.toContain(secret);
    // At a gate that requires a declaration the grey QR does not enter.
    const scan = await owner.post(`/api/venues/${venue.id}/gate-scans`, { token: result.qrToken });
    expect(scan.json()).toMatchObject({ allowed: false, colour: 'none', reasons: ['awaiting_verification'] });
    // The person's own old QR still works for them.
    const old = await db()
      .selectFrom('personal_qr_tokens')
      .select('revoked_at')
      .where('id', '=', victim.oldTokenId)
      .executeTakeFirstOrThrow();
    expect(old.revoked_at).toBeNull();
    // Officials are asked to link or reject it.
    const requests = await db()
      .selectFrom('person_link_requests')
      .selectAll()
      .where('official_person_id', '=', victim.id)
      .execute();
    expect(requests).toMatchObject([{ status: 'open', declared_person_id: token.person_id }]);
  });

  it('cannot read the status or the history of the person behind that document', async () => {
    const victim = await officialRecord({ fullName: 'Tòng Văn Nam', phone: '0912555002', fLevel: 0 });
    const { result } = await declareAs(victim.person, { fullName: 'Tòng Văn Nam', phone: phone() });
    const status = await post('/api/public/status', { qrToken: result.qrToken });
    expect(status.json()).toMatchObject({ colour: 'none', reasons: ['awaiting_verification'] });
    expect(status.body).not.toContain('case');
  });
});

describe('the person officials recorded, declaring with the phone officials wrote down', () => {
  it("is linked to their record when name and birth year agree: a new QR bound to the phone, officials' data kept", async () => {
    const person = await officialRecord({ fullName: 'Lò Thị Hoa', phone: '0912555003', fLevel: 1, withOldToken: true });
    const { result, body } = await declareAs(person.person, {
      fullName: 'LO THI HOA',
      phone: '0912 555 003',
      addressLine: 'Nhà mới',
    });
    const token = await tokenRow(result.qrToken);
    expect(token).toMatchObject({ person_id: person.id, phone: '+84912555003', revoked_at: null });
    expect(tokenId(result.qrToken)).not.toBe(person.oldTokenId);
    const old = await db()
      .selectFrom('personal_qr_tokens')
      .select('revoked_at')
      .where('id', '=', person.oldTokenId)
      .executeTakeFirstOrThrow();
    expect(old.revoked_at).not.toBeNull();
    expect(result.status).toMatchObject({ colour: 'yellow', reasons: ['contact'] });
    const after = await row(person.id);
    expect(after).toMatchObject({
      full_name: 'Lò Thị Hoa',
      address_line: 'Bản Cư Nhà La',
      phone: '+84912555003',
      f_level: 1,
    });
    expect(after.phone_verified_at).not.toBeNull();
    // What the citizen typed is kept on the declaration, not written over the record.
    const declaration = await db()
      .selectFrom('health_declarations')
      .selectAll()
      .where('client_key', '=', body.clientKey)
      .executeTakeFirstOrThrow();
    expect(declaration.person_id).toBe(person.id);
    expect(declaration.declared_identity).toMatchObject({ fullName: 'LO THI HOA', addressLine: 'Nhà mới' });
  });

  it('is not linked when the name differs, even with the recorded phone', async () => {
    const person = await officialRecord({ fullName: 'Vàng Thị Mai', phone: '0912555004' });
    const { result } = await declareAs(person.person, { fullName: 'Vàng Thị Lan', phone: '0912555004' });
    expect(result.status.reasons).toEqual(['awaiting_verification']);
    expect((await tokenRow(result.qrToken)).person_id).not.toBe(person.id);
    expect((await row(person.id)).phone_verified_at).toBeNull();
  });
});

describe('a record a citizen verified with their phone', () => {
  it('is never taken by a declaration from another phone, and its owner keeps their QR', async () => {
    const owner1 = await declare(t);
    const ownerRow = await db()
      .selectFrom('people')
      .selectAll()
      .where('id_number', '=', owner1.body.person.idNumber)
      .executeTakeFirstOrThrow();
    const other = await declare(t, { person: { ...owner1.body.person, fullName: 'Người Khác', phone: phone() } });
    expect(other.result.status.reasons).toEqual(['awaiting_verification']);
    expect(other.result.qrToken).not.toBe(owner1.result.qrToken);
    expect(await row(ownerRow.id)).toEqual(ownerRow);
    const again = await declare(t, { person: owner1.body.person });
    expect(again.result.qrToken).toBe(owner1.result.qrToken);
  });

  it('a resend of the same submission answers the same declaration and QR, once', async () => {
    const body = declarationBody();
    const otp = await requestOtp(t, body.person.phone);
    const [a, b] = await Promise.all([
      post('/api/public/declarations', { ...body, otp }),
      post('/api/public/declarations', { ...body, otp }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(b.json().declarationId).toBe(a.json().declarationId);
    expect(b.json().qrToken).toBe(a.json().qrToken);
    // A resend without the code that was used is not the same submission.
    const forged = await post('/api/public/declarations', {
      ...body,
      otp: { challengeId: randomUUID(), code: '000000' },
    });
    expect(forged.statusCode).toBe(400);
  });
});
