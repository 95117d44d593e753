import type { LightMyRequestResponse } from 'fastify';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declare } from '../testing/factories.ts';
import { systemActor } from '../shared/actor.ts';
import { BINH_LU, createTestPlatform, DOAN_KET, LAI_CHAU, type TestClient, type TestPlatform } from '../testing/test-platform.ts';

/**
 * A commune officer of Đoàn Kết tries every API route against data of Bình Lư, the next commune.
 * Each route must refuse (403, or 404 so nobody can probe what exists) and change nothing. A route
 * added without an entry here fails the last test: every new route must state its jurisdiction.
 */
let t: TestPlatform;
let officer: TestClient;
let neighbourUserId: string;
let neighbourVenue: { id: string; publicCode: string };
let neighbourArrivalId: string;
let neighbourToken: string;
let neighbourCase: { id: string; personId: string; contactId: string; clusterId: string };
beforeAll(async () => {
  t = await createTestPlatform();
  officer = await t.signIn('commune_officer', DOAN_KET);
  neighbourUserId = (await t.createUser('commune_officer', BINH_LU)).id;
  const venues = t.platform.services.venues;
  const registered = await venues.register(systemActor('test'), {
    organisationName: 'Hợp tác xã Bình Lư', name: 'Chợ Bình Lư', type: 'market', addressLine: 'Bản Bình Lư', communeCode: BINH_LU,
    contactPhone: '0912345678', gatePolicy: 'require_declaration',
  });
  neighbourVenue = await venues.decide(systemActor('test'), registered.id, { decision: 'approve' });
  neighbourToken = (await declare(t, { person: { communeCode: BINH_LU } })).result.qrToken;
  neighbourArrivalId = (await t.platform.services.declarations.arrival({
    clientKey: randomUUID(), qrToken: neighbourToken, originKind: 'country', originCountry: 'LA', vehicleType: 'bus',
    departedOn: '2026-11-01', arrivedOn: '2026-11-01', destinationCommuneCode: BINH_LU,
  }, { ip: null, requestId: null, locale: 'vi' })).arrivalId;
  neighbourCase = await caseIn(BINH_LU);
});

/** A case of the commune with a cluster and a declared contact, made by the system. */
async function caseIn(commune: string) {
  const sys = systemActor('test');
  const person = (id: string, name: string) => ({ person: { idType: 'cccd' as const, idNumber: id, fullName: name, birthYear: 1985, gender: 'male' as const, nationality: 'VN', communeCode: commune } });
  const cluster = await t.platform.services.clusters.create(sys, { code: `BL${commune}`, name: 'Ổ dịch Bình Lư', localityCode: commune });
  const c = await t.platform.services.cases.create(sys, {
    clientKey: randomUUID(), subject: person('012085900001', 'Ca bệnh Bình Lư'), sampleDate: '2026-11-01', confirmedDate: '2026-11-02',
    classification: 'community', sourceCaseIds: [], clusterId: cluster.id,
  });
  const k = await t.platform.services.tracing.declare(sys, c.id, { subject: person('012085900002', 'Tiếp xúc Bình Lư') });
  return { id: c.id, personId: c.personId!, contactId: k.id, clusterId: cluster.id };
}
afterAll(async () => t.close());

type Attempt = (c: TestClient) => Promise<LightMyRequestResponse>;
const refused = [403, 404];
const csv = (body: string): Attempt => (c) =>
  c.request({ method: 'POST', url: '/api/localities/population/import', payload: body, headers: { 'content-type': 'text/csv' } });

const matrix: Record<string, { attempt: Attempt; expect: number[] } | 'public' | 'own-session'> = {
  'GET /api/health': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'own-session',
  'GET /api/auth/me': 'own-session',
  'POST /api/auth/password': 'own-session',
  'GET /api/users': { attempt: (c) => c.get(`/api/users?locality=${BINH_LU}`), expect: refused },
  'GET /api/users/export.xlsx': { attempt: (c) => c.get(`/api/users/export.xlsx?locality=${BINH_LU}`), expect: refused },
  'POST /api/users': { attempt: (c) => c.post('/api/users', { username: 'intruder', fullName: 'Intruder', role: 'commune_officer', localityCode: BINH_LU }), expect: refused },
  'PATCH /api/users/:id': { attempt: (c) => c.patch(`/api/users/${neighbourUserId}`, { disabled: true }), expect: refused },
  'POST /api/users/:id/reset-password': { attempt: (c) => c.post(`/api/users/${neighbourUserId}/reset-password`), expect: refused },
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
  'GET /api/contacts': { attempt: (c) => c.get(`/api/contacts?locality=${BINH_LU}`), expect: refused },
  'GET /api/clusters': { attempt: (c) => c.get(`/api/clusters?locality=${BINH_LU}`), expect: refused },
  'GET /api/clusters/export.xlsx': { attempt: (c) => c.get(`/api/clusters/export.xlsx?locality=${BINH_LU}`), expect: refused },
  'POST /api/clusters': { attempt: (c) => c.post('/api/clusters', { code: 'GRAB', name: 'Grab', localityCode: BINH_LU }), expect: refused },
  'GET /api/clusters/:id': { attempt: (c) => c.get(`/api/clusters/${neighbourCase.clusterId}`), expect: refused },
  'PATCH /api/clusters/:id': { attempt: (c) => c.patch(`/api/clusters/${neighbourCase.clusterId}`, { status: 'closed' }), expect: refused },
  'GET /api/people/:id/duplicates': { attempt: (c) => c.get(`/api/people/${neighbourCase.personId}/duplicates`), expect: refused },
  'POST /api/people/merge': { attempt: (c) => c.post('/api/people/merge', { keepId: neighbourCase.personId, mergeId: randomUUID() }), expect: refused },
  'GET /api/checkins/counts': { attempt: (c) => c.get(`/api/checkins/counts?locality=${BINH_LU}&from=2026-11-01&to=2026-11-02`), expect: refused },
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
