import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../../core/errors.ts';
import { actorOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { localitiesContract } from '../../../core/contracts/localities.ts';
import { route, sheetRoutes } from '../../http/contract-route.ts';

export const localitiesRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  const svc = services.localities;

  route(app, localitiesContract.getLocalities, async (req) => svc.list(actorOf(req), req.query));

  route(app, localitiesContract.getPublicLocalities, { config: { access: 'public' } }, async (req, reply) =>
    reply.header('cache-control', 'public, max-age=300').send({ items: await svc.publicChildren(req.query.parent) }),
  );

  // The national list changes by law, a few times a decade: a day in any cache is fine.
  route(app, localitiesContract.getPublicPlacesProvinces, { config: { access: 'public' } }, async (_req, reply) =>
    reply.header('cache-control', 'public, max-age=86400').send({ items: await services.nationalPlaces.provinces() }),
  );

  route(
    app,
    localitiesContract.getPublicPlacesProvincesCommunes,
    { config: { access: 'public' } },
    async (req, reply) =>
      reply
        .header('cache-control', 'public, max-age=86400')
        .send({ items: await services.nationalPlaces.communes(req.params.code) }),
  );

  route(app, localitiesContract.getLocalitiesTree, async (req) => svc.tree(actorOf(req)));

  sheetRoutes(app, localitiesContract.getLocalitiesExport, localitiesContract.getLocalitiesExportCsv, async (req) =>
    svc.exportXlsx(actorOf(req), req.query),
  );

  route(app, localitiesContract.postLocalitiesMerge, async (req) => svc.merge(actorOf(req), req.body));

  route(
    app,
    localitiesContract.postLocalitiesPopulationImport,
    { bodyLimit: 10 * 1024 * 1024, config: { stepUp: true } },
    async (req) => {
      if (!Buffer.isBuffer(req.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      return svc.importPopulation(actorOf(req), req.body, req.headers['content-type'] ?? '', req.query.year);
    },
  );

  route(app, localitiesContract.getLocalitiesByCode, async (req) => svc.get(actorOf(req), req.params.code));

  route(app, localitiesContract.patchLocalitiesByCode, async (req) =>
    svc.rename(actorOf(req), req.params.code, req.body),
  );

  route(app, localitiesContract.getLocalitiesHistory, async (req) => svc.history(actorOf(req), req.params.code));

  route(app, localitiesContract.getLocalitiesBoundaries, async (req, reply) =>
    reply.header('cache-control', 'private, max-age=300').send(await svc.boundaries(actorOf(req), req.params.code)),
  );

  route(app, localitiesContract.getPublicBoundariesByCode, { config: { access: 'public' } }, async (req, reply) =>
    reply.header('cache-control', 'public, max-age=3600').send(await svc.publicBoundaries(req.params.code)),
  );

  route(app, localitiesContract.getPublicRiskMapSvgByCode, { config: { access: 'public' } }, async (req, reply) =>
    reply
      .header('cache-control', 'public, max-age=3600')
      .type('application/json; charset=utf-8')
      .send(await svc.publicSvgMap(req.params.code)),
  );
};
