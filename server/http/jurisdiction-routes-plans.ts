import { randomUUID } from 'node:crypto';
import { BINH_LU } from '../testing/test-platform.ts';
import { neighbour, refused, type RouteTable } from './jurisdiction-neighbour.ts';

const unit = () => neighbour.plan.unitId;

/** The routes of response plans and committees (issue 18): Bình Lư's plan, committee and tasks are not Đoàn Kết's officer's. */
export const plansRoutes: RouteTable = {
  'GET /api/plans': { attempt: (c) => c.get(`/api/plans?locality=${BINH_LU}`), expect: refused },
  'GET /api/plans/export.xlsx': {
    attempt: (c) => c.get(`/api/plans/export.xlsx?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/plans/export.csv': { attempt: (c) => c.get(`/api/plans/export.csv?locality=${BINH_LU}`), expect: refused },
  'GET /api/plans/units/:unitId': { attempt: (c) => c.get(`/api/plans/units/${unit()}`), expect: refused },
  'POST /api/plans/units/:unitId/versions': {
    attempt: (c) =>
      c.post(`/api/plans/units/${unit()}/versions`, {
        clientKey: randomUUID(),
        sections: [{ levelKey: 'level_1', ownMeasures: ['grab'], tasks: [], requirements: [] }],
      }),
    expect: refused,
  },
  'POST /api/plans/versions/:id/submit': {
    attempt: (c) => c.post(`/api/plans/versions/${neighbour.plan.versionId}/submit`),
    expect: refused,
  },
  'POST /api/plans/versions/:id/review': {
    attempt: (c) => c.post(`/api/plans/versions/${neighbour.plan.versionId}/review`, { decision: 'approve' }),
    expect: refused,
  },
  'GET /api/plans/committees/:unitId': { attempt: (c) => c.get(`/api/plans/committees/${unit()}`), expect: refused },
  'PUT /api/plans/committees/:unitId/members': {
    attempt: (c) =>
      c.request({
        method: 'PUT',
        url: `/api/plans/committees/${unit()}/members`,
        payload: { members: [{ fullName: 'grab', role: 'head' }] },
      }),
    expect: refused,
  },
  'POST /api/plans/committees/:unitId/state': {
    attempt: (c) => c.post(`/api/plans/committees/${unit()}/state`, { state: 'activated', decision: 'grab' }),
    expect: refused,
  },
  'GET /api/plans/activations': { attempt: (c) => c.get(`/api/plans/activations?unit=${unit()}`), expect: refused },
  'POST /api/plans/activation-tasks/:id/done': {
    attempt: (c) => c.post(`/api/plans/activation-tasks/${neighbour.plan.taskId}/done`),
    expect: refused,
  },
  'GET /api/plans/what-if': { attempt: (c) => c.get(`/api/plans/what-if?unit=${unit()}&level=3`), expect: refused },
  'GET /api/plans/readiness': { attempt: (c) => c.get(`/api/plans/readiness?unit=${unit()}&level=3`), expect: refused },
  'GET /api/plans/readiness/area': {
    attempt: (c) => c.get(`/api/plans/readiness/area?locality=${BINH_LU}&level=3`),
    expect: refused,
  },
  'GET /api/plans/readiness/area/export.xlsx': {
    attempt: (c) => c.get(`/api/plans/readiness/area/export.xlsx?locality=${BINH_LU}&level=3`),
    expect: refused,
  },
  'GET /api/plans/readiness/area/export.csv': {
    attempt: (c) => c.get(`/api/plans/readiness/area/export.csv?locality=${BINH_LU}&level=3`),
    expect: refused,
  },
};
