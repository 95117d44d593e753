import { z } from 'zod';
import { defineRoutes, sheetExportRoutes } from './contract.ts';
import { pageOf } from '../schemas/common.ts';
import {
  areaScreening,
  areaScreeningQuery,
  orderScreeningRequest,
  orderScreeningResult,
  screeningDue,
  screeningDueQuery,
  screeningSettingsRequest,
  screeningSettingsView,
  symptomReportRequest,
  symptomReportView,
  symptomReportsQuery,
  workerCases,
  workerCasesQuery,
} from '../schemas/workplace-screening.ts';

const idParams = z.object({ id: z.string().uuid() });

/** Screening of workers (Decision 2787) as test orders, and workers with symptoms (issue 15). */
export const workplaceScreeningContract = defineRoutes(['workforce'], {
  getOrganisationsScreeningDue: {
    method: 'GET',
    path: '/organisations/:id/screening-due',
    summary: "The organisation's workers due a screening test today under Decision 2787 (keyset paged)",
    params: idParams,
    query: screeningDueQuery,
    answer: screeningDue,
  },
  ...sheetExportRoutes('getOrganisationsScreeningDueExport', '/organisations/:id/screening-due/export', {
    summary: "Export the organisation's workers due a screening test today",
    params: idParams,
    query: screeningDueQuery.omit({ after: true, limit: true }),
  }),
  getOrganisationsScreeningSettings: {
    method: 'GET',
    path: '/organisations/:id/screening-settings',
    summary: "The organisation's screening rule (Decision 2787's default until it sets its own)",
    params: idParams,
    answer: screeningSettingsView,
  },
  putOrganisationsScreeningSettings: {
    method: 'PUT',
    path: '/organisations/:id/screening-settings',
    summary:
      "Set the organisation's screening rule: whether it screens, every 5–7 days, at least 20% of high-risk workers (audited)",
    params: idParams,
    body: screeningSettingsRequest,
    answer: screeningSettingsView,
  },
  getOrganisationsWorkerCases: {
    method: 'GET',
    path: '/organisations/:id/worker-cases',
    summary:
      'Rostered workers who became a case confirmed in the last 21 days: name, department, shift, day only (the read is logged)',
    params: idParams,
    query: workerCasesQuery,
    answer: workerCases,
  },
  ...sheetExportRoutes('getOrganisationsWorkerCasesExport', '/organisations/:id/worker-cases/export', {
    summary: 'Export the rostered workers who became a case in the last 21 days (name, department, shift, day)',
    params: idParams,
  }),
  postOrganisationsScreeningOrders: {
    method: 'POST',
    path: '/organisations/:id/screening-orders',
    summary:
      'Order a test for every worker due today (workers on file); a resend (same client key) orders nothing more',
    params: idParams,
    body: orderScreeningRequest,
    answer: orderScreeningResult,
    status: 201,
  },
  getWorkplaceScreening: {
    method: 'GET',
    path: '/workplace-screening',
    summary: "The area's approved organisations with their workers due a screening test today (keyset paged)",
    query: areaScreeningQuery,
    answer: areaScreening,
  },
  ...sheetExportRoutes('getWorkplaceScreeningExport', '/workplace-screening/export', {
    summary: "Export the area's organisations with their workers due a screening test today",
    query: areaScreeningQuery.omit({ after: true, limit: true }),
  }),
  postOrganisationsSymptomReports: {
    method: 'POST',
    path: '/organisations/:id/symptom-reports',
    summary:
      'Report a rostered worker with symptoms: the commune sees it on today’s work, the person’s status turns yellow and a test is ordered; a resend stores one',
    params: idParams,
    body: symptomReportRequest,
    answer: symptomReportView,
    status: 201,
  },
  postOrganisationsSymptomReportsHandled: {
    method: 'POST',
    path: '/organisations/:id/symptom-reports/:reportId/handled',
    summary: "The commune took in a report of a worker with symptoms: it leaves today's work (again: no change)",
    params: z.object({ id: z.string().uuid(), reportId: z.string().uuid() }),
    answer: symptomReportView,
  },
  getOrganisationsSymptomReports: {
    method: 'GET',
    path: '/organisations/:id/symptom-reports',
    summary: "The organisation's reports of workers with symptoms, newest first (keyset paged, the read is logged)",
    params: idParams,
    query: symptomReportsQuery,
    answer: pageOf(symptomReportView),
  },
});
