import { randomUUID } from 'node:crypto';
import { addDays, vietnamToday } from '../../core/vietnam-calendar.ts';
import { BINH_LU, LAI_CHAU } from '../testing/test-platform.ts';
import { neighbour, refused, type RouteTable } from './jurisdiction-neighbour.ts';

const today = vietnamToday();
const i = () => neighbour.inspection;

/** The routes of inspections: Bình Lư's plan, visit, photo, violation and action are not Đoàn Kết's officer's. */
export const inspectionsRoutes: RouteTable = {
  // The checklists and the Decree 117 catalogue are the installation's data, the same for everyone.
  'GET /api/inspections/checklists': 'installation',
  'GET /api/inspections/articles': 'installation',
  'GET /api/inspections/plans': {
    attempt: (c) => c.get(`/api/inspections/plans?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/inspections/plans/export.xlsx': {
    attempt: (c) => c.get(`/api/inspections/plans/export.xlsx?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/inspections/plans/export.csv': {
    attempt: (c) => c.get(`/api/inspections/plans/export.csv?locality=${BINH_LU}`),
    expect: refused,
  },
  'POST /api/inspections/plans': {
    attempt: (c) =>
      c.post('/api/inspections/plans', {
        clientKey: randomUUID(),
        unitId: i().unitId,
        title: 'grab',
        periodFrom: today,
        periodTo: today,
        leaderUserId: c.user.id,
        targets: [{ kind: 'other', name: 'grab', localityCode: BINH_LU, checklist: 'market', scheduledOn: today }],
      }),
    expect: refused,
  },
  'GET /api/inspections/plans/:id': { attempt: (c) => c.get(`/api/inspections/plans/${i().planId}`), expect: refused },
  'GET /api/inspections/proposals': {
    attempt: (c) => c.get(`/api/inspections/proposals?unit=${i().unitId}`),
    expect: refused,
  },
  // The accounts of the neighbour unit's area are its officers' to choose from.
  'GET /api/inspections/team-candidates': {
    attempt: (c) => c.get(`/api/inspections/team-candidates?unit=${i().unitId}`),
    expect: refused,
  },
  // The caller's own plans only (the officer is on none).
  'GET /api/inspections/field-work': 'own-session',
  'POST /api/inspections/visits': {
    attempt: (c) =>
      c.post('/api/inspections/visits', {
        clientKey: i().visitKey,
        targetId: i().targetId,
        baseVersion: 1,
        startedAt: new Date().toISOString(),
        complete: false,
        findings: [],
      }),
    expect: refused,
  },
  'GET /api/inspections/visits/:key': {
    attempt: (c) => c.get(`/api/inspections/visits/${i().visitKey}`),
    expect: refused,
  },
  'PUT /api/inspections/visits/:key/photos/:photoKey': {
    attempt: (c) =>
      c.request({
        method: 'PUT',
        url: `/api/inspections/visits/${i().visitKey}/photos/${randomUUID()}`,
        payload: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]),
        headers: { 'content-type': 'image/jpeg' },
      }),
    expect: refused,
  },
  'GET /api/inspections/photos/:id': {
    attempt: (c) => c.get(`/api/inspections/photos/${i().photoId}`),
    expect: refused,
  },
  'GET /api/inspections/visits/:key/record.pdf': {
    attempt: (c) => c.get(`/api/inspections/visits/${i().visitId}/record.pdf`),
    expect: refused,
  },
  'POST /api/inspections/violations': {
    attempt: (c) =>
      c.post('/api/inspections/violations', {
        clientKey: randomUUID(),
        visitKey: i().visitKey,
        articleCode: '12.1a',
        subject: { kind: 'individual', name: 'grab' },
        committedOn: today,
        description: 'grab',
      }),
    expect: refused,
  },
  'GET /api/inspections/violations': {
    attempt: (c) => c.get(`/api/inspections/violations?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/inspections/violations/export.xlsx': {
    attempt: (c) => c.get(`/api/inspections/violations/export.xlsx?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/inspections/violations/export.csv': {
    attempt: (c) => c.get(`/api/inspections/violations/export.csv?locality=${BINH_LU}`),
    expect: refused,
  },
  // The neighbour's person: not found, and nothing of their violations.
  'GET /api/inspections/people/:id/violations': {
    attempt: (c) => c.get(`/api/inspections/people/${neighbour.case.personId}/violations`),
    expect: refused,
  },
  'POST /api/inspections/violations/:id/decision': {
    attempt: (c) =>
      c.post(`/api/inspections/violations/${i().violationId}/decision`, {
        decidedOn: today,
        amountVnd: 20_000_000,
        paymentDueOn: addDays(today, 10),
        final: true,
      }),
    expect: refused,
  },
  'POST /api/inspections/violations/:id/payment': {
    attempt: (c) => c.post(`/api/inspections/violations/${i().violationId}/payment`, { paidOn: today }),
    expect: refused,
  },
  'POST /api/inspections/violations/:id/publication-decision': {
    attempt: (c) =>
      c.post(`/api/inspections/violations/${i().violationId}/publication-decision`, {
        decision: 'grab',
        namesSubject: true,
      }),
    expect: refused,
  },
  // The province's publication export is the province's: a commune officer reads their commune only.
  'GET /api/inspections/publication/export.xlsx': {
    attempt: (c) => c.get(`/api/inspections/publication/export.xlsx?province=${LAI_CHAU}`),
    expect: refused,
  },
  'GET /api/inspections/publication/export.csv': {
    attempt: (c) => c.get(`/api/inspections/publication/export.csv?province=${LAI_CHAU}`),
    expect: refused,
  },
  'GET /api/public/inspections/violations': 'public',
  'GET /api/public/inspections/violations/export.xlsx': 'public',
  'GET /api/public/inspections/violations/export.csv': 'public',
  'POST /api/inspections/actions': {
    attempt: (c) =>
      c.post('/api/inspections/actions', {
        clientKey: randomUUID(),
        visitKey: i().visitKey,
        description: 'grab',
        responsiblePerson: 'grab',
        dueOn: addDays(today, 3),
      }),
    expect: refused,
  },
  'POST /api/inspections/actions/:id/report': {
    attempt: (c) => c.post(`/api/inspections/actions/${i().actionId}/report`, { text: 'grab' }),
    expect: refused,
  },
  'POST /api/inspections/actions/:id/close': {
    attempt: (c) => c.post(`/api/inspections/actions/${i().actionId}/close`),
    expect: refused,
  },
  'GET /api/inspections/dashboard': {
    attempt: (c) => c.get(`/api/inspections/dashboard?locality=${BINH_LU}&from=${addDays(today, -30)}&to=${today}`),
    expect: refused,
  },
};
