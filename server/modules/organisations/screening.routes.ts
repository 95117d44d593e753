import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { workplaceScreeningContract as c } from '../../../core/contracts/workplace-screening.ts';
import { orderWorkplaceScreening } from '../../commands/order-workplace-screening.ts';
import { reportWorkerSymptoms } from '../../commands/report-worker-symptoms.ts';
import { route, sheetRoutes } from '../../http/contract-route.ts';
import { actorOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';

/** Workers' screening under Decision 2787 as test orders, and workers with symptoms (issue 15). */
export const screeningRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  const screening = services.workplaceScreening;

  route(app, c.getOrganisationsScreeningDue, async (req) => screening.due(actorOf(req), req.params.id, req.query));
  sheetRoutes(app, c.getOrganisationsScreeningDueExport, c.getOrganisationsScreeningDueExportCsv, async (req) =>
    screening.exportDue(actorOf(req), req.params.id, req.query),
  );
  route(app, c.getOrganisationsScreeningSettings, async (req) =>
    services.workplaceScreeningSettings.get(actorOf(req), req.params.id),
  );
  route(app, c.putOrganisationsScreeningSettings, async (req) =>
    services.workplaceScreeningSettings.update(actorOf(req), req.params.id, req.body),
  );
  route(app, c.getOrganisationsWorkerCases, async (req) =>
    services.workerCases.list(actorOf(req), req.params.id, req.query),
  );
  sheetRoutes(app, c.getOrganisationsWorkerCasesExport, c.getOrganisationsWorkerCasesExportCsv, async (req) =>
    services.workerCases.export(actorOf(req), req.params.id),
  );
  route(app, c.postOrganisationsScreeningOrders, async (req, reply) =>
    reply.status(201).send(await orderWorkplaceScreening(services, actorOf(req), req.params.id, req.body)),
  );
  route(app, c.getWorkplaceScreening, async (req) => screening.area(actorOf(req), req.query));
  sheetRoutes(app, c.getWorkplaceScreeningExport, c.getWorkplaceScreeningExportCsv, async (req) =>
    screening.exportArea(actorOf(req), req.query),
  );
  route(app, c.postOrganisationsSymptomReports, async (req, reply) =>
    reply.status(201).send(await reportWorkerSymptoms(services, actorOf(req), req.params.id, req.body)),
  );
  route(app, c.postOrganisationsSymptomReportsHandled, async (req) =>
    services.workplaceSymptoms.handle(actorOf(req), req.params.id, req.params.reportId),
  );
  route(app, c.getOrganisationsSymptomReports, async (req) =>
    services.workplaceSymptoms.list(actorOf(req), req.params.id, req.query),
  );
};
