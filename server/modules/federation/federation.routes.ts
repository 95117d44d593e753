import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { federationContract } from '../../../core/contracts/federation.ts';
import { acceptReferral } from '../../commands/accept-referral.ts';
import { actorOf } from '../../http/context.ts';
import { route } from '../../http/contract-route.ts';
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
};
