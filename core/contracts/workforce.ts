import { z } from 'zod';
import { defineRoutes, mediaTypes, sheetExportRoutes } from './contract.ts';
import { pageOf } from '../schemas/common.ts';
import {
  areaCompliance,
  areaComplianceQuery,
  gateCheckRequest,
  gateCheckResult,
  linkSiteRequest,
  listRosterQuery,
  organisationCompliance,
  organisationComplianceQuery,
  rosterImportResult,
  rosterWorkerView,
  siteView,
} from '../schemas/workforce.ts';

const idParams = z.object({ id: z.string().uuid() });

/** "No declaration, no work" (issue 15): an organisation's roster, its gate and the daily compliance. */
export const workforceContract = defineRoutes(['workforce'], {
  postOrganisationsRosterImport: {
    method: 'POST',
    path: '/organisations/:id/roster/import',
    summary: 'Import the workforce roster from an .xlsx or .csv sent as the body: all rows or none',
    params: idParams,
    answer: rosterImportResult,
    upload: [mediaTypes.xlsx, mediaTypes.csv],
  },
  getOrganisationsRoster: {
    method: 'GET',
    path: '/organisations/:id/roster',
    summary: "An organisation's workforce roster by department and name (keyset paged)",
    params: idParams,
    query: listRosterQuery,
    answer: pageOf(rosterWorkerView),
  },
  ...sheetExportRoutes('getOrganisationsRosterExport', '/organisations/:id/roster/export', {
    summary: 'Export the workforce roster (it imports back as it is)',
    params: idParams,
    query: listRosterQuery.omit({ after: true, limit: true }),
  }),
  getOrganisationsSites: {
    method: 'GET',
    path: '/organisations/:id/sites',
    summary: "The organisation's sites: its venues linked to it",
    params: idParams,
    answer: z.object({ items: z.array(siteView) }),
  },
  postOrganisationsSites: {
    method: 'POST',
    path: '/organisations/:id/sites',
    summary: 'Link one of the organisation’s existing venues as a site (a venue is one organisation’s site)',
    params: idParams,
    body: linkSiteRequest,
    answer: z.object({ items: z.array(siteView) }),
  },
  postOrganisationsGateChecks: {
    method: 'POST',
    path: '/organisations/:id/gate-checks',
    summary:
      'Check an arriving worker at a site’s gate (personal QR, roster pick or CCCD card QR): allowed with a valid declaration, refused without; a resend stores one',
    params: idParams,
    body: gateCheckRequest,
    answer: gateCheckResult,
    status: 201,
  },
  getOrganisationsCompliance: {
    method: 'GET',
    path: '/organisations/:id/compliance',
    summary:
      "An organisation's daily gate compliance: expected, arrived, arrived with a valid declaration, refused, missing; per department and over days",
    params: idParams,
    query: organisationComplianceQuery,
    answer: organisationCompliance,
  },
  getWorkplaceCompliance: {
    method: 'GET',
    path: '/workplace-compliance',
    summary: "The area's organisations with a roster and their gate compliance of the day, with totals (keyset paged)",
    query: areaComplianceQuery,
    answer: areaCompliance,
  },
  ...sheetExportRoutes('getWorkplaceComplianceExport', '/workplace-compliance/export', {
    summary: "Export the area's organisations' gate compliance of the day",
    query: areaComplianceQuery.omit({ after: true, limit: true }),
  }),
});
