import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../core/errors.ts';
import { sessionCookies } from '../../http/auth-hook.ts';
import { actorOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import type { RequestMeta } from './auth.service.ts';
import { authContract } from '../../../core/contracts/auth.ts';
import { route } from '../../http/contract-route.ts';

export const requestMeta = (req: FastifyRequest): RequestMeta => ({
  ip: req.ip,
  userAgent: req.headers['user-agent'] ?? null,
  requestId: req.id,
  locale: req.locale,
});

/** Sign-in, sign-out, the current session, password change and re-authentication. */
export const authRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, config }) => {
  const cookies = sessionCookies(config);
  route(
    app,
    authContract.postAuthLogin,
    { config: { access: 'public', rateLimit: { max: config.login.perIpPerMinute, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const { token, session } = await services.auth.login(req.body, requestMeta(req));
      cookies.set(req, reply, token);
      return session.info;
    },
  );

  route(app, authContract.postAuthLogout, { config: { duringSetup: true } }, async (req, reply) => {
    await services.auth.logout(actorOf(req), req.sessionToken!);
    cookies.clear(req, reply);
    return { ok: true as const };
  });

  route(app, authContract.getAuthMe, { config: { duringSetup: true } }, async (req) => {
    if (!req.sessionInfo) throw new AppError('UNAUTHENTICATED');
    return req.sessionInfo;
  });

  route(app, authContract.postAuthPassword, { config: { duringSetup: true } }, async (req) => {
    await services.auth.changePassword(
      actorOf(req),
      req.sessionToken!,
      req.body.currentPassword,
      req.body.newPassword,
      requestMeta(req),
    );
    return { ok: true as const };
  });

  route(app, authContract.postAuthReauth, async (req) => {
    const { authenticatedAt } = await services.auth.reauthenticate(
      actorOf(req),
      req.sessionToken!,
      req.body,
      requestMeta(req),
    );
    return { ...req.sessionInfo!, authenticatedAt: authenticatedAt.toISOString() };
  });
};
