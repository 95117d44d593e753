import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { todayQuery, todayWork } from '../../../core/schemas/today.ts';
import { actorOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';

export const todayRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  app.get('/today', {
    schema: { tags: ['today'], summary: "Today's work in the user's area: contacts to decide, quarantine to arrange, tests and releases due, missing reports, case proposals, capacity alerts", querystring: todayQuery, response: { 200: todayWork } },
  }, async (req) => services.today.work(actorOf(req), req.query));
};
