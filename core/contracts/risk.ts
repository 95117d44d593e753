import { z } from 'zod';
import { defineRoutes, sheetExportRoutes } from './contract.ts';
import { decisionDraftQuery, decisionDraftView } from '../schemas/risk-decision-act.ts';
import { pageOf } from '../schemas/common.ts';
import {
  dashboardQuery,
  dashboardView,
  publicRiskMapQuery,
  publicRiskMapView,
  riskMapQuery,
  riskMapView,
} from '../schemas/risk-map.ts';
import {
  decideLevelRequest,
  decisionHistoryQuery,
  evaluateQuery,
  evaluationView,
  indicatorsQuery,
  indicatorsView,
  levelDecisionView,
} from '../schemas/risk.ts';

export const riskContract = defineRoutes(['risk'], {
  getRiskIndicators: {
    method: 'GET',
    path: '/risk/indicators',
    summary: "A commune's or province's indicators on a day (cases, tests, quarantine, beds, vaccination)",
    query: indicatorsQuery,
    answer: indicatorsView,
  },
  getRiskEvaluate: {
    method: 'GET',
    path: '/risk/evaluate',
    summary:
      'The level a rule set gives a commune (or a province, from its communes) on a day, with the conditions met, the measures and the missing indicators',
    query: evaluateQuery,
    answer: evaluationView,
  },
  postRiskDecisions: {
    method: 'POST',
    path: '/risk/decisions',
    summary:
      'Approve the computed level of a commune or province, or override it with a reason, from an effective moment',
    body: decideLevelRequest,
    answer: levelDecisionView,
    status: 201,
  },
  getRiskDecisionsDraft: {
    method: 'GET',
    path: '/risk/decisions/draft',
    summary:
      'What a level decision would record, for its confirmation: authority, proposed number, last signer, legal bases, earliest effective moment',
    query: decisionDraftQuery,
    answer: decisionDraftView,
  },
  getRiskDecisionsPdf: {
    method: 'GET',
    path: '/risk/decisions/:id/decision.pdf',
    summary: 'A level decision (QUYẾT ĐỊNH) as signed, Decree 30 layout',
    params: z.object({ id: z.string().uuid() }),
  },
  getRiskDecisions: {
    method: 'GET',
    path: '/risk/decisions',
    summary: "A locality's level decisions, or with subtree=true those of every locality at or below it, newest first",
    query: decisionHistoryQuery,
    answer: pageOf(levelDecisionView),
  },
  ...sheetExportRoutes('getRiskDecisionsExport', '/risk/decisions/export', {
    summary: "A locality's level decisions, or with subtree=true a province's register of them",
    query: decisionHistoryQuery.omit({ after: true, limit: true }),
  }),
  getRiskMap: {
    method: 'GET',
    path: '/risk/map',
    summary: 'Every commune of a province with its level on a day (computed, decided, shown), counts and zones',
    query: riskMapQuery,
    answer: riskMapView,
  },
  ...sheetExportRoutes('getRiskMapExport', '/risk/map/export', {
    summary: 'The level map of a province',
    query: riskMapQuery,
  }),
  getRiskDashboard: {
    method: 'GET',
    path: '/risk/dashboard',
    summary: 'Epidemic curve, Rt with credible intervals and a 14-day projection for a province or selected communes',
    query: dashboardQuery,
    answer: dashboardView,
  },
  getPublicRiskMap: {
    method: 'GET',
    path: '/public/risk-map',
    summary: "A province's communes by level with case counts and zones in force — no identities",
    query: publicRiskMapQuery,
    answer: publicRiskMapView,
  },
});
