import { randomUUID } from 'node:crypto';
import { BINH_LU, LAI_CHAU } from '../testing/test-platform.ts';
import { neighbour, refused, type RouteTable } from './jurisdiction-neighbour.ts';

const period = () => encodeURIComponent(neighbour.report.periodId);

/** The routes of reporting units and unit reports: Bình Lư's unit and report are not Đoàn Kết's officer's. */
export const reportsRoutes: RouteTable = {
  'GET /api/units': { attempt: (c) => c.get(`/api/units?locality=${BINH_LU}`), expect: refused },
  // Only the caller's own units (Đoàn Kết's), whoever asks.
  'GET /api/units/mine': 'own-session',
  'GET /api/reports/form': {
    attempt: (c) => c.get(`/api/reports/form?unit=${neighbour.report.unitId}&period=${period()}`),
    expect: refused,
  },
  'POST /api/reports/drafts': {
    attempt: (c) =>
      c.post('/api/reports/drafts', {
        unitId: neighbour.report.unitId,
        periodId: neighbour.report.periodId,
        values: { inspections_done: 99 },
      }),
    expect: refused,
  },
  'POST /api/reports/submissions': {
    attempt: (c) =>
      c.post('/api/reports/submissions', {
        unitId: neighbour.report.unitId,
        periodId: neighbour.report.periodId,
        values: { inspections_done: 99 },
        clientKey: randomUUID(),
        amendmentReason: 'grab',
      }),
    expect: refused,
  },
  'GET /api/reports/:id': { attempt: (c) => c.get(`/api/reports/${neighbour.report.id}`), expect: refused },
  'POST /api/reports/:id/review': {
    attempt: (c) => c.post(`/api/reports/${neighbour.report.id}/review`, { decision: 'return', comment: 'grab' }),
    expect: refused,
  },
  'GET /api/reports/completeness': {
    attempt: (c) => c.get(`/api/reports/completeness?period=${period()}&locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/reports/completeness/export.xlsx': {
    attempt: (c) => c.get(`/api/reports/completeness/export.xlsx?period=${period()}&locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/reports/completeness/export.csv': {
    attempt: (c) => c.get(`/api/reports/completeness/export.csv?period=${period()}&locality=${BINH_LU}`),
    expect: refused,
  },
  // A commune officer (Đoàn Kết's) has no province overview: the province's consolidated report is refused.
  'GET /api/reports/consolidated.pdf': {
    attempt: (c) => c.get(`/api/reports/consolidated.pdf?period=${period()}&locality=${LAI_CHAU}`),
    expect: refused,
  },
  'GET /api/reports/consolidated.xlsx': {
    attempt: (c) => c.get(`/api/reports/consolidated.xlsx?period=${period()}&locality=${LAI_CHAU}`),
    expect: refused,
  },
};
