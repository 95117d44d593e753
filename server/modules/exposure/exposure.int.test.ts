import { createPublicKey, verify } from 'node:crypto';
import { randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { venueDayIdentifier } from '../../../core/rules/exposure-alerts.ts';
import type { ExposureFeed } from '../../../core/schemas/exposure.ts';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import { registerCase } from '../../commands/register-case.ts';
import { systemActor } from '../../shared/actor.ts';
import { approvedVenue, bearer, declare } from '../../testing/factories.ts';
import {
  createTestPlatform,
  DOAN_KET,
  LAI_CHAU,
  type TestClient,
  type TestPlatform,
} from '../../testing/test-platform.ts';

let t: TestPlatform;
let officer: TestClient;
let venue: { id: string; public_code: string };
let key: string;
type Citizen = { session: { token: string }; qrToken: string };
let visitor: Citizen;
const today = vietnamToday();
const db = () => t.platform.database.db;

const feed = (headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url: `/api/public/exposure/feeds/${LAI_CHAU}`, headers });
const parse = (res: { rawPayload: Buffer; headers: Record<string, unknown> }) => {
  const body = res.headers['content-encoding'] === 'gzip' ? gunzipSync(res.rawPayload) : res.rawPayload;
  return { body, feed: JSON.parse(body.toString()) as ExposureFeed };
};
const selfReport = (who: Citizen, payload: object) =>
  t.app.inject({
    method: 'POST',
    url: '/api/public/self-reports',
    payload: { clientKey: randomUUID(), ...payload },
    headers: bearer(who.session),
  });

beforeAll(async () => {
  t = await createTestPlatform();
  officer = await t.signIn('commune_officer', DOAN_KET);
  venue = await approvedVenue(db(), { communeCode: DOAN_KET });
  const { result: caseToBe } = await declare(t);
  visitor = (await declare(t)).result;
  for (const who of [caseToBe, visitor]) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/public/checkins',
      payload: { venueCode: venue.public_code },
      headers: bearer(who.session),
    });
    key = res.json().exposureKey;
  }
  const holder = await t.platform.services.people.holderOf(caseToBe.qrToken);
  await registerCase(t.platform.services, systemActor('test'), {
    clientKey: randomUUID(),
    subject: { personId: holder!.personId },
    sampleDate: today,
    confirmedDate: today,
    classification: 'community',
    sourceCaseIds: [],
  });
});
afterAll(async () => t.close());

describe('exposure feed', () => {
  it("publishes the case's stay under the venue's identifier of the day, signed, compressed, with an ETag", async () => {
    expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const res = await feed({ 'accept-encoding': 'gzip' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    const { body, feed: f } = parse(res);
    expect(f.province).toBe(LAI_CHAU);
    expect(f.entries).toHaveLength(1);
    expect(f.entries[0]![0]).toBe(await venueDayIdentifier(key, today));
    expect(f.entries[0]![3]).toBe(0);
    // Nothing in the feed names the venue, the case or a person.
    expect(body.toString()).not.toContain(venue.public_code);
    expect(body.toString()).not.toContain(venue.id);

    const pub = (await t.app.inject({ method: 'GET', url: '/api/public/exposure/key' })).json().publicKey as string;
    const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: pub }, format: 'jwk' });
    const signature = Buffer.from(String(res.headers['x-feed-signature']).replace('ed25519=', ''), 'base64url');
    expect(verify(null, body, publicKey, signature)).toBe(true);
    expect(verify(null, Buffer.from(body.toString().replace('"v":1', '"v":2')), publicKey, signature)).toBe(false);

    const again = await feed({ 'if-none-match': String(res.headers.etag) });
    expect(again.statusCode).toBe(304);
  });
});

describe('self-reports', () => {
  it('refuses a report without consent, and a photo that is not an image', async () => {
    const refused = await selfReport(visitor, { kind: 'symptoms', symptoms: ['fever'], communeCode: DOAN_KET });
    expect(refused.statusCode).toBe(400);
    const ok = await selfReport(visitor, { kind: 'symptoms', communeCode: DOAN_KET, consent: true });
    expect(ok.statusCode).toBe(201);
    const notImage = await t.app.inject({
      method: 'PUT',
      url: `/api/public/self-reports/${ok.json().id}/photo`,
      payload: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      headers: { ...bearer(visitor.session), 'content-type': 'image/png' },
    });
    expect(notImage.statusCode).toBe(415);
  });

  it("publishes a positive reporter's check-ins as pending, shows the report to the commune, which withdraws them", async () => {
    const identifier = await venueDayIdentifier(key, today);
    const minute = Math.floor(Date.now() / 60_000);
    const report = {
      kind: 'positive_test',
      testDate: today,
      communeCode: DOAN_KET,
      consent: true,
      publish: [{ identifier, fromMinute: minute - 200, toMinute: minute - 140 }],
      clientKey: randomUUID(),
    };
    const res = await selfReport(visitor, report);
    expect(res.json()).toMatchObject({ publishedEntries: 1 });
    // The phone lost the answer and sends again: the first answer, nothing recorded or published twice.
    const resent = await selfReport(visitor, report);
    expect(resent.json()).toEqual(res.json());
    const rows = await db()
      .selectFrom('self_reports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('client_key', '=', report.clientKey)
      .executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBe(1);
    const photo = await t.app.inject({
      method: 'PUT',
      url: `/api/public/self-reports/${res.json().id}/photo`,
      payload: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]),
      headers: { ...bearer(visitor.session), 'content-type': 'image/jpeg' },
    });
    expect(photo.statusCode).toBe(200);
    expect(parse(await feed()).feed.entries.filter((e) => e[3] === 1)).toHaveLength(1);

    const work = (await officer.get('/api/today')).json();
    const group = work.groups.find((g: { kind: string }) => g.kind === 'self_reports');
    expect(group.count).toBe(2);
    expect((await officer.get(`/api/self-reports/${res.json().id}/photo`)).statusCode).toBe(200);

    const handled = await officer.post(`/api/self-reports/${res.json().id}/handle`, { exposure: 'withdraw' });
    expect(handled.json()).toMatchObject({ status: 'handled', exposureDecision: 'withdrawn' });
    expect(parse(await feed()).feed.entries).toHaveLength(1);

    const counts = (await officer.get('/api/exposure/counts')).json();
    expect(counts.days[0]).toMatchObject({ day: today, selfReportsReceived: 2, selfReportsHandled: 1 });
    expect(counts.venues).toEqual([{ day: today, venueName: 'Chợ trung tâm', entries: 1 }]);
  });
});
