import { z } from 'zod';
import { defineRoutes, sheetExportRoutes } from './contract.ts';
import { pageOf } from '../schemas/common.ts';
import {
  activationsQuery,
  activationView,
  areaReadinessQuery,
  areaReadinessView,
  committeeStateRequest,
  committeeView,
  listPlansQuery,
  planSummaryView,
  planVersionView,
  putCommitteeMembersRequest,
  readinessQuery,
  readinessView,
  reviewPlanRequest,
  savePlanRequest,
  unitPlanView,
  whatIfQuery,
  whatIfView,
} from '../schemas/plans.ts';

const unitParams = z.object({ unitId: z.string().uuid() });
const idParams = z.object({ id: z.string().uuid() });

export const plansContract = defineRoutes(['plans'], {
  getPlans: {
    method: 'GET',
    path: '/plans',
    summary:
      "The units of the caller's area with their plan's latest and approved versions (keyset paged by unit code)",
    query: listPlansQuery,
    answer: pageOf(planSummaryView),
  },
  ...sheetExportRoutes('getPlansExport', '/plans/export', {
    summary: 'Units and the state of their response plan',
    query: listPlansQuery.omit({ after: true, limit: true }),
  }),
  getPlansUnit: {
    method: 'GET',
    path: '/plans/units/:unitId',
    summary: "A unit's response plan: its latest and approved versions, one section per level of the active rule set",
    params: unitParams,
    answer: unitPlanView,
  },
  postPlansUnitVersions: {
    method: 'POST',
    path: '/plans/units/:unitId/versions',
    summary: "Save a new version of the unit's plan (a draft); a level the active rule set does not have is refused",
    params: unitParams,
    body: savePlanRequest,
    answer: planVersionView,
    status: 201,
  },
  postPlansVersionSubmit: {
    method: 'POST',
    path: '/plans/versions/:id/submit',
    summary: 'Submit a draft version to the upper level for approval',
    params: idParams,
    answer: planVersionView,
  },
  postPlansVersionReview: {
    method: 'POST',
    path: '/plans/versions/:id/review',
    summary: 'The upper level approves or returns a submitted version',
    params: idParams,
    body: reviewPlanRequest,
    answer: planVersionView,
  },
  getPlansCommittee: {
    method: 'GET',
    path: '/plans/committees/:unitId',
    summary: "A unit's steering committee: members, roles, phones, duty roster and state",
    params: unitParams,
    answer: committeeView,
  },
  putPlansCommitteeMembers: {
    method: 'PUT',
    path: '/plans/committees/:unitId/members',
    summary: 'Replace the members of the steering committee',
    params: unitParams,
    body: putCommitteeMembersRequest,
    answer: committeeView,
  },
  postPlansCommitteeState: {
    method: 'POST',
    path: '/plans/committees/:unitId/state',
    summary: 'Activate (or stand down) the steering committee with its decision; activating notifies its members',
    params: unitParams,
    body: committeeStateRequest,
    answer: committeeView,
  },
  getPlansActivations: {
    method: 'GET',
    path: '/plans/activations',
    summary: "A unit's activated plan sections with their tasks and progress, newest first",
    query: activationsQuery,
    answer: z.object({ items: z.array(activationView) }),
  },
  postPlansActivationTaskDone: {
    method: 'POST',
    path: '/plans/activation-tasks/:id/done',
    summary: "The responsible unit marks an activation's task done",
    params: idParams,
    answer: activationView,
  },
  getPlansWhatIf: {
    method: 'GET',
    path: '/plans/what-if',
    summary: 'What would be activated, and what would be missing, if the unit went to level N tomorrow',
    query: whatIfQuery,
    answer: whatIfView,
  },
  getPlansReadiness: {
    method: 'GET',
    path: '/plans/readiness',
    summary: "A unit's readiness for a level: required (its plan) against available (forces, stock, beds, places)",
    query: readinessQuery,
    answer: readinessView,
  },
  getPlansReadinessArea: {
    method: 'GET',
    path: '/plans/readiness/area',
    summary:
      "Readiness for a level of the communes (and districts) of an area (the caller's when no locality), keyset paged by unit code",
    query: areaReadinessQuery,
    answer: areaReadinessView,
  },
  ...sheetExportRoutes('getPlansReadinessAreaExport', '/plans/readiness/area/export', {
    summary: 'Readiness for a level of the communes (and districts) of an area: percentage and shortfalls',
    query: areaReadinessQuery.omit({ after: true, limit: true }),
  }),
});
