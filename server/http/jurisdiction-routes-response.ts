import { randomUUID } from 'node:crypto';
import { signer } from '../testing/factories.ts';
import { qd218_2022 } from '../../core/rules/risk/rule-sets.ts';
import { BINH_LU, LAI_CHAU } from '../testing/test-platform.ts';
import { neighbour, refused, type RouteTable } from './jurisdiction-neighbour.ts';
import { federationRoutes } from './jurisdiction-routes-federation.ts';

/** The routes of testing, quarantine, risk and zones, today, chains, facilities and treatment. */
export const responseRoutes: RouteTable = {
  'GET /api/testing/orders/export.xlsx': {
    attempt: (c) => c.get(`/api/testing/orders/export.xlsx?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/testing/orders/export.csv': {
    attempt: (c) => c.get(`/api/testing/orders/export.csv?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/testing/campaigns/export.xlsx': {
    attempt: (c) => c.get(`/api/testing/campaigns/export.xlsx?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/testing/campaigns/export.csv': {
    attempt: (c) => c.get(`/api/testing/campaigns/export.csv?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/testing/case-proposals/export.xlsx': {
    attempt: (c) => c.get(`/api/testing/case-proposals/export.xlsx?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/testing/case-proposals/export.csv': {
    attempt: (c) => c.get(`/api/testing/case-proposals/export.csv?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/quarantine/admissions/export.xlsx': {
    attempt: (c) => c.get(`/api/quarantine/admissions/export.xlsx?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/quarantine/admissions/export.csv': {
    attempt: (c) => c.get(`/api/quarantine/admissions/export.csv?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/testing/orders': { attempt: (c) => c.get(`/api/testing/orders?locality=${BINH_LU}`), expect: refused },
  'POST /api/testing/orders': {
    attempt: (c) =>
      c.post('/api/testing/orders', { subject: { personId: neighbour.case.personId }, dueOn: '2026-11-02' }),
    expect: refused,
  },
  'POST /api/testing/samples': {
    attempt: (c) =>
      c.post('/api/testing/samples', {
        code: 'GRAB-1',
        orderId: neighbour.testing.orderId,
        kind: 'rt_pcr',
        collectedAt: new Date().toISOString(),
      }),
    expect: refused,
  },
  'GET /api/testing/samples/:code': {
    attempt: (c) => c.get(`/api/testing/samples/${neighbour.testing.sampleCode}`),
    expect: refused,
  },
  'POST /api/testing/results': {
    attempt: (c) =>
      c.post('/api/testing/results', { items: [{ code: neighbour.testing.sampleCode, result: 'negative' }] }),
    expect: [403, 404, 422],
  },
  'POST /api/testing/pools/results': {
    attempt: (c) =>
      c.post('/api/testing/pools/results', { items: [{ code: neighbour.testing.poolCode, result: 'negative' }] }),
    expect: [403, 404, 422],
  },
  'POST /api/testing/:kind/import': {
    attempt: (c) =>
      c.request({
        method: 'POST',
        url: '/api/testing/samples/import',
        payload: `ma_mau,ket_qua\n${neighbour.testing.sampleCode},am tinh\n`,
        headers: { 'content-type': 'text/csv' },
      }),
    expect: [403, 404, 422],
  },
  'GET /api/testing/campaigns': {
    attempt: (c) => c.get(`/api/testing/campaigns?locality=${BINH_LU}`),
    expect: refused,
  },
  'POST /api/testing/campaigns': {
    attempt: (c) =>
      c.post('/api/testing/campaigns', {
        name: 'Grab campaign',
        localityCode: BINH_LU,
        targetPopulation: 5,
        startsOn: '2026-11-01',
        endsOn: '2026-11-02',
      }),
    expect: refused,
  },
  'GET /api/testing/campaigns/:id': {
    attempt: (c) => c.get(`/api/testing/campaigns/${neighbour.testing.campaignId}`),
    expect: refused,
  },
  'GET /api/testing/campaigns/:id/pools': {
    attempt: (c) => c.get(`/api/testing/campaigns/${neighbour.testing.campaignId}/pools`),
    expect: refused,
  },
  'GET /api/testing/campaigns/:id/progress': {
    attempt: (c) => c.get(`/api/testing/campaigns/${neighbour.testing.campaignId}/progress`),
    expect: refused,
  },
  'POST /api/testing/campaigns/:id/samples': {
    attempt: (c) =>
      c.post(`/api/testing/campaigns/${neighbour.testing.campaignId}/samples`, {
        collectedAt: new Date().toISOString(),
        samples: [{ code: 'GRAB-2', subject: { personId: neighbour.case.personId } }],
      }),
    expect: refused,
  },
  'GET /api/testing/case-proposals': {
    attempt: (c) => c.get(`/api/testing/case-proposals?locality=${BINH_LU}`),
    expect: refused,
  },
  'POST /api/testing/case-proposals/:id/accept': {
    attempt: (c) => c.post(`/api/testing/case-proposals/${neighbour.testing.proposalId}/accept`),
    expect: refused,
  },
  'POST /api/testing/case-proposals/:id/dismiss': {
    attempt: (c) => c.post(`/api/testing/case-proposals/${neighbour.testing.proposalId}/dismiss`),
    expect: refused,
  },
  'GET /api/quarantine/admissions': {
    attempt: (c) => c.get(`/api/quarantine/admissions?locality=${BINH_LU}`),
    expect: refused,
  },
  'POST /api/quarantine/admissions': {
    attempt: (c) =>
      c.post('/api/quarantine/admissions', {
        clientKey: randomUUID(),
        subject: { personId: neighbour.case.personId },
        reason: 'f1',
        facilityId: neighbour.stay.facilityId,
      }),
    expect: refused,
  },
  'GET /api/quarantine/admissions/:id': {
    attempt: (c) => c.get(`/api/quarantine/admissions/${neighbour.stay.id}`),
    expect: refused,
  },
  'POST /api/quarantine/admissions/:id/extend': {
    attempt: (c) => c.post(`/api/quarantine/admissions/${neighbour.stay.id}/extend`, { days: 3, reason: 'grab' }),
    expect: refused,
  },
  'POST /api/quarantine/admissions/:id/transfer': {
    attempt: (c) =>
      c.post(`/api/quarantine/admissions/${neighbour.stay.id}/transfer`, { facilityId: randomUUID(), reason: 'grab' }),
    expect: refused,
  },
  'POST /api/quarantine/admissions/:id/release': {
    attempt: (c) => c.post(`/api/quarantine/admissions/${neighbour.stay.id}/release`, { early: true, note: 'grab' }),
    expect: refused,
  },
  'GET /api/quarantine/admissions/:id/decision.pdf': {
    attempt: (c) => c.get(`/api/quarantine/admissions/${neighbour.stay.id}/decision.pdf`),
    expect: refused,
  },
  'GET /api/quarantine/admissions/:id/certificate.pdf': {
    attempt: (c) => c.get(`/api/quarantine/admissions/${neighbour.stay.id}/certificate.pdf`),
    expect: refused,
  },
  'GET /api/quarantine/missing-reports': {
    attempt: (c) => c.get(`/api/quarantine/missing-reports?locality=${BINH_LU}`),
    expect: refused,
  },
  // The daily report link carries its own signed token: whoever holds the link may report.
  'GET /api/public/monitoring/:token': 'public',
  'POST /api/public/monitoring/:token': 'public',
  'GET /api/risk/indicators': { attempt: (c) => c.get(`/api/risk/indicators?locality=${BINH_LU}`), expect: refused },
  'GET /api/risk/evaluate': {
    attempt: (c) => c.get(`/api/risk/evaluate?locality=${BINH_LU}&ruleSet=nq128_qd4800_2021`),
    expect: refused,
  },
  'POST /api/risk/decisions': {
    attempt: (c) =>
      c.post('/api/risk/decisions', {
        ...signer,
        locality: BINH_LU,
        ruleSet: 'nq128_qd4800_2021',
      }),
    expect: refused,
  },
  'GET /api/risk/decisions/draft': {
    attempt: (c) => c.get(`/api/risk/decisions/draft?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/risk/decisions/:id/decision.pdf': {
    attempt: (c) => c.get(`/api/risk/decisions/${neighbour.levelDecisionId}/decision.pdf`),
    expect: refused,
  },
  'GET /api/risk/decisions': { attempt: (c) => c.get(`/api/risk/decisions?locality=${BINH_LU}`), expect: refused },
  'GET /api/risk/decisions/export.xlsx': {
    attempt: (c) => c.get(`/api/risk/decisions/export.xlsx?locality=${LAI_CHAU}&subtree=true`),
    expect: refused,
  },
  'GET /api/risk/decisions/export.csv': {
    attempt: (c) => c.get(`/api/risk/decisions/export.csv?locality=${LAI_CHAU}&subtree=true`),
    expect: refused,
  },
  'GET /api/risk/map': 'overview',
  'GET /api/risk/map/export.xlsx': 'overview',
  'GET /api/risk/map/export.csv': 'overview',
  'GET /api/risk/dashboard': 'overview',
  'GET /api/risk/zones': 'overview',
  'GET /api/risk/zones/export.xlsx': 'overview',
  'GET /api/risk/zones/export.csv': 'overview',
  'POST /api/risk/zones': {
    attempt: (c) =>
      c.post('/api/risk/zones', {
        name: 'Grab zone',
        kind: 'phong_toa',
        communeCodes: [BINH_LU],
        startsAt: new Date().toISOString(),
        clientKey: randomUUID(),
      }),
    expect: refused,
  },
  'POST /api/risk/zones/:id/end': {
    attempt: (c) => c.post(`/api/risk/zones/${neighbour.zoneId}/end`, {}),
    expect: refused,
  },
  'GET /api/risk/rule-sets': 'installation',
  'GET /api/risk/rule-sets/:code': 'installation',
  'PUT /api/risk/rule-sets/:code': {
    attempt: (c) =>
      c.request({ method: 'PUT', url: '/api/risk/rule-sets/qd218_2022', payload: { definition: qd218_2022 } }),
    expect: refused,
  },
  'POST /api/risk/rule-sets/:code/activate': {
    attempt: (c) => c.post('/api/risk/rule-sets/vn2020_three_groups/activate'),
    expect: refused,
  },
  'POST /api/risk/vaccination': {
    attempt: (c) =>
      c.post('/api/risk/vaccination', { rows: [{ commune: BINH_LU, asOf: '2026-11-01', adultsFull: 10 }] }),
    expect: refused,
  },
  'POST /api/risk/vaccination/import': {
    attempt: (c) =>
      c.request({
        method: 'POST',
        url: '/api/risk/vaccination/import',
        payload: `Mã xã,Ngày,Tỷ lệ đủ liều\n${BINH_LU},2026-11-01,10\n`,
        headers: { 'content-type': 'text/csv' },
      }),
    expect: refused,
  },
  'GET /api/public/risk-map': 'public',
  'GET /api/public/boundaries/:code': 'public',
  'GET /api/public/risk-map-svg/:code': 'public',
  'GET /api/today': { attempt: (c) => c.get(`/api/today?locality=${BINH_LU}`), expect: refused },
  // Exposure alerts and self-reports (issue 20): the feed and its key are public, a report is the citizen's own (their session, checked by the service).
  'GET /api/public/exposure/key': 'public',
  'GET /api/public/exposure/feeds/:province': 'public',
  'POST /api/public/self-reports': 'public',
  'PUT /api/public/self-reports/:id/photo': 'public',
  'POST /api/public/me/self-reports': 'public',
  'GET /api/public/push/key': 'public',
  'POST /api/public/me/push-subscriptions': 'public',
  'POST /api/public/me/push-subscriptions/remove': 'public',
  'POST /api/public/me/alert-consent': 'public',
  'POST /api/self-reports/:id/handle': {
    attempt: (c) => c.post(`/api/self-reports/${neighbour.selfReportId}/handle`, { exposure: 'withdraw' }),
    expect: refused,
  },
  'GET /api/self-reports/:id/photo': {
    attempt: (c) => c.get(`/api/self-reports/${neighbour.selfReportId}/photo`),
    expect: refused,
  },
  'GET /api/exposure/counts': { attempt: (c) => c.get(`/api/exposure/counts?locality=${BINH_LU}`), expect: refused },
  'GET /api/exposure/pending': { attempt: (c) => c.get(`/api/exposure/pending?locality=${BINH_LU}`), expect: refused },
  'GET /api/exposure/pending/export.xlsx': {
    attempt: (c) => c.get(`/api/exposure/pending/export.xlsx?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/exposure/pending/export.csv': {
    attempt: (c) => c.get(`/api/exposure/pending/export.csv?locality=${BINH_LU}`),
    expect: refused,
  },
  ...federationRoutes,
  'GET /api/today/situation': { attempt: (c) => c.get(`/api/today/situation?locality=${BINH_LU}`), expect: refused },
  'GET /api/chains': { attempt: (c) => c.get(`/api/chains?locality=${BINH_LU}`), expect: refused },
  'GET /api/facilities': { attempt: (c) => c.get(`/api/facilities?locality=${BINH_LU}`), expect: refused },
  'GET /api/facilities/export.xlsx': {
    attempt: (c) => c.get(`/api/facilities/export.xlsx?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/facilities/export.csv': {
    attempt: (c) => c.get(`/api/facilities/export.csv?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/facilities/placement': {
    attempt: (c) =>
      c.get(`/api/facilities/placement?people=5&kind=quarantine_place&near=${BINH_LU}&locality=${BINH_LU}`),
    expect: refused,
  },
  'POST /api/facilities': {
    attempt: (c) =>
      c.post('/api/facilities', {
        name: 'Grab',
        kind: 'concentrated',
        communeCode: BINH_LU,
        addressLine: 'Bản Bình Lư',
        capacity: { quarantine_place: 5 },
      }),
    expect: refused,
  },
  'GET /api/facilities/:id': {
    attempt: (c) => c.get(`/api/facilities/${neighbour.treatment.facilityId}`),
    expect: refused,
  },
  'PATCH /api/facilities/:id': {
    attempt: (c) => c.patch(`/api/facilities/${neighbour.treatment.facilityId}`, { capacity: { quarantine_place: 0 } }),
    expect: refused,
  },
  'GET /api/treatment/stays': { attempt: (c) => c.get(`/api/treatment/stays?locality=${BINH_LU}`), expect: refused },
  'GET /api/treatment/stays/export.xlsx': {
    attempt: (c) => c.get(`/api/treatment/stays/export.xlsx?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/treatment/stays/export.csv': {
    attempt: (c) => c.get(`/api/treatment/stays/export.csv?locality=${BINH_LU}`),
    expect: refused,
  },
  'POST /api/treatment/stays': {
    attempt: (c) =>
      c.post('/api/treatment/stays', {
        caseId: neighbour.case.id,
        facilityId: neighbour.treatment.facilityId,
        bedKind: 'regular_bed',
      }),
    expect: refused,
  },
  'POST /api/treatment/stays/:id/discharge': {
    attempt: (c) => c.post(`/api/treatment/stays/${neighbour.treatment.stayId}/discharge`, { outcome: 'died' }),
    expect: refused,
  },
  'POST /api/treatment/stays/:id/transfer': {
    attempt: (c) =>
      c.post(`/api/treatment/stays/${neighbour.treatment.stayId}/transfer`, {
        facilityId: neighbour.treatment.facilityId,
        bedKind: 'regular_bed',
      }),
    expect: refused,
  },
  'GET /api/treatment/occupancy': {
    attempt: (c) => c.get(`/api/treatment/occupancy?locality=${BINH_LU}`),
    expect: refused,
  },
};
