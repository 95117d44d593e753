import { randomUUID } from 'node:crypto';
import { BINH_LU } from '../testing/test-platform.ts';
import { neighbour, refused, type RouteTable } from './jurisdiction-neighbour.ts';
import { workplacesRoutes } from './jurisdiction-routes-workplaces.ts';

/** The routes of venues and check-ins, citizens, people, declarations and arrivals, cases, disease profiles, contacts and clusters. */
export const casesRoutes: RouteTable = {
  'GET /api/venues': { attempt: (c) => c.get(`/api/venues?locality=${BINH_LU}`), expect: refused },
  'GET /api/venues/export.xlsx': {
    attempt: (c) => c.get(`/api/venues/export.xlsx?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/venues/export.csv': {
    attempt: (c) => c.get(`/api/venues/export.csv?locality=${BINH_LU}`),
    expect: refused,
  },
  'POST /api/venues': {
    attempt: (c) =>
      c.post('/api/venues', {
        organisationName: 'Intruder',
        name: 'Intruder',
        type: 'shop',
        addressLine: 'Bản Bình Lư',
        communeCode: BINH_LU,
        contactPhone: '0912345678',
      }),
    expect: refused,
  },
  'GET /api/venues/:id': { attempt: (c) => c.get(`/api/venues/${neighbour.venue.id}`), expect: refused },
  'PATCH /api/venues/:id': {
    attempt: (c) => c.patch(`/api/venues/${neighbour.venue.id}`, { name: 'Grabbed' }),
    expect: refused,
  },
  'POST /api/venues/:id/decision': {
    attempt: (c) => c.post(`/api/venues/${neighbour.venue.id}/decision`, { decision: 'suspend', note: 'grab' }),
    expect: refused,
  },
  'GET /api/venues/poster-address': 'installation',
  // Organisations that chose to publish, with no person named.
  'GET /api/public/safe-organisations': 'public',
  // The templates are the installation's configuration (no organisation's data).
  'GET /api/assessment-templates': 'installation',
  'GET /api/assessment-templates/:code': 'installation',
  'GET /api/venues/:id/poster.pdf': {
    attempt: (c) => c.get(`/api/venues/${neighbour.venue.id}/poster.pdf`),
    expect: refused,
  },
  'GET /api/venues/:id/qr.png': { attempt: (c) => c.get(`/api/venues/${neighbour.venue.id}/qr.png`), expect: refused },
  'POST /api/venues/:id/phone-otp': {
    attempt: (c) => c.post(`/api/venues/${neighbour.venue.id}/phone-otp`),
    expect: refused,
  },
  'POST /api/venues/:id/verify-phone': {
    attempt: (c) =>
      c.post(`/api/venues/${neighbour.venue.id}/verify-phone`, { challengeId: randomUUID(), code: '123456' }),
    expect: refused,
  },
  'GET /api/public/venues/:publicCode': 'public',
  // Citizens' endpoints carry no session: they act on the holder of a personal QR token only.
  'GET /api/public/localities': 'public',
  'GET /api/public/places/provinces': 'public',
  'GET /api/public/places/provinces/:code/communes': 'public',
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
  'GET /api/people/link-requests': {
    attempt: (c) => c.get(`/api/people/link-requests?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/people/link-requests/export.xlsx': {
    attempt: (c) => c.get(`/api/people/link-requests/export.xlsx?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/people/link-requests/export.csv': {
    attempt: (c) => c.get(`/api/people/link-requests/export.csv?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/people/link-requests/:id': {
    attempt: (c) => c.get(`/api/people/link-requests/${neighbour.linkRequestId}`),
    expect: refused,
  },
  'POST /api/people/link-requests/:id/accept': {
    attempt: (c) => c.post(`/api/people/link-requests/${neighbour.linkRequestId}/accept`, {}),
    expect: refused,
  },
  'POST /api/people/link-requests/:id/reject': {
    attempt: (c) => c.post(`/api/people/link-requests/${neighbour.linkRequestId}/reject`, { note: 'grab' }),
    expect: refused,
  },
  'GET /api/declarations': { attempt: (c) => c.get(`/api/declarations?locality=${BINH_LU}`), expect: refused },
  'GET /api/declarations/export.xlsx': {
    attempt: (c) => c.get(`/api/declarations/export.xlsx?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/declarations/export.csv': {
    attempt: (c) => c.get(`/api/declarations/export.csv?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/arrivals': { attempt: (c) => c.get(`/api/arrivals?locality=${BINH_LU}`), expect: refused },
  'GET /api/arrivals/export.xlsx': {
    attempt: (c) => c.get(`/api/arrivals/export.xlsx?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/arrivals/export.csv': {
    attempt: (c) => c.get(`/api/arrivals/export.csv?locality=${BINH_LU}`),
    expect: refused,
  },
  'PATCH /api/arrivals/:id': {
    attempt: (c) => c.patch(`/api/arrivals/${neighbour.arrivalId}`, { followUpStatus: 'closed' }),
    expect: refused,
  },
  'POST /api/venues/:id/gate-scans': {
    attempt: (c) => c.post(`/api/venues/${neighbour.venue.id}/gate-scans`, { token: neighbour.qrToken }),
    expect: refused,
  },
  'GET /api/venues/:id/entries': {
    attempt: (c) => c.get(`/api/venues/${neighbour.venue.id}/entries`),
    expect: refused,
  },
  'GET /api/checkins/counts/export.xlsx': {
    attempt: (c) => c.get(`/api/checkins/counts/export.xlsx?locality=${BINH_LU}&from=2026-11-01&to=2026-11-02`),
    expect: refused,
  },
  'GET /api/checkins/counts/export.csv': {
    attempt: (c) => c.get(`/api/checkins/counts/export.csv?locality=${BINH_LU}&from=2026-11-01&to=2026-11-02`),
    expect: refused,
  },
  'GET /api/cases': { attempt: (c) => c.get(`/api/cases?locality=${BINH_LU}`), expect: refused },
  'GET /api/cases/export.xlsx': {
    attempt: (c) => c.get(`/api/cases/export.xlsx?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/cases/export.csv': {
    attempt: (c) => c.get(`/api/cases/export.csv?locality=${BINH_LU}`),
    expect: refused,
  },
  'POST /api/cases': {
    attempt: (c) =>
      c.post('/api/cases', {
        clientKey: randomUUID(),
        subject: { personId: neighbour.case.personId },
        sampleDate: '2026-11-01',
        confirmedDate: '2026-11-02',
        classification: 'community',
      }),
    expect: refused,
  },
  'GET /api/cases/:id': { attempt: (c) => c.get(`/api/cases/${neighbour.case.id}`), expect: refused },
  'PATCH /api/cases/:id': {
    attempt: (c) => c.patch(`/api/cases/${neighbour.case.id}`, { status: 'died' }),
    expect: refused,
  },
  'POST /api/cases/:id/home-treatment': {
    attempt: (c) => c.post(`/api/cases/${neighbour.case.id}/home-treatment`, {}),
    expect: refused,
  },
  'POST /api/cases/:id/discharge': {
    attempt: (c) => c.post(`/api/cases/${neighbour.case.id}/discharge`, { outcome: 'died' }),
    expect: refused,
  },
  'GET /api/disease-profiles': { attempt: (c) => c.get('/api/disease-profiles'), expect: [200] },
  'GET /api/disease-profiles/:code': { attempt: (c) => c.get('/api/disease-profiles/covid19_2020'), expect: [200] },
  'PUT /api/disease-profiles/:code': {
    attempt: async (c) =>
      c.request({
        method: 'PUT',
        url: '/api/disease-profiles/covid19_2020',
        payload: (await c.get('/api/disease-profiles/covid19_2020')).json(),
      }),
    expect: refused,
  },
  'GET /api/cases/:id/contacts': { attempt: (c) => c.get(`/api/cases/${neighbour.case.id}/contacts`), expect: refused },
  'GET /api/cases/:id/contacts/export.xlsx': {
    attempt: (c) => c.get(`/api/cases/${neighbour.case.id}/contacts/export.xlsx`),
    expect: refused,
  },
  'GET /api/cases/:id/contacts/export.csv': {
    attempt: (c) => c.get(`/api/cases/${neighbour.case.id}/contacts/export.csv`),
    expect: refused,
  },
  'GET /api/cases/:id/exposure-stays': {
    attempt: (c) => c.get(`/api/cases/${neighbour.case.id}/exposure-stays`),
    expect: refused,
  },
  'POST /api/cases/:id/exposure-stays': {
    attempt: (c) =>
      c.post(`/api/cases/${neighbour.case.id}/exposure-stays`, {
        venueId: neighbour.case.personId,
        checkedInAt: new Date().toISOString(),
      }),
    expect: refused,
  },
  'POST /api/cases/:id/contacts': {
    attempt: (c) =>
      c.post(`/api/cases/${neighbour.case.id}/contacts`, { subject: { personId: neighbour.case.personId } }),
    expect: refused,
  },
  'POST /api/cases/:id/tracing': { attempt: (c) => c.post(`/api/cases/${neighbour.case.id}/tracing`), expect: refused },
  'POST /api/contacts/:id/decision': {
    attempt: (c) => c.post(`/api/contacts/${neighbour.case.contactId}/decision`, { decision: 'reject' }),
    expect: refused,
  },
  'GET /api/contacts/export.xlsx': {
    attempt: (c) => c.get(`/api/contacts/export.xlsx?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/contacts/export.csv': {
    attempt: (c) => c.get(`/api/contacts/export.csv?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/contacts': { attempt: (c) => c.get(`/api/contacts?locality=${BINH_LU}`), expect: refused },
  'GET /api/clusters': { attempt: (c) => c.get(`/api/clusters?locality=${BINH_LU}`), expect: refused },
  'GET /api/clusters/export.xlsx': {
    attempt: (c) => c.get(`/api/clusters/export.xlsx?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/clusters/export.csv': {
    attempt: (c) => c.get(`/api/clusters/export.csv?locality=${BINH_LU}`),
    expect: refused,
  },
  'POST /api/clusters': {
    attempt: (c) => c.post('/api/clusters', { code: 'GRAB', name: 'Grab', localityCode: BINH_LU }),
    expect: refused,
  },
  'GET /api/clusters/:id': { attempt: (c) => c.get(`/api/clusters/${neighbour.case.clusterId}`), expect: refused },
  'PATCH /api/clusters/:id': {
    attempt: (c) => c.patch(`/api/clusters/${neighbour.case.clusterId}`, { status: 'closed' }),
    expect: refused,
  },
  // The neighbour's registry, asked for by its commune: refused (searching one's own area finds nobody there).
  'GET /api/people/search': {
    attempt: (c) => c.get(`/api/people/search?q=nguyen&locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/people/:id/duplicates': {
    attempt: (c) => c.get(`/api/people/${neighbour.case.personId}/duplicates`),
    expect: refused,
  },
  'POST /api/people/merge': {
    attempt: (c) => c.post('/api/people/merge', { keepId: neighbour.case.personId, mergeId: randomUUID() }),
    expect: refused,
  },
  'GET /api/checkins/counts': {
    attempt: (c) => c.get(`/api/checkins/counts?locality=${BINH_LU}&from=2026-11-01&to=2026-11-02`),
    expect: refused,
  },
  'POST /api/cases/import': {
    attempt: (c) =>
      c.request({
        method: 'POST',
        url: '/api/cases/import',
        payload: `case_number,confirmed_date,commune_code\nX1,2021-05-01,${BINH_LU}\n`,
        headers: { 'content-type': 'text/csv' },
      }),
    expect: [403, 404, 422],
  },
  ...workplacesRoutes,
};
