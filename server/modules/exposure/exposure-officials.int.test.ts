import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysTouched, venueDayIdentifier } from '../../../core/rules/exposure-alerts.ts';
import type { ExposureFeed } from '../../../core/schemas/exposure.ts';
import { DAY_MS, vietnamToday } from '../../../core/vietnam-calendar.ts';
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

/** What officials do with exposure entries (issue 20): pending self-reports confirmed, a case's visit marked. */
let t: TestPlatform;
let officer: TestClient;
let venue: { id: string; public_code: string; exposure_key: string };
let caseId: string;
let visitor: { session: { token: string } };
const today = vietnamToday();
const db = () => t.platform.database.db;
const feed = async () =>
  (await t.app.inject({ method: 'GET', url: `/api/public/exposure/feeds/${LAI_CHAU}` })).json<ExposureFeed>();
// A visit six days ago: before the infectious window of a case sampled today, so not published at registration.
const earlier = new Date(Date.now() - 6 * DAY_MS);

beforeAll(async () => {
  t = await createTestPlatform();
  officer = await t.signIn('commune_officer', DOAN_KET);
  const v = await approvedVenue(db(), { communeCode: DOAN_KET, name: 'Chợ Đoàn Kết' });
  venue = await db()
    .selectFrom('venues')
    .select(['id', 'public_code', 'exposure_key'])
    .where('id', '=', v.id)
    .executeTakeFirstOrThrow();
  const { result: caseToBe } = await declare(t);
  visitor = (await declare(t)).result;
  await t.app.inject({
    method: 'POST',
    url: '/api/public/checkins',
    payload: { venueCode: venue.public_code },
    headers: bearer(caseToBe.session),
  });
  const holder = await t.platform.services.people.holderOf(caseToBe.qrToken);
  await t.platform.services.checkins.ensurePartitions(new Date(earlier.getTime() - DAY_MS), new Date());
  await db()
    .insertInto('checkins')
    .values({
      venue_id: venue.id,
      person_id: holder!.personId,
      checked_in_at: earlier,
      checked_out_at: new Date(earlier.getTime() + 40 * 60_000),
      mode: 'visitor_scan',
      commune_code: DOAN_KET,
    })
    .execute();
  const registered = await registerCase(t.platform.services, systemActor('test'), {
    clientKey: randomUUID(),
    subject: { personId: holder!.personId },
    sampleDate: today,
    confirmedDate: today,
    classification: 'community',
    sourceCaseIds: [],
  });
  caseId = registered.id;
});
afterAll(async () => t.close());

describe("a case's visits marked as a transmission risk", () => {
  it('lists the stays, publishes a marked one once, and logs both', async () => {
    const stays = (await officer.get(`/api/cases/${caseId}/exposure-stays`)).json().items as {
      checkedInAt: string;
      published: boolean;
      venueName: string;
    }[];
    expect(stays).toHaveLength(2);
    expect(stays.map((s) => s.published)).toEqual([true, false]);
    expect(stays[1]!.venueName).toBe('Chợ Đoàn Kết');
    const before = (await feed()).entries.length;

    const mark = { venueId: venue.id, checkedInAt: stays[1]!.checkedInAt };
    const res = await officer.post(`/api/cases/${caseId}/exposure-stays`, mark);
    expect(res.statusCode).toBe(201);
    expect(res.json().published).toBeGreaterThan(0);
    const f = await feed();
    expect(f.entries).toHaveLength(before + res.json().published);
    const day = daysTouched({ from: earlier, to: new Date(earlier.getTime() + 1) })[0]!;
    expect(f.entries.map((e) => e[0])).toContain(await venueDayIdentifier(venue.exposure_key, day));
    // Marked again (a double click): nothing published twice.
    expect((await officer.post(`/api/cases/${caseId}/exposure-stays`, mark)).json().published).toBe(0);
    const again = (await officer.get(`/api/cases/${caseId}/exposure-stays`)).json().items as { published: boolean }[];
    expect(again.every((s) => s.published)).toBe(true);

    const wrong = await officer.post(`/api/cases/${caseId}/exposure-stays`, {
      venueId: venue.id,
      checkedInAt: new Date(earlier.getTime() - 3_600_000).toISOString(),
    });
    expect(wrong.statusCode).toBe(400);

    const actions = await db()
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', caseId)
      .where('action', 'in', ['read', 'mark_transmission_risk'])
      .execute();
    expect(actions.filter((a) => a.action === 'mark_transmission_risk')).toHaveLength(2);
    expect(actions.filter((a) => a.action === 'read').length).toBeGreaterThanOrEqual(2);
  });
});

describe('pending self-reported entries', () => {
  it('lists a positive reporter whose check-ins are pending, exports it, and confirms them into the feed', async () => {
    const minute = Math.floor(Date.now() / 60_000);
    const identifier = await venueDayIdentifier(venue.exposure_key, today);
    const sent = await t.app.inject({
      method: 'POST',
      url: '/api/public/self-reports',
      headers: bearer(visitor.session),
      payload: {
        clientKey: randomUUID(),
        kind: 'positive_test',
        testDate: today,
        communeCode: DOAN_KET,
        consent: true,
        publish: [{ identifier, fromMinute: minute - 500, toMinute: minute - 430 }],
      },
    });
    expect(sent.statusCode).toBe(201);
    // A symptoms-only report publishes nothing: it is not on this list.
    await t.app.inject({
      method: 'POST',
      url: '/api/public/self-reports',
      headers: bearer(visitor.session),
      payload: { clientKey: randomUUID(), kind: 'symptoms', communeCode: DOAN_KET, consent: true },
    });

    const page = (await officer.get(`/api/exposure/pending?locality=${DOAN_KET}&limit=1`)).json();
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      id: sent.json().id,
      kind: 'positive_test',
      pendingEntries: 1,
      hasPhoto: false,
    });
    expect(page.nextCursor).toBeNull();
    const xlsx = await officer.get(`/api/exposure/pending/export.xlsx?locality=${DOAN_KET}`);
    expect(xlsx.statusCode).toBe(200);
    const listed = await db()
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'read_list')
      .where('entity_type', '=', 'self_report')
      .execute();
    expect(listed.length).toBeGreaterThan(0);
    expect((await feed()).entries.find((e) => e[0] === identifier && e[3] === 1)).toBeDefined();

    const handled = await officer.post(`/api/self-reports/${sent.json().id}/handle`, { exposure: 'confirm' });
    expect(handled.json()).toMatchObject({ exposureDecision: 'confirmed' });
    expect((await officer.get(`/api/exposure/pending?locality=${DOAN_KET}`)).json().items).toEqual([]);
    const confirmed = (await feed()).entries.filter((e) => e[0] === identifier && e[1] === minute - 500);
    expect(confirmed.map((e) => e[3])).toEqual([0]);

    // The reporter sees, with their phone's session, what they sent and what became of it.
    const mine = await t.app.inject({
      method: 'POST',
      url: '/api/public/me/self-reports',
      payload: {},
      headers: bearer(visitor.session),
    });
    expect(mine.json().items).toMatchObject([
      { kind: 'symptoms', publishedEntries: 0, status: 'received' },
      { kind: 'positive_test', publishedEntries: 1, exposureDecision: 'confirmed', status: 'handled' },
    ]);
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/public/me/self-reports', payload: {} });
    expect(anonymous.statusCode).toBe(401);
  });
});
