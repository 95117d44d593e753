import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { clustersContract } from '../../../core/contracts/clusters.ts';
import { route, sheetRoutes } from '../../http/contract-route.ts';

export const clustersRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  const svc = services.clusters;

  route(app, clustersContract.getClusters, async (req) => svc.list(actorOf(req), req.query));

  sheetRoutes(app, clustersContract.getClustersExport, clustersContract.getClustersExportCsv, async (req) =>
    svc.exportXlsx(actorOf(req), req.query),
  );

  route(app, clustersContract.postClusters, async (req, reply) =>
    reply.status(201).send(await svc.create(actorOf(req), req.body)),
  );

  route(app, clustersContract.getClustersById, async (req) => svc.get(actorOf(req), req.params.id));

  route(app, clustersContract.patchClustersById, async (req) => svc.update(actorOf(req), req.params.id, req.body));
};
