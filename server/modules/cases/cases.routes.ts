import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { registerCase } from '../../commands/register-case.ts';
import { updateCase } from '../../commands/update-case.ts';
import { dischargeCase, startHomeTreatment } from '../../commands/case-care.ts';
import { casesContract } from '../../../core/contracts/cases.ts';
import { route, sheetRoutes } from '../../http/contract-route.ts';

export const casesRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  const svc = services.cases;

  route(app, casesContract.getCases, async (req) => svc.list(actorOf(req), req.query));

  sheetRoutes(app, casesContract.getCasesExport, casesContract.getCasesExportCsv, async (req) =>
    svc.exportXlsx(actorOf(req), req.query),
  );

  route(app, casesContract.postCases, async (req, reply) =>
    reply.status(201).send(await registerCase(services, actorOf(req), req.body)),
  );

  route(app, casesContract.getCasesById, async (req) => svc.get(actorOf(req), req.params.id));

  route(app, casesContract.patchCasesById, async (req) => updateCase(services, actorOf(req), req.params.id, req.body));

  route(app, casesContract.postCasesHomeTreatment, async (req) =>
    startHomeTreatment(services, actorOf(req), req.params.id, req.body),
  );

  route(app, casesContract.postCasesDischarge, async (req) =>
    dischargeCase(services, actorOf(req), req.params.id, req.body),
  );

  route(app, casesContract.getDiseaseProfiles, async (req) => svc.diseaseProfiles(actorOf(req)));

  route(app, casesContract.getDiseaseProfilesByCode, async (req) => svc.diseaseProfile(actorOf(req), req.params.code));

  route(app, casesContract.putDiseaseProfilesByCode, { config: { stepUp: true } }, async (req) =>
    svc.saveDiseaseProfile(actorOf(req), req.params.code, req.body),
  );
};
