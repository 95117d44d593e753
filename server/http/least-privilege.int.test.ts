import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamToday } from '../../core/vietnam-calendar.ts';
import { systemActor } from '../shared/actor.ts';
import { signer } from '../testing/factories.ts';
import {
  peopleKeys,
  putRecordsOnFile,
  tracesOf,
  type PersonKey,
  type RecordsOnFile,
} from '../testing/people-on-file.ts';
import { readTable, XLSX_TYPE } from '../shared/tabular-file.ts';
import { attachDirectiveText, directiveIn, reportIn } from './jurisdiction-reports-fixture.ts';
import { resourcesIn, type NeighbourResources } from './jurisdiction-resources-fixture.ts';
import { borderIn, type BorderRecords } from './border-fixture.ts';
import { inspectionIn, type InspectionFixture } from './jurisdiction-inspections-fixture.ts';
import { governanceRoutes, one, type Entry } from './least-privilege-governance.ts';
import { workplaceScreeningWalk } from './least-privilege-workplaces.ts';
import {
  BINH_LU,
  DOAN_KET,
  LAI_CHAU,
  createTestPlatform,
  type TestClient,
  type TestPlatform,
} from '../testing/test-platform.ts';

/**
 * Least privilege (issue 11, hole 5). An inspector and two facility staff accounts of the province
 * walk every GET route with real ids: the inspector reads aggregates only, a facility staff account
 * reads the people of its own facilities only, one bound to no facility reads nobody. A route that
 * has no entry here fails the last test: a new route must say who may see whom through it.
 */
let t: TestPlatform;
let r: RecordsOnFile;
let inspector: TestClient;
let staff: TestClient;
let unboundStaff: TestClient;
let cdc: TestClient;
let levelDecisionId: string;
let organisationId: string;
let report: { id: string; unitId: string; periodId: string };
let directiveId: string;
let evidenceId: string;
let resources: NeighbourResources;
let border: BorderRecords;
let inspection: InspectionFixture;

beforeAll(async () => {
  t = await createTestPlatform();
  r = await putRecordsOnFile(t);
  const admin = await t.signIn('system_admin', LAI_CHAU);
  const created = await admin.post('/api/users', {
    username: 'coso.doanket',
    fullName: 'Nhân viên cơ sở Đoàn Kết',
    role: 'facility_staff',
    localityCode: LAI_CHAU,
    password: 'facility-staff-password',
    facilityIds: [r.hotelHere, r.hospitalHere],
  });
  expect(created.statusCode, created.body).toBe(201);
  staff = await t.login('coso.doanket', 'facility-staff-password');
  unboundStaff = await t.signIn('facility_staff', LAI_CHAU);
  inspector = await t.signIn('inspector', LAI_CHAU);
  cdc = await t.signIn('health_department', LAI_CHAU);
  levelDecisionId = (
    await t.platform.services.riskDecisions.decide(systemActor('test'), { ...signer, locality: DOAN_KET })
  ).id;
  organisationId = (
    await t.platform.services.organisations.register(systemActor('test'), {
      clientKey: '5f0c1a9e-8d1b-4c3e-9a57-2f7d6b1e0c11',
      name: 'Công ty Đoàn Kết',
      type: 'enterprise',
      addressLine: 'Đường Đoàn Kết',
      communeCode: DOAN_KET,
      headName: 'Giám đốc',
      contactName: 'Phụ trách',
      contactPhone: '0912345678',
      headcount: 20,
      shifts: 1,
      runsDormitory: false,
      runsShuttle: false,
    })
  ).id;
  // Units, and Bình Lư's report of this period (figures only: counts, no person); the inspector reports for Bình Lư.
  report = await reportIn(t, cdc.user.id, inspector.user.id);
  // A directive to Bình Lư (units and tasks, no person), with its text.
  const directive = await directiveIn(t, report.unitId);
  directiveId = directive.id;
  evidenceId = directive.evidenceId;
  // Bình Lư's store, roster and donation (responders and support, no seeded person).
  resources = await resourcesIn(t, report.unitId);
  await attachDirectiveText(t, directiveId);
  // Border records naming a seeded person (a crossing): border staff's, nobody else's.
  border = await borderIn(t, { communeCode: DOAN_KET, personId: r.caseHere.personId });
  // Bình Lư's inspection of a checkpoint (the inspector reports for Bình Lư): a violation of someone not on file.
  inspection = await inspectionIn(t, {
    unitId: report.unitId,
    leaderUserId: cdc.user.id,
    communeCode: BINH_LU,
    place: 'Bình Lư',
  });
});
afterAll(async () => t.close());

const today = vietnamToday();

const routes: Record<string, Entry> = {
  ...governanceRoutes(() => ({ report, inspection, resources, border })),
  'GET /api/health': { urls: one('/api/health') },
  'GET /api/auth/me': { urls: one('/api/auth/me') },
  'GET /api/auth/2fa': { urls: one('/api/auth/2fa') },
  'GET /api/auth/sessions': { urls: one('/api/auth/sessions') },
  'GET /api/inbox': { urls: one('/api/inbox') },
  // One's own message (an id of nobody's is not found) and one's own channels: no person's data.
  'GET /api/inbox/:id': { urls: one(`/api/inbox/${randomUUID()}`) },
  'GET /api/notification-preferences': { urls: one('/api/notification-preferences') },
  'GET /api/users': { urls: one('/api/users') },
  'GET /api/users/export.xlsx': { urls: one('/api/users/export.xlsx') },
  'GET /api/localities': { urls: one(`/api/localities?parent=${LAI_CHAU}`) },
  'GET /api/localities/tree': { urls: one('/api/localities/tree') },
  'GET /api/localities/export.xlsx': { urls: one(`/api/localities/export.xlsx?parent=${LAI_CHAU}`) },
  'GET /api/localities/:code': { urls: one(`/api/localities/${DOAN_KET}`) },
  'GET /api/localities/:code/history': { urls: one(`/api/localities/${DOAN_KET}/history`) },
  'GET /api/localities/:code/boundaries': { urls: one(`/api/localities/${LAI_CHAU}/boundaries`) },
  'GET /api/audit': { urls: one('/api/audit?limit=200') },
  'GET /api/audit/export.xlsx': { urls: one('/api/audit/export.xlsx') },
  'GET /api/audit/alerts': { urls: one('/api/audit/alerts') },
  'GET /api/audit/actors': { urls: one('/api/audit/actors') },
  'GET /api/audit/alerts/export.xlsx': { urls: one('/api/audit/alerts/export.xlsx') },
  'GET /api/breaches': { urls: one('/api/breaches') },
  'GET /api/breaches/export.xlsx': { urls: one('/api/breaches/export.xlsx') },
  // Breaches are the administrators' register: refused to these roles before any look-up, so any id will do.
  'GET /api/breaches/:id': { urls: (f) => [`/api/breaches/${f.caseHere.id}`] },
  'GET /api/breaches/:id/notification.pdf': {
    urls: (f) => [`/api/breaches/${f.caseHere.id}/notification.pdf`],
    document: true,
  },
  'GET /api/people/link-requests': { urls: one('/api/people/link-requests') },
  'GET /api/people/link-requests/export.xlsx': { urls: one('/api/people/link-requests/export.xlsx') },
  'GET /api/people/link-requests/:id': { urls: (f) => [`/api/people/link-requests/${f.linkRequestId}`] },
  'GET /api/venues': { urls: one('/api/venues') },
  'GET /api/venues/export.xlsx': { urls: one('/api/venues/export.xlsx') },
  'GET /api/venues/:id': { urls: (f) => [`/api/venues/${f.venue.id}`] },
  'GET /api/venues/poster-address': { urls: one('/api/venues/poster-address') },
  'GET /api/units': { urls: one('/api/units') },
  'GET /api/units/mine': { urls: one('/api/units/mine') },
  'GET /api/reports/form': { urls: () => [`/api/reports/form?unit=${report.unitId}`] },
  'GET /api/reports/:id': { urls: () => [`/api/reports/${report.id}`] },
  'GET /api/reports/completeness': { urls: () => [`/api/reports/completeness?period=${report.periodId}`] },
  'GET /api/reports/completeness/export.xlsx': {
    urls: () => [`/api/reports/completeness/export.xlsx?period=${report.periodId}`],
  },
  // Counts and the units' texts, no person's record (officers' phones are in the completeness export only).
  'GET /api/reports/consolidated.pdf': { urls: () => [`/api/reports/consolidated.pdf?period=${report.periodId}`] },
  'GET /api/reports/consolidated.xlsx': { urls: () => [`/api/reports/consolidated.xlsx?period=${report.periodId}`] },
  'GET /api/directives': { urls: one('/api/directives') },
  'GET /api/directives/export.xlsx': { urls: one('/api/directives/export.xlsx') },
  'GET /api/directives/:id': { urls: () => [`/api/directives/${directiveId}`] },
  'GET /api/directives/:id/document.pdf': { urls: () => [`/api/directives/${directiveId}/document.pdf`] },
  'GET /api/directives/evidence/:id': { urls: () => [`/api/directives/evidence/${evidenceId}`] },
  'GET /api/organisations': { urls: one('/api/organisations') },
  'GET /api/organisations/export.xlsx': { urls: one('/api/organisations/export.xlsx') },
  'GET /api/organisations/:id': { urls: () => [`/api/organisations/${organisationId}`] },
  'GET /api/organisations/:id/assessments': { urls: () => [`/api/organisations/${organisationId}/assessments`] },
  'GET /api/organisations/:id/compliance': { urls: () => [`/api/organisations/${organisationId}/compliance`] },
  'GET /api/workplace-compliance': { urls: one('/api/workplace-compliance') },
  'GET /api/workplace-compliance/export.xlsx': { urls: one('/api/workplace-compliance/export.xlsx') },
  'GET /api/organisation-map': { urls: one('/api/organisation-map') },
  'GET /api/organisation-map/export.xlsx': { urls: one('/api/organisation-map/export.xlsx') },
  'GET /api/public/safe-organisations': { urls: one(`/api/public/safe-organisations?province=${LAI_CHAU}`) },
  'GET /api/organisations/:id/sites': { urls: () => [`/api/organisations/${organisationId}/sites`] },
  'GET /api/organisations/:id/roster': { urls: () => [`/api/organisations/${organisationId}/roster`] },
  'GET /api/organisations/:id/roster/export.xlsx': {
    urls: () => [`/api/organisations/${organisationId}/roster/export.xlsx`],
  },
  ...workplaceScreeningWalk(() => organisationId),
  'GET /api/assessment-templates': { urls: one('/api/assessment-templates') },
  'GET /api/assessment-templates/:code': { urls: one('/api/assessment-templates/qd2194') },
  'GET /api/venues/:id/poster.pdf': { urls: (f) => [`/api/venues/${f.venue.id}/poster.pdf`] },
  'GET /api/venues/:id/qr.png': { urls: (f) => [`/api/venues/${f.venue.id}/qr.png`] },
  'GET /api/venues/:id/entries': { urls: (f) => [`/api/venues/${f.venue.id}/entries`] },
  'GET /api/public/venues/:publicCode': { urls: (f) => [`/api/public/venues/${f.venue.publicCode}`] },
  'GET /api/public/localities': { urls: one('/api/public/localities') },
  'GET /api/public/places/provinces': { urls: one('/api/public/places/provinces') },
  'GET /api/public/places/provinces/:code/communes': { urls: one('/api/public/places/provinces/01/communes') },
  'GET /api/declarations': { urls: one('/api/declarations') },
  'GET /api/declarations/export.xlsx': { urls: one('/api/declarations/export.xlsx') },
  'GET /api/arrivals': { urls: one('/api/arrivals') },
  'GET /api/arrivals/export.xlsx': { urls: one('/api/arrivals/export.xlsx') },
  'GET /api/checkins/counts': { urls: one(`/api/checkins/counts?from=${today}&to=${today}`) },
  'GET /api/checkins/counts/export.xlsx': { urls: one(`/api/checkins/counts/export.xlsx?from=${today}&to=${today}`) },
  'GET /api/cases': { urls: one('/api/cases') },
  'GET /api/cases/export.xlsx': { urls: one('/api/cases/export.xlsx') },
  'GET /api/cases/:id': { urls: (f) => [`/api/cases/${f.caseHere.id}`, `/api/cases/${f.caseThere.id}`] },
  'GET /api/cases/:id/contacts': { urls: (f) => [`/api/cases/${f.caseHere.id}/contacts`] },
  'GET /api/cases/:id/exposure-stays': { urls: (f) => [`/api/cases/${f.caseHere.id}/exposure-stays`] },
  'GET /api/cases/:id/contacts/export.xlsx': { urls: (f) => [`/api/cases/${f.caseHere.id}/contacts/export.xlsx`] },
  'GET /api/contacts': { urls: one('/api/contacts') },
  'GET /api/contacts/export.xlsx': { urls: one('/api/contacts/export.xlsx') },
  'GET /api/disease-profiles': { urls: one('/api/disease-profiles') },
  'GET /api/disease-profiles/:code': { urls: one('/api/disease-profiles/covid19_2020') },
  'GET /api/clusters': { urls: one('/api/clusters') },
  'GET /api/clusters/export.xlsx': { urls: one('/api/clusters/export.xlsx') },
  'GET /api/clusters/:id': { urls: (f) => [`/api/clusters/${f.caseHere.clusterId}`] },
  'GET /api/chains': { urls: one('/api/chains?linkedOnly=false') },
  'GET /api/people/:id/duplicates': { urls: (f) => [`/api/people/${f.caseHere.personId}/duplicates`] },
  // Every seeded person by name and by phone: searching the registry is for those who enter people.
  'GET /api/people/search': {
    urls: (f) =>
      Object.values(f.people).flatMap((p) => [
        `/api/people/search?q=${encodeURIComponent(p.fullName)}`,
        `/api/people/search?q=${p.phone}`,
      ]),
  },
  'GET /api/testing/orders': { urls: one('/api/testing/orders?limit=100'), staff: ['quarantinedHere'] },
  'GET /api/testing/orders/export.xlsx': { urls: one('/api/testing/orders/export.xlsx'), staff: ['quarantinedHere'] },
  'GET /api/testing/samples/:code': {
    urls: (f) =>
      [f.stayHere.sampleCode, f.stayThere.sampleCode, f.campaignSampleCode].map((c) => `/api/testing/samples/${c}`),
    staff: ['quarantinedHere'],
  },
  'GET /api/testing/campaigns': { urls: one('/api/testing/campaigns') },
  'GET /api/testing/campaigns/export.xlsx': { urls: one('/api/testing/campaigns/export.xlsx') },
  'GET /api/testing/campaigns/:id': { urls: (f) => [`/api/testing/campaigns/${f.campaignId}`] },
  'GET /api/testing/campaigns/:id/pools': { urls: (f) => [`/api/testing/campaigns/${f.campaignId}/pools`] },
  'GET /api/testing/campaigns/:id/progress': { urls: (f) => [`/api/testing/campaigns/${f.campaignId}/progress`] },
  'GET /api/testing/case-proposals': { urls: one('/api/testing/case-proposals') },
  'GET /api/testing/case-proposals/export.xlsx': { urls: one('/api/testing/case-proposals/export.xlsx') },
  'GET /api/quarantine/admissions': { urls: one('/api/quarantine/admissions?limit=100'), staff: ['quarantinedHere'] },
  'GET /api/quarantine/admissions/export.xlsx': {
    urls: one('/api/quarantine/admissions/export.xlsx'),
    staff: ['quarantinedHere'],
  },
  'GET /api/quarantine/admissions/:id': {
    urls: (f) => [`/api/quarantine/admissions/${f.stayHere.id}`, `/api/quarantine/admissions/${f.stayThere.id}`],
    staff: ['quarantinedHere'],
  },
  'GET /api/quarantine/admissions/:id/decision.pdf': {
    urls: (f) => [
      `/api/quarantine/admissions/${f.stayHere.id}/decision.pdf`,
      `/api/quarantine/admissions/${f.stayThere.id}/decision.pdf`,
    ],
    staff: ['quarantinedHere'],
    document: true,
  },
  'GET /api/quarantine/admissions/:id/certificate.pdf': {
    urls: (f) => [
      `/api/quarantine/admissions/${f.stayHere.id}/certificate.pdf`,
      `/api/quarantine/admissions/${f.stayThere.id}/certificate.pdf`,
    ],
    staff: ['quarantinedHere'],
    document: true,
  },
  'GET /api/quarantine/missing-reports': {
    urls: one('/api/quarantine/missing-reports?limit=100'),
    staff: ['quarantinedHere'],
  },
  // The daily report link shows initials only: whoever holds the link is the person.
  'GET /api/public/monitoring/:token': { urls: (f) => [`/api/public/monitoring/${f.stayHere.token}`] },
  'GET /api/risk/indicators': { urls: one(`/api/risk/indicators?locality=${DOAN_KET}`) },
  'GET /api/risk/evaluate': { urls: one(`/api/risk/evaluate?locality=${DOAN_KET}&ruleSet=nq128_qd4800_2021`) },
  // Level decisions are acts about places: no person in them.
  'GET /api/risk/decisions/draft': { urls: one(`/api/risk/decisions/draft?locality=${DOAN_KET}`) },
  'GET /api/risk/decisions/:id/decision.pdf': { urls: () => [`/api/risk/decisions/${levelDecisionId}/decision.pdf`] },
  'GET /api/risk/decisions': { urls: one(`/api/risk/decisions?locality=${LAI_CHAU}&subtree=true`) },
  'GET /api/risk/decisions/export.xlsx': {
    urls: one(`/api/risk/decisions/export.xlsx?locality=${LAI_CHAU}&subtree=true`),
  },
  'GET /api/risk/map': { urls: one(`/api/risk/map?province=${LAI_CHAU}`) },
  'GET /api/risk/map/export.xlsx': { urls: one(`/api/risk/map/export.xlsx?province=${LAI_CHAU}`) },
  'GET /api/risk/dashboard': { urls: one(`/api/risk/dashboard?province=${LAI_CHAU}`) },
  'GET /api/risk/zones': { urls: one(`/api/risk/zones?province=${LAI_CHAU}`) },
  'GET /api/risk/zones/export.xlsx': { urls: one(`/api/risk/zones/export.xlsx?province=${LAI_CHAU}`) },
  'GET /api/risk/rule-sets': { urls: one('/api/risk/rule-sets') },
  'GET /api/risk/rule-sets/:code': { urls: one('/api/risk/rule-sets/nq128_qd4800_2021') },
  'GET /api/public/risk-map': { urls: one(`/api/public/risk-map?province=${LAI_CHAU}`) },
  'GET /api/public/boundaries/:code': { urls: one(`/api/public/boundaries/${LAI_CHAU}`) },
  'GET /api/public/risk-map-svg/:code': { urls: one(`/api/public/risk-map-svg/${LAI_CHAU}`) },
  'GET /api/today': { urls: one('/api/today?perGroup=100'), staff: ['quarantinedHere'] },
  // Referrals carry a person: tracers only (the walk's roles are refused before any lookup).
  'GET /api/federation/referrals/:origin/:id': { urls: one(`/api/federation/referrals/11/${randomUUID()}`) },
  // Replication state of the hub's provinces: aggregates.
  'GET /api/federation/national': { urls: one('/api/federation/national') },
  // The hub's national pages and national directives: aggregates and acts, no person.
  'GET /api/federation/national/dashboard': { urls: one('/api/federation/national/dashboard') },
  'GET /api/federation/national/weekly-report': { urls: one('/api/federation/national/weekly-report') },
  'GET /api/federation/national/weekly-report/export.xlsx': {
    urls: one('/api/federation/national/weekly-report/export.xlsx'),
  },
  'GET /api/federation/national/weekly-report/export.csv': {
    urls: one('/api/federation/national/weekly-report/export.csv'),
  },
  'GET /api/federation/directives': { urls: one('/api/federation/directives') },
  'GET /api/federation/directives/export.xlsx': { urls: one('/api/federation/directives/export.xlsx') },
  'GET /api/federation/directives/export.csv': { urls: one('/api/federation/directives/export.csv') },
  'GET /api/today/situation': { urls: one('/api/today/situation') },
  'GET /api/facilities': { urls: one('/api/facilities') },
  'GET /api/facilities/export.xlsx': { urls: one('/api/facilities/export.xlsx') },
  'GET /api/facilities/placement': {
    urls: one(`/api/facilities/placement?people=5&kind=quarantine_place&near=${DOAN_KET}`),
  },
  'GET /api/facilities/:id': {
    urls: (f) => [f.hotelHere, f.hospitalHere, f.facilityThere].map((id) => `/api/facilities/${id}`),
  },
  'GET /api/treatment/stays': { urls: one('/api/treatment/stays?limit=100'), staff: ['caseHere'] },
  'GET /api/treatment/stays/export.xlsx': { urls: one('/api/treatment/stays/export.xlsx'), staff: ['caseHere'] },
  'GET /api/treatment/occupancy': { urls: one(`/api/treatment/occupancy?locality=${LAI_CHAU}`) },
};
// Every export has a CSV twin with the same columns: the same people, and the same refusals.
for (const [key, entry] of Object.entries(routes)) {
  if (!key.endsWith('/export.xlsx')) continue;
  const csv = (url: string) => url.replace('/export.xlsx', '/export.csv');
  routes[csv(key)] = { ...entry, urls: (f) => entry.urls(f).map(csv) };
}

/** The text of an answer: JSON or text as sent, a spreadsheet cell by cell, nothing for other files. */
async function textOf(res: LightMyRequestResponse): Promise<string | null> {
  const type = String(res.headers['content-type'] ?? '').split(';')[0]!;
  if (type === XLSX_TYPE) {
    const table = await readTable(res.rawPayload, XLSX_TYPE);
    return [table.header, ...table.rows.map((row) => row.cells)].flat().join('\n');
  }
  if (type.startsWith('application/json') || type.startsWith('text/')) return res.body;
  return null;
}

/** Which seeded people an answer names, by any of their traces. */
function peopleIn(text: string): PersonKey[] {
  return peopleKeys.filter((k) => tracesOf(r.people[k]).some((trace) => text.includes(trace)));
}

async function walk(client: TestClient, allowed: (e: Entry) => readonly PersonKey[]) {
  const leaks: string[] = [];
  const seen = new Map<string, Set<PersonKey>>();
  for (const [route, entry] of Object.entries(routes)) {
    const may = allowed(entry);
    const found = new Set<PersonKey>();
    for (const url of entry.urls(r)) {
      const res = await client.get(url);
      expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
      const ok = res.statusCode < 300;
      if (entry.document && ok && may.length === 0)
        leaks.push(`${url} answered ${res.statusCode}: a document about a person`);
      const text = ok ? await textOf(res) : res.body;
      for (const k of peopleIn(text ?? '')) {
        found.add(k);
        if (!may.includes(k)) leaks.push(`${url} shows ${k}`);
      }
    }
    seen.set(route, found);
  }
  return { leaks, seen };
}

// Each test walks every GET route (over 150, some rendering files): on a loaded 2-core machine with
// two test workers that passes the default 30 s. A time limit, not a measurement.
describe('least privilege', { timeout: 120_000 }, () => {
  it('an inspector reads no identified person on any route', async () => {
    expect((await walk(inspector, () => [])).leaks).toEqual([]);
  });

  it('a facility staff account reads the people of its own facilities only, and sees them where its work is', async () => {
    const { leaks, seen } = await walk(staff, (e) => e.staff ?? []);
    expect(leaks).toEqual([]);
    const missing = Object.entries(routes).filter(
      ([route, e]) => e.staff && !e.document && ![...seen.get(route)!].some((k) => e.staff!.includes(k)),
    );
    expect(missing.map(([route]) => route)).toEqual([]);
  });

  it('a facility staff account bound to no facility reads nobody', async () => {
    expect((await walk(unboundStaff, () => [])).leaks).toEqual([]);
  });

  it('the records are really there: the health department sees them all', async () => {
    const { seen } = await walk(cdc, () => peopleKeys);
    const all = new Set([...seen.values()].flatMap((s) => [...s]));
    expect([...all].sort()).toEqual([...peopleKeys].sort());
  });

  it('covers every GET route that exists', () => {
    const gets = t.app.routeCatalogue
      .filter((x) => x.method === 'GET' && x.url.startsWith('/api/') && !x.url.startsWith('/api/docs'))
      .map((x) => `GET ${x.url}`);
    expect(gets.filter((g) => !(g in routes))).toEqual([]);
    expect(Object.keys(routes).filter((g) => !gets.includes(g))).toEqual([]);
  });
});
