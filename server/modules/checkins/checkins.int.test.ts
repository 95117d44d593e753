import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedVenue, bearer, declare, setPersonMeasures } from '../../testing/factories.ts';
import {
  createTestPlatform,
  DOAN_KET,
  LAI_CHAU,
  type TestClient,
  type TestPlatform,
} from '../../testing/test-platform.ts';
import { DAY_MS, vietnamToday } from '../../../core/vietnam-calendar.ts';

let t: TestPlatform;
let owner: TestClient;
let venue: { id: string; public_code: string };
beforeAll(async () => {
  t = await createTestPlatform();
  owner = await t.signIn('organisation_admin', DOAN_KET);
  venue = await approvedVenue(t.platform.database.db, { communeCode: DOAN_KET, ownerUserId: owner.user.id });
});
afterAll(async () => t.close());

const db = () => t.platform.database.db;
type Citizen = { qrToken: string; session: { token: string } };
const checkin = (venueCode: string, who: Citizen | { session: { token: string } }) =>
  t.app.inject({
    method: 'POST',
    url: '/api/public/checkins',
    payload: { clientKey: randomUUID(), venueCode },
    headers: bearer(who.session),
  });
const asCitizen = (url: string, who: { session: { token: string } }, payload: object = {}) =>
  t.app.inject({ method: 'POST', url, payload, headers: bearer(who.session) });
const rowsOf = async (qrToken: string) => {
  const holder = await t.platform.services.people.holderOf(qrToken);
  return db().selectFrom('checkins').selectAll().where('person_id', '=', holder!.personId).execute();
};

describe('visitor scans the venue poster (mode 1)', () => {
  it('records one check-in; a resend or a second scan soon after returns the same one', async () => {
    const { result } = await declare(t);
    const first = await checkin(venue.public_code, result);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ venueName: 'Chợ trung tâm', repeated: false, status: { colour: 'green' } });
    const again = await checkin(venue.public_code, result);
    expect(again.json()).toMatchObject({ checkinId: first.json().checkinId, repeated: true });
    expect(await rowsOf(result.qrToken)).toHaveLength(1);
    const out = await asCitizen('/api/public/checkins/checkout', result, { checkedInAt: first.json().checkedInAt });
    expect(out.statusCode).toBe(200);
    const history = await asCitizen('/api/public/me/checkins', result);
    expect(history.json().items).toMatchObject([{ venueName: 'Chợ trung tâm', checkedOutAt: out.json().checkedOutAt }]);
    // Coming back in after checking out is a new visit, which can be checked out in turn.
    const back = await checkin(venue.public_code, result);
    expect(back.json()).toMatchObject({ repeated: false });
    expect(back.json().checkinId).not.toBe(first.json().checkinId);
    const outAgain = await asCitizen('/api/public/checkins/checkout', result, { checkedInAt: back.json().checkedInAt });
    expect(outAgain.statusCode).toBe(200);
  });

  it('records one row for simultaneous scans of the same person', async () => {
    const { result } = await declare(t);
    const answers = await Promise.all(Array.from({ length: 5 }, () => checkin(venue.public_code, result)));
    expect(new Set(answers.map((a) => a.json().checkinId)).size).toBe(1);
    expect(answers.filter((a) => a.json().repeated === false)).toHaveLength(1);
    expect(await rowsOf(result.qrToken)).toHaveLength(1);
  });

  it('never checks anyone in with a forged session, nor at an unknown or unapproved venue', async () => {
    const { result } = await declare(t);
    const forged = { session: { token: `${result.session.token.slice(0, -3)}abc` } };
    expect((await checkin(venue.public_code, forged)).statusCode).toBe(401);
    expect((await checkin('NOSUCHVENUE', result)).statusCode).toBe(404);
    const pending = await approvedVenue(db(), { communeCode: DOAN_KET });
    await db().updateTable('venues').set({ status: 'pending' }).where('id', '=', pending.id).execute();
    expect((await checkin(pending.public_code, result)).statusCode).toBe(404);
    expect(await rowsOf(result.qrToken)).toEqual([]);
  });
});

describe('staff scan personal QR codes at the gate (mode 2)', () => {
  const scan = (c: TestClient, venueId: string, token: string) =>
    c.post(`/api/venues/${venueId}/gate-scans`, { token });

  it('admits green and refuses red and yellow with the reason, recording only who entered', async () => {
    const green = (await declare(t)).result;
    const red = (await declare(t)).result;
    const yellow = (await declare(t, { symptoms: ['fever'] })).result;
    await setPersonMeasures(db(), (await t.platform.services.people.holderOf(red.qrToken))!.personId, {
      underQuarantine: true,
    });
    expect((await scan(owner, venue.id, green.qrToken)).json()).toMatchObject({
      allowed: true,
      colour: 'green',
      displayName: 'N. V. An',
    });
    expect((await scan(owner, venue.id, red.qrToken)).json()).toMatchObject({
      allowed: false,
      colour: 'red',
      reasons: ['quarantine'],
      checkinId: null,
    });
    expect((await scan(owner, venue.id, yellow.qrToken)).json()).toMatchObject({
      allowed: false,
      colour: 'yellow',
      reasons: ['symptoms'],
    });
    expect((await scan(owner, venue.id, 'P1.forged.token')).json()).toMatchObject({
      allowed: false,
      reasons: ['invalid_qr'],
    });
    expect(await rowsOf(green.qrToken)).toHaveLength(1);
    expect(await rowsOf(red.qrToken)).toEqual([]);
    const entries = (await owner.get(`/api/venues/${venue.id}/entries`)).json().items;
    expect(entries.every((e: { displayName: string }) => !e.displayName.includes('Nguyễn'))).toBe(true);
  });

  it('applies the gate policy to people without a valid declaration', async () => {
    const { result } = await declare(t);
    await db()
      .updateTable('health_declarations')
      .set({ valid_until: new Date(Date.now() - 1000) })
      .where('person_id', '=', (await t.platform.services.people.holderOf(result.qrToken))!.personId)
      .execute();
    expect((await scan(owner, venue.id, result.qrToken)).json()).toMatchObject({
      allowed: false,
      colour: 'none',
      reasons: ['no_valid_declaration'],
    });
    const open = await approvedVenue(db(), { communeCode: DOAN_KET, ownerUserId: owner.user.id, gatePolicy: 'open' });
    expect((await scan(owner, open.id, result.qrToken)).json()).toMatchObject({ allowed: true, colour: 'none' });
  });

  it('is open only to the venue owner and officials of its commune', async () => {
    const other = await t.signIn('organisation_admin', DOAN_KET);
    const { result } = await declare(t);
    expect((await scan(other, venue.id, result.qrToken)).statusCode).toBe(404);
    expect((await other.get(`/api/venues/${venue.id}/entries`)).statusCode).toBe(404);
    const officer = await t.signIn('commune_officer', DOAN_KET);
    expect((await scan(officer, venue.id, result.qrToken)).statusCode).toBe(200);
  });
});

describe('officials and retention', () => {
  it('counts check-ins per venue and day in a locality', async () => {
    const cdc = await t.signIn('health_department', LAI_CHAU);
    const today = vietnamToday();
    const counts = (await cdc.get(`/api/checkins/counts?from=${today}&to=${today}`)).json().items;
    const mine = counts.find((c: { venueId: string }) => c.venueId === venue.id);
    expect(mine).toMatchObject({ day: today, venueName: 'Chợ trung tâm' });
    expect(mine.checkins).toBeGreaterThanOrEqual(3);
    expect((await cdc.get(`/api/checkins/counts?from=${today}&to=2020-01-01`)).statusCode).toBe(400);
    const file = await cdc.get(`/api/checkins/counts/export.xlsx?from=${today}&to=${today}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('drops whole days once past retention (21 days by default)', async () => {
    const { result } = await declare(t);
    expect((await checkin(venue.public_code, result)).statusCode).toBe(200);
    const in20Days = await t.platform.services.checkins.maintain(new Date(Date.now() + 20 * DAY_MS));
    expect(in20Days.dropped).toEqual([]);
    const in23Days = await t.platform.services.checkins.maintain(new Date(Date.now() + 23 * DAY_MS));
    expect(in23Days.dropped.length).toBeGreaterThan(0);
    expect(await rowsOf(result.qrToken)).toEqual([]);
  });
});
