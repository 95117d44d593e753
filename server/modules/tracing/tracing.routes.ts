import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { tracingContract } from '../../../core/contracts/tracing.ts';
import { route, sheetRoutes } from '../../http/contract-route.ts';

export const tracingRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  const svc = services.tracing;

  route(app, tracingContract.getCasesContacts, async (req) => svc.listForCase(actorOf(req), req.params.id, req.query));

  sheetRoutes(app, tracingContract.getCasesContactsExport, tracingContract.getCasesContactsExportCsv, async (req) =>
    svc.exportForCase(actorOf(req), req.params.id, req.query),
  );

  route(app, tracingContract.postCasesContacts, async (req, reply) =>
    reply.status(201).send(await svc.declare(actorOf(req), req.params.id, req.body)),
  );

  route(app, tracingContract.postCasesTracing, async (req) => svc.rerun(actorOf(req), req.params.id));

  route(app, tracingContract.postContactsDecision, async (req) => svc.decide(actorOf(req), req.params.id, req.body));

  sheetRoutes(app, tracingContract.getContactsExport, tracingContract.getContactsExportCsv, async (req) =>
    svc.exportWithin(actorOf(req), req.query),
  );

  route(app, tracingContract.getContacts, async (req) => svc.listWithin(actorOf(req), req.query));
};
