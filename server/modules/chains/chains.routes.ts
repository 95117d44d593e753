import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { chainGraph, chainGraphQuery } from '../../../core/schemas/cases.ts';
import { actorOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';

export const chainsRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  app.get('/chains', {
    schema: {
      tags: ['cases'],
      summary: 'Chains of transmission of the cases in scope (or of one locality, cluster, or the chain of one case)',
      querystring: chainGraphQuery,
      response: { 200: chainGraph },
    },
  }, async (req) => services.chains.graph(actorOf(req), req.query));
};
