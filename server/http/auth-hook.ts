import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode } from '../../core/errors.ts';
import type { SessionRestriction } from '../../core/schemas/auth.ts';
import type { Config } from '../config.ts';
import { AuthService } from '../modules/identity/auth.service.ts';
import { pickLocale } from './errors.ts';

const PLAIN_COOKIE = 'pd_session';
/** Over TLS: the browser keeps it only if Secure, Path=/ and without Domain, so no sibling host can plant or read it. */
const HOST_COOKIE = '__Host-pd_session';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

const refusalOf: Record<SessionRestriction, ErrorCode> = {
  password_change: 'PASSWORD_CHANGE_REQUIRED',
  two_factor_enrolment: 'TWO_FACTOR_ENROLMENT_REQUIRED',
};

/** Exports of lists (bulk personal data) always need a recent (re)authentication, flagged or not. */
export function needsStepUp(url: string, config: { stepUp?: boolean } | undefined): boolean {
  return config?.stepUp === true || url.endsWith('/export.xlsx') || url.endsWith('/export.csv');
}

export interface SessionCookies {
  /** The name the session cookie is set under for this request. */
  nameFor(req: FastifyRequest): string;
  set(req: FastifyRequest, reply: FastifyReply, token: string): void;
  clear(req: FastifyRequest, reply: FastifyReply): void;
  read(req: FastifyRequest): string | undefined;
}

/**
 * `__Host-pd_session` whenever the cookie is Secure (configured, or the request came over https),
 * plain `pd_session` on http (development, tests). With secure cookies configured only the
 * prefixed cookie is read.
 */
export function sessionCookies(config: Pick<Config, 'secureCookies' | 'session'>): SessionCookies {
  const secure = (req: FastifyRequest) => config.secureCookies || req.protocol === 'https';
  const nameFor = (req: FastifyRequest) => (secure(req) ? HOST_COOKIE : PLAIN_COOKIE);
  return {
    nameFor,
    set(req, reply, token) {
      reply.setCookie(nameFor(req), token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: secure(req),
        path: '/',
        maxAge: config.session.absoluteHours * 3600,
      });
    },
    clear(req, reply) {
      reply.clearCookie(nameFor(req), { path: '/', httpOnly: true, sameSite: 'lax', secure: secure(req) });
    },
    read(req) {
      return config.secureCookies ? req.cookies[HOST_COOKIE] : (req.cookies[HOST_COOKIE] ?? req.cookies[PLAIN_COOKIE]);
    },
  };
}

/**
 * Resolves the session cookie into `request.actorOrNull` on every API route, refuses routes that
 * need a session without one, and checks the CSRF token (header `x-csrf-token`, bound to the
 * session) on every state-changing request made with a session. A session whose account must
 * change its password or enrol a second factor reaches only the routes flagged `duringSetup`;
 * routes flagged `stepUp` (and every Excel export) need a sign-in or re-authentication of the
 * last `reauthMinutes`.
 */
export function registerAuthHook(
  app: FastifyInstance,
  auth: AuthService,
  config: Pick<Config, 'secureCookies' | 'session'>,
) {
  const cookies = sessionCookies(config);
  app.decorateRequest('locale', 'vi');
  app.decorateRequest('actorOrNull', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('sessionInfo', null);
  app.decorateRequest('sessionPublicId', null);
  app.addHook('onRequest', async (req) => {
    req.locale = pickLocale(req.headers['accept-language'], req.cookies.pd_lang);
    // Pages, the API's own documentation and unknown routes (answered 404 later) need no session.
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/docs')) return;
    if (req.routeOptions.url === undefined) return;
    const routeConfig = req.routeOptions.config;
    // Public routes never act on a session, so they need neither the lookup nor the CSRF check.
    if ((routeConfig?.access ?? 'user') === 'public') return;
    const token = cookies.read(req);
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
    if (resolved.restriction && !routeConfig?.duringSetup) throw new AppError(refusalOf[resolved.restriction]);
    if (needsStepUp(req.routeOptions.url, routeConfig)) {
      const age = Date.now() - resolved.authenticatedAt.getTime();
      if (age > config.session.reauthMinutes * 60_000) throw new AppError('REAUTH_REQUIRED');
    }
    req.actorOrNull = resolved.actor;
    req.sessionToken = token;
    req.sessionInfo = resolved.info;
    req.sessionPublicId = resolved.publicId;
  });
}
