import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, citizenSessionOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { checkinsContract } from '../../../core/contracts/checkins.ts';
import { route, sheetRoutes } from '../../http/contract-route.ts';

export const checkinsRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  const svc = services.checkins;
  // No per-IP limit on check-ins: a whole market can sit behind one carrier NAT address.
  route(app, checkinsContract.postPublicCheckins, { config: { access: 'public' } }, async (req) =>
    svc.visitorCheckin(citizenSessionOf(req), req.body, req.locale),
  );

  route(app, checkinsContract.postPublicCheckinsCheckout, { config: { access: 'public' } }, async (req) =>
    svc.checkout(citizenSessionOf(req), req.body, req.locale),
  );

  route(app, checkinsContract.postPublicMeCheckins, { config: { access: 'public' } }, async (req) =>
    svc.myHistory(citizenSessionOf(req), req.body.after, req.body.limit, req.locale),
  );

  route(app, checkinsContract.postVenuesGateScans, async (req) =>
    svc.gateScan(actorOf(req), req.params.id, req.body.token),
  );

  route(app, checkinsContract.getVenuesEntries, async (req) => svc.entries(actorOf(req), req.params.id, req.query));

  route(app, checkinsContract.getCheckinsCounts, async (req) => svc.counts(actorOf(req), req.query));

  sheetRoutes(app, checkinsContract.getCheckinsCountsExport, checkinsContract.getCheckinsCountsExportCsv, async (req) =>
    svc.exportCounts(actorOf(req), req.query),
  );
};
