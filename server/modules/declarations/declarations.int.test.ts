import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, declare, declarationBody, requestOtp, setPersonMeasures } from '../../testing/factories.ts';
import { BINH_LU, createTestPlatform, DOAN_KET, LAI_CHAU, type TestPlatform } from '../../testing/test-platform.ts';
import { DAY_MS } from '../../../core/vietnam-calendar.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(async () => t.close());

const post = (url: string, payload: object, lang = 'vi', headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload, headers: { 'accept-language': lang, ...headers } });
const db = () => t.platform.database.db;

describe('health declaration', () => {
  it('answers a green personal QR for a clean declaration, with consent recorded', async () => {
    const { result, body } = await declare(t);
    expect(result.qrToken).toMatch(/^P1\./);
    expect(result.status).toMatchObject({ colour: 'green', reasons: [], displayName: 'N. V. An', birthYear: 1985 });
    expect(result.qrToken).not.toContain(body.person.idNumber);
    const person = await db()
      .selectFrom('people')
      .selectAll()
      .where('id_number', '=', body.person.idNumber)
      .executeTakeFirstOrThrow();
    expect(person.phone_verified_at).not.toBeNull();
    const consents = await db().selectFrom('consents').selectAll().where('person_id', '=', person.id).execute();
    expect(consents).toMatchObject([{ purpose: 'epidemic_prevention', notice_version: '2026-01' }]);
  });

  it('turns yellow with symptoms, and red once tracing marks the person F0', async () => {
    const { result } = await declare(t, { symptoms: ['fever', 'cough'] });
    expect(result.status).toMatchObject({ colour: 'yellow', reasons: ['symptoms'] });
    const holder = (await t.platform.services.people.holderOf(result.qrToken))!;
    await setPersonMeasures(db(), holder.personId, { fLevel: 0 });
    const status = await post('/api/public/status', { qrToken: result.qrToken });
    expect(status.json()).toMatchObject({ colour: 'red', reasons: ['case'] });
  });

  it('never creates two records for a double submission from a flaky phone', async () => {
    const body = declarationBody();
    const otp = await requestOtp(t, body.person.phone);
    const [a, b] = await Promise.all([
      post('/api/public/declarations', { ...body, otp }),
      post('/api/public/declarations', { ...body, otp }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    // The same declaration and QR; each answer carries a session of its own (sessions are stored hashed).
    const same = (r: typeof a) => ({ ...r.json(), session: undefined });
    expect(same(a)).toEqual(same(b));
    const third = await post('/api/public/declarations', { ...body, otp });
    expect(same(third)).toEqual(same(a));
    const rows = await db()
      .selectFrom('health_declarations')
      .select('id')
      .where('client_key', '=', body.clientKey)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('re-declaring updates the same person and keeps the same QR', async () => {
    const first = await declare(t);
    const again = await declare(t, {
      person: { ...first.body.person, addressLine: 'Địa chỉ mới' },
      exposures: ['contact_with_case'],
    });
    expect(again.result.qrToken).toBe(first.result.qrToken);
    expect(again.result.status.colour).toBe('yellow');
    const people = await db()
      .selectFrom('people')
      .select(['address_line'])
      .where('id_number', '=', first.body.person.idNumber)
      .execute();
    expect(people).toEqual([{ address_line: 'Địa chỉ mới' }]);
  });

  it('refuses a wrong OTP, a reused OTP and a wrong CCCD with field details, saving nothing', async () => {
    const body = declarationBody();
    const otp = await requestOtp(t, body.person.phone);
    const wrong = await post('/api/public/declarations', {
      ...body,
      otp: { ...otp, code: otp.code === '000000' ? '111111' : '000000' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].path).toBe('otp.code');
    const badId = await post(
      '/api/public/declarations',
      { ...body, clientKey: randomUUID(), otp, person: { ...body.person, idNumber: '012186001234' } },
      'en',
    );
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.details).toEqual([
      { path: 'person.idNumber', message: 'CCCD digits 5–6 do not match the year of birth' },
    ]);
    const badCommune = await post('/api/public/declarations', {
      ...body,
      clientKey: randomUUID(),
      otp,
      person: { ...body.person, communeCode: '99999' },
    });
    expect(badCommune.json().error.details[0].path).toBe('person.communeCode');
    const noConsent = await post('/api/public/declarations', {
      ...body,
      otp,
      consent: { accepted: false, noticeVersion: '2026-01' },
    });
    expect(noConsent.json().error.details[0].path).toBe('consent.accepted');
    expect(
      await db().selectFrom('people').select('id').where('id_number', '=', body.person.idNumber).execute(),
    ).toEqual([]);
  });

  it('never moves a verified record to another phone: that phone gets a record awaiting verification', async () => {
    // Issue 11: a 409 here told a stranger that the document was registered; the declaration is
    // now kept on a record of its own for officials to link, and the first record is untouched.
    const first = await declare(t);
    const body = declarationBody({ person: { ...first.body.person, phone: '0987654321' } });
    const otp = await requestOtp(t, body.person.phone);
    const res = await post('/api/public/declarations', { ...body, otp });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toMatchObject({ colour: 'none', reasons: ['awaiting_verification'] });
    const registered = await db()
      .selectFrom('people')
      .select('phone')
      .where('id_number', '=', first.body.person.idNumber)
      .where('identity_status', '=', 'registered')
      .executeTakeFirstOrThrow();
    expect(registered.phone).toBe(`+84${first.body.person.phone.slice(1)}`);
  });

  it('limits codes per phone', async () => {
    const p = '0911000111';
    for (let i = 0; i < 3; i++) await requestOtp(t, p);
    const res = await post('/api/public/otp', { phone: p, purpose: 'declaration' });
    expect(res.statusCode).toBe(429);
    expect((await post('/api/public/otp', { phone: '12345', purpose: 'declaration' })).statusCode).toBe(400);
  });
});

describe('per-address limit', () => {
  it('slows down one address asking for codes', async () => {
    const limited = await createTestPlatform({ publicRateLimit: { otpPerMinute: 2, submitPerMinute: 2 } });
    const ask = (n: number) =>
      limited.app.inject({
        method: 'POST',
        url: '/api/public/otp',
        payload: { phone: `091200000${n}`, purpose: 'declaration' },
      });
    expect([(await ask(1)).statusCode, (await ask(2)).statusCode, (await ask(3)).statusCode]).toEqual([200, 200, 429]);
    await limited.close();
  });
});

describe('arrivals', () => {
  it('flags arrivals from abroad and from high-risk or zoned localities for the destination commune', async () => {
    const { result } = await declare(t);
    await db().insertInto('locality_risk_status').values({ code: '11', level: 3 }).execute();
    const base = {
      vehicleType: 'bus',
      vehicleNumber: '25B-012.34',
      departedOn: '2026-11-01',
      arrivedOn: '2026-11-02',
      destinationCommuneCode: DOAN_KET,
    };
    const arrive = (body: object) => post('/api/public/arrivals', { ...base, ...body }, 'vi', bearer(result.session));
    const abroad = await arrive({ clientKey: randomUUID(), originKind: 'country', originCountry: 'LA' });
    expect(abroad.json()).toMatchObject({ flagged: true, flagReasons: ['international'] });
    const risky = await arrive({ clientKey: randomUUID(), originKind: 'commune', originCode: '03127' });
    expect(risky.json()).toMatchObject({ flagged: true, flagReasons: ['high_risk_origin'] });
    const calm = await arrive({ clientKey: randomUUID(), originKind: 'province', originCode: '01' });
    expect(calm.json()).toMatchObject({ flagged: false });
    const officer = await t.signIn('commune_officer', DOAN_KET);
    const pending = (await officer.get('/api/arrivals?followUp=pending')).json().items;
    expect(pending.map((a: { id: string }) => a.id).sort()).toEqual(
      [abroad.json().arrivalId, risky.json().arrivalId].sort(),
    );
    // Officials read where people came from by name, wherever it is in the country; the code stays beside it.
    const all: { id: string; origin: string; originName: string | null }[] = (
      await officer.get('/api/arrivals?limit=500')
    ).json().items;
    const origins = new Map(all.map((a) => [a.id, [a.origin, a.originName]]));
    expect(origins.get(abroad.json().arrivalId)).toEqual(['LA', 'Lào']);
    expect(origins.get(risky.json().arrivalId)).toEqual(['03127', 'Phường Điện Biên Phủ, Tỉnh Điện Biên']);
    expect(origins.get(calm.json().arrivalId)).toEqual(['01', 'Thành phố Hà Nội']);
    expect(
      (await officer.patch(`/api/arrivals/${abroad.json().arrivalId}`, { followUpStatus: 'contacted' })).statusCode,
    ).toBe(200);
    const neighbour = await t.signIn('commune_officer', BINH_LU);
    expect((await neighbour.get('/api/arrivals')).json().items).toEqual([]);
    expect(
      (await neighbour.patch(`/api/arrivals/${risky.json().arrivalId}`, { followUpStatus: 'closed' })).statusCode,
    ).toBe(404);
  });

  it('refuses forged sessions, future dates, arrival before departure and unknown origins', async () => {
    const { result } = await declare(t);
    const base = {
      clientKey: randomUUID(),
      vehicleType: 'car',
      originKind: 'province',
      originCode: '01',
      departedOn: '2026-11-02',
      arrivedOn: '2026-11-02',
      destinationCommuneCode: DOAN_KET,
    };
    const arrive = (body: object) => post('/api/public/arrivals', { ...base, ...body }, 'vi', bearer(result.session));
    const forged = await post(
      '/api/public/arrivals',
      base,
      'vi',
      bearer({ token: `${result.session.token.slice(0, -2)}xx` }),
    );
    expect(forged.statusCode).toBe(401);
    expect(forged.json().error.details[0].path).toBe('session');
    expect((await arrive({ arrivedOn: '2999-01-01' })).json().error.details[0].path).toBe('arrivedOn');
    expect((await arrive({ departedOn: '2026-11-03' })).json().error.details[0].path).toBe('arrivedOn');
    expect((await arrive({ originCode: '99' })).json().error.details[0].path).toBe('originCode');
  });
});

describe('residence declaration by a host', () => {
  it('creates one arrival per guest, once', async () => {
    const host = { name: 'Khách sạn Mường Thanh', phone: '0988000111' };
    const body = {
      clientKey: randomUUID(),
      communeCode: DOAN_KET,
      guests: [
        {
          person: {
            idType: 'passport',
            idNumber: 'N1234567',
            fullName: 'John Smith',
            birthYear: 1990,
            gender: 'male',
            nationality: 'GB',
          },
          originKind: 'country',
          originCountry: 'GB',
          arrivedOn: '2026-11-20',
        },
        {
          person: {
            idType: 'cmnd',
            idNumber: '123456789',
            fullName: 'Trần Thị B',
            birthYear: 1970,
            gender: 'female',
            nationality: 'VN',
          },
          originKind: 'province',
          originCode: '01',
          arrivedOn: '2026-11-20',
        },
      ],
    };
    const otp = await requestOtp(t, host.phone);
    const res = await post('/api/public/residence', { ...body, host: { ...host, otp } });
    expect(res.json()).toEqual({ arrivals: 2, repeated: false });
    expect((await post('/api/public/residence', { ...body, host: { ...host, otp } })).json()).toEqual({
      arrivals: 2,
      repeated: true,
    });
    const admin = await t.signIn('health_department', LAI_CHAU);
    const hosted = (await admin.get('/api/arrivals?limit=500'))
      .json()
      .items.filter((a: { declaredByHost: string | null }) => a.declaredByHost?.startsWith('Khách sạn'));
    expect(hosted).toHaveLength(2);
  });
});

describe('officials', () => {
  it('list declarations of their locality only, logging each read, and export them', async () => {
    await declare(t, { person: { communeCode: BINH_LU } });
    const officer = await t.signIn('commune_officer', BINH_LU);
    const page = (await officer.get('/api/declarations?limit=500')).json();
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((d: { communeCode: string }) => d.communeCode === BINH_LU)).toBe(true);
    const reads = await db()
      .selectFrom('audit_events')
      .select(['action', 'entity_type'])
      .where('actor_id', '=', officer.user.id)
      .execute();
    expect(reads).toContainEqual({ action: 'read_list', entity_type: 'health_declaration' });
    const file = await officer.get('/api/declarations/export.xlsx');
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const exports = await db()
      .selectFrom('audit_events')
      .select('action')
      .where('actor_id', '=', officer.user.id)
      .where('action', '=', 'export')
      .execute();
    expect(exports).toHaveLength(1);
    const org = await t.signIn('organisation_admin', BINH_LU);
    expect((await org.get('/api/declarations')).statusCode).toBe(403);
  });

  it("export places and declared words in the reader's language, never as codes", async () => {
    await declare(t, { person: { communeCode: BINH_LU }, symptoms: ['fever', 'shortness_of_breath'] });
    const officer = await t.signIn('commune_officer', BINH_LU);
    const csv = async (lang: string) =>
      (
        await officer.request({
          method: 'GET',
          url: '/api/declarations/export.csv',
          headers: { 'accept-language': lang },
        })
      ).rawPayload.toString('utf8');
    const vi = await csv('vi');
    expect(vi).toContain('Xã Bình Lư');
    expect(vi).toContain('Sốt, Khó thở');
    const en = await csv('en');
    expect(en).toContain('Bình Lư Commune');
    expect(en).toContain('Fever, Shortness of breath');
    expect(en).not.toContain('shortness_of_breath');
  });
});

describe('retention', () => {
  it('removes declarations past their retention period, and spent codes', async () => {
    const { result } = await declare(t);
    const personId = (await t.platform.services.people.holderOf(result.qrToken))!.personId;
    const svc = t.platform.services.declarationsOfficials;
    const early = await svc.purgeExpired(60, new Date(Date.now() + 59 * DAY_MS));
    expect(early.codes).toBeGreaterThan(0); // codes live a day at most
    expect(
      await db().selectFrom('health_declarations').select('id').where('person_id', '=', personId).execute(),
    ).toHaveLength(1);
    const late = await svc.purgeExpired(60, new Date(Date.now() + 61 * DAY_MS));
    expect(late.declarations).toBeGreaterThan(0);
    expect(
      await db().selectFrom('health_declarations').select('id').where('person_id', '=', personId).execute(),
    ).toEqual([]);
  });
});

describe('erasure', () => {
  it('erases a citizen on request, but not while under an epidemic measure', async () => {
    const { result, body } = await declare(t);
    const otp = await requestOtp(t, body.person.phone, 'erase');
    const holder = (await t.platform.services.people.holderOf(result.qrToken))!;
    await setPersonMeasures(db(), holder.personId, { fLevel: 1 });
    expect((await post('/api/public/me/erase', { otp }, 'vi', bearer(result.session))).statusCode).toBe(409);
    await setPersonMeasures(db(), holder.personId, { fLevel: null });
    // The QR alone never erases anyone.
    expect((await post('/api/public/me/erase', { qrToken: result.qrToken, otp })).statusCode).toBe(401);
    expect((await post('/api/public/me/erase', { otp }, 'vi', bearer(result.session))).json()).toEqual({
      erased: true,
    });
    expect(await t.platform.services.people.holderOf(result.qrToken)).toBeNull();
    expect(await t.platform.services.citizenSessions.holder(result.session.token)).toBeNull();
    const row = await db().selectFrom('people').selectAll().where('id', '=', holder.personId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ full_name: '', phone: null });
    expect(
      await db().selectFrom('health_declarations').select('id').where('person_id', '=', holder.personId).execute(),
    ).toEqual([]);
  });
});
