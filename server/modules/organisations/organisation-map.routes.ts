import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { organisationMapContract as c } from '../../../core/contracts/organisation-map.ts';
import { route, sheetRoutes } from '../../http/contract-route.ts';
import { actorOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';

const publicLimit = { max: 120, timeWindow: '1 minute' };

export const organisationMapRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  const svc = services.organisationMap;

  route(app, c.getOrganisationMap, async (req) => svc.map(actorOf(req), req.query));
  sheetRoutes(app, c.getOrganisationMapExport, c.getOrganisationMapExportCsv, async (req) =>
    svc.exportMap(actorOf(req), req.query),
  );
  route(app, c.putOrganisationsPublication, async (req) => svc.setPublication(actorOf(req), req.params.id, req.body));
  route(
    app,
    c.getPublicSafeOrganisations,
    { config: { access: 'public', rateLimit: publicLimit } },
    async (req, reply) => reply.header('cache-control', 'public, max-age=60').send(await svc.publicSafe(req.query)),
  );
};
