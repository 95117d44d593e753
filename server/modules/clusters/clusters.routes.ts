import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clusterView, createClusterRequest, listClustersQuery, updateClusterRequest } from '../../../core/schemas/cases.ts';
import { pageOf } from '../../../core/schemas/common.ts';
import { actorOf, sendXlsx } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';

const idParams = z.object({ id: z.string().uuid() });

export const clustersRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  const tags = ['clusters'];
  const svc = services.clusters;

  app.get('/clusters', {
    schema: { tags, summary: 'Clusters (ổ dịch) in scope, newest first (keyset paged)', querystring: listClustersQuery, response: { 200: pageOf(clusterView) } },
  }, async (req) => svc.list(actorOf(req), req.query));

  app.get('/clusters/export.xlsx', {
    schema: { tags, summary: 'Export clusters to Excel', querystring: listClustersQuery.omit({ after: true, limit: true }) },
  }, async (req, reply) => sendXlsx(reply, await svc.exportXlsx(actorOf(req), req.query)));

  app.post('/clusters', {
    schema: { tags, summary: 'Open a cluster', body: createClusterRequest, response: { 201: clusterView } },
  }, async (req, reply) => reply.status(201).send(await svc.create(actorOf(req), req.body)));

  app.get('/clusters/:id', {
    schema: { tags, summary: 'One cluster', params: idParams, response: { 200: clusterView } },
  }, async (req) => svc.get(actorOf(req), req.params.id));

  app.patch('/clusters/:id', {
    schema: { tags, summary: 'Rename, close or reopen a cluster', params: idParams, body: updateClusterRequest, response: { 200: clusterView } },
  }, async (req) => svc.update(actorOf(req), req.params.id, req.body));
};
