import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pageOf } from '../../../core/schemas/common.ts';
import {
  decideLevelRequest, decisionHistoryQuery, evaluateQuery, evaluationView, indicatorsQuery, indicatorsView, levelDecisionView,
} from '../../../core/schemas/risk.ts';
import { actorOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/routes.ts';

export const riskRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  const tags = ['risk'];

  app.get('/risk/indicators', {
    schema: { tags, summary: "A commune's case indicators on a day (7 and 14 days, per 100,000, known and unknown source)", querystring: indicatorsQuery, response: { 200: indicatorsView } },
  }, async (req) => services.risk.indicators(actorOf(req), req.query));

  app.get('/risk/evaluate', {
    schema: { tags, summary: 'The level a rule set gives a commune on a day, with the conditions met, the measures and the missing indicators', querystring: evaluateQuery, response: { 200: evaluationView } },
  }, async (req) => services.risk.evaluate(actorOf(req), req.query));

  app.post('/risk/decisions', {
    schema: { tags, summary: 'Approve the computed level of a commune, or override it with a reason, from an effective moment', body: decideLevelRequest, response: { 201: levelDecisionView } },
  }, async (req, reply) => reply.status(201).send(await services.riskDecisions.decide(actorOf(req), req.body)));

  app.get('/risk/decisions', {
    schema: { tags, summary: "A commune's level decisions, newest first", querystring: decisionHistoryQuery, response: { 200: pageOf(levelDecisionView) } },
  }, async (req) => services.riskDecisions.history(actorOf(req), req.query));
};
