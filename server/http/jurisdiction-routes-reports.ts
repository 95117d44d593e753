import { randomUUID } from 'node:crypto';
import { BINH_LU, LAI_CHAU } from '../testing/test-platform.ts';
import { neighbour, refused, type RouteTable } from './jurisdiction-neighbour.ts';

const period = () => encodeURIComponent(neighbour.report.periodId);

/** The routes of reporting units, unit reports and directives: Bình Lư's unit, report and directive are not Đoàn Kết's officer's. */
export const reportsRoutes: RouteTable = {
  'GET /api/units': { attempt: (c) => c.get(`/api/units?locality=${BINH_LU}`), expect: refused },
  // Only the caller's own units (Đoàn Kết's), whoever asks.
  'GET /api/units/mine': 'own-session',
  // A commune's officer edits no unit, not even the neighbour's.
  'PATCH /api/units/:id': {
    attempt: (c) =>
      c.patch(`/api/units/${neighbour.report.unitId}`, {
        baseVersion: 1,
        name: 'grab',
        nameEn: 'grab',
        kind: 'commune',
        supervisorUnitId: null,
        contactPhone: null,
        contactEmail: null,
        active: false,
      }),
    expect: refused,
  },
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
  // A commune's officer lists what their own units issued or received: Bình Lư's directive is not among them.
  'GET /api/directives': {
    attempt: (c) => c.get(`/api/directives?recipient=${neighbour.report.unitId}&q=binh%20lu`),
    expect: [200],
  },
  'GET /api/directives/export.xlsx': {
    attempt: (c) => c.get(`/api/directives/export.xlsx?recipient=${neighbour.report.unitId}`),
    expect: [200],
  },
  'GET /api/directives/export.csv': {
    attempt: (c) => c.get(`/api/directives/export.csv?recipient=${neighbour.report.unitId}`),
    expect: [200],
  },
  'POST /api/directives': {
    attempt: (c) =>
      c.post('/api/directives', {
        clientKey: randomUUID(),
        issuerUnitId: neighbour.report.unitId,
        numberSymbol: '1/UBND',
        issuedOn: '2026-01-05',
        kind: 'notice',
        summary: 'grab',
        recipientUnitIds: [neighbour.report.unitId],
      }),
    expect: refused,
  },
  'GET /api/directives/:id': { attempt: (c) => c.get(`/api/directives/${neighbour.directive.id}`), expect: refused },
  'POST /api/directives/:id/acknowledgements': {
    attempt: (c) =>
      c.post(`/api/directives/${neighbour.directive.id}/acknowledgements`, { unitId: neighbour.report.unitId }),
    expect: refused,
  },
  'POST /api/directives/:id/tasks': {
    attempt: (c) =>
      c.post(`/api/directives/${neighbour.directive.id}/tasks`, {
        unitId: neighbour.report.unitId,
        title: 'grab',
        dueOn: '2030-01-01',
      }),
    expect: refused,
  },
  'POST /api/directives/:id/tasks/:taskId/progress': {
    attempt: (c) =>
      c.post(`/api/directives/${neighbour.directive.id}/tasks/${neighbour.directive.taskId}/progress`, {
        clientKey: randomUUID(),
        status: 'done',
      }),
    expect: refused,
  },
  'PUT /api/directives/:id/document': {
    attempt: (c) =>
      c.request({
        method: 'PUT',
        url: `/api/directives/${neighbour.directive.id}/document`,
        payload: Buffer.from('%PDF-1.4\n'),
        headers: { 'content-type': 'application/pdf' },
      }),
    expect: refused,
  },
  'PUT /api/directives/:id/tasks/:taskId/evidence/:fileKey': {
    attempt: (c) =>
      c.request({
        method: 'PUT',
        url: `/api/directives/${neighbour.directive.id}/tasks/${neighbour.directive.taskId}/evidence/${randomUUID()}`,
        payload: Buffer.from('%PDF-1.4\n'),
        headers: { 'content-type': 'application/pdf' },
      }),
    expect: refused,
  },
  'GET /api/directives/evidence/:id': {
    attempt: (c) => c.get(`/api/directives/evidence/${neighbour.directive.evidenceId}`),
    expect: refused,
  },
  'GET /api/directives/:id/document.pdf': {
    attempt: (c) => c.get(`/api/directives/${neighbour.directive.id}/document.pdf`),
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
