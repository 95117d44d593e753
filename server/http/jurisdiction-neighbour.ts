import type { LightMyRequestResponse } from 'fastify';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../shared/actor.ts';
import { declare, signer } from '../testing/factories.ts';
import { BINH_LU, createTestPlatform, DOAN_KET, type TestClient, type TestPlatform } from '../testing/test-platform.ts';
import { arrivalIn, caseIn, selfReportIn, stayIn, testingIn, treatmentIn } from './jurisdiction-fixtures.ts';
import {
  directiveIn,
  expectNeighbourDirectiveUnchanged,
  expectNeighbourReportUnchanged,
  reportIn,
} from './jurisdiction-reports-fixture.ts';
import { planIn } from './jurisdiction-plans-fixture.ts';
import {
  expectNeighbourResourcesUnchanged,
  resourcesIn,
  type NeighbourResources,
} from './jurisdiction-resources-fixture.ts';
import {
  expectNeighbourInspectionUnchanged,
  inspectionIn,
  type InspectionFixture,
} from './jurisdiction-inspections-fixture.ts';

/**
 * The jurisdiction tests (jurisdiction-*.int.test.ts): a commune officer of Đoàn Kết tries every API
 * route against data of Bình Lư, the next commune. Each route must refuse (403, or 404 so nobody can
 * probe what exists) and change nothing. The route tables (jurisdiction-routes-*.ts, one per group of
 * modules) name the neighbour's data through `neighbour`, which `setUpNeighbourhood` fills; each test
 * file walks one table on its own platform, then checks that nothing of the neighbour changed. A
 * route added without an entry in a table fails the coverage test: every new route must state its
 * jurisdiction.
 */

export type Attempt = (c: TestClient) => Promise<LightMyRequestResponse>;

/**
 * An attempt and the answers that count as refused, or why the route needs none:
 * 'overview': aggregates of the officer's own province (levels, counts, zones, the dashboard) —
 * what the public page shows, plus the computed/decided split. Open to the province's communes.
 * 'installation': configuration of the whole installation every official reads (rule sets).
 */
export type RouteRule = { attempt: Attempt; expect: number[] } | 'public' | 'own-session' | 'overview' | 'installation';
export type RouteTable = Record<string, RouteRule>;

export const refused = [403, 404];
export const csv =
  (body: string): Attempt =>
  (c) =>
    c.request({
      method: 'POST',
      url: '/api/localities/population/import',
      payload: body,
      headers: { 'content-type': 'text/csv' },
    });

/** The neighbour commune's data the routes are tried against, filled by `setUpNeighbourhood`. */
export interface Neighbour {
  userId: string;
  session: TestClient;
  sessionId: string;
  venue: { id: string; publicCode: string };
  organisationId: string;
  arrivalId: string;
  qrToken: string;
  case: { id: string; personId: string; contactId: string; clusterId: string };
  treatment: { facilityId: string; stayId: string };
  stay: { id: string; facilityId: string; token: string };
  zoneId: string;
  levelDecisionId: string;
  breachId: string;
  inboxMessageId: string;
  linkRequestId: string;
  selfReportId: string;
  testing: { campaignId: string; poolCode: string; orderId: string; proposalId: string; sampleCode: string };
  report: { unitId: string; id: string; periodId: string };
  directive: { id: string; taskId: string; evidenceId: string };
  plan: { unitId: string; versionId: string; taskId: string };
  resources: NeighbourResources;
  inspection: InspectionFixture;
}
export const neighbour = {} as Neighbour;

/** A platform with the officer of Đoàn Kết signed in and the data of Bình Lư in `neighbour`. */
export async function setUpNeighbourhood(): Promise<{ t: TestPlatform; officer: TestClient }> {
  const t = await createTestPlatform();
  const officer = await t.signIn('commune_officer', DOAN_KET);
  const neighbourOfficer = await t.createUser('commune_officer', BINH_LU);
  neighbour.userId = neighbourOfficer.id;
  neighbour.session = await t.login(neighbourOfficer.username, neighbourOfficer.password);
  neighbour.sessionId = (await neighbour.session.get('/api/auth/sessions')).json().items[0].id;
  const venues = t.platform.services.venues;
  const registered = await venues.register(systemActor('test'), {
    organisationName: 'Hợp tác xã Bình Lư',
    name: 'Chợ Bình Lư',
    type: 'market',
    addressLine: 'Bản Bình Lư',
    communeCode: BINH_LU,
    contactPhone: '0912345678',
    gatePolicy: 'require_declaration',
  });
  neighbour.venue = await venues.decide(systemActor('test'), registered.id, { decision: 'approve' });
  const organisations = t.platform.services.organisations;
  const organisation = await organisations.register(systemActor('test'), {
    clientKey: randomUUID(),
    name: 'Hợp tác xã Bình Lư',
    type: 'enterprise',
    taxCode: '0100109106-002',
    addressLine: 'Bản Bình Lư',
    communeCode: BINH_LU,
    headName: 'Chủ nhiệm Bình Lư',
    contactName: 'Phụ trách Bình Lư',
    contactPhone: '0912345678',
    headcount: 30,
    shifts: 1,
    runsDormitory: false,
    runsShuttle: false,
  });
  neighbour.organisationId = (
    await organisations.decide(systemActor('test'), organisation.id, { decision: 'approve' })
  ).id;
  const neighbourCitizen = (await declare(t, { person: { communeCode: BINH_LU } })).result;
  neighbour.qrToken = neighbourCitizen.qrToken;
  neighbour.arrivalId = await arrivalIn(t, BINH_LU, neighbourCitizen.session.token);
  neighbour.selfReportId = await selfReportIn(t, BINH_LU, neighbourCitizen.session.token);
  neighbour.case = await caseIn(t, BINH_LU);
  neighbour.treatment = await treatmentIn(t, BINH_LU, neighbour.case.id);
  neighbour.testing = await testingIn(t, BINH_LU);
  neighbour.stay = await stayIn(t, BINH_LU, neighbour.case.personId);
  neighbour.report = await reportIn(t, officer.user.id, neighbourOfficer.id);
  neighbour.directive = await directiveIn(t, neighbour.report.unitId);
  neighbour.resources = await resourcesIn(t, neighbour.report.unitId);
  neighbour.inspection = await inspectionIn(t, {
    unitId: neighbour.report.unitId,
    leaderUserId: neighbourOfficer.id,
    communeCode: BINH_LU,
    place: 'Bình Lư',
  });
  neighbour.breachId = (
    await t.platform.services.breaches.create(systemActor('test'), {
      clientKey: randomUUID(),
      detectedAt: new Date().toISOString(),
      nature: 'Lộ danh sách người tiếp xúc Bình Lư',
      dataCategories: ['contact_tracing'],
      consequences: 'Kỳ thị',
      measuresTaken: 'Khoá tài khoản',
      measuresProposed: 'Xác thực hai lớp',
      contactName: 'Quản trị',
      contactTitle: 'Quản trị hệ thống',
      contactPhone: '0912345678',
    })
  ).id;
  neighbour.inboxMessageId = (
    await t.platform.services.notifications.enqueue(t.platform.database.db, {
      recipientUserId: neighbourOfficer.id,
      channel: 'in_app',
      kind: 'report_reminder',
      title: { vi: 'Nhắc nộp báo cáo tuần', en: 'Weekly report reminder' },
      body: { vi: 'Bình Lư chưa nộp báo cáo', en: 'Bình Lư has not reported' },
      key: 'jurisdiction:reminder',
    })
  ).id;
  // Someone declares with the document of the neighbour's case from a phone of their own.
  await declare(t, {
    person: {
      idNumber: '012085900001',
      fullName: 'Ca bệnh Bình Lư',
      birthYear: 1985,
      gender: 'male',
      communeCode: BINH_LU,
    },
  });
  neighbour.linkRequestId = (
    await t.platform.database.db
      .selectFrom('person_link_requests')
      .select('id')
      .where('official_person_id', '=', neighbour.case.personId)
      .executeTakeFirstOrThrow()
  ).id;
  neighbour.zoneId = (
    await t.platform.services.zones.create(systemActor('test'), {
      name: 'Khoanh vùng Bình Lư',
      kind: 'khoanh_vung',
      communeCodes: [BINH_LU],
      startsAt: new Date().toISOString(),
      measures: [],
      clientKey: randomUUID(),
    })
  ).id;
  neighbour.levelDecisionId = (
    await t.platform.services.riskDecisions.decide(systemActor('test'), { ...signer, locality: BINH_LU })
  ).id;
  neighbour.plan = await planIn(t, neighbour.report.unitId, BINH_LU, 'Bình Lư');
  return { t, officer };
}

/** One test per route of the table with an attempt: refused, and nothing of Bình Lư in the answer. */
export function walkRoutes(table: RouteTable, officer: () => TestClient): void {
  for (const [route, rule] of Object.entries(table)) {
    if (typeof rule === 'string') continue;
    it(`${route} is refused`, async () => {
      const res = await rule.attempt(officer());
      expect(rule.expect).toContain(res.statusCode);
      expect(res.body).not.toContain('Bình Lư');
    });
  }
}

/**
 * One test file's suite: a platform of its own, every route of `table` attempted by the officer,
 * `more` tests of the file, then (after the attempts) the checks that nothing of the neighbour changed.
 */
export function describeNeighbourWalk(
  title: string,
  table: RouteTable,
  more: (ctx: () => { t: TestPlatform; officer: TestClient }) => void = () => {},
): void {
  let ctx: { t: TestPlatform; officer: TestClient };
  beforeAll(async () => {
    ctx = await setUpNeighbourhood();
  });
  afterAll(async () => ctx.t.close());

  describe(title, () => {
    walkRoutes(table, () => ctx.officer);
    more(() => ctx);

    // After the attempts above: each check covers the whole neighbour commune, whichever routes ran.
    it('changed nothing of the neighbour commune', () => expectNeighbourUnchanged(ctx.t));

    it("reads the province's overview without a single identity, and ended no zone", () =>
      expectOverviewWithoutIdentities(ctx.t, ctx.officer));

    it('changed no facility or treatment stay of the neighbour commune', () =>
      expectNeighbourFacilitiesUnchanged(ctx.t));
  });
}

/** Nothing of the neighbour commune changed: users and sessions, arrivals, venues, cases, contacts, clusters, stays, samples, breaches. */
export async function expectNeighbourUnchanged(t: TestPlatform): Promise<void> {
  const db = t.platform.database.db;
  const binhLu = await db.selectFrom('localities').selectAll().where('code', '=', BINH_LU).executeTakeFirstOrThrow();
  expect(binhLu).toMatchObject({ name: 'Bình Lư', status: 'active', population_is_demo: true });
  const neighbourOfficer = await db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', neighbour.userId)
    .executeTakeFirstOrThrow();
  expect(neighbourOfficer.disabled_at).toBeNull();
  expect(neighbourOfficer.must_change_password).toBe(false);
  expect((await neighbour.session.get('/api/auth/me')).statusCode).toBe(200);
  const message = await db
    .selectFrom('notification_messages')
    .select('read_at')
    .where('id', '=', neighbour.inboxMessageId)
    .executeTakeFirstOrThrow();
  expect(message.read_at).toBeNull();
  expect(
    await db.selectFrom('users').select('id').where('username', '=', 'intruder').executeTakeFirst(),
  ).toBeUndefined();
  const arrival = await db
    .selectFrom('arrivals')
    .select('follow_up_status')
    .where('id', '=', neighbour.arrivalId)
    .executeTakeFirstOrThrow();
  expect(arrival.follow_up_status).toBe('pending');
  expect(await db.selectFrom('checkins').select('id').where('venue_id', '=', neighbour.venue.id).execute()).toEqual([]);
  const venue = await db
    .selectFrom('venues')
    .selectAll()
    .where('id', '=', neighbour.venue.id)
    .executeTakeFirstOrThrow();
  expect(venue).toMatchObject({ name: 'Chợ Bình Lư', status: 'approved' });
  const organisation = await db
    .selectFrom('organisations')
    .selectAll()
    .where('id', '=', neighbour.organisationId)
    .executeTakeFirstOrThrow();
  expect(organisation).toMatchObject({ name: 'Hợp tác xã Bình Lư', status: 'approved', latest_assessment_id: null });
  expect(await db.selectFrom('organisation_assessments').select('id').execute()).toEqual([]);
  expect(await db.selectFrom('roster_workers').select('id').execute()).toEqual([]);
  expect(await db.selectFrom('organisation_sites').select('venue_id').execute()).toEqual([]);
  expect(await db.selectFrom('workplace_gate_events').select('id').execute()).toEqual([]);
  expect(await db.selectFrom('organisations').select('id').where('name', '=', 'Grabbed').execute()).toEqual([]);
  const theCase = await db
    .selectFrom('cases')
    .selectAll()
    .where('id', '=', neighbour.case.id)
    .executeTakeFirstOrThrow();
  expect(theCase.status).toBe('treating');
  const contact = await db
    .selectFrom('contacts')
    .selectAll()
    .where('id', '=', neighbour.case.contactId)
    .executeTakeFirstOrThrow();
  expect(contact.status).toBe('proposed');
  const cluster = await db
    .selectFrom('clusters')
    .selectAll()
    .where('id', '=', neighbour.case.clusterId)
    .executeTakeFirstOrThrow();
  expect(cluster.status).toBe('active');
  expect(await db.selectFrom('clusters').select('id').where('code', '=', 'GRAB').executeTakeFirst()).toBeUndefined();
  const stay = await db
    .selectFrom('quarantine_admissions')
    .select(['status', 'extended_days'])
    .where('id', '=', neighbour.stay.id)
    .executeTakeFirstOrThrow();
  expect(stay).toEqual({ status: 'active', extended_days: 0 });
  const sample = await db
    .selectFrom('samples')
    .select('result')
    .where('code', '=', neighbour.testing.sampleCode)
    .executeTakeFirstOrThrow();
  expect(sample.result).toBe('positive');
  expect(await db.selectFrom('samples').select('id').where('code', 'like', 'GRAB-%').execute()).toEqual([]);
  const proposal = await db
    .selectFrom('case_proposals')
    .select('status')
    .where('id', '=', neighbour.testing.proposalId)
    .executeTakeFirstOrThrow();
  expect(proposal.status).toBe('open');
  const pool = await db
    .selectFrom('test_pools')
    .select('result')
    .where('code', '=', neighbour.testing.poolCode)
    .executeTakeFirstOrThrow();
  expect(pool.result).toBe('positive');
  expect(await db.selectFrom('data_breaches').select(['status']).execute()).toEqual([{ status: 'open' }]);
  const link = await db
    .selectFrom('person_link_requests')
    .select('status')
    .where('id', '=', neighbour.linkRequestId)
    .executeTakeFirstOrThrow();
  expect(link.status).toBe('open');
  await expectNeighbourReportUnchanged(t, neighbour.report.id);
  await expectNeighbourDirectiveUnchanged(t, neighbour.directive.id);
  await expectNeighbourResourcesUnchanged(t, neighbour.resources);
  await expectNeighbourInspectionUnchanged(t, neighbour.inspection);
}

/** The province's overview answers without a single identity, and no zone was ended or made. */
export async function expectOverviewWithoutIdentities(t: TestPlatform, officer: TestClient): Promise<void> {
  for (const url of [
    '/api/risk/map?province=12',
    '/api/risk/dashboard?province=12',
    '/api/risk/zones?province=12',
    '/api/public/risk-map?province=12',
  ]) {
    const res = await officer.get(url);
    expect(res.statusCode, url).toBe(200);
    expect(res.body).not.toContain('Người Bình Lư');
    expect(res.body).not.toContain('012085900');
    expect(res.body).not.toContain(neighbour.case.id);
  }
  const zone = await t.platform.database.db
    .selectFrom('epidemic_zones')
    .select('ends_at')
    .where('id', '=', neighbour.zoneId)
    .executeTakeFirstOrThrow();
  expect(zone.ends_at).toBeNull();
  expect(
    await t.platform.database.db
      .selectFrom('epidemic_zones')
      .select('id')
      .where('name', '=', 'Grab zone')
      .executeTakeFirst(),
  ).toBeUndefined();
}

/** No facility, capacity or treatment stay of the neighbour commune changed. */
export async function expectNeighbourFacilitiesUnchanged(t: TestPlatform): Promise<void> {
  const db = t.platform.database.db;
  const capacity = await db
    .selectFrom('facility_capacity')
    .select(['kind', 'capacity'])
    .where('facility_id', '=', neighbour.treatment.facilityId)
    .orderBy('kind')
    .execute();
  expect(capacity).toEqual([
    { kind: 'quarantine_place', capacity: 20 },
    { kind: 'regular_bed', capacity: 10 },
  ]);
  const stay = await db.selectFrom('treatment_stays').selectAll().where('case_id', '=', neighbour.case.id).execute();
  expect(stay).toMatchObject([{ id: neighbour.treatment.stayId, discharged_at: null, outcome: null }]);
  expect(await db.selectFrom('facilities').select('id').where('name', '=', 'Grab').execute()).toEqual([]);
}
