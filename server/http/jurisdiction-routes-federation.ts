import { randomUUID } from 'node:crypto';
import { refused, type RouteTable } from './jurisdiction-neighbour.ts';

/** The federation's routes (issue 21), walked with the response routes (jurisdiction-response.int.test.ts). */
export const federationRoutes: RouteTable = {
  // The test platform is a province alone (no federation): a referral names no record of the
  // neighbour (its area is the writer's own) and is refused as not federated; the neighbour's
  // referral cannot be accepted (none exists outside a federated province, and accepting is bounded
  // by the referral's commune, tested across clusters in federation.fed.test.ts).
  'POST /api/federation/referrals': {
    attempt: (c) =>
      c.post('/api/federation/referrals', {
        clientKey: randomUUID(),
        destinationCode: '11',
        reason: 'contact_of_case',
        personName: 'Người ở tỉnh khác',
        originUnit: 'Trạm y tế',
      }),
    expect: [400],
  },
  'POST /api/federation/referrals/:origin/:id/acceptance': {
    attempt: (c) =>
      c.post(`/api/federation/referrals/11/${randomUUID()}/acceptance`, { subject: { personId: randomUUID() } }),
    expect: refused,
  },
  'GET /api/federation/referrals/:origin/:id': {
    attempt: (c) => c.get(`/api/federation/referrals/11/${randomUUID()}`),
    expect: refused,
  },
  // The hub's provinces are filtered by the caller's area; a province answers hub: false.
  'GET /api/federation/national': { attempt: (c) => c.get('/api/federation/national'), expect: [200] },
  // The hub's national pages: a province answers the dashboard with no province (the caller's area
  // bounds the hub's); the weekly report, the directives and their exports are not a commune officer's.
  'GET /api/federation/national/dashboard': {
    attempt: (c) => c.get('/api/federation/national/dashboard'),
    expect: [200],
  },
  'GET /api/federation/national/weekly-report': {
    attempt: (c) => c.get('/api/federation/national/weekly-report'),
    expect: refused,
  },
  'GET /api/federation/national/weekly-report/export.xlsx': {
    attempt: (c) => c.get('/api/federation/national/weekly-report/export.xlsx'),
    expect: refused,
  },
  'GET /api/federation/national/weekly-report/export.csv': {
    attempt: (c) => c.get('/api/federation/national/weekly-report/export.csv'),
    expect: refused,
  },
  'GET /api/federation/directives': { attempt: (c) => c.get('/api/federation/directives'), expect: refused },
  'GET /api/federation/directives/export.xlsx': {
    attempt: (c) => c.get('/api/federation/directives/export.xlsx'),
    expect: refused,
  },
  'GET /api/federation/directives/export.csv': {
    attempt: (c) => c.get('/api/federation/directives/export.csv'),
    expect: refused,
  },
  // Issuing is the national level's, acknowledging the province's officials', adopting its administrators'.
  'POST /api/federation/directives': {
    attempt: (c) =>
      c.post('/api/federation/directives', {
        kind: 'directive',
        numberSymbol: '1/CT',
        issuedOn: '2026-12-01',
        issuer: 'Xã',
        summary: 'Thử',
      }),
    expect: refused,
  },
  'POST /api/federation/directives/:id/acknowledgement': {
    attempt: (c) => c.post(`/api/federation/directives/${randomUUID()}/acknowledgement`, {}),
    expect: refused,
  },
  'POST /api/federation/directives/:id/adoption': {
    attempt: (c) => c.post(`/api/federation/directives/${randomUUID()}/adoption`, {}),
    expect: refused,
  },
};
