import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { breachesContract } from '../../../core/contracts/breaches.ts';
import { route, sheetRoutes } from '../../http/contract-route.ts';

export const breachesRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  const svc = services.breaches;

  route(app, breachesContract.getBreaches, async (req) => svc.list(actorOf(req), req.query));

  sheetRoutes(app, breachesContract.getBreachesExport, breachesContract.getBreachesExportCsv, async (req) =>
    svc.exportXlsx(actorOf(req), req.query),
  );

  route(app, breachesContract.postBreaches, async (req, reply) =>
    reply.status(201).send(await svc.create(actorOf(req), req.body)),
  );

  route(app, breachesContract.getBreachesById, async (req) => svc.get(actorOf(req), req.params.id));

  route(app, breachesContract.patchBreachesById, async (req) => svc.update(actorOf(req), req.params.id, req.body));

  route(app, breachesContract.getBreachesNotification, async (req, reply) => {
    const file = await svc.notificationPdf(actorOf(req), req.params.id);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="${file.filename}"`)
      .header('cache-control', 'no-store')
      .send(file.body);
  });
};
