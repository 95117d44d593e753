import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { personLinksContract } from '../../../core/contracts/person-links.ts';
import { route, sheetRoutes } from '../../http/contract-route.ts';

/** Officials' side of citizens' self-declared records: confirm who they are, or not. */
export const personLinksRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  const svc = services.personLinks;

  route(app, personLinksContract.getPeopleLinkRequests, async (req) => svc.list(actorOf(req), req.query));

  sheetRoutes(
    app,
    personLinksContract.getPeopleLinkRequestsExport,
    personLinksContract.getPeopleLinkRequestsExportCsv,
    async (req) => svc.export(actorOf(req), req.query),
  );

  route(app, personLinksContract.getPeopleLinkRequestsById, async (req) => svc.read(actorOf(req), req.params.id));

  route(app, personLinksContract.postPeopleLinkRequestsAccept, async (req) =>
    svc.accept(actorOf(req), req.params.id, req.body.note),
  );

  route(app, personLinksContract.postPeopleLinkRequestsReject, async (req) =>
    svc.reject(actorOf(req), req.params.id, req.body.note),
  );
};
