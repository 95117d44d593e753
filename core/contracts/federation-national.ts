import { z } from 'zod';
import { defineRoutes, sheetExportRoutes } from './contract.ts';
import { pageOf } from '../schemas/common.ts';
import {
  adoptedRuleSetView,
  issueNationalDirectiveRequest,
  listNationalDirectivesQuery,
  nationalDirectiveView,
} from '../schemas/federation-directives.ts';
import {
  nationalDashboardQuery,
  nationalDashboardView,
  nationalWeeklyReportQuery,
  nationalWeeklyReportView,
} from '../schemas/federation-national.ts';

const idParams = z.object({ id: z.uuid() });

/** The national hub's own pages (issue 21): dashboard, weekly report, directives down and their acknowledgements. */
export const federationNationalContract = defineRoutes(['federation'], {
  getFederationNationalDashboard: {
    method: 'GET',
    path: '/federation/national/dashboard',
    summary:
      "The national epidemic curve summed from every province's replicated daily counts, Rt and the 14-day projection (the province dashboard's rules), nationally and per province, with each province's last sync",
    query: nationalDashboardQuery,
    answer: nationalDashboardView,
  },
  getFederationNationalWeeklyReport: {
    method: 'GET',
    path: '/federation/national/weekly-report',
    summary:
      "The national weekly report from the provinces' replicated report submissions: per province and week, the figures summed and the submissions on time, late and missing",
    query: nationalWeeklyReportQuery,
    answer: nationalWeeklyReportView,
  },
  ...sheetExportRoutes('getFederationNationalWeeklyReportExport', '/federation/national/weekly-report/export', {
    summary: 'The national weekly report, one row per province and week',
    query: nationalWeeklyReportQuery,
  }),
  getFederationDirectives: {
    method: 'GET',
    path: '/federation/directives',
    summary:
      'National directives and rule-set versions: on the hub, those sent to the provinces of the caller’s area with each acknowledgement; on a province, those it received (keyset paged)',
    query: listNationalDirectivesQuery,
    answer: pageOf(nationalDirectiveView),
  },
  ...sheetExportRoutes('getFederationDirectivesExport', '/federation/directives/export', {
    summary: 'National directives, one row per directive and recipient province',
    query: listNationalDirectivesQuery.omit({ after: true, limit: true }),
  }),
  postFederationDirectives: {
    method: 'POST',
    path: '/federation/directives',
    summary:
      'Issue a national directive or rule-set version (hub only) to every federated province or those named: replicated to each recipient only',
    body: issueNationalDirectiveRequest,
    answer: nationalDirectiveView,
    status: 201,
  },
  postFederationDirectivesAcknowledgement: {
    method: 'POST',
    path: '/federation/directives/:id/acknowledgement',
    summary: 'A province acknowledges a national directive it received (the first stands); replicated back to the hub',
    params: idParams,
    answer: nationalDirectiveView,
  },
  postFederationDirectivesAdoption: {
    method: 'POST',
    path: '/federation/directives/:id/adoption',
    summary:
      "A province adopts a rule-set or disease-profile version from the hub: saved as that rule set's (made active) or that disease profile's next version",
    params: idParams,
    answer: adoptedRuleSetView,
  },
});
