import type { LightMyRequestResponse } from 'fastify';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declare } from '../testing/factories.ts';
import { qd218_2022 } from '../../core/rules/risk/rule-sets.ts';
import { systemActor } from '../shared/actor.ts';
import { caseIn, stayIn, testingIn, treatmentIn } from './jurisdiction-fixtures.ts';
import { BINH_LU, createTestPlatform, DOAN_KET, LAI_CHAU, type TestClient, type TestPlatform } from '../testing/test-platform.ts';
import { registerCase } from '../commands/register-case.ts';

/**
 * A commune officer of Đoàn Kết tries every API route against data of Bình Lư, the next commune.
 * Each route must refuse (403, or 404 so nobody can probe what exists) and change nothing. A route
 * added without an entry here fails the last test: every new route must state its jurisdiction.
 */
let t: TestPlatform;
let officer: TestClient;
let neighbourUserId: string;
let neighbourSession: TestClient;
let neighbourSessionId: string;
let neighbourVenue: { id: string; publicCode: string };
let neighbourArrivalId: string;
let neighbourToken: string;
let neighbourCase: { id: string; personId: string; contactId: string; clusterId: string };
let neighbourTreatment: { facilityId: string; stayId: string };
let neighbourStay: { id: string; facilityId: string; token: string };
let neighbourZoneId: string;
let breachId: string;
let neighbourLinkRequestId: string;
let neighbourTesting: { campaignId: string; poolCode: string; orderId: string; proposalId: string; sampleCode: string };
beforeAll(async () => {
  t = await createTestPlatform();
  officer = await t.signIn('commune_officer', DOAN_KET);
  const neighbour = await t.createUser('commune_officer', BINH_LU);
  neighbourUserId = neighbour.id;
  neighbourSession = await t.login(neighbour.username, neighbour.password);
  neighbourSessionId = (await neighbourSession.get('/api/auth/sessions')).json().items[0].id;
  const venues = t.platform.services.venues;
  const registered = await venues.register(systemActor('test'), {
    organisationName: 'Hợp tác xã Bình Lư', name: 'Chợ Bình Lư', type: 'market', addressLine: 'Bản Bình Lư', communeCode: BINH_LU,
    contactPhone: '0912345678', gatePolicy: 'require_declaration',
  });
  neighbourVenue = await venues.decide(systemActor('test'), registered.id, { decision: 'approve' });
  const neighbourCitizen = (await declare(t, { person: { communeCode: BINH_LU } })).result;
  neighbourToken = neighbourCitizen.qrToken;
  neighbourArrivalId = (await t.platform.services.declarations.arrival(neighbourCitizen.session.token, {
    clientKey: randomUUID(), originKind: 'country', originCountry: 'LA', vehicleType: 'bus',
    departedOn: '2026-11-01', arrivedOn: '2026-11-01', destinationCommuneCode: BINH_LU,
  }, { ip: null, requestId: null, locale: 'vi' })).arrivalId;
  neighbourCase = await caseIn(t, BINH_LU);
  neighbourTreatment = await treatmentIn(t, BINH_LU, neighbourCase.id);
  neighbourTesting = await testingIn(t, BINH_LU);
  neighbourStay = await stayIn(t, BINH_LU, neighbourCase.personId);
  breachId = (await t.platform.services.breaches.create(systemActor('test'), {
    clientKey: randomUUID(), detectedAt: new Date().toISOString(), nature: 'Lộ danh sách người tiếp xúc Bình Lư', dataCategories: ['contact_tracing'],
    consequences: 'Kỳ thị', measuresTaken: 'Khoá tài khoản', measuresProposed: 'Xác thực hai lớp', contactName: 'Quản trị', contactTitle: 'Quản trị hệ thống', contactPhone: '0912345678',
  })).id;
  // Someone declares with the document of the neighbour's case from a phone of their own.
  await declare(t, { person: { idNumber: '012085900001', fullName: 'Ca bệnh Bình Lư', birthYear: 1985, gender: 'male', communeCode: BINH_LU } });
  neighbourLinkRequestId = (await t.platform.database.db.selectFrom('person_link_requests').select('id')
    .where('official_person_id', '=', neighbourCase.personId).executeTakeFirstOrThrow()).id;
  neighbourZoneId = (await t.platform.services.zones.create(systemActor('test'), {
    name: 'Khoanh vùng Bình Lư', kind: 'khoanh_vung', communeCodes: [BINH_LU], startsAt: new Date().toISOString(), measures: [], clientKey: randomUUID(),
  })).id;
});

afterAll(async () => t.close());

type Attempt = (c: TestClient) => Promise<LightMyRequestResponse>;
const refused = [403, 404];
const csv = (body: string): Attempt => (c) =>
  c.request({ method: 'POST', url: '/api/localities/population/import', payload: body, headers: { 'content-type': 'text/csv' } });

/**
 * 'overview': aggregates of the officer's own province (levels, counts, zones, the dashboard) —
 * what the public page shows, plus the computed/decided split. Open to the province's communes.
 * 'installation': configuration of the whole installation every official reads (rule sets).
 */
const matrix: Record<string, { attempt: Attempt; expect: number[] } | 'public' | 'own-session' | 'overview' | 'installation'> = {
  'GET /api/health': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'own-session',
  'GET /api/auth/me': 'own-session',
  'POST /api/auth/password': 'own-session',
  'POST /api/auth/reauth': 'own-session',
  'GET /api/auth/2fa': 'own-session',
  'POST /api/auth/2fa/enrol': 'own-session',
  'POST /api/auth/2fa/confirm': 'own-session',
  'POST /api/auth/2fa/recovery-codes': 'own-session',
  'DELETE /api/auth/2fa': 'own-session',
  'GET /api/auth/sessions': 'own-session',
  // Sessions are ended by their public id, and only the caller's own: anyone else's is "not found".
  'DELETE /api/auth/sessions/:id': { attempt: (c) => c.delete(`/api/auth/sessions/${neighbourSessionId}`), expect: refused },
  'GET /api/users': { attempt: (c) => c.get(`/api/users?locality=${BINH_LU}`), expect: refused },
  'GET /api/users/export.xlsx': { attempt: (c) => c.get(`/api/users/export.xlsx?locality=${BINH_LU}`), expect: refused },
  'POST /api/users': { attempt: (c) => c.post('/api/users', { username: 'intruder', fullName: 'Intruder', role: 'commune_officer', localityCode: BINH_LU }), expect: refused },
  'PATCH /api/users/:id': { attempt: (c) => c.patch(`/api/users/${neighbourUserId}`, { disabled: true }), expect: refused },
  'POST /api/users/:id/reset-password': { attempt: (c) => c.post(`/api/users/${neighbourUserId}/reset-password`), expect: refused },
  'POST /api/users/:id/reset-2fa': { attempt: (c) => c.post(`/api/users/${neighbourUserId}/reset-2fa`), expect: refused },
  'POST /api/users/:id/end-sessions': { attempt: (c) => c.post(`/api/users/${neighbourUserId}/end-sessions`), expect: refused },
  'GET /api/localities': { attempt: (c) => c.get(`/api/localities?parent=${LAI_CHAU}`), expect: refused },
  'GET /api/localities/tree': { attempt: async (c) => c.get('/api/localities/tree'), expect: [200] },
  'GET /api/localities/export.xlsx': { attempt: (c) => c.get(`/api/localities/export.xlsx?parent=${LAI_CHAU}`), expect: refused },
  'POST /api/localities/merge': { attempt: (c) => c.post('/api/localities/merge', { sourceCode: BINH_LU, targetCode: DOAN_KET, effectiveDate: '2026-01-01', reason: 'grab' }), expect: refused },
  'POST /api/localities/population/import': { attempt: csv(`code,population\n${BINH_LU},1\n`), expect: [403, 404, 422] },
  'GET /api/localities/:code': { attempt: (c) => c.get(`/api/localities/${BINH_LU}`), expect: refused },
  'PATCH /api/localities/:code': { attempt: (c) => c.patch(`/api/localities/${BINH_LU}`, { name: 'X', fullName: 'Xã X', reason: 'grab' }), expect: refused },
  'GET /api/localities/:code/history': { attempt: (c) => c.get(`/api/localities/${BINH_LU}/history`), expect: refused },
  'GET /api/localities/:code/boundaries': { attempt: (c) => c.get(`/api/localities/${LAI_CHAU}/boundaries`), expect: refused },
  'GET /api/audit': { attempt: (c) => c.get('/api/audit'), expect: refused },
  'GET /api/audit/export.xlsx': { attempt: (c) => c.get('/api/audit/export.xlsx'), expect: refused },
  'GET /api/audit/alerts': { attempt: (c) => c.get(`/api/audit/alerts?locality=${BINH_LU}`), expect: refused },
  'GET /api/audit/alerts/export.xlsx': { attempt: (c) => c.get(`/api/audit/alerts/export.xlsx?locality=${BINH_LU}`), expect: refused },
  // The breach register is the administrators': an officer is refused whatever the breach.
  'GET /api/breaches': { attempt: (c) => c.get(`/api/breaches?locality=${BINH_LU}`), expect: refused },
  'GET /api/breaches/export.xlsx': { attempt: (c) => c.get(`/api/breaches/export.xlsx?locality=${BINH_LU}`), expect: refused },
  'POST /api/breaches': {
    attempt: (c) => c.post('/api/breaches', {
      clientKey: randomUUID(), detectedAt: new Date().toISOString(), nature: 'Grab grab grab', dataCategories: ['other'], consequences: 'Grab',
      measuresTaken: 'Grab', measuresProposed: 'Grab', contactName: 'Grab', contactTitle: 'Grab', contactPhone: '0912345678',
    }),
    expect: refused,
  },
  'GET /api/breaches/:id': { attempt: (c) => c.get(`/api/breaches/${breachId}`), expect: refused },
  'PATCH /api/breaches/:id': { attempt: (c) => c.patch(`/api/breaches/${breachId}`, { status: 'notified' }), expect: refused },
  'GET /api/breaches/:id/notification.pdf': { attempt: (c) => c.get(`/api/breaches/${breachId}/notification.pdf`), expect: refused },
  'GET /api/venues': { attempt: (c) => c.get(`/api/venues?locality=${BINH_LU}`), expect: refused },
  'GET /api/venues/export.xlsx': { attempt: (c) => c.get(`/api/venues/export.xlsx?locality=${BINH_LU}`), expect: refused },
  'POST /api/venues': { attempt: (c) => c.post('/api/venues', { organisationName: 'Intruder', name: 'Intruder', type: 'shop', addressLine: 'Bản Bình Lư', communeCode: BINH_LU, contactPhone: '0912345678' }), expect: refused },
  'GET /api/venues/:id': { attempt: (c) => c.get(`/api/venues/${neighbourVenue.id}`), expect: refused },
  'PATCH /api/venues/:id': { attempt: (c) => c.patch(`/api/venues/${neighbourVenue.id}`, { name: 'Grabbed' }), expect: refused },
  'POST /api/venues/:id/decision': { attempt: (c) => c.post(`/api/venues/${neighbourVenue.id}/decision`, { decision: 'suspend', note: 'grab' }), expect: refused },
  'GET /api/venues/:id/poster.pdf': { attempt: (c) => c.get(`/api/venues/${neighbourVenue.id}/poster.pdf`), expect: refused },
  'GET /api/venues/:id/qr.png': { attempt: (c) => c.get(`/api/venues/${neighbourVenue.id}/qr.png`), expect: refused },
  'POST /api/venues/:id/phone-otp': { attempt: (c) => c.post(`/api/venues/${neighbourVenue.id}/phone-otp`), expect: refused },
  'POST /api/venues/:id/verify-phone': { attempt: (c) => c.post(`/api/venues/${neighbourVenue.id}/verify-phone`, { challengeId: randomUUID(), code: '123456' }), expect: refused },
  'GET /api/public/venues/:publicCode': 'public',
  // Citizens' endpoints carry no session: they act on the holder of a personal QR token only.
  'GET /api/public/localities': 'public',
  'POST /api/public/otp': 'public',
  'POST /api/public/declarations': 'public',
  'POST /api/public/status': 'public',
  'POST /api/public/arrivals': 'public',
  'POST /api/public/residence': 'public',
  'POST /api/public/me/erase': 'public',
  'POST /api/public/checkins': 'public',
  'POST /api/public/checkins/checkout': 'public',
  'POST /api/public/me/checkins': 'public',
  // A citizen's own data: the session of their verified phone, never another person's (see citizen-session tests).
  'POST /api/public/sessions': 'public',
  'POST /api/public/me/accesses': 'public',
  'POST /api/public/me/data': 'public',
  'GET /api/people/link-requests': { attempt: (c) => c.get(`/api/people/link-requests?locality=${BINH_LU}`), expect: refused },
  'GET /api/people/link-requests/export.xlsx': { attempt: (c) => c.get(`/api/people/link-requests/export.xlsx?locality=${BINH_LU}`), expect: refused },
  'GET /api/people/link-requests/:id': { attempt: (c) => c.get(`/api/people/link-requests/${neighbourLinkRequestId}`), expect: refused },
  'POST /api/people/link-requests/:id/accept': { attempt: (c) => c.post(`/api/people/link-requests/${neighbourLinkRequestId}/accept`, {}), expect: refused },
  'POST /api/people/link-requests/:id/reject': { attempt: (c) => c.post(`/api/people/link-requests/${neighbourLinkRequestId}/reject`, { note: 'grab' }), expect: refused },
  'GET /api/declarations': { attempt: (c) => c.get(`/api/declarations?locality=${BINH_LU}`), expect: refused },
  'GET /api/declarations/export.xlsx': { attempt: (c) => c.get(`/api/declarations/export.xlsx?locality=${BINH_LU}`), expect: refused },
  'GET /api/arrivals': { attempt: (c) => c.get(`/api/arrivals?locality=${BINH_LU}`), expect: refused },
  'GET /api/arrivals/export.xlsx': { attempt: (c) => c.get(`/api/arrivals/export.xlsx?locality=${BINH_LU}`), expect: refused },
  'PATCH /api/arrivals/:id': { attempt: (c) => c.patch(`/api/arrivals/${neighbourArrivalId}`, { followUpStatus: 'closed' }), expect: refused },
  'POST /api/venues/:id/gate-scans': { attempt: (c) => c.post(`/api/venues/${neighbourVenue.id}/gate-scans`, { token: neighbourToken }), expect: refused },
  'GET /api/venues/:id/entries': { attempt: (c) => c.get(`/api/venues/${neighbourVenue.id}/entries`), expect: refused },
  'GET /api/checkins/counts/export.xlsx': { attempt: (c) => c.get(`/api/checkins/counts/export.xlsx?locality=${BINH_LU}&from=2026-11-01&to=2026-11-02`), expect: refused },
  'GET /api/cases': { attempt: (c) => c.get(`/api/cases?locality=${BINH_LU}`), expect: refused },
  'GET /api/cases/export.xlsx': { attempt: (c) => c.get(`/api/cases/export.xlsx?locality=${BINH_LU}`), expect: refused },
  'POST /api/cases': { attempt: (c) => c.post('/api/cases', { clientKey: randomUUID(), subject: { personId: neighbourCase.personId }, sampleDate: '2026-11-01', confirmedDate: '2026-11-02', classification: 'community' }), expect: refused },
  'GET /api/cases/:id': { attempt: (c) => c.get(`/api/cases/${neighbourCase.id}`), expect: refused },
  'PATCH /api/cases/:id': { attempt: (c) => c.patch(`/api/cases/${neighbourCase.id}`, { status: 'died' }), expect: refused },
  'GET /api/disease-profiles': { attempt: (c) => c.get('/api/disease-profiles'), expect: [200] },
  'GET /api/disease-profiles/:code': { attempt: (c) => c.get('/api/disease-profiles/covid19_2020'), expect: [200] },
  'PUT /api/disease-profiles/:code': { attempt: async (c) => c.request({ method: 'PUT', url: '/api/disease-profiles/covid19_2020', payload: (await c.get('/api/disease-profiles/covid19_2020')).json() }), expect: refused },
  'GET /api/cases/:id/contacts': { attempt: (c) => c.get(`/api/cases/${neighbourCase.id}/contacts`), expect: refused },
  'GET /api/cases/:id/contacts/export.xlsx': { attempt: (c) => c.get(`/api/cases/${neighbourCase.id}/contacts/export.xlsx`), expect: refused },
  'POST /api/cases/:id/contacts': { attempt: (c) => c.post(`/api/cases/${neighbourCase.id}/contacts`, { subject: { personId: neighbourCase.personId } }), expect: refused },
  'POST /api/cases/:id/tracing': { attempt: (c) => c.post(`/api/cases/${neighbourCase.id}/tracing`), expect: refused },
  'POST /api/contacts/:id/decision': { attempt: (c) => c.post(`/api/contacts/${neighbourCase.contactId}/decision`, { decision: 'reject' }), expect: refused },
  'GET /api/contacts/export.xlsx': { attempt: (c) => c.get(`/api/contacts/export.xlsx?locality=${BINH_LU}`), expect: refused },
  'GET /api/contacts': { attempt: (c) => c.get(`/api/contacts?locality=${BINH_LU}`), expect: refused },
  'GET /api/clusters': { attempt: (c) => c.get(`/api/clusters?locality=${BINH_LU}`), expect: refused },
  'GET /api/clusters/export.xlsx': { attempt: (c) => c.get(`/api/clusters/export.xlsx?locality=${BINH_LU}`), expect: refused },
  'POST /api/clusters': { attempt: (c) => c.post('/api/clusters', { code: 'GRAB', name: 'Grab', localityCode: BINH_LU }), expect: refused },
  'GET /api/clusters/:id': { attempt: (c) => c.get(`/api/clusters/${neighbourCase.clusterId}`), expect: refused },
  'PATCH /api/clusters/:id': { attempt: (c) => c.patch(`/api/clusters/${neighbourCase.clusterId}`, { status: 'closed' }), expect: refused },
  'GET /api/people/:id/duplicates': { attempt: (c) => c.get(`/api/people/${neighbourCase.personId}/duplicates`), expect: refused },
  'POST /api/people/merge': { attempt: (c) => c.post('/api/people/merge', { keepId: neighbourCase.personId, mergeId: randomUUID() }), expect: refused },
  'GET /api/checkins/counts': { attempt: (c) => c.get(`/api/checkins/counts?locality=${BINH_LU}&from=2026-11-01&to=2026-11-02`), expect: refused },
  'POST /api/cases/import': {
    attempt: (c) => c.request({ method: 'POST', url: '/api/cases/import', payload: `case_number,confirmed_date,commune_code\nX1,2021-05-01,${BINH_LU}\n`, headers: { 'content-type': 'text/csv' } }),
    expect: [403, 404, 422],
  },
  'GET /api/testing/orders/export.xlsx': { attempt: (c) => c.get(`/api/testing/orders/export.xlsx?locality=${BINH_LU}`), expect: refused },
  'GET /api/testing/campaigns/export.xlsx': { attempt: (c) => c.get(`/api/testing/campaigns/export.xlsx?locality=${BINH_LU}`), expect: refused },
  'GET /api/testing/case-proposals/export.xlsx': { attempt: (c) => c.get(`/api/testing/case-proposals/export.xlsx?locality=${BINH_LU}`), expect: refused },
  'GET /api/quarantine/admissions/export.xlsx': { attempt: (c) => c.get(`/api/quarantine/admissions/export.xlsx?locality=${BINH_LU}`), expect: refused },
  'GET /api/testing/orders': { attempt: (c) => c.get(`/api/testing/orders?locality=${BINH_LU}`), expect: refused },
  'POST /api/testing/orders': { attempt: (c) => c.post('/api/testing/orders', { subject: { personId: neighbourCase.personId }, dueOn: '2026-11-02' }), expect: refused },
  'POST /api/testing/samples': { attempt: (c) => c.post('/api/testing/samples', { code: 'GRAB-1', orderId: neighbourTesting.orderId, kind: 'rt_pcr', collectedAt: new Date().toISOString() }), expect: refused },
  'GET /api/testing/samples/:code': { attempt: (c) => c.get(`/api/testing/samples/${neighbourTesting.sampleCode}`), expect: refused },
  'POST /api/testing/results': { attempt: (c) => c.post('/api/testing/results', { items: [{ code: neighbourTesting.sampleCode, result: 'negative' }] }), expect: [403, 404, 422] },
  'POST /api/testing/pools/results': { attempt: (c) => c.post('/api/testing/pools/results', { items: [{ code: neighbourTesting.poolCode, result: 'negative' }] }), expect: [403, 404, 422] },
  'POST /api/testing/:kind/import': {
    attempt: (c) => c.request({ method: 'POST', url: '/api/testing/samples/import', payload: `ma_mau,ket_qua\n${neighbourTesting.sampleCode},am tinh\n`, headers: { 'content-type': 'text/csv' } }),
    expect: [403, 404, 422],
  },
  'GET /api/testing/campaigns': { attempt: (c) => c.get(`/api/testing/campaigns?locality=${BINH_LU}`), expect: refused },
  'POST /api/testing/campaigns': { attempt: (c) => c.post('/api/testing/campaigns', { name: 'Grab campaign', localityCode: BINH_LU, targetPopulation: 5, startsOn: '2026-11-01', endsOn: '2026-11-02' }), expect: refused },
  'GET /api/testing/campaigns/:id': { attempt: (c) => c.get(`/api/testing/campaigns/${neighbourTesting.campaignId}`), expect: refused },
  'GET /api/testing/campaigns/:id/pools': { attempt: (c) => c.get(`/api/testing/campaigns/${neighbourTesting.campaignId}/pools`), expect: refused },
  'GET /api/testing/campaigns/:id/progress': { attempt: (c) => c.get(`/api/testing/campaigns/${neighbourTesting.campaignId}/progress`), expect: refused },
  'POST /api/testing/campaigns/:id/samples': {
    attempt: (c) => c.post(`/api/testing/campaigns/${neighbourTesting.campaignId}/samples`, { collectedAt: new Date().toISOString(), samples: [{ code: 'GRAB-2', subject: { personId: neighbourCase.personId } }] }),
    expect: refused,
  },
  'GET /api/testing/case-proposals': { attempt: (c) => c.get(`/api/testing/case-proposals?locality=${BINH_LU}`), expect: refused },
  'POST /api/testing/case-proposals/:id/accept': { attempt: (c) => c.post(`/api/testing/case-proposals/${neighbourTesting.proposalId}/accept`), expect: refused },
  'POST /api/testing/case-proposals/:id/dismiss': { attempt: (c) => c.post(`/api/testing/case-proposals/${neighbourTesting.proposalId}/dismiss`), expect: refused },
  'GET /api/quarantine/admissions': { attempt: (c) => c.get(`/api/quarantine/admissions?locality=${BINH_LU}`), expect: refused },
  'POST /api/quarantine/admissions': { attempt: (c) => c.post('/api/quarantine/admissions', { clientKey: randomUUID(), subject: { personId: neighbourCase.personId }, reason: 'f1', facilityId: neighbourStay.facilityId }), expect: refused },
  'GET /api/quarantine/admissions/:id': { attempt: (c) => c.get(`/api/quarantine/admissions/${neighbourStay.id}`), expect: refused },
  'POST /api/quarantine/admissions/:id/extend': { attempt: (c) => c.post(`/api/quarantine/admissions/${neighbourStay.id}/extend`, { days: 3, reason: 'grab' }), expect: refused },
  'POST /api/quarantine/admissions/:id/transfer': { attempt: (c) => c.post(`/api/quarantine/admissions/${neighbourStay.id}/transfer`, { facilityId: randomUUID(), reason: 'grab' }), expect: refused },
  'POST /api/quarantine/admissions/:id/release': { attempt: (c) => c.post(`/api/quarantine/admissions/${neighbourStay.id}/release`, { early: true, note: 'grab' }), expect: refused },
  'GET /api/quarantine/admissions/:id/decision.pdf': { attempt: (c) => c.get(`/api/quarantine/admissions/${neighbourStay.id}/decision.pdf`), expect: refused },
  'GET /api/quarantine/admissions/:id/certificate.pdf': { attempt: (c) => c.get(`/api/quarantine/admissions/${neighbourStay.id}/certificate.pdf`), expect: refused },
  'GET /api/quarantine/missing-reports': { attempt: (c) => c.get(`/api/quarantine/missing-reports?locality=${BINH_LU}`), expect: refused },
  // The daily report link carries its own signed token: whoever holds the link may report.
  'GET /api/public/monitoring/:token': 'public',
  'POST /api/public/monitoring/:token': 'public',
  'GET /api/risk/indicators': { attempt: (c) => c.get(`/api/risk/indicators?locality=${BINH_LU}`), expect: refused },
  'GET /api/risk/evaluate': { attempt: (c) => c.get(`/api/risk/evaluate?locality=${BINH_LU}&ruleSet=nq128_qd4800_2021`), expect: refused },
  'POST /api/risk/decisions': { attempt: (c) => c.post('/api/risk/decisions', { locality: BINH_LU, ruleSet: 'nq128_qd4800_2021' }), expect: refused },
  'GET /api/risk/decisions': { attempt: (c) => c.get(`/api/risk/decisions?locality=${BINH_LU}`), expect: refused },
  'GET /api/risk/decisions/export.xlsx': { attempt: (c) => c.get(`/api/risk/decisions/export.xlsx?locality=${LAI_CHAU}&subtree=true`), expect: refused },
  'GET /api/risk/map': 'overview',
  'GET /api/risk/map/export.xlsx': 'overview',
  'GET /api/risk/dashboard': 'overview',
  'GET /api/risk/zones': 'overview',
  'GET /api/risk/zones/export.xlsx': 'overview',
  'POST /api/risk/zones': {
    attempt: (c) => c.post('/api/risk/zones', { name: 'Grab zone', kind: 'phong_toa', communeCodes: [BINH_LU], startsAt: new Date().toISOString(), clientKey: randomUUID() }),
    expect: refused,
  },
  'POST /api/risk/zones/:id/end': { attempt: (c) => c.post(`/api/risk/zones/${neighbourZoneId}/end`, {}), expect: refused },
  'GET /api/risk/rule-sets': 'installation',
  'GET /api/risk/rule-sets/:code': 'installation',
  'PUT /api/risk/rule-sets/:code': { attempt: (c) => c.request({ method: 'PUT', url: '/api/risk/rule-sets/qd218_2022', payload: { definition: qd218_2022 } }), expect: refused },
  'POST /api/risk/rule-sets/:code/activate': { attempt: (c) => c.post('/api/risk/rule-sets/vn2020_three_groups/activate'), expect: refused },
  'POST /api/risk/vaccination': { attempt: (c) => c.post('/api/risk/vaccination', { rows: [{ commune: BINH_LU, asOf: '2026-11-01', adultsFull: 10 }] }), expect: refused },
  'POST /api/risk/vaccination/import': {
    attempt: (c) => c.request({ method: 'POST', url: '/api/risk/vaccination/import', payload: `Mã xã,Ngày,Tỷ lệ đủ liều\n${BINH_LU},2026-11-01,10\n`, headers: { 'content-type': 'text/csv' } }),
    expect: refused,
  },
  'GET /api/public/risk-map': 'public',
  'GET /api/public/boundaries/:code': 'public',
  'GET /api/today': { attempt: (c) => c.get(`/api/today?locality=${BINH_LU}`), expect: refused },
  'GET /api/chains': { attempt: (c) => c.get(`/api/chains?locality=${BINH_LU}`), expect: refused },
  'GET /api/facilities': { attempt: (c) => c.get(`/api/facilities?locality=${BINH_LU}`), expect: refused },
  'GET /api/facilities/export.xlsx': { attempt: (c) => c.get(`/api/facilities/export.xlsx?locality=${BINH_LU}`), expect: refused },
  'GET /api/facilities/placement': { attempt: (c) => c.get(`/api/facilities/placement?people=5&kind=quarantine_place&near=${BINH_LU}&locality=${BINH_LU}`), expect: refused },
  'POST /api/facilities': { attempt: (c) => c.post('/api/facilities', { name: 'Grab', kind: 'concentrated', communeCode: BINH_LU, addressLine: 'Bản Bình Lư', capacity: { quarantine_place: 5 } }), expect: refused },
  'GET /api/facilities/:id': { attempt: (c) => c.get(`/api/facilities/${neighbourTreatment.facilityId}`), expect: refused },
  'PATCH /api/facilities/:id': { attempt: (c) => c.patch(`/api/facilities/${neighbourTreatment.facilityId}`, { capacity: { quarantine_place: 0 } }), expect: refused },
  'GET /api/treatment/stays': { attempt: (c) => c.get(`/api/treatment/stays?locality=${BINH_LU}`), expect: refused },
  'GET /api/treatment/stays/export.xlsx': { attempt: (c) => c.get(`/api/treatment/stays/export.xlsx?locality=${BINH_LU}`), expect: refused },
  'POST /api/treatment/stays': { attempt: (c) => c.post('/api/treatment/stays', { caseId: neighbourCase.id, facilityId: neighbourTreatment.facilityId, bedKind: 'regular_bed' }), expect: refused },
  'POST /api/treatment/stays/:id/discharge': { attempt: (c) => c.post(`/api/treatment/stays/${neighbourTreatment.stayId}/discharge`, { outcome: 'died' }), expect: refused },
  'GET /api/treatment/occupancy': { attempt: (c) => c.get(`/api/treatment/occupancy?locality=${BINH_LU}`), expect: refused },
};

describe('a commune officer outside their commune', () => {
  for (const [route, rule] of Object.entries(matrix)) {
    if (typeof rule === 'string') continue;
    it(`${route} is refused`, async () => {
      const res = await rule.attempt(officer);
      expect(rule.expect).toContain(res.statusCode);
      expect(res.body).not.toContain('Bình Lư');
    });
  }

  it('sees only their own commune in the tree and on the map', async () => {
    const tree = (await officer.get('/api/localities/tree')).json();
    expect(tree.root.code).toBe(DOAN_KET);
    expect(tree.descendants).toEqual([]);
    const geo = (await officer.get(`/api/localities/${DOAN_KET}/boundaries`)).json();
    expect(geo.features.map((f: { properties: { code: string } }) => f.properties.code)).toEqual([DOAN_KET]);
  });

  it('changed nothing of the neighbour commune', async () => {
    const db = t.platform.database.db;
    const binhLu = await db.selectFrom('localities').selectAll().where('code', '=', BINH_LU).executeTakeFirstOrThrow();
    expect(binhLu).toMatchObject({ name: 'Bình Lư', status: 'active', population_is_demo: true });
    const neighbour = await db.selectFrom('users').selectAll().where('id', '=', neighbourUserId).executeTakeFirstOrThrow();
    expect(neighbour.disabled_at).toBeNull();
    expect(neighbour.must_change_password).toBe(false);
    expect((await neighbourSession.get('/api/auth/me')).statusCode).toBe(200);
    expect(await db.selectFrom('users').select('id').where('username', '=', 'intruder').executeTakeFirst()).toBeUndefined();
    const arrival = await db.selectFrom('arrivals').select('follow_up_status').where('id', '=', neighbourArrivalId).executeTakeFirstOrThrow();
    expect(arrival.follow_up_status).toBe('pending');
    expect(await db.selectFrom('checkins').select('id').where('venue_id', '=', neighbourVenue.id).execute()).toEqual([]);
    const venue = await db.selectFrom('venues').selectAll().where('id', '=', neighbourVenue.id).executeTakeFirstOrThrow();
    expect(venue).toMatchObject({ name: 'Chợ Bình Lư', status: 'approved' });
    const theCase = await db.selectFrom('cases').selectAll().where('id', '=', neighbourCase.id).executeTakeFirstOrThrow();
    expect(theCase.status).toBe('treating');
    const contact = await db.selectFrom('contacts').selectAll().where('id', '=', neighbourCase.contactId).executeTakeFirstOrThrow();
    expect(contact.status).toBe('proposed');
    const cluster = await db.selectFrom('clusters').selectAll().where('id', '=', neighbourCase.clusterId).executeTakeFirstOrThrow();
    expect(cluster.status).toBe('active');
    expect(await db.selectFrom('clusters').select('id').where('code', '=', 'GRAB').executeTakeFirst()).toBeUndefined();
    const stay = await db.selectFrom('quarantine_admissions').select(['status', 'extended_days']).where('id', '=', neighbourStay.id).executeTakeFirstOrThrow();
    expect(stay).toEqual({ status: 'active', extended_days: 0 });
    const sample = await db.selectFrom('samples').select('result').where('code', '=', neighbourTesting.sampleCode).executeTakeFirstOrThrow();
    expect(sample.result).toBe('positive');
    expect(await db.selectFrom('samples').select('id').where('code', 'like', 'GRAB-%').execute()).toEqual([]);
    const proposal = await db.selectFrom('case_proposals').select('status').where('id', '=', neighbourTesting.proposalId).executeTakeFirstOrThrow();
    expect(proposal.status).toBe('open');
    const pool = await db.selectFrom('test_pools').select('result').where('code', '=', neighbourTesting.poolCode).executeTakeFirstOrThrow();
    expect(pool.result).toBe('positive');
    expect(await db.selectFrom('data_breaches').select(['status']).execute()).toEqual([{ status: 'open' }]);
    const link = await db.selectFrom('person_link_requests').select('status').where('id', '=', neighbourLinkRequestId).executeTakeFirstOrThrow();
    expect(link.status).toBe('open');
  });

  it("reads the province's overview without a single identity, and ended no zone", async () => {
    for (const url of ['/api/risk/map?province=12', '/api/risk/dashboard?province=12', '/api/risk/zones?province=12', '/api/public/risk-map?province=12']) {
      const res = await officer.get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body).not.toContain('Người Bình Lư');
      expect(res.body).not.toContain('012085900');
      expect(res.body).not.toContain(neighbourCase.id);
    }
    const zone = await t.platform.database.db.selectFrom('epidemic_zones').select('ends_at').where('id', '=', neighbourZoneId).executeTakeFirstOrThrow();
    expect(zone.ends_at).toBeNull();
    expect(await t.platform.database.db.selectFrom('epidemic_zones').select('id').where('name', '=', 'Grab zone').executeTakeFirst()).toBeUndefined();
  });

  it('changed no facility or treatment stay of the neighbour commune', async () => {
    const db = t.platform.database.db;
    const capacity = await db.selectFrom('facility_capacity').select(['kind', 'capacity']).where('facility_id', '=', neighbourTreatment.facilityId).orderBy('kind').execute();
    expect(capacity).toEqual([{ kind: 'quarantine_place', capacity: 20 }, { kind: 'regular_bed', capacity: 10 }]);
    const stay = await db.selectFrom('treatment_stays').selectAll().where('case_id', '=', neighbourCase.id).execute();
    expect(stay).toMatchObject([{ id: neighbourTreatment.stayId, discharged_at: null, outcome: null }]);
    expect(await db.selectFrom('facilities').select('id').where('name', '=', 'Grab').execute()).toEqual([]);
  });

  it('covers every API route that exists', () => {
    const apiRoutes = t.app.routeCatalogue
      .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'))
      .map((r) => `${r.method} ${r.url}`);
    expect(apiRoutes.filter((r) => !(r in matrix))).toEqual([]);
    expect(Object.keys(matrix).filter((r) => !apiRoutes.includes(r))).toEqual([]);
    const publicRoutes = t.app.routeCatalogue.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.url}`);
    expect(publicRoutes.sort()).toEqual(Object.entries(matrix).filter(([, v]) => v === 'public').map(([k]) => k).sort());
  });
});
