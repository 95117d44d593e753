import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { facilitiesContract } from '../../../core/contracts/facilities.ts';
import { route, sheetRoutes } from '../../http/contract-route.ts';

export const facilitiesRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  const svc = services.facilities;

  route(app, facilitiesContract.getFacilities, async (req) => svc.list(actorOf(req), req.query));

  sheetRoutes(app, facilitiesContract.getFacilitiesExport, facilitiesContract.getFacilitiesExportCsv, async (req) =>
    svc.exportXlsx(actorOf(req), req.query),
  );

  route(app, facilitiesContract.getFacilitiesPlacement, async (req) => svc.placement(actorOf(req), req.query));

  route(app, facilitiesContract.postFacilities, async (req, reply) =>
    reply.status(201).send(await svc.create(actorOf(req), req.body)),
  );

  route(app, facilitiesContract.getFacilitiesById, async (req) => svc.get(actorOf(req), req.params.id));

  route(app, facilitiesContract.patchFacilitiesById, async (req) => svc.update(actorOf(req), req.params.id, req.body));
};
