import { randomUUID } from 'node:crypto';
import { BINH_LU } from '../testing/test-platform.ts';
import { neighbour, refused, type RouteTable } from './jurisdiction-neighbour.ts';

/** Organisations, their safety map and their workplaces' compliance: the neighbour's are refused. */
export const workplacesRoutes: RouteTable = {
  'GET /api/organisations': { attempt: (c) => c.get(`/api/organisations?locality=${BINH_LU}`), expect: refused },
  'GET /api/organisations/export.xlsx': {
    attempt: (c) => c.get(`/api/organisations/export.xlsx?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/organisations/export.csv': {
    attempt: (c) => c.get(`/api/organisations/export.csv?locality=${BINH_LU}`),
    expect: refused,
  },
  'POST /api/organisations': {
    attempt: (c) =>
      c.post('/api/organisations', {
        clientKey: randomUUID(),
        name: 'Grabbed',
        type: 'enterprise',
        addressLine: 'Bản Bình Lư',
        communeCode: BINH_LU,
        headName: 'Grab',
        contactName: 'Grab',
        contactPhone: '0912345678',
        headcount: 5,
      }),
    expect: refused,
  },
  'POST /api/organisations/import': {
    attempt: (c) =>
      c.request({
        method: 'POST',
        url: '/api/organisations/import',
        payload: `name,type,address,commune,head,contact,phone,headcount\nGrabbed,other,Bản Bình Lư,${BINH_LU},Grab,Grab,0912345678,5\n`,
        headers: { 'content-type': 'text/csv' },
      }),
    // A row naming the neighbour's commune refuses the whole file (nothing written).
    expect: [403, 404, 422],
  },
  'GET /api/organisations/:id': {
    attempt: (c) => c.get(`/api/organisations/${neighbour.organisationId}`),
    expect: refused,
  },
  'POST /api/organisations/:id/decision': {
    attempt: (c) =>
      c.post(`/api/organisations/${neighbour.organisationId}/decision`, { decision: 'suspend', note: 'grab' }),
    expect: refused,
  },
  'POST /api/organisations/:id/assessments': {
    attempt: (c) =>
      c.post(`/api/organisations/${neighbour.organisationId}/assessments`, {
        clientKey: randomUUID(),
        template: 'qd2194',
        answers: {},
      }),
    expect: refused,
  },
  'GET /api/organisations/:id/assessments': {
    attempt: (c) => c.get(`/api/organisations/${neighbour.organisationId}/assessments`),
    expect: refused,
  },
  'POST /api/organisations/:id/roster/import': {
    attempt: (c) =>
      c.request({
        method: 'POST',
        url: `/api/organisations/${neighbour.organisationId}/roster/import`,
        payload: 'Họ tên,Số CCCD\nNgười Lạ,012098000999\n',
        headers: { 'content-type': 'text/csv' },
      }),
    expect: refused,
  },
  'GET /api/organisations/:id/roster': {
    attempt: (c) => c.get(`/api/organisations/${neighbour.organisationId}/roster`),
    expect: refused,
  },
  'GET /api/organisations/:id/roster/export.xlsx': {
    attempt: (c) => c.get(`/api/organisations/${neighbour.organisationId}/roster/export.xlsx`),
    expect: refused,
  },
  'GET /api/organisations/:id/roster/export.csv': {
    attempt: (c) => c.get(`/api/organisations/${neighbour.organisationId}/roster/export.csv`),
    expect: refused,
  },
  'GET /api/organisations/:id/sites': {
    attempt: (c) => c.get(`/api/organisations/${neighbour.organisationId}/sites`),
    expect: refused,
  },
  'POST /api/organisations/:id/sites': {
    attempt: (c) => c.post(`/api/organisations/${neighbour.organisationId}/sites`, { venueId: neighbour.venue.id }),
    expect: refused,
  },
  'POST /api/organisations/:id/gate-checks': {
    attempt: (c) =>
      c.post(`/api/organisations/${neighbour.organisationId}/gate-checks`, {
        clientKey: randomUUID(),
        venueId: neighbour.venue.id,
        mode: 'qr',
        qrToken: neighbour.qrToken,
      }),
    expect: refused,
  },
  'GET /api/organisations/:id/compliance': {
    attempt: (c) => c.get(`/api/organisations/${neighbour.organisationId}/compliance`),
    expect: refused,
  },
  'GET /api/workplace-compliance': {
    attempt: (c) => c.get(`/api/workplace-compliance?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/workplace-compliance/export.xlsx': {
    attempt: (c) => c.get(`/api/workplace-compliance/export.xlsx?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/workplace-compliance/export.csv': {
    attempt: (c) => c.get(`/api/workplace-compliance/export.csv?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/organisation-map': { attempt: (c) => c.get(`/api/organisation-map?locality=${BINH_LU}`), expect: refused },
  'GET /api/organisation-map/export.xlsx': {
    attempt: (c) => c.get(`/api/organisation-map/export.xlsx?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/organisation-map/export.csv': {
    attempt: (c) => c.get(`/api/organisation-map/export.csv?locality=${BINH_LU}`),
    expect: refused,
  },
  'PUT /api/organisations/:id/publication': {
    attempt: (c) =>
      c.request({
        method: 'PUT',
        url: `/api/organisations/${neighbour.organisationId}/publication`,
        payload: { publish: true },
      }),
    expect: refused,
  },
  'POST /api/organisations/:id/phone-otp': {
    attempt: (c) => c.post(`/api/organisations/${neighbour.organisationId}/phone-otp`),
    expect: refused,
  },
  'POST /api/organisations/:id/verify-phone': {
    attempt: (c) =>
      c.post(`/api/organisations/${neighbour.organisationId}/verify-phone`, {
        challengeId: randomUUID(),
        code: '123456',
      }),
    expect: refused,
  },
  'GET /api/organisations/:id/screening-due': {
    attempt: (c) => c.get(`/api/organisations/${neighbour.organisationId}/screening-due`),
    expect: refused,
  },
  'GET /api/organisations/:id/screening-due/export.xlsx': {
    attempt: (c) => c.get(`/api/organisations/${neighbour.organisationId}/screening-due/export.xlsx`),
    expect: refused,
  },
  'GET /api/organisations/:id/screening-due/export.csv': {
    attempt: (c) => c.get(`/api/organisations/${neighbour.organisationId}/screening-due/export.csv`),
    expect: refused,
  },
  'GET /api/organisations/:id/screening-settings': {
    attempt: (c) => c.get(`/api/organisations/${neighbour.organisationId}/screening-settings`),
    expect: refused,
  },
  'PUT /api/organisations/:id/screening-settings': {
    attempt: (c) =>
      c.request({
        method: 'PUT',
        url: `/api/organisations/${neighbour.organisationId}/screening-settings`,
        payload: { screens: false, intervalDays: 7, highRiskSharePercent: 20 },
      }),
    expect: refused,
  },
  'GET /api/organisations/:id/worker-cases': {
    attempt: (c) => c.get(`/api/organisations/${neighbour.organisationId}/worker-cases`),
    expect: refused,
  },
  'GET /api/organisations/:id/worker-cases/export.xlsx': {
    attempt: (c) => c.get(`/api/organisations/${neighbour.organisationId}/worker-cases/export.xlsx`),
    expect: refused,
  },
  'GET /api/organisations/:id/worker-cases/export.csv': {
    attempt: (c) => c.get(`/api/organisations/${neighbour.organisationId}/worker-cases/export.csv`),
    expect: refused,
  },
  'POST /api/organisations/:id/screening-orders': {
    attempt: (c) =>
      c.post(`/api/organisations/${neighbour.organisationId}/screening-orders`, { clientKey: randomUUID() }),
    expect: refused,
  },
  'GET /api/workplace-screening': {
    attempt: (c) => c.get(`/api/workplace-screening?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/workplace-screening/export.xlsx': {
    attempt: (c) => c.get(`/api/workplace-screening/export.xlsx?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/workplace-screening/export.csv': {
    attempt: (c) => c.get(`/api/workplace-screening/export.csv?locality=${BINH_LU}`),
    expect: refused,
  },
  'POST /api/organisations/:id/symptom-reports': {
    attempt: (c) =>
      c.post(`/api/organisations/${neighbour.organisationId}/symptom-reports`, {
        clientKey: randomUUID(),
        workerId: randomUUID(),
        symptoms: ['fever'],
        onsetOn: '2026-01-01',
      }),
    expect: refused,
  },
  'POST /api/organisations/:id/symptom-reports/:reportId/handled': {
    attempt: (c) => c.post(`/api/organisations/${neighbour.organisationId}/symptom-reports/${randomUUID()}/handled`),
    expect: refused,
  },
  'GET /api/organisations/:id/symptom-reports': {
    attempt: (c) => c.get(`/api/organisations/${neighbour.organisationId}/symptom-reports`),
    expect: refused,
  },
};
