import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { workforceContract as c } from '../../../core/contracts/workforce.ts';
import { route, sheetRoutes } from '../../http/contract-route.ts';
import { actorOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';

export const workforceRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  const rosters = services.rosters;

  route(app, c.postOrganisationsRosterImport, async (req) =>
    rosters.importFile(actorOf(req), req.params.id, req.body as Buffer, req.headers['content-type'] ?? ''),
  );
  route(app, c.getOrganisationsRoster, async (req) => rosters.list(actorOf(req), req.params.id, req.query));
  sheetRoutes(app, c.getOrganisationsRosterExport, c.getOrganisationsRosterExportCsv, async (req) =>
    rosters.exportXlsx(actorOf(req), req.params.id, req.query),
  );
};
