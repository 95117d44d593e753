import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../shared/actor.ts';
import { bearer, declare, personRef, requestOtp } from '../../testing/factories.ts';
import { createTestPlatform, DOAN_KET, LAI_CHAU, type TestPlatform } from '../../testing/test-platform.ts';
import { registerCase } from '../../commands/register-case.ts';

/**
 * A person's rights (Law 91/2025): a copy of everything held about them, after a fresh one-time
 * code, as JSON and as a readable PDF; and which agencies accessed their data, never which official.
 */
let t: TestPlatform;
const pdftotext = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((p) => fs.existsSync(p));
const sys = systemActor('test');
const contactPhone = '0912777001';
let citizen: Awaited<ReturnType<typeof declare>>['result'];
let personId: string;

beforeAll(async () => {
  // Several fresh codes to one phone within minutes: the per-phone limit is not what is tested here.
  t = await createTestPlatform({ otp: { ttlMinutes: 5, maxAttempts: 5, maxPerPhonePer10Minutes: 50 } });
  const { tracing, quarantine, testing } = t.platform.services;
  // Officials record a case and, as its contact, someone with a phone: an F1 in quarantine, tested.
  const theCase = await registerCase(t.platform.services, sys, {
    clientKey: randomUUID(),
    subject: personRef('Nguyễn Thị Nguồn Lây', { communeCode: DOAN_KET }),
    sampleDate: '2026-11-20',
    confirmedDate: '2026-11-21',
    classification: 'community',
    sourceCaseIds: [],
  });
  const ref = personRef('Lường Văn Đức', { birthYear: 1979, communeCode: DOAN_KET, addressLine: 'Bản Nậm Loỏng' });
  if (!('person' in ref)) throw new Error('unreachable');
  const contact = await tracing.declare(sys, theCase.id, {
    subject: { person: { ...ref.person, phone: contactPhone } },
  });
  await tracing.decide(sys, contact.id, { decision: 'confirm' });
  personId = contact.personId;
  const db = t.platform.database.db;
  const place = await db.selectFrom('localities').select('path').where('code', '=', DOAN_KET).executeTakeFirstOrThrow();
  const f = await db
    .insertInto('facilities')
    .values({
      name: 'Khu cách ly Bản Hon',
      kind: 'concentrated',
      locality_code: DOAN_KET,
      locality_path: place.path,
      address_line: 'Bản Hon',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('facility_capacity')
    .values({ facility_id: f.id, kind: 'quarantine_place', capacity: 10 })
    .execute();
  await quarantine.admit(sys, {
    clientKey: randomUUID(),
    subject: { personId },
    reason: 'f1',
    facilityId: f.id,
    vaccinatedOrRecovered: false,
  });
  const order = (await testing.listOrders(sys, { locality: DOAN_KET, limit: 50 })).items.find(
    (o) => o.personId === personId,
  )!;
  await testing.recordSample(sys, {
    code: 'DUC-1',
    orderId: order.id,
    kind: 'rt_pcr',
    collectedAt: new Date().toISOString(),
  });
  await testing.sampleResults(sys, { items: [{ code: 'DUC-1', result: 'negative' }] });
  // The person declares with the phone officials recorded: linked to their record.
  citizen = (
    await declare(t, {
      person: {
        idType: 'cccd',
        idNumber: ref.person.idNumber,
        fullName: 'Lường Văn Đức',
        birthYear: 1979,
        gender: 'male',
        phone: contactPhone,
        communeCode: DOAN_KET,
      },
    })
  ).result;
  // They came from a ward of Hà Nội, a province this installation has not loaded.
  const arrival = await asCitizen('/api/public/arrivals', {
    clientKey: randomUUID(),
    originKind: 'commune',
    originCode: '00004',
    vehicleType: 'bus',
    vehicleNumber: '29B-123.45',
    departedOn: '2026-11-01',
    arrivedOn: '2026-11-02',
    destinationCommuneCode: DOAN_KET,
  });
  if (arrival.statusCode !== 200) throw new Error(`arrival: ${arrival.statusCode} ${arrival.body}`);
  // They self-reported symptoms from the phone (issue 20).
  const report = await asCitizen('/api/public/self-reports', {
    clientKey: randomUUID(),
    kind: 'symptoms',
    symptoms: ['fever', 'cough'],
    communeCode: DOAN_KET,
    consent: true,
  });
  if (report.statusCode !== 201) throw new Error(`self-report: ${report.statusCode} ${report.body}`);
});
afterAll(async () => t.close());

const asCitizen = (url: string, payload: object, session = citizen.session, lang = 'vi') =>
  t.app.inject({ method: 'POST', url, payload, headers: { ...bearer(session), 'accept-language': lang } });

describe('my data', () => {
  it('takes the session and a fresh code: neither the QR, nor the session alone, nor a code for something else', async () => {
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/public/me/data',
          payload: { format: 'json', qrToken: citizen.qrToken },
        })
      ).statusCode,
    ).toBe(400);
    const noSession = await t.app.inject({
      method: 'POST',
      url: '/api/public/me/data',
      payload: { format: 'json', otp: await requestOtp(t, contactPhone, 'my_data') },
    });
    expect(noSession.statusCode).toBe(401);
    const sessionCode = await requestOtp(t, contactPhone, 'session');
    expect(
      (await asCitizen('/api/public/me/data', { format: 'json', otp: sessionCode })).json().error.details[0].path,
    ).toBe('otp.code');
  });

  it("answers everything held about me as JSON, with no one else's identity", async () => {
    const res = await asCitizen('/api/public/me/data', {
      format: 'json',
      otp: await requestOtp(t, contactPhone, 'my_data'),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="du-lieu-cua-toi-.*\.json"/);
    const data = res.json();
    expect(data.person).toMatchObject({
      fullName: 'Lường Văn Đức',
      phone: '+84912777001',
      status: { fLevel: 1, underQuarantine: true },
    });
    expect(data.healthDeclarations).toHaveLength(1);
    expect(data.consents).toMatchObject([{ purpose: 'epidemic_prevention' }]);
    expect(data.contacts).toMatchObject([{ level: 1, status: 'confirmed' }]);
    expect(data.quarantineStays).toMatchObject([{ facility: 'Khu cách ly Bản Hon', reason: 'f1', status: 'active' }]);
    expect(data.samples).toMatchObject([{ code: 'DUC-1', result: 'negative' }]);
    expect(data.testOrders.length).toBeGreaterThan(0);
    // Places by name, wherever in the country: the origin's code only beside its name.
    expect(data.arrivals).toMatchObject([
      {
        originKind: 'commune',
        originCode: '00004',
        origin: 'Phường Ba Đình, Thành phố Hà Nội',
        destination: 'Phường Đoàn Kết, Tỉnh Lai Châu',
      },
    ]);
    expect(data.person.commune).toBe('Phường Đoàn Kết, Tỉnh Lai Châu');
    expect(data.selfReports).toMatchObject([
      { kind: 'symptoms', symptoms: ['fever', 'cough'], testPhoto: false, publishedCheckins: 0, status: 'received' },
    ]);
    expect(data.alertsSent).toEqual([]);
    expect(res.body).not.toContain('Nguồn Lây');
    const audit = await t.platform.database.db
      .selectFrom('audit_events')
      .select(['actor_id', 'actor_role', 'after'])
      .where('action', '=', 'export_own_data')
      .where('entity_id', '=', personId)
      .execute();
    expect(audit).toMatchObject([{ actor_id: null, actor_role: 'citizen', after: { format: 'json' } }]);
  });

  it('answers a readable PDF, Vietnamese diacritics intact', async () => {
    const res = await asCitizen('/api/public/me/data', {
      format: 'pdf',
      otp: await requestOtp(t, contactPhone, 'my_data'),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    if (pdftotext) {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'my-data-')), 'copy.pdf');
      fs.writeFileSync(file, res.rawPayload);
      const text = execFileSync(pdftotext, ['-layout', file, '-'], { encoding: 'utf8' });
      for (const words of [
        'BẢN SAO DỮ LIỆU CÁ NHÂN',
        'Lường Văn Đức',
        'Khu cách ly Bản Hon',
        'Âm tính',
        'Tờ khai y tế',
        'Phường Ba Đình',
      ])
        expect(text).toContain(words);
      expect(text).not.toContain('Nguồn Lây');
      expect(text).not.toContain('00004');
    }
  });

  it('names places in English with their Vietnamese proper names and an English level word', async () => {
    const res = await asCitizen(
      '/api/public/me/data',
      { format: 'json', otp: await requestOtp(t, contactPhone, 'my_data') },
      citizen.session,
      'en',
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().arrivals).toMatchObject([
      { origin: 'Ba Đình Ward, Hà Nội City', destination: 'Đoàn Kết Ward, Lai Châu Province' },
    ]);
  });

  it('tells which agencies accessed my data and when, never which official, and not my own acts', async () => {
    const officer = await t.signIn('commune_officer', DOAN_KET, 'can.bo.doan.ket');
    // An official's read that names the person (what every read of a record writes).
    await t.platform.services.auditTrail.record(
      t.platform.database.db,
      {
        userId: officer.user.id,
        username: officer.user.username,
        role: 'commune_officer',
        scope: { code: DOAN_KET },
        ip: null,
        requestId: null,
      },
      {
        action: 'read',
        entityType: 'contact',
        entityId: randomUUID(),
        subjectIds: [personId],
      },
    );
    const cdc = await t.signIn('health_department', LAI_CHAU);
    expect((await cdc.get(`/api/people/${personId}/duplicates`)).statusCode).toBe(200);
    const page = await asCitizen('/api/public/me/accesses', { limit: 50 });
    expect(page.statusCode).toBe(200);
    const items = page.json().items as { agency: string; kind: string; record: string }[];
    expect(items).toContainEqual(
      expect.objectContaining({
        agency: expect.stringMatching(/^UBND, Trạm Y tế cấp xã — .*Đoàn Kết$/),
        kind: 'read',
        record: 'Thông tin tiếp xúc gần',
      }),
    );
    expect(items).toContainEqual(
      expect.objectContaining({
        agency: expect.stringMatching(/^Sở Y tế \/ Trung tâm Kiểm soát bệnh tật — .*Lai Châu$/),
        kind: 'read',
        record: 'Thông tin cá nhân',
      }),
    );
    expect(page.body).not.toContain('can.bo.doan.ket');
    expect(page.body).not.toContain(officer.user.id);
    // Keyset paging.
    const first = (await asCitizen('/api/public/me/accesses', { limit: 1 })).json();
    expect(first.items).toHaveLength(1);
    const second = (await asCitizen('/api/public/me/accesses', { limit: 1, after: first.nextCursor })).json();
    expect(second.items[0]).not.toEqual(first.items[0]);
    // The QR alone opens nothing.
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/public/me/accesses', payload: { qrToken: citizen.qrToken } }))
        .statusCode,
    ).toBe(401);
  });
});
