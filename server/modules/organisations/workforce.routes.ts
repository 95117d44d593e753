import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { workforceContract as c } from '../../../core/contracts/workforce.ts';
import { route, sheetRoutes } from '../../http/contract-route.ts';
import { actorOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';

export const workforceRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  const rosters = services.rosters;
  const gate = services.workplaceGate;
  const compliance = services.workplaceCompliance;

  route(app, c.postOrganisationsRosterImport, async (req) =>
    rosters.importFile(actorOf(req), req.params.id, req.body as Buffer, req.headers['content-type'] ?? ''),
  );
  route(app, c.getOrganisationsRoster, async (req) => rosters.list(actorOf(req), req.params.id, req.query));
  sheetRoutes(app, c.getOrganisationsRosterExport, c.getOrganisationsRosterExportCsv, async (req) =>
    rosters.exportXlsx(actorOf(req), req.params.id, req.query),
  );
  route(app, c.getOrganisationsSites, async (req) => gate.sites(actorOf(req), req.params.id));
  route(app, c.postOrganisationsSites, async (req) => gate.linkSite(actorOf(req), req.params.id, req.body.venueId));
  route(app, c.postOrganisationsGateChecks, async (req, reply) =>
    reply.status(201).send(await gate.check(actorOf(req), req.params.id, req.body)),
  );
  route(app, c.getOrganisationsCompliance, async (req) =>
    compliance.organisation(actorOf(req), req.params.id, req.query),
  );
  route(app, c.getWorkplaceCompliance, async (req) => compliance.area(actorOf(req), req.query));
  sheetRoutes(app, c.getWorkplaceComplianceExport, c.getWorkplaceComplianceExportCsv, async (req) =>
    compliance.exportArea(actorOf(req), req.query),
  );
};
