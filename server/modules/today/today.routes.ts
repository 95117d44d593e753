import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { todayContract } from '../../../core/contracts/today.ts';
import { route } from '../../http/contract-route.ts';

export const todayRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  route(app, todayContract.getToday, async (req) => services.today.work(actorOf(req), req.query));
  route(app, todayContract.getTodaySituation, async (req) => services.situation.situation(actorOf(req), req.query));
};
