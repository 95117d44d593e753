import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../../core/errors.ts';
import { actorOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { testingContract } from '../../../core/contracts/testing.ts';
import { route, sheetRoutes } from '../../http/contract-route.ts';

const LAB_SHEET_LIMIT = 20 * 1024 * 1024;

export const testingRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  const svc = services.testing;
  const campaigns = services.campaigns;

  route(app, testingContract.getTestingOrders, async (req) => svc.listOrders(actorOf(req), req.query));

  sheetRoutes(app, testingContract.getTestingOrdersExport, testingContract.getTestingOrdersExportCsv, async (req) =>
    svc.exportOrders(actorOf(req), req.query),
  );

  route(app, testingContract.postTestingOrders, async (req, reply) =>
    reply.status(201).send(await svc.createOrder(actorOf(req), req.body)),
  );

  route(app, testingContract.postTestingSamples, async (req, reply) =>
    reply.status(201).send(await svc.recordSample(actorOf(req), req.body)),
  );

  route(app, testingContract.getTestingSamplesByCode, async (req) => svc.getSample(actorOf(req), req.params.code));

  route(app, testingContract.postTestingResults, async (req) => svc.sampleResults(actorOf(req), req.body));

  route(app, testingContract.postTestingPoolsResults, async (req) => svc.poolResults(actorOf(req), req.body));

  route(app, testingContract.postTestingImport, { bodyLimit: LAB_SHEET_LIMIT }, async (req) => {
    if (!Buffer.isBuffer(req.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
    return svc.importResults(actorOf(req), req.params.kind, req.body, req.headers['content-type'] ?? '');
  });

  route(app, testingContract.getTestingCampaigns, async (req) => campaigns.list(actorOf(req), req.query));

  sheetRoutes(
    app,
    testingContract.getTestingCampaignsExport,
    testingContract.getTestingCampaignsExportCsv,
    async (req) => campaigns.exportXlsx(actorOf(req), req.query),
  );

  route(app, testingContract.postTestingCampaigns, async (req, reply) =>
    reply.status(201).send(await campaigns.create(actorOf(req), req.body)),
  );

  route(app, testingContract.getTestingCampaignsById, async (req) => campaigns.get(actorOf(req), req.params.id));

  route(app, testingContract.getTestingCampaignsProgress, async (req) =>
    campaigns.progress(actorOf(req), req.params.id),
  );

  route(app, testingContract.getTestingCampaignsPools, async (req) =>
    campaigns.pools(actorOf(req), req.params.id, req.query),
  );

  route(app, testingContract.postTestingCampaignsSamples, async (req, reply) =>
    reply.status(201).send(await campaigns.addSamples(actorOf(req), req.params.id, req.body)),
  );

  route(app, testingContract.getTestingCaseProposals, async (req) => svc.listProposals(actorOf(req), req.query));

  sheetRoutes(
    app,
    testingContract.getTestingCaseProposalsExport,
    testingContract.getTestingCaseProposalsExportCsv,
    async (req) => svc.exportProposals(actorOf(req), req.query),
  );

  route(app, testingContract.postTestingCaseProposalsAccept, async (req) =>
    svc.acceptProposal(actorOf(req), req.params.id),
  );

  route(app, testingContract.postTestingCaseProposalsDismiss, async (req) =>
    svc.dismissProposal(actorOf(req), req.params.id),
  );
};
