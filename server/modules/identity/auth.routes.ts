import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { changePasswordRequest, loginRequest, sessionInfo } from '../../../core/schemas/auth.ts';
import { errorBody, okBody } from '../../../core/schemas/common.ts';
import { AppError } from '../../../core/errors.ts';
import { SESSION_COOKIE } from '../../http/auth-hook.ts';
import { actorOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/routes.ts';

export const authRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, config }) => {
  const tags = ['auth'];
  app.post('/auth/login', {
    config: { access: 'public', rateLimit: { max: config.login.perIpPerMinute, timeWindow: '1 minute' } },
    schema: { tags, summary: 'Sign in', body: loginRequest, response: { 200: sessionInfo, 401: errorBody, 423: errorBody } },
  }, async (req, reply) => {
    const { token, session } = await services.auth.login(req.body, {
      ip: req.ip, userAgent: req.headers['user-agent'] ?? null, requestId: req.id, locale: req.locale,
    });
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.secureCookies || req.protocol === 'https',
      path: '/',
      maxAge: config.session.absoluteHours * 3600,
    });
    return session.info;
  });

  app.post('/auth/logout', { schema: { tags, summary: 'Sign out', response: { 200: okBody } } }, async (req, reply) => {
    await services.auth.logout(actorOf(req), req.sessionToken!);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/auth/me', { schema: { tags, summary: 'Current session', response: { 200: sessionInfo } } }, async (req) => {
    if (!req.sessionInfo) throw new AppError('UNAUTHENTICATED');
    return req.sessionInfo;
  });

  app.post('/auth/password', {
    schema: { tags, summary: 'Change own password', body: changePasswordRequest, response: { 200: okBody } },
  }, async (req) => {
    await services.auth.changePassword(actorOf(req), req.sessionToken!, req.body.currentPassword, req.body.newPassword);
    return { ok: true as const };
  });
};
