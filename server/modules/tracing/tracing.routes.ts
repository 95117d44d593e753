import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, sendCsv, sendXlsx } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { tracingContract } from '../../../core/contracts/tracing.ts';
import { route } from '../../http/contract-route.ts';

export const tracingRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  const svc = services.tracing;

  route(app, tracingContract.getCasesContacts, async (req) => svc.listForCase(actorOf(req), req.params.id, req.query));

  route(app, tracingContract.getCasesContactsExport, async (req, reply) =>
    sendXlsx(reply, await svc.exportForCase(actorOf(req), req.params.id, req.query)),
  );

  route(app, tracingContract.getCasesContactsExportCsv, async (req, reply) =>
    sendCsv(reply, await svc.exportForCase(actorOf(req), req.params.id, req.query)),
  );

  route(app, tracingContract.postCasesContacts, async (req, reply) =>
    reply.status(201).send(await svc.declare(actorOf(req), req.params.id, req.body)),
  );

  route(app, tracingContract.postCasesTracing, async (req) => svc.rerun(actorOf(req), req.params.id));

  route(app, tracingContract.postContactsDecision, async (req) => svc.decide(actorOf(req), req.params.id, req.body));

  route(app, tracingContract.getContactsExport, async (req, reply) =>
    sendXlsx(reply, await svc.exportWithin(actorOf(req), req.query)),
  );

  route(app, tracingContract.getContactsExportCsv, async (req, reply) =>
    sendCsv(reply, await svc.exportWithin(actorOf(req), req.query)),
  );

  route(app, tracingContract.getContacts, async (req) => svc.listWithin(actorOf(req), req.query));
};
