import type { FastifyInstance } from 'fastify';
import { AppError } from '../../core/errors.ts';
import { AuthService } from '../modules/identity/auth.service.ts';
import { pickLocale } from './errors.ts';

export const SESSION_COOKIE = 'pd_session';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the session cookie into `request.actorOrNull` on every API route, refuses routes that
 * need a session without one, and checks the CSRF token (header `x-csrf-token`, bound to the
 * session) on every state-changing request made with a session.
 */
export function registerAuthHook(app: FastifyInstance, auth: AuthService) {
  app.decorateRequest('locale', 'vi');
  app.decorateRequest('actorOrNull', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('sessionInfo', null);
  app.addHook('onRequest', async (req) => {
    req.locale = pickLocale(req.headers['accept-language'], req.cookies.pd_lang);
    // Pages, the API's own documentation and unknown routes (answered 404 later) need no session.
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/docs')) return;
    if (req.routeOptions.url === undefined) return;
    // Public routes never act on a session, so they need neither the lookup nor the CSRF check.
    if ((req.routeOptions.config?.access ?? 'user') === 'public') return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) throw new AppError('UNAUTHENTICATED');
    const resolved = await auth.resolve(token, {
      ip: req.ip,
      userAgent: req.headers['user-agent'] ?? null,
      requestId: req.id,
      locale: req.locale,
    });
    if (!resolved) throw new AppError('UNAUTHENTICATED');
    if (!safeMethods.has(req.method)) {
      const given = req.headers['x-csrf-token'];
      if (!AuthService.csrfMatches(resolved.csrfToken, typeof given === 'string' ? given : undefined)) {
        throw new AppError('CSRF_INVALID');
      }
    }
    req.actorOrNull = resolved.actor;
    req.sessionToken = token;
    req.sessionInfo = resolved.info;
  });
}
