import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { changePasswordRequest, loginRequest, reauthRequest, sessionInfo } from '../../../core/schemas/auth.ts';
import { errorBody, okBody } from '../../../core/schemas/common.ts';
import { AppError } from '../../../core/errors.ts';
import { sessionCookies } from '../../http/auth-hook.ts';
import { actorOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import type { RequestMeta } from './auth.service.ts';

export const requestMeta = (req: FastifyRequest): RequestMeta => ({
  ip: req.ip, userAgent: req.headers['user-agent'] ?? null, requestId: req.id, locale: req.locale,
});

/** Sign-in, sign-out, the current session, password change and re-authentication. */
export const authRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, config }) => {
  const tags = ['auth'];
  const cookies = sessionCookies(config);
  app.post('/auth/login', {
    config: { access: 'public', rateLimit: { max: config.login.perIpPerMinute, timeWindow: '1 minute' } },
    schema: {
      tags,
      summary: 'Sign in (with `code` for accounts with two-factor sign-in)',
      description: '401 SECOND_FACTOR_REQUIRED: the password is right, send it again with `code`. 429 LOGIN_THROTTLED with Retry-After.',
      body: loginRequest,
      response: { 200: sessionInfo, 401: errorBody, 429: errorBody },
    },
  }, async (req, reply) => {
    const { token, session } = await services.auth.login(req.body, requestMeta(req));
    cookies.set(req, reply, token);
    return session.info;
  });

  app.post('/auth/logout', { config: { duringSetup: true }, schema: { tags, summary: 'Sign out', response: { 200: okBody } } }, async (req, reply) => {
    await services.auth.logout(actorOf(req), req.sessionToken!);
    cookies.clear(req, reply);
    return { ok: true as const };
  });

  app.get('/auth/me', { config: { duringSetup: true }, schema: { tags, summary: 'Current session', response: { 200: sessionInfo } } }, async (req) => {
    if (!req.sessionInfo) throw new AppError('UNAUTHENTICATED');
    return req.sessionInfo;
  });

  app.post('/auth/password', {
    config: { duringSetup: true },
    schema: { tags, summary: 'Change own password', body: changePasswordRequest, response: { 200: okBody } },
  }, async (req) => {
    await services.auth.changePassword(actorOf(req), req.sessionToken!, req.body.currentPassword, req.body.newPassword, requestMeta(req));
    return { ok: true as const };
  });

  app.post('/auth/reauth', {
    schema: {
      tags,
      summary: 'Confirm the password (and code) again before exports and administrators\' actions',
      body: reauthRequest,
      response: { 200: sessionInfo, 429: errorBody },
    },
  }, async (req) => {
    const { authenticatedAt } = await services.auth.reauthenticate(actorOf(req), req.sessionToken!, req.body, requestMeta(req));
    return { ...req.sessionInfo!, authenticatedAt: authenticatedAt.toISOString() };
  });
};
