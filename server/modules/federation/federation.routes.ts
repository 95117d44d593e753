import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { federationContract } from '../../../core/contracts/federation.ts';
import { federationNationalContract as n } from '../../../core/contracts/federation-national.ts';
import { acceptReferral } from '../../commands/accept-referral.ts';
import { actorOf } from '../../http/context.ts';
import { route, sheetRoutes } from '../../http/contract-route.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { toIncomingReferralView, toReferralAnswerView, toReferralView } from './federation.presenter.ts';

export const federationRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  route(app, federationContract.postFederationReferrals, async (req) =>
    toReferralView(await services.referrals.refer(actorOf(req), req.body)),
  );
  route(app, federationContract.getFederationReferralsById, async (req) =>
    toIncomingReferralView(await services.referrals.read(actorOf(req), req.params.origin, req.params.id)),
  );
  route(app, federationContract.getFederationNational, async (req) => services.referrals.national(actorOf(req)));
  route(app, federationContract.postFederationReferralsAcceptance, async (req) =>
    toReferralAnswerView(await acceptReferral(services, actorOf(req), req.params.origin, req.params.id, req.body)),
  );

  const views = services.nationalViews;
  route(app, n.getFederationNationalDashboard, async (req) => views.dashboard(actorOf(req), req.query));
  route(app, n.getFederationNationalWeeklyReport, async (req) => views.weeklyReport(actorOf(req), req.query));
  sheetRoutes(app, n.getFederationNationalWeeklyReportExport, n.getFederationNationalWeeklyReportExportCsv, (req) =>
    views.weeklyReportXlsx(actorOf(req), req.query),
  );

  const directives = services.nationalDirectives;
  route(app, n.getFederationDirectives, async (req) => directives.list(actorOf(req), req.query));
  sheetRoutes(app, n.getFederationDirectivesExport, n.getFederationDirectivesExportCsv, (req) =>
    directives.exportXlsx(actorOf(req), req.query),
  );
  route(app, n.postFederationDirectives, async (req, reply) =>
    reply.status(201).send(await directives.issue(actorOf(req), req.body)),
  );
  route(app, n.postFederationDirectivesAcknowledgement, async (req) =>
    directives.acknowledge(actorOf(req), req.params.id),
  );
  route(app, n.postFederationDirectivesAdoption, async (req) => directives.adopt(actorOf(req), req.params.id));
};
