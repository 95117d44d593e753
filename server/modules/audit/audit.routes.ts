import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { auditContract } from '../../../core/contracts/audit.ts';
import { route, sheetRoutes } from '../../http/contract-route.ts';

export const auditRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  route(app, auditContract.getAudit, async (req) => services.audit.list(actorOf(req), req.query));

  sheetRoutes(app, auditContract.getAuditExport, auditContract.getAuditExportCsv, async (req) =>
    services.audit.exportXlsx(actorOf(req), req.query),
  );

  route(app, auditContract.getAuditActors, async (req) => services.audit.actors(actorOf(req), req.query));

  route(app, auditContract.getAuditAlerts, async (req) => services.auditAlerts.list(actorOf(req), req.query));

  sheetRoutes(app, auditContract.getAuditAlertsExport, auditContract.getAuditAlertsExportCsv, async (req) =>
    services.auditAlerts.exportXlsx(actorOf(req), req.query),
  );
};
