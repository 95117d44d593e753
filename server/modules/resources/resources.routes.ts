import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { stockContract as c } from '../../../core/contracts/resources.ts';
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
