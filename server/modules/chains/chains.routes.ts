import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { chainsContract } from '../../../core/contracts/chains.ts';
import { route } from '../../http/contract-route.ts';

export const chainsRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  route(app, chainsContract.getChains, async (req) => services.chains.graph(actorOf(req), req.query));
};
