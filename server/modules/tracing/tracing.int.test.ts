import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, DAY_MS, vietnamMidnight, vietnamToday } from '../../../core/vietnam-calendar.ts';
import { systemActor } from '../../shared/actor.ts';
import { approvedVenue, personRef } from '../../testing/factories.ts';
import {
  BINH_LU,
  createTestPlatform,
  DOAN_KET,
  LAI_CHAU,
  type TestClient,
  type TestPlatform,
} from '../../testing/test-platform.ts';

/**
 * Tracing on hand-built scenarios. The case's sample was taken two days ago (Viet Nam dates), so its
 * window opens at 00:00 of the day four days ago (`base`) and ends at its isolation, yesterday 12:00.
 */
let t: TestPlatform;
let cdc: TestClient;
const H = 3_600_000;
const M = 60_000;
const sampleDate = addDays(vietnamToday(), -2);
const base = vietnamMidnight(addDays(sampleDate, -2)).getTime();
const isolatedAt = new Date(vietnamMidnight(addDays(vietnamToday(), -1)).getTime() + 12 * H);
const people: Record<string, string> = {};
const venues: Record<string, string> = {};

const db = () => t.platform.database.db;

async function person(key: string, o: { address?: string; commune?: string } = {}) {
  const r = await t.platform.services.peopleRegistry.resolve(
    db(),
    systemActor('test'),
    personRef(`Người ${key}`, {
      communeCode: o.commune ?? DOAN_KET,
      birthYear: 1990,
      addressLine: o.address ?? `Nhà số ${key}`,
    }),
    'p',
  );
  people[key] = r.id;
}

async function stay(who: string, venue: string, from: number, to: number | null) {
  await db()
    .insertInto('checkins')
    .values({
      venue_id: venues[venue]!,
      person_id: people[who]!,
      checked_in_at: new Date(from),
      checked_out_at: to === null ? null : new Date(to),
      mode: 'visitor_scan',
      commune_code: DOAN_KET,
    })
    .execute();
}

beforeAll(async () => {
  t = await createTestPlatform();
  cdc = await t.signIn('health_department', LAI_CHAU);
  await t.platform.services.checkins.ensurePartitions(new Date(base - 2 * DAY_MS), new Date());
  for (const v of ['A', 'B', 'C', 'D'])
    venues[v] = (await approvedVenue(db(), { communeCode: DOAN_KET, name: `Địa điểm ${v}` })).id;
  for (const k of ['F0', 'P1', 'P2', 'P3', 'P4', 'P6', 'P7', 'P8', 'P9', 'P10']) await person(k);
  await person('P5', { address: 'Nhà số F0' }); // same household as F0, written the same way
  // Venue A: the case from 10:00 to 11:00 on the window's first day.
  await stay('F0', 'A', base + 10 * H, base + 11 * H);
  await stay('P1', 'A', base + 10.5 * H, null); // no check-out: 60 assumed minutes → 30 together
  await stay('P2', 'A', base + 10.75 * H, base + 11 * H); // exactly 15 minutes
  await stay('P3', 'A', base + 10.75 * H + M, base + 11 * H); // 14 minutes
  await stay('P4', 'A', base + 24 * H + 10 * H, base + 24 * H + 11 * H); // next day, case not there
  // Venue B across the window's start: only infectious minutes count.
  await stay('F0', 'B', base - 30 * M, base + 20 * M);
  await stay('P6', 'B', base - 30 * M, base + 5 * M); // 35 minutes together, 5 infectious
  await stay('P7', 'B', base - 30 * M, base + 20 * M); // 20 infectious minutes
  // Venue C across the isolation: nothing after it counts.
  await stay('F0', 'C', isolatedAt.getTime() - 10 * M, isolatedAt.getTime() + 50 * M);
  await stay('P8', 'C', isolatedAt.getTime() - 10 * M, isolatedAt.getTime() + 50 * M);
  // Venue D, the next day: P1 (exposed at 10:30 the day before) meets P9; P10 met P1 before the exposure.
  await stay('P1', 'D', base + 24 * H + 15 * H, base + 24 * H + 16 * H);
  await stay('P9', 'D', base + 24 * H + 15.5 * H, base + 24 * H + 16.5 * H);
  await stay('P10', 'D', base + 8 * H, base + 9 * H);
  await stay('P1', 'D', base + 8 * H, base + 9 * H);
});
afterAll(async () => t.close());

const byName = (items: { fullName: string }[]) => items.map((i) => i.fullName).sort();

describe('tracing a case', () => {
  let caseId: string;
  let contacts: {
    id: string;
    personId: string;
    fullName: string;
    household: boolean;
    totalOverlapMinutes: number;
    status: string;
    level: number;
  }[];

  it('registers the case once however often the form is sent, and turns its person red', async () => {
    const body = {
      clientKey: randomUUID(),
      subject: { personId: people.F0 },
      sampleDate,
      confirmedDate: addDays(sampleDate, 1),
      isolatedAt: isolatedAt.toISOString(),
      classification: 'community',
      profileCode: 'covid19_2020',
    };
    const [a, b] = await Promise.all([cdc.post('/api/cases', body), cdc.post('/api/cases', body)]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().id).toBe(b.json().id);
    caseId = a.json().id;
    expect(a.json()).toMatchObject({
      caseNumber: expect.stringMatching(/^12-\d{6}$/),
      classification: 'community',
      localityCode: DOAN_KET,
    });
    expect(await db().selectFrom('cases').select('id').where('person_id', '=', people.F0!).execute()).toHaveLength(1);
    const f0 = await db().selectFrom('people').select('f_level').where('id', '=', people.F0!).executeTakeFirstOrThrow();
    expect(f0.f_level).toBe(0);
  });

  it('proposes exactly the people who shared ≥ 15 infectious minutes, and the household', async () => {
    const res = await cdc.get(`/api/cases/${caseId}/contacts`);
    expect(res.statusCode).toBe(200);
    contacts = res.json().items;
    expect(byName(contacts)).toEqual(['Người P1', 'Người P2', 'Người P5', 'Người P7']);
    // Household first, then the most time together.
    expect(contacts.map((c) => c.fullName)).toEqual(['Người P5', 'Người P1', 'Người P7', 'Người P2']);
    expect(contacts.find((c) => c.fullName === 'Người P5')).toMatchObject({ household: true, totalOverlapMinutes: 0 });
    expect(contacts.find((c) => c.fullName === 'Người P2')!.totalOverlapMinutes).toBe(15);
    expect(contacts.every((c) => c.status === 'proposed' && c.level === 1)).toBe(true);
    const p1 = res.json().items.find((c: { fullName: string }) => c.fullName === 'Người P1');
    expect(p1.venues).toMatchObject([{ venueName: 'Địa điểm A', minutes: 30 }]);
  });

  it("changes nobody's status by proposing", async () => {
    const rows = await db()
      .selectFrom('people')
      .select('f_level')
      .where('id', 'in', [people.P1!, people.P2!])
      .execute();
    expect(rows.every((r) => r.f_level === null)).toBe(true);
  });

  it("confirms an F1: F-level 1, tasks from the profile, F2s proposed from the F1's own window", async () => {
    const p1 = contacts.find((c) => c.fullName === 'Người P1')!;
    const res = await cdc.post(`/api/contacts/${p1.id}/decision`, { decision: 'confirm' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'confirmed', level: 1 });
    const row = await db()
      .selectFrom('people')
      .select('f_level')
      .where('id', '=', people.P1!)
      .executeTakeFirstOrThrow();
    expect(row.f_level).toBe(1);
    const tasks = await db()
      .selectFrom('follow_up_tasks')
      .select(['kind', 'due_on'])
      .where('contact_id', '=', p1.id)
      .orderBy('due_on')
      .orderBy('kind')
      .execute();
    const today = vietnamToday();
    expect(tasks).toEqual([
      { kind: 'quarantine', due_on: today },
      { kind: 'test', due_on: today },
      { kind: 'test', due_on: addDays(today, 13) },
    ]);
    const f2 = (await cdc.get(`/api/cases/${caseId}/contacts?level=2`)).json().items;
    expect(byName(f2)).toEqual(['Người P9']);
    expect(f2[0]).toMatchObject({ viaName: 'Người P1', level: 2 });
    // A second decision on the same contact is refused, and the audit log has the first one.
    expect((await cdc.post(`/api/contacts/${p1.id}/decision`, { decision: 'reject' })).statusCode).toBe(409);
    const audit = await db().selectFrom('audit_events').select('action').where('entity_id', '=', p1.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['confirm']);
  });

  it('keeps a rejection through a re-run, and a re-run proposes nothing twice', async () => {
    const p2 = contacts.find((c) => c.fullName === 'Người P2')!;
    expect(
      (await cdc.post(`/api/contacts/${p2.id}/decision`, { decision: 'reject', note: 'Ngồi bàn khác, có vách ngăn' }))
        .statusCode,
    ).toBe(200);
    const rerun = await cdc.post(`/api/cases/${caseId}/tracing`);
    expect(rerun.json()).toMatchObject({ proposed: 0 });
    const after = (await cdc.get(`/api/cases/${caseId}/contacts?status=rejected`)).json().items;
    expect(after).toMatchObject([{ fullName: 'Người P2', decisionNote: 'Ngồi bàn khác, có vách ngăn' }]);
  });

  it('adds a contact the case named in the interview', async () => {
    const res = await cdc.post(`/api/cases/${caseId}/contacts`, {
      subject: personRef('Lò Văn Mạnh', { communeCode: BINH_LU, birthYear: 1980 }),
      note: 'Ăn cơm cùng tối 12',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ fullName: 'Lò Văn Mạnh', declared: true, status: 'proposed', level: 1 });
    const self = await cdc.post(`/api/cases/${caseId}/contacts`, { subject: { personId: people.F0 } });
    expect(self.statusCode).toBe(400);
  });

  it('links a confirmed F1 who becomes a case to the case they were found from', async () => {
    const res = await cdc.post('/api/cases', {
      clientKey: randomUUID(),
      subject: { personId: people.P1 },
      sampleDate: vietnamToday(),
      confirmedDate: vietnamToday(),
      classification: 'community',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().infectors).toEqual([{ id: caseId, caseNumber: expect.any(String) }]);
    const p1 = await db().selectFrom('people').select('f_level').where('id', '=', people.P1!).executeTakeFirstOrThrow();
    expect(p1.f_level).toBe(0);
    const asContact = (await cdc.get(`/api/cases/${caseId}/contacts?status=confirmed`)).json().items[0];
    expect(asContact.becameCaseId).toBe(res.json().id);
  });

  it('logs every read of a case and of its contacts', async () => {
    await cdc.get(`/api/cases/${caseId}`);
    const reads = await db()
      .selectFrom('audit_events')
      .select(['action'])
      .where('entity_type', '=', 'case')
      .where('entity_id', '=', caseId)
      .where('actor_id', '=', cdc.user.id)
      .execute();
    expect(reads.map((r) => r.action)).toContain('read');
    expect(reads.map((r) => r.action)).toContain('read_contacts');
  });
});

describe('the follow-up list', () => {
  it('lists the contacts living in the area and exports them as one logged read', async () => {
    const list = (await cdc.get(`/api/contacts?locality=${DOAN_KET}&status=confirmed`)).json().items;
    expect(list.map((c: { fullName: string }) => c.fullName)).toContain('Người P1');
    const file = await cdc.get(`/api/contacts/export.xlsx?locality=${DOAN_KET}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const exported = await db()
      .selectFrom('audit_events')
      .select('action')
      .where('entity_type', '=', 'contact')
      .where('action', '=', 'export')
      .execute();
    expect(exported).toHaveLength(1);
  });
});

describe('cases refused', () => {
  it("answers a neighbour commune's officer as if the case did not exist, and explains bad input", async () => {
    const neighbour = await t.signIn('commune_officer', BINH_LU);
    const list = (await cdc.get('/api/cases')).json().items;
    const res = await neighbour.get(`/api/cases/${list[0].id}`);
    expect(res.statusCode).toBe(404);
    const bad = await cdc.request({
      method: 'POST',
      url: '/api/cases',
      headers: { 'accept-language': 'en' },
      payload: {
        clientKey: randomUUID(),
        subject: { personId: people.P3 },
        confirmedDate: '2999-01-01',
        classification: 'community',
      },
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['confirmedDate', 'sampleDate']));
  });
});

describe('retention of venue evidence', () => {
  const contactsByName = async () => {
    const rows = await db()
      .selectFrom('contacts as k')
      .innerJoin('people as p', 'p.id', 'k.person_id')
      .select(['p.full_name', 'k.status', 'k.household', 'k.distinct_venues', 'k.last_exposure_at', 'k.evidence'])
      .execute();
    return new Map(rows.map((r) => [r.full_name, r]));
  };

  it('goes with the check-ins: venue-only proposals and rejections are deleted, household links lose their venues, confirmed contacts keep theirs', async () => {
    const retention = 21;
    expect(await t.platform.services.tracing.purgeExpiredEvidence(retention)).toEqual({ deleted: 0, stripped: 0 });
    const before = await contactsByName();
    expect(before.get('Người P2')).toMatchObject({ status: 'rejected' });
    expect(before.get('Người P7')).toMatchObject({ status: 'proposed' });
    expect(before.get('Người P9')).toMatchObject({ status: 'proposed', distinct_venues: 1 });
    // P2's rejection was also a household link (the same home): the link stays, the venues go.
    await db().updateTable('contacts').set({ household: true }).where('person_id', '=', people.P2!).execute();

    const later = new Date(Date.now() + (retention + 7) * DAY_MS);
    const r = await t.platform.services.tracing.purgeExpiredEvidence(retention, later);
    const after = await contactsByName();
    expect(after.has('Người P7')).toBe(false);
    expect(after.has('Người P9')).toBe(false);
    expect(after.get('Người P2')).toMatchObject({
      status: 'rejected',
      household: true,
      distinct_venues: 0,
      last_exposure_at: null,
      evidence: {},
    });
    expect(after.get('Người P1')).toMatchObject({ status: 'confirmed', distinct_venues: 1 });
    expect(after.get('Người P5')).toMatchObject({ household: true });
    expect(after.get('Lò Văn Mạnh')).toMatchObject({ status: 'proposed' });
    expect(r).toEqual({ deleted: before.size - after.size, stripped: 1 });
    // A second run finds nothing left to purge.
    expect(await t.platform.services.tracing.purgeExpiredEvidence(retention, later)).toEqual({
      deleted: 0,
      stripped: 0,
    });
  });
});
