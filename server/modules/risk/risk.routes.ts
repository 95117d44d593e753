import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pageOf } from '../../../core/schemas/common.ts';
import {
  decideLevelRequest, decisionHistoryQuery, evaluateQuery, evaluationView, indicatorsQuery, indicatorsView, levelDecisionView,
} from '../../../core/schemas/risk.ts';
import { dashboardQuery, dashboardView, publicRiskMapQuery, publicRiskMapView, riskMapQuery, riskMapView } from '../../../core/schemas/risk-map.ts';
import { actorOf, sendXlsx } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { mapExport } from './risk.service.ts';

export const riskRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  const tags = ['risk'];

  app.get('/risk/indicators', {
    schema: { tags, summary: "A commune's or province's indicators on a day (cases, tests, quarantine, beds, vaccination)", querystring: indicatorsQuery, response: { 200: indicatorsView } },
  }, async (req) => services.risk.indicators(actorOf(req), req.query));

  app.get('/risk/evaluate', {
    schema: { tags, summary: 'The level a rule set gives a commune (or a province, from its communes) on a day, with the conditions met, the measures and the missing indicators', querystring: evaluateQuery, response: { 200: evaluationView } },
  }, async (req) => services.risk.evaluate(actorOf(req), req.query));

  app.post('/risk/decisions', {
    schema: { tags, summary: 'Approve the computed level of a commune or province, or override it with a reason, from an effective moment', body: decideLevelRequest, response: { 201: levelDecisionView } },
  }, async (req, reply) => reply.status(201).send(await services.riskDecisions.decide(actorOf(req), req.body)));

  app.get('/risk/decisions', {
    schema: { tags, summary: "A locality's level decisions, or with subtree=true those of every locality at or below it, newest first", querystring: decisionHistoryQuery, response: { 200: pageOf(levelDecisionView) } },
  }, async (req) => services.riskDecisions.history(actorOf(req), req.query));

  app.get('/risk/decisions/export.xlsx', {
    schema: { tags, summary: "A locality's level decisions, or with subtree=true a province's register of them, as Excel", querystring: decisionHistoryQuery.omit({ after: true, limit: true }) },
  }, async (req, reply) => sendXlsx(reply, await services.riskDecisions.exportXlsx(actorOf(req), req.query)));

  app.get('/risk/map', {
    schema: { tags, summary: "Every commune of a province with its level on a day (computed, decided, shown), counts and zones", querystring: riskMapQuery, response: { 200: riskMapView } },
  }, async (req) => services.risk.map(actorOf(req), req.query));

  app.get('/risk/map/export.xlsx', {
    schema: { tags, summary: 'The level map of a province as Excel', querystring: riskMapQuery },
  }, async (req, reply) => {
    const actor = actorOf(req);
    return sendXlsx(reply, await mapExport(await services.risk.map(actor, req.query), actor.locale));
  });

  app.get('/risk/dashboard', {
    schema: { tags, summary: 'Epidemic curve, Rt with credible intervals and a 14-day projection for a province or selected communes', querystring: dashboardQuery, response: { 200: dashboardView } },
  }, async (req) => services.riskDashboard.dashboard(actorOf(req), req.query));

  app.get('/public/risk-map', {
    config: { access: 'public' },
    schema: { tags, summary: "A province's communes by level with case counts and zones in force — no identities", querystring: publicRiskMapQuery, response: { 200: publicRiskMapView } },
  }, async (req, reply) => reply.header('cache-control', 'public, max-age=60').send(await services.riskPublic.map(req.query.province)));
};
