import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { riskAdminContract } from '../../../core/contracts/risk-admin.ts';
import { route, sheetRoutes } from '../../http/contract-route.ts';

/** Rule sets (versioned data), epidemic zones and vaccination coverage imports. */
export const riskAdminRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  route(app, riskAdminContract.getRiskRuleSets, async (req) => services.ruleSets.list(actorOf(req)));

  route(app, riskAdminContract.getRiskRuleSetsByCode, async (req) =>
    services.ruleSets.get(actorOf(req), req.params.code),
  );

  route(app, riskAdminContract.putRiskRuleSetsByCode, { config: { stepUp: true } }, async (req) =>
    services.ruleSets.save(actorOf(req), req.params.code, req.body.definition),
  );

  route(app, riskAdminContract.postRiskRuleSetsActivate, { config: { stepUp: true } }, async (req) =>
    services.ruleSets.activate(actorOf(req), req.params.code),
  );

  route(app, riskAdminContract.getRiskZones, async (req) => services.zones.list(actorOf(req), req.query));

  sheetRoutes(app, riskAdminContract.getRiskZonesExport, riskAdminContract.getRiskZonesExportCsv, async (req) =>
    services.zones.exportXlsx(actorOf(req), req.query),
  );

  route(app, riskAdminContract.postRiskZones, async (req, reply) =>
    reply.status(201).send(await services.zones.create(actorOf(req), req.body)),
  );

  route(app, riskAdminContract.postRiskZonesEnd, async (req) =>
    services.zones.end(actorOf(req), req.params.id, req.body),
  );

  route(app, riskAdminContract.postRiskVaccination, async (req) =>
    services.vaccination.importRows(actorOf(req), req.body.rows),
  );

  route(app, riskAdminContract.postRiskVaccinationImport, async (req) =>
    services.vaccination.importFile(actorOf(req), req.body as Buffer, req.headers['content-type'] ?? ''),
  );
};
