import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, sendCsv, sendXlsx } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { auditContract } from '../../../core/contracts/audit.ts';
import { route } from '../../http/contract-route.ts';

export const auditRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  route(app, auditContract.getAudit, async (req) => services.audit.list(actorOf(req), req.query));

  route(app, auditContract.getAuditExport, async (req, reply) =>
    sendXlsx(reply, await services.audit.exportXlsx(actorOf(req), req.query)),
  );

  route(app, auditContract.getAuditExportCsv, async (req, reply) =>
    sendCsv(reply, await services.audit.exportXlsx(actorOf(req), req.query)),
  );
  route(app, auditContract.getAuditActors, async (req) => services.audit.actors(actorOf(req), req.query));

  route(app, auditContract.getAuditAlerts, async (req) => services.auditAlerts.list(actorOf(req), req.query));

  route(app, auditContract.getAuditAlertsExport, async (req, reply) =>
    sendXlsx(reply, await services.auditAlerts.exportXlsx(actorOf(req), req.query)),
  );

  route(app, auditContract.getAuditAlertsExportCsv, async (req, reply) =>
    sendCsv(reply, await services.auditAlerts.exportXlsx(actorOf(req), req.query)),
  );
};
