import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sessionCookies } from '../../http/auth-hook.ts';
import { actorOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { accountContract } from '../../../core/contracts/account.ts';
import { route } from '../../http/contract-route.ts';

/** The signed-in user's own account security: second factor and sessions. */
export const accountRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, config }) => {
  const cookies = sessionCookies(config);
  route(app, accountContract.getAuth2fa, { config: { duringSetup: true } }, async (req) =>
    services.twoFactor.status(actorOf(req)),
  );

  route(app, accountContract.postAuth2faEnrol, { config: { duringSetup: true } }, async (req) =>
    services.twoFactor.startEnrolment(actorOf(req)),
  );

  route(app, accountContract.postAuth2faConfirm, { config: { duringSetup: true } }, async (req) =>
    services.twoFactor.confirmEnrolment(actorOf(req), req.body.code),
  );

  route(app, accountContract.postAuth2faRecoveryCodes, { config: { stepUp: true } }, async (req) =>
    services.twoFactor.regenerateRecoveryCodes(actorOf(req)),
  );

  route(app, accountContract.deleteAuth2fa, { config: { stepUp: true } }, async (req) => {
    await services.twoFactor.disable(actorOf(req));
    return { ok: true as const };
  });

  route(app, accountContract.getAuthSessions, async (req) =>
    services.sessions.listOwn(actorOf(req), req.sessionPublicId!),
  );

  route(app, accountContract.deleteAuthSessionsById, async (req, reply) => {
    await services.sessions.endOwn(actorOf(req), req.params.id);
    if (req.params.id === req.sessionPublicId) cookies.clear(req, reply);
    return { ok: true as const };
  });
};
