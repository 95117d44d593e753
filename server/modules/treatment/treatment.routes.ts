import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { treatmentContract } from '../../../core/contracts/treatment.ts';
import { route, sheetRoutes } from '../../http/contract-route.ts';
import { admitToBed, dischargeStay, transferStay } from '../../commands/case-care.ts';

export const treatmentRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  const svc = services.treatment;

  route(app, treatmentContract.getTreatmentStays, async (req) => svc.list(actorOf(req), req.query));

  sheetRoutes(
    app,
    treatmentContract.getTreatmentStaysExport,
    treatmentContract.getTreatmentStaysExportCsv,
    async (req) => svc.exportXlsx(actorOf(req), req.query),
  );

  route(app, treatmentContract.postTreatmentStays, async (req, reply) =>
    reply.status(201).send(await admitToBed(services, actorOf(req), req.body)),
  );

  route(app, treatmentContract.postTreatmentStaysDischarge, async (req) =>
    dischargeStay(services, actorOf(req), req.params.id, req.body),
  );

  route(app, treatmentContract.postTreatmentStaysTransfer, async (req) =>
    transferStay(services, actorOf(req), req.params.id, req.body),
  );

  route(app, treatmentContract.getTreatmentOccupancy, async (req) => svc.occupancy(actorOf(req), req.query));
};
