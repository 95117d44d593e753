import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { mapExport } from './risk.service.ts';
import { riskContract } from '../../../core/contracts/risk.ts';
import { route, sheetRoutes } from '../../http/contract-route.ts';

export const riskRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  route(app, riskContract.getRiskIndicators, async (req) => services.risk.indicators(actorOf(req), req.query));

  route(app, riskContract.getRiskEvaluate, async (req) => services.risk.evaluate(actorOf(req), req.query));

  route(app, riskContract.postRiskDecisions, async (req, reply) =>
    reply.status(201).send(await services.riskDecisions.decide(actorOf(req), req.body)),
  );

  route(app, riskContract.getRiskDecisionsDraft, async (req) => services.riskDecisions.draft(actorOf(req), req.query));

  route(app, riskContract.getRiskDecisionsPdf, async (req, reply) => {
    const file = await services.riskDecisions.decisionPdf(actorOf(req), req.params.id);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="${file.filename}"`)
      .header('cache-control', 'no-store')
      .send(file.body);
  });

  route(app, riskContract.getRiskDecisions, async (req) => services.riskDecisions.history(actorOf(req), req.query));

  sheetRoutes(app, riskContract.getRiskDecisionsExport, riskContract.getRiskDecisionsExportCsv, async (req) =>
    services.riskDecisions.exportXlsx(actorOf(req), req.query),
  );

  route(app, riskContract.getRiskMap, async (req) => services.risk.map(actorOf(req), req.query));

  sheetRoutes(app, riskContract.getRiskMapExport, riskContract.getRiskMapExportCsv, async (req) => {
    const actor = actorOf(req);
    return mapExport(await services.risk.map(actor, req.query), actor.locale);
  });

  route(app, riskContract.getRiskDashboard, async (req) => services.riskDashboard.dashboard(actorOf(req), req.query));

  route(app, riskContract.getPublicRiskMap, { config: { access: 'public' } }, async (req, reply) =>
    reply.header('cache-control', 'public, max-age=60').send(await services.riskPublic.map(req.query.province)),
  );
};
