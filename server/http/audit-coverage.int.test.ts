import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, DAY_MS, vietnamToday } from '../../core/vietnam-calendar.ts';
import type { PersonRef } from '../../core/schemas/cases.ts';
import { systemActor } from '../shared/actor.ts';
import { approvedVenue, cccd, declare, phone } from '../testing/factories.ts';
import { createTestPlatform, DOAN_KET, LAI_CHAU, type TestClient, type TestPlatform } from '../testing/test-platform.ts';
import { registerCase } from '../commands/register-case.ts';

/**
 * Every GET route, called by an official entitled to it over data where seeded people appear.
 * Whenever an answer shows a seeded person's name, ID number or phone, the same call must have
 * written an access record by that account naming the person (audit_event_subjects); every export
 * of personal data must write an export record. A route without an entry here fails the last test.
 */
let t: TestPlatform;
const clients = {} as Record<'cdc' | 'admin', TestClient>;
const db = () => t.platform.database.db;
const today = vietnamToday();
const pdftotext = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((p) => fs.existsSync(p));

interface Seeded { fullName: string; idNumber: string; phone: string; id?: string }
const seeded: Seeded[] = [];
/** A person an official types in, with a phone, remembered as seeded. Names are unique words. */
function someone(fullName: string, phoneNumber = phone()): Extract<PersonRef, { person: unknown }> & { person: { phone: string } } {
  const p: Seeded = { fullName, idNumber: cccd(1979), phone: phoneNumber };
  seeded.push(p);
  return { person: { idType: 'cccd', idNumber: p.idNumber, fullName, birthYear: 1979, gender: 'male', nationality: 'VN', phone: p.phone, communeCode: DOAN_KET, addressLine: 'Bản Kiểm Toán' } };
}

const f = {} as {
  caseId: string; clusterId: string; venueId: string; venueCode: string; facilityId: string; personId: string; campaignId: string; sampleCode: string;
  stayId: string; releasedStayId: string; monitorToken: string; breachId: string; linkRequestId: string;
};

beforeAll(async () => {
  t = await createTestPlatform();
  clients.cdc = await t.signIn('health_department', LAI_CHAU);
  clients.admin = await t.signIn('system_admin', LAI_CHAU);
  const sys = systemActor('test');
  const s = t.platform.services;

  // A citizen's declaration, an arrival, and a check-in at a venue of the commune.
  for (const [fullName, kind] of [['Kiểm Toán Khai', 'declaration'], ['Kiểm Toán Đến', 'arrival']] as const) {
    const p: Seeded = { fullName, idNumber: cccd(1979), phone: phone() };
    seeded.push(p);
    const { result } = await declare(t, { person: { fullName, idNumber: p.idNumber, birthYear: 1979, phone: p.phone, communeCode: DOAN_KET } });
    if (kind === 'arrival') {
      await s.declarations.arrival(result.session.token, {
        clientKey: randomUUID(), originKind: 'country', originCountry: 'LA', vehicleType: 'bus', departedOn: today, arrivedOn: today, destinationCommuneCode: DOAN_KET,
      }, { ip: null, requestId: null, locale: 'vi' });
    } else {
      const venue = await approvedVenue(db(), { communeCode: DOAN_KET, gatePolicy: 'open' });
      Object.assign(f, { venueId: venue.id, venueCode: venue.public_code });
      await s.checkins.visitorCheckin(result.session.token, { venueCode: venue.public_code }, 'vi');
    }
  }

  // A case in a cluster with a declared contact and a duplicate by phone; the case in treatment.
  const cluster = await s.clusters.create(sys, { code: 'KT1', name: 'Ổ dịch kiểm toán', localityCode: DOAN_KET });
  const caseSubject = someone('Kiểm Toán Bệnh');
  const c = await registerCase(s, sys, { clientKey: randomUUID(), subject: caseSubject, sampleDate: today, confirmedDate: today, classification: 'community', sourceCaseIds: [], clusterId: cluster.id });
  const contactSubject = someone('Kiểm Toán Tiếp');
  await s.tracing.declare(sys, c.id, { subject: contactSubject });
  await s.peopleRegistry.resolve(db(), sys, someone('Kiểm Toán Trùng', caseSubject.person.phone), 'subject');
  const facility = await s.facilities.create(sys, {
    name: 'Trạm Y tế Kiểm Toán', kind: 'hospital', communeCode: DOAN_KET, addressLine: 'Bản Kiểm Toán', capacity: { quarantine_place: 20, regular_bed: 10 }, occupancyAlertPercent: 80,
  });
  await s.treatment.admit(sys, { caseId: c.id, facilityId: facility.id, bedKind: 'regular_bed' });
  Object.assign(f, { caseId: c.id, clusterId: cluster.id, facilityId: facility.id, personId: c.personId });
  // Someone declares with the contact's document from another phone: a link request for officials.
  const selfDeclared: Seeded = { fullName: 'Kiểm Toán Tự Khai', idNumber: contactSubject.person.idNumber, phone: phone() };
  seeded.push(selfDeclared);
  await declare(t, { person: { idNumber: selfDeclared.idNumber, fullName: selfDeclared.fullName, birthYear: 1979, gender: 'male', phone: selfDeclared.phone, communeCode: DOAN_KET } });
  f.linkRequestId = (await db().selectFrom('person_link_requests').select('id').executeTakeFirstOrThrow()).id;

  // Quarantine: one at home who has not reported today, one released with a certificate.
  const home = await s.facilities.create(sys, { name: 'Cách ly tại nhà Kiểm Toán', kind: 'home', communeCode: DOAN_KET, addressLine: 'Bản Kiểm Toán', capacity: { quarantine_place: 0 }, occupancyAlertPercent: 80 });
  const stay = await s.quarantine.admit(sys, { clientKey: randomUUID(), subject: someone('Kiểm Toán Cách'), reason: 'arrival', facilityId: home.id, vaccinatedOrRecovered: false });
  const released = await s.quarantine.admit(sys, {
    clientKey: randomUUID(), subject: someone('Kiểm Toán Xong'), reason: 'arrival', facilityId: facility.id, startsOn: addDays(today, -14), vaccinatedOrRecovered: true,
  });
  const lastOrder = (await s.quarantine.get(sys, released.id)).orders.at(-1)!;
  await s.testing.recordSample(sys, { code: 'KT-XONG', orderId: lastOrder.id, kind: 'rt_pcr', collectedAt: new Date(Date.now() - DAY_MS).toISOString() });
  await s.testing.sampleResults(sys, { items: [{ code: 'KT-XONG', result: 'negative' }] });
  await s.quarantine.release(sys, released.id, { early: false });
  Object.assign(f, { stayId: stay.id, releasedStayId: released.id, monitorToken: stay.monitorToken! });

  // Mass testing: a positive pool orders re-tests, a positive re-test proposes a case.
  const campaign = await s.campaigns.create(sys, { name: 'Xét nghiệm kiểm toán', localityCode: DOAN_KET, targetPopulation: 10, startsOn: today, endsOn: today, poolSize: 2 });
  const { pools } = await s.campaigns.addSamples(sys, campaign.id, {
    collectedAt: new Date().toISOString(), samples: [{ code: 'KT-P1', subject: someone('Kiểm Toán Gộp') }, { code: 'KT-P2', subject: someone('Kiểm Toán Mẫu') }],
  });
  await s.testing.poolResults(sys, { items: [{ code: pools[0]!.code, result: 'positive' }] });
  const order = (await s.testing.listOrders(sys, { locality: DOAN_KET, reason: 'pool_retest', limit: 1 })).items[0]!;
  await s.testing.recordSample(sys, { code: 'KT-RT', orderId: order.id, kind: 'rt_pcr', collectedAt: new Date().toISOString() });
  await s.testing.sampleResults(sys, { items: [{ code: 'KT-RT', result: 'positive' }] });
  Object.assign(f, { campaignId: campaign.id, sampleCode: 'KT-RT' });

  f.breachId = (await clients.admin.post('/api/breaches', {
    clientKey: randomUUID(), detectedAt: new Date().toISOString(), nature: 'Lộ danh sách người tiếp xúc', dataCategories: ['contact_tracing'], peopleAffected: 2,
    consequences: 'Kỳ thị', measuresTaken: 'Khoá tài khoản', measuresProposed: 'Xác thực hai lớp', contactName: 'Quản trị', contactTitle: 'Quản trị hệ thống', contactPhone: '0912345678',
  })).json<{ id: string }>().id;

  for (const p of seeded) {
    p.id = (await db().selectFrom('people').select('id').where('full_name', '=', p.fullName).executeTakeFirstOrThrow()).id;
  }
});
afterAll(async () => t.close());

/**
 * 'people': the answer shows seeded people (checked, so the fixtures keep proving something).
 * 'officials': accounts or the audit log, personal data of officials: an export must be logged.
 * 'none': aggregates, configuration, one's own session. Every entry is still checked for people.
 */
type Entry = { as: keyof typeof clients; url: () => string; shows: 'people' | 'officials' | 'none' } | { public: () => string };
const cdc = (url: string | (() => string), shows: 'people' | 'none' = 'people'): Entry => ({ as: 'cdc', url: typeof url === 'string' ? () => url : url, shows });
const admin = (url: string, shows: 'officials' | 'none' = 'officials'): Entry => ({ as: 'admin', url: () => url, shows });
const anyone = (url: string | (() => string)): Entry => ({ public: typeof url === 'string' ? () => url : url });

const routes: Record<string, Entry> = {
  'GET /api/health': anyone('/api/health'),
  'GET /api/auth/me': cdc('/api/auth/me', 'none'),
  'GET /api/auth/2fa': cdc('/api/auth/2fa', 'none'),
  'GET /api/auth/sessions': cdc('/api/auth/sessions', 'none'),
  'GET /api/users': admin('/api/users'),
  'GET /api/users/export.xlsx': admin('/api/users/export.xlsx'),
  'GET /api/audit': admin('/api/audit'),
  'GET /api/audit/alerts': admin('/api/audit/alerts'),
  'GET /api/audit/alerts/export.xlsx': admin('/api/audit/alerts/export.xlsx'),
  'GET /api/audit/export.xlsx': admin(`/api/audit/export.xlsx?from=${encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString())}`),
  'GET /api/breaches': admin('/api/breaches'),
  'GET /api/breaches/export.xlsx': admin('/api/breaches/export.xlsx'),
  'GET /api/breaches/:id': { as: 'admin', url: () => `/api/breaches/${f.breachId}`, shows: 'none' },
  'GET /api/breaches/:id/notification.pdf': { as: 'admin', url: () => `/api/breaches/${f.breachId}/notification.pdf`, shows: 'none' },
  'GET /api/localities': cdc(`/api/localities?parent=${LAI_CHAU}`, 'none'),
  'GET /api/localities/tree': cdc('/api/localities/tree', 'none'),
  'GET /api/localities/export.xlsx': cdc(`/api/localities/export.xlsx?parent=${LAI_CHAU}`, 'none'),
  'GET /api/localities/:code': cdc(`/api/localities/${DOAN_KET}`, 'none'),
  'GET /api/localities/:code/history': cdc(`/api/localities/${DOAN_KET}/history`, 'none'),
  'GET /api/localities/:code/boundaries': cdc(`/api/localities/${DOAN_KET}/boundaries`, 'none'),
  'GET /api/public/localities': anyone(`/api/public/localities?parent=${LAI_CHAU}`),
  'GET /api/public/boundaries/:code': anyone(`/api/public/boundaries/${LAI_CHAU}`),
  'GET /api/venues': cdc(`/api/venues?locality=${DOAN_KET}`, 'none'),
  'GET /api/venues/export.xlsx': cdc(`/api/venues/export.xlsx?locality=${DOAN_KET}`, 'none'),
  'GET /api/venues/:id': cdc(() => `/api/venues/${f.venueId}`, 'none'),
  'GET /api/venues/:id/poster.pdf': cdc(() => `/api/venues/${f.venueId}/poster.pdf`, 'none'),
  'GET /api/venues/:id/qr.png': cdc(() => `/api/venues/${f.venueId}/qr.png`, 'none'),
  // Venue staff see the day's entries with masked names only.
  'GET /api/venues/:id/entries': cdc(() => `/api/venues/${f.venueId}/entries`, 'none'),
  'GET /api/public/venues/:publicCode': anyone(() => `/api/public/venues/${f.venueCode}`),
  'GET /api/checkins/counts': cdc(`/api/checkins/counts?locality=${DOAN_KET}&from=${today}&to=${today}`, 'none'),
  'GET /api/checkins/counts/export.xlsx': cdc(`/api/checkins/counts/export.xlsx?locality=${DOAN_KET}&from=${today}&to=${today}`, 'none'),
  'GET /api/declarations': cdc(`/api/declarations?locality=${DOAN_KET}`),
  'GET /api/declarations/export.xlsx': cdc(`/api/declarations/export.xlsx?locality=${DOAN_KET}`),
  'GET /api/arrivals': cdc(`/api/arrivals?locality=${DOAN_KET}`),
  'GET /api/arrivals/export.xlsx': cdc(`/api/arrivals/export.xlsx?locality=${DOAN_KET}`),
  'GET /api/cases': cdc(`/api/cases?locality=${DOAN_KET}`),
  'GET /api/cases/export.xlsx': cdc(`/api/cases/export.xlsx?locality=${DOAN_KET}`),
  'GET /api/cases/:id': cdc(() => `/api/cases/${f.caseId}`),
  'GET /api/cases/:id/contacts': cdc(() => `/api/cases/${f.caseId}/contacts`),
  'GET /api/cases/:id/contacts/export.xlsx': cdc(() => `/api/cases/${f.caseId}/contacts/export.xlsx`),
  'GET /api/contacts': cdc(`/api/contacts?locality=${DOAN_KET}`),
  'GET /api/contacts/export.xlsx': cdc(`/api/contacts/export.xlsx?locality=${DOAN_KET}`),
  'GET /api/people/:id/duplicates': cdc(() => `/api/people/${f.personId}/duplicates`),
  'GET /api/people/link-requests': cdc('/api/people/link-requests'),
  'GET /api/people/link-requests/export.xlsx': cdc('/api/people/link-requests/export.xlsx'),
  'GET /api/people/link-requests/:id': cdc(() => `/api/people/link-requests/${f.linkRequestId}`),
  'GET /api/disease-profiles': cdc('/api/disease-profiles', 'none'),
  'GET /api/disease-profiles/:code': cdc('/api/disease-profiles/covid19_2020', 'none'),
  'GET /api/clusters': cdc(`/api/clusters?locality=${DOAN_KET}`, 'none'),
  'GET /api/clusters/export.xlsx': cdc(`/api/clusters/export.xlsx?locality=${DOAN_KET}`, 'none'),
  'GET /api/clusters/:id': cdc(() => `/api/clusters/${f.clusterId}`, 'none'),
  'GET /api/chains': cdc(`/api/chains?locality=${DOAN_KET}`, 'none'),
  'GET /api/facilities': cdc(`/api/facilities?locality=${DOAN_KET}`, 'none'),
  'GET /api/facilities/export.xlsx': cdc(`/api/facilities/export.xlsx?locality=${DOAN_KET}`, 'none'),
  'GET /api/facilities/placement': cdc(`/api/facilities/placement?people=1&kind=quarantine_place&near=${DOAN_KET}`, 'none'),
  'GET /api/facilities/:id': cdc(() => `/api/facilities/${f.facilityId}`, 'none'),
  'GET /api/treatment/stays': cdc(`/api/treatment/stays?locality=${DOAN_KET}`),
  'GET /api/treatment/stays/export.xlsx': cdc(`/api/treatment/stays/export.xlsx?locality=${DOAN_KET}`),
  'GET /api/treatment/occupancy': cdc(`/api/treatment/occupancy?locality=${DOAN_KET}`, 'none'),
  'GET /api/testing/orders': cdc(`/api/testing/orders?locality=${DOAN_KET}`),
  'GET /api/testing/orders/export.xlsx': cdc(`/api/testing/orders/export.xlsx?locality=${DOAN_KET}`),
  'GET /api/testing/samples/:code': cdc(() => `/api/testing/samples/${f.sampleCode}`),
  'GET /api/testing/campaigns': cdc(`/api/testing/campaigns?locality=${DOAN_KET}`, 'none'),
  'GET /api/testing/campaigns/export.xlsx': cdc(`/api/testing/campaigns/export.xlsx?locality=${DOAN_KET}`, 'none'),
  'GET /api/testing/campaigns/:id': cdc(() => `/api/testing/campaigns/${f.campaignId}`, 'none'),
  'GET /api/testing/campaigns/:id/pools': cdc(() => `/api/testing/campaigns/${f.campaignId}/pools`, 'none'),
  'GET /api/testing/campaigns/:id/progress': cdc(() => `/api/testing/campaigns/${f.campaignId}/progress`, 'none'),
  'GET /api/testing/case-proposals': cdc(`/api/testing/case-proposals?locality=${DOAN_KET}&status=open`),
  'GET /api/testing/case-proposals/export.xlsx': cdc(`/api/testing/case-proposals/export.xlsx?locality=${DOAN_KET}&status=open`),
  'GET /api/quarantine/admissions': cdc(`/api/quarantine/admissions?locality=${DOAN_KET}`),
  'GET /api/quarantine/admissions/export.xlsx': cdc(`/api/quarantine/admissions/export.xlsx?locality=${DOAN_KET}`),
  'GET /api/quarantine/admissions/:id': cdc(() => `/api/quarantine/admissions/${f.stayId}`),
  'GET /api/quarantine/admissions/:id/decision.pdf': cdc(() => `/api/quarantine/admissions/${f.stayId}/decision.pdf`),
  'GET /api/quarantine/admissions/:id/certificate.pdf': cdc(() => `/api/quarantine/admissions/${f.releasedStayId}/certificate.pdf`),
  'GET /api/quarantine/missing-reports': cdc(`/api/quarantine/missing-reports?locality=${DOAN_KET}`),
  // The daily report link shows initials only: it may be forwarded.
  'GET /api/public/monitoring/:token': anyone(() => `/api/public/monitoring/${encodeURIComponent(f.monitorToken)}`),
  'GET /api/today': cdc(`/api/today?locality=${DOAN_KET}`),
  'GET /api/risk/indicators': cdc(`/api/risk/indicators?locality=${DOAN_KET}`, 'none'),
  'GET /api/risk/evaluate': cdc(`/api/risk/evaluate?locality=${DOAN_KET}&ruleSet=nq128_qd4800_2021`, 'none'),
  'GET /api/risk/decisions': cdc(`/api/risk/decisions?locality=${DOAN_KET}`, 'none'),
  'GET /api/risk/decisions/export.xlsx': cdc(`/api/risk/decisions/export.xlsx?locality=${LAI_CHAU}&subtree=true`, 'none'),
  'GET /api/risk/map': cdc('/api/risk/map?province=12', 'none'),
  'GET /api/risk/map/export.xlsx': cdc('/api/risk/map/export.xlsx?province=12', 'none'),
  'GET /api/risk/dashboard': cdc('/api/risk/dashboard?province=12', 'none'),
  'GET /api/risk/zones': cdc('/api/risk/zones?province=12', 'none'),
  'GET /api/risk/zones/export.xlsx': cdc('/api/risk/zones/export.xlsx?province=12', 'none'),
  'GET /api/risk/rule-sets': cdc('/api/risk/rule-sets', 'none'),
  'GET /api/risk/rule-sets/:code': cdc('/api/risk/rule-sets/qd218_2022', 'none'),
  'GET /api/public/risk-map': anyone('/api/public/risk-map?province=12'),
};

/** What a reader of the answer sees: JSON as text, the cells of a workbook, the text of a PDF. */
async function readable(res: LightMyRequestResponse): Promise<string> {
  const type = String(res.headers['content-type'] ?? '');
  if (type.includes('spreadsheetml')) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.text)))));
    return cells.join('\n');
  }
  if (type.includes('pdf')) {
    if (!pdftotext) throw new Error('pdftotext (poppler-utils) is needed to read the PDF answers');
    const file = path.join(os.tmpdir(), `audit-coverage-${randomUUID()}.pdf`);
    fs.writeFileSync(file, res.rawPayload);
    try {
      return execFileSync(pdftotext, [file, '-'], { encoding: 'utf8' });
    } finally {
      fs.rmSync(file, { force: true });
    }
  }
  if (type.startsWith('image/')) return '';
  return res.body;
}

/** The national number without 0 or +84 matches the phone however it is printed. */
const appears = (text: string, p: Seeded) => text.includes(p.fullName) || text.includes(p.idNumber) || text.includes(p.phone.replace(/^0/, ''));

const lastAuditId = async () => (await db().selectFrom('audit_events').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow()).id ?? '0';

async function eventsBy(userId: string, afterId: string) {
  const events = await db().selectFrom('audit_events').select(['id', 'action']).where('actor_id', '=', userId).where('id', '>', afterId).execute();
  const subjects = events.length === 0 ? [] : await db().selectFrom('audit_event_subjects').select('person_ids').where('event_id', 'in', events.map((e) => e.id)).execute();
  return { actions: events.map((e) => e.action), named: new Set(subjects.flatMap((s) => s.person_ids)) };
}

describe('every read of personal data is written to the audit log, naming the people read', () => {
  for (const [route, entry] of Object.entries(routes)) {
    it(route, async () => {
      if ('public' in entry) {
        const res = await t.app.inject({ method: 'GET', url: entry.public() });
        expect(res.statusCode).toBe(200);
        expect(seeded.filter((p) => appears(res.body, p)).map((p) => p.fullName)).toEqual([]);
        return;
      }
      const client = clients[entry.as];
      const before = await lastAuditId();
      const res = await client.get(entry.url());
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      const text = await readable(res);
      const shown = seeded.filter((p) => appears(text, p));
      const { actions, named } = await eventsBy(client.user.id, before);
      if (entry.shows === 'people') expect(shown.length, 'the fixtures show nobody here').toBeGreaterThan(0);
      expect(shown.filter((p) => !named.has(p.id!)).map((p) => p.fullName), 'shown but not named in an access record').toEqual([]);
      if (route.endsWith('export.xlsx') && entry.shows !== 'none') expect(actions).toContain('export');
    });
  }

  it('covers every GET route that exists', () => {
    const gets = t.app.routeCatalogue.filter((r) => r.method === 'GET' && r.url.startsWith('/api/') && !r.url.startsWith('/api/docs')).map((r) => `GET ${r.url}`);
    expect(gets.filter((r) => !(r in routes))).toEqual([]);
    expect(Object.keys(routes).filter((r) => !gets.includes(r))).toEqual([]);
  });
});
