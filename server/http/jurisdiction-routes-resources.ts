import { randomUUID } from 'node:crypto';
import { BINH_LU } from '../testing/test-platform.ts';
import { neighbour, refused, type RouteTable } from './jurisdiction-neighbour.ts';

const store = () => `/api/resources/stores/${neighbour.resources.storeId}`;
const unitId = () => neighbour.report.unitId;

/** Stores, forces and donations (issue 18): Bình Lư's store, roster, request and donation are not Đoàn Kết's officer's. */
export const resourcesRoutes: RouteTable = {
  'GET /api/resources/stores': { attempt: (c) => c.get(`/api/resources/stores?locality=${BINH_LU}`), expect: refused },
  'GET /api/resources/stores/stock/export.xlsx': {
    attempt: (c) => c.get(`/api/resources/stores/stock/export.xlsx?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/resources/stores/stock/export.csv': {
    attempt: (c) => c.get(`/api/resources/stores/stock/export.csv?locality=${BINH_LU}`),
    expect: refused,
  },
  'POST /api/resources/stores': {
    attempt: (c) => c.post('/api/resources/stores', { clientKey: randomUUID(), unitId: unitId(), name: 'Grab' }),
    expect: refused,
  },
  'GET /api/resources/stores/:id/stock': { attempt: (c) => c.get(`${store()}/stock`), expect: refused },
  'GET /api/resources/stores/:id/ledger': { attempt: (c) => c.get(`${store()}/ledger`), expect: refused },
  'GET /api/resources/stores/:id/ledger/export.xlsx': {
    attempt: (c) => c.get(`${store()}/ledger/export.xlsx`),
    expect: refused,
  },
  'GET /api/resources/stores/:id/ledger/export.csv': {
    attempt: (c) => c.get(`${store()}/ledger/export.csv`),
    expect: refused,
  },
  'POST /api/resources/stores/:id/receipts': {
    attempt: (c) => c.post(`${store()}/receipts`, { clientKey: randomUUID(), item: 'gloves', quantity: 5 }),
    expect: refused,
  },
  'POST /api/resources/stores/:id/issues': {
    attempt: (c) =>
      c.post(`${store()}/issues`, { clientKey: randomUUID(), item: 'gloves', quantity: 5, purpose: 'grab' }),
    expect: refused,
  },
  'POST /api/resources/stores/:id/transfers': {
    attempt: (c) =>
      c.post(`${store()}/transfers`, { clientKey: randomUUID(), toStoreId: randomUUID(), item: 'gloves', quantity: 5 }),
    expect: refused,
  },
  'POST /api/resources/stores/:id/adjustments': {
    attempt: (c) =>
      c.post(`${store()}/adjustments`, { clientKey: randomUUID(), item: 'gloves', countedQuantity: 0, note: 'grab' }),
    expect: refused,
  },
  'PUT /api/resources/stores/:id/minimums': {
    attempt: (c) =>
      c.request({ method: 'PUT', url: `${store()}/minimums`, payload: { item: 'gloves', level: 3, minimum: 9 } }),
    expect: refused,
  },
  'GET /api/resources/forces': { attempt: (c) => c.get(`/api/resources/forces?locality=${BINH_LU}`), expect: refused },
  'GET /api/resources/forces/export.xlsx': {
    attempt: (c) => c.get(`/api/resources/forces/export.xlsx?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/resources/forces/export.csv': {
    attempt: (c) => c.get(`/api/resources/forces/export.csv?locality=${BINH_LU}`),
    expect: refused,
  },
  'POST /api/resources/forces': {
    attempt: (c) =>
      c.post('/api/resources/forces', { clientKey: randomUUID(), unitId: unitId(), kind: 'police', fullName: 'Grab' }),
    expect: refused,
  },
  'PATCH /api/resources/forces/:id': {
    attempt: (c) =>
      c.patch(`/api/resources/forces/${neighbour.resources.memberId}`, {
        availability: 'unavailable',
        assignment: null,
      }),
    expect: refused,
  },
  'GET /api/resources/duties': {
    attempt: (c) => c.get(`/api/resources/duties?unit=${unitId()}&from=2026-01-01`),
    expect: refused,
  },
  'POST /api/resources/forces/:id/duties': {
    attempt: (c) =>
      c.post(`/api/resources/forces/${neighbour.resources.memberId}/duties`, {
        clientKey: randomUUID(),
        startsAt: '2026-01-01T07:00:00+07:00',
        endsAt: '2026-01-01T19:00:00+07:00',
        post: 'grab',
      }),
    expect: refused,
  },
  'GET /api/resources/reinforcements': {
    attempt: (c) => c.get(`/api/resources/reinforcements?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/resources/reinforcements/export.xlsx': {
    attempt: (c) => c.get(`/api/resources/reinforcements/export.xlsx?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/resources/reinforcements/export.csv': {
    attempt: (c) => c.get(`/api/resources/reinforcements/export.csv?locality=${BINH_LU}`),
    expect: refused,
  },
  'POST /api/resources/reinforcements': {
    attempt: (c) =>
      c.post('/api/resources/reinforcements', {
        clientKey: randomUUID(),
        unitId: unitId(),
        kind: 'police',
        count: 1,
        reason: 'grab',
      }),
    expect: refused,
  },
  'POST /api/resources/reinforcements/:id/assignments': {
    attempt: (c) =>
      c.post(`/api/resources/reinforcements/${neighbour.resources.requestId}/assignments`, {
        memberIds: [neighbour.resources.memberId],
      }),
    expect: refused,
  },
  'POST /api/resources/reinforcements/:id/decline': {
    attempt: (c) =>
      c.post(`/api/resources/reinforcements/${neighbour.resources.requestId}/decline`, { reason: 'grab' }),
    expect: refused,
  },
  'GET /api/resources/donations': {
    attempt: (c) => c.get(`/api/resources/donations?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/resources/donations/export.xlsx': {
    attempt: (c) => c.get(`/api/resources/donations/export.xlsx?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/resources/donations/export.csv': {
    attempt: (c) => c.get(`/api/resources/donations/export.csv?locality=${BINH_LU}`),
    expect: refused,
  },
  'POST /api/resources/donations': {
    attempt: (c) =>
      c.post('/api/resources/donations', {
        clientKey: randomUUID(),
        unitId: unitId(),
        donorKind: 'anonymous',
        form: 'cash',
        amount: 1,
        purpose: 'general',
        receivedOn: '2026-01-01',
      }),
    expect: refused,
  },
  'GET /api/resources/distributions': {
    attempt: (c) => c.get(`/api/resources/distributions?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/resources/distributions/export.xlsx': {
    attempt: (c) => c.get(`/api/resources/distributions/export.xlsx?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/resources/distributions/export.csv': {
    attempt: (c) => c.get(`/api/resources/distributions/export.csv?locality=${BINH_LU}`),
    expect: refused,
  },
  'POST /api/resources/donations/:id/distributions': {
    attempt: (c) =>
      c.post(`/api/resources/donations/${neighbour.resources.donationId}/distributions`, {
        clientKey: randomUUID(),
        recipientKind: 'person_in_difficulty',
        recipientName: 'Grab',
        locality: BINH_LU,
        amount: 1,
        distributedOn: '2026-01-01',
      }),
    expect: refused,
  },
  // Totals per purpose and commune, never a recipient: anyone reads them.
  'GET /api/public/support': 'public',
};
