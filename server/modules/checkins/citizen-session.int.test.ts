import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedVenue, declare, requestOtp } from '../../testing/factories.ts';
import { createTestPlatform, DOAN_KET, type TestClient, type TestPlatform } from '../../testing/test-platform.ts';

/**
 * Hole 2 of issue 11: the personal QR was a bearer credential for history. Whoever held a photo of
 * it (or any gate staff) read the person's check-ins. The QR now only proves a status at a gate;
 * reading or acting as the person takes the session opened by their phone's one-time code.
 */
let t: TestPlatform;
let owner: TestClient;
let venue: { id: string; public_code: string };
beforeAll(async () => {
  t = await createTestPlatform();
  owner = await t.signIn('organisation_admin', DOAN_KET);
  venue = await approvedVenue(t.platform.database.db, {
    communeCode: DOAN_KET,
    ownerUserId: owner.user.id,
    name: 'Chợ Đoàn Kết',
  });
});
afterAll(async () => t.close());

const inject = (url: string, payload: object, session?: string) =>
  t.app.inject({ method: 'POST', url, payload, headers: session ? { authorization: `Bearer ${session}` } : {} });

describe('a photo of a personal QR', () => {
  it('does not open the check-in history; the session of the phone does', async () => {
    const { result } = await declare(t);
    // The gate scans the QR (what a QR is for): the visit is recorded.
    expect((await owner.post(`/api/venues/${venue.id}/gate-scans`, { token: result.qrToken })).json()).toMatchObject({
      allowed: true,
    });

    const byQr = await inject('/api/public/me/checkins', { qrToken: result.qrToken });
    expect(byQr.statusCode).toBe(401);
    expect(byQr.body).not.toContain('Chợ Đoàn Kết');
    const byQrAsBearer = await inject('/api/public/me/checkins', {}, result.qrToken);
    expect(byQrAsBearer.statusCode).toBe(401);

    const mine = await inject('/api/public/me/checkins', {}, result.session.token);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items).toMatchObject([{ venueName: 'Chợ Đoàn Kết' }]);
  });

  it('does not check anyone in, out, or declare an arrival for them', async () => {
    const { result } = await declare(t);
    const checkin = await inject('/api/public/checkins', {
      clientKey: randomUUID(),
      venueCode: venue.public_code,
      qrToken: result.qrToken,
    });
    expect(checkin.statusCode).toBe(401);
    const arrival = await inject('/api/public/arrivals', {
      clientKey: randomUUID(),
      qrToken: result.qrToken,
      originKind: 'country',
      originCountry: 'LA',
      vehicleType: 'bus',
      departedOn: '2026-11-01',
      arrivedOn: '2026-11-01',
      destinationCommuneCode: DOAN_KET,
    });
    expect(arrival.statusCode).toBe(401);
    // The status colour for a gate stays readable with the QR alone.
    expect((await inject('/api/public/status', { qrToken: result.qrToken })).statusCode).toBe(200);
  });
});

describe('a phone without a session', () => {
  it('opens one with a fresh code, naming its person by the QR it keeps or by document', async () => {
    const { result, body } = await declare(t);
    const byQr = await inject('/api/public/sessions', {
      phone: body.person.phone,
      otp: await requestOtp(t, body.person.phone, 'session'),
      qrToken: result.qrToken,
    });
    expect(byQr.statusCode).toBe(200);
    expect(byQr.json()).toMatchObject({ qrToken: result.qrToken, status: { colour: 'green' } });
    expect((await inject('/api/public/me/checkins', {}, byQr.json().session.token)).statusCode).toBe(200);
    const byDocument = await inject('/api/public/sessions', {
      phone: body.person.phone,
      otp: await requestOtp(t, body.person.phone, 'session'),
      idType: 'cccd',
      idNumber: body.person.idNumber,
    });
    expect(byDocument.json().qrToken).toBe(result.qrToken);
    const audit = await t.platform.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'open_session')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });

  it('answers the same refusal for a document not declared with that phone, and takes no code made for something else', async () => {
    const { body } = await declare(t);
    const other = await declare(t);
    const refused = await inject('/api/public/sessions', {
      phone: body.person.phone,
      otp: await requestOtp(t, body.person.phone, 'session'),
      idType: 'cccd',
      idNumber: other.body.person.idNumber,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([{ path: 'phone', message: expect.any(String) }]);
    expect(refused.body).not.toContain('Nguyễn');
    const declarationCode = await requestOtp(t, other.body.person.phone, 'declaration');
    const wrongPurpose = await inject('/api/public/sessions', {
      phone: other.body.person.phone,
      otp: declarationCode,
      idType: 'cccd',
      idNumber: other.body.person.idNumber,
    });
    expect(wrongPurpose.json().error.details[0].path).toBe('otp.code');
  });

  it('loses its session after the configured days', async () => {
    const { result } = await declare(t);
    await t.platform.database.db
      .updateTable('citizen_sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('person_id', '=', (await t.platform.services.people.holderOf(result.qrToken))!.personId)
      .execute();
    expect((await inject('/api/public/me/checkins', {}, result.session.token)).statusCode).toBe(401);
    expect(await t.platform.services.citizenSessions.purgeExpired(new Date())).toBeGreaterThan(0);
  });
});
