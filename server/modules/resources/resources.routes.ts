import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { forcesContract as f, stockContract as c, supportContract as g } from '../../../core/contracts/resources.ts';
import { route, sheetRoutes } from '../../http/contract-route.ts';
import { actorOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';

export const stockRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  const stock = services.resourceStock;
  const moves = services.resourceMovements;
  route(app, c.getResourceStores, async (req) => stock.listStores(actorOf(req), req.query));
  sheetRoutes(app, c.getResourceStockExport, c.getResourceStockExportCsv, (req) =>
    stock.exportStock(actorOf(req), req.query),
  );
  route(app, c.postResourceStores, async (req, reply) =>
    reply.status(201).send(await stock.createStore(actorOf(req), req.body)),
  );
  route(app, c.getResourceStoreStock, async (req) => stock.stock(actorOf(req), req.params.id, req.query.level));
  route(app, c.getResourceStoreLedger, async (req) => stock.ledger(actorOf(req), req.params.id, req.query));
  sheetRoutes(app, c.getResourceStoreLedgerExport, c.getResourceStoreLedgerExportCsv, (req) =>
    stock.exportLedger(actorOf(req), req.params.id, req.query),
  );
  route(app, c.postResourceReceipts, async (req, reply) =>
    reply.status(201).send(await moves.receive(actorOf(req), req.params.id, req.body)),
  );
  route(app, c.postResourceIssues, async (req, reply) =>
    reply.status(201).send(await moves.issue(actorOf(req), req.params.id, req.body)),
  );
  route(app, c.postResourceTransfers, async (req, reply) =>
    reply.status(201).send(await moves.transfer(actorOf(req), req.params.id, req.body)),
  );
  route(app, c.postResourceAdjustments, async (req, reply) =>
    reply.status(201).send(await moves.adjust(actorOf(req), req.params.id, req.body)),
  );
  route(app, c.putResourceMinimums, async (req) => stock.setMinimum(actorOf(req), req.params.id, req.body));
};

export const forcesRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  const forces = services.resourceForces;
  route(app, f.getResourceForces, async (req) => forces.list(actorOf(req), req.query));
  sheetRoutes(app, f.getResourceForcesExport, f.getResourceForcesExportCsv, (req) =>
    forces.exportRoster(actorOf(req), req.query),
  );
  route(app, f.postResourceForces, async (req, reply) =>
    reply.status(201).send(await forces.add(actorOf(req), req.body)),
  );
  route(app, f.patchResourceForce, async (req) => forces.update(actorOf(req), req.params.id, req.body));
  route(app, f.getResourceDuties, async (req) => forces.duties(actorOf(req), req.query));
  route(app, f.postResourceForceDuties, async (req, reply) =>
    reply.status(201).send(await forces.addDuty(actorOf(req), req.params.id, req.body)),
  );
  route(app, f.getResourceReinforcements, async (req) => forces.requests(actorOf(req), req.query));
  sheetRoutes(app, f.getResourceReinforcementsExport, f.getResourceReinforcementsExportCsv, (req) =>
    forces.exportRequests(actorOf(req), req.query),
  );
  route(app, f.postResourceReinforcements, async (req, reply) =>
    reply.status(201).send(await forces.ask(actorOf(req), req.body)),
  );
  route(app, f.postResourceReinforcementAssignments, async (req) =>
    forces.assign(actorOf(req), req.params.id, req.body),
  );
  route(app, f.postResourceReinforcementDecline, async (req) =>
    forces.decline(actorOf(req), req.params.id, req.body.reason),
  );
};

/** The public page is read by anyone: rate-limited per address, and cached a minute. */
const publicLimit = { max: 120, timeWindow: '1 minute' };

export const supportRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  const support = services.resourceSupport;
  route(app, g.getResourceDonations, async (req) => support.donations(actorOf(req), req.query));
  sheetRoutes(app, g.getResourceDonationsExport, g.getResourceDonationsExportCsv, (req) =>
    support.exportDonations(actorOf(req), req.query),
  );
  route(app, g.postResourceDonations, async (req, reply) =>
    reply.status(201).send(await support.receive(actorOf(req), req.body)),
  );
  route(app, g.getResourceDistributions, async (req) => support.distributions(actorOf(req), req.query));
  sheetRoutes(app, g.getResourceDistributionsExport, g.getResourceDistributionsExportCsv, (req) =>
    support.exportDistributions(actorOf(req), req.query),
  );
  route(app, g.postResourceDonationDistributions, async (req, reply) =>
    reply.status(201).send(await support.distribute(actorOf(req), req.params.id, req.body)),
  );
  route(app, g.getPublicSupport, { config: { access: 'public', rateLimit: publicLimit } }, async (req, reply) =>
    reply.header('cache-control', 'public, max-age=60').send(await support.publicTotals(req.query.province)),
  );
};
