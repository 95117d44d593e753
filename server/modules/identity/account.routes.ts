import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  recoveryCodes, sessionList, twoFactorCodeRequest, twoFactorEnrolment, twoFactorStatus,
} from '../../../core/schemas/auth.ts';
import { okBody } from '../../../core/schemas/common.ts';
import { sessionCookies } from '../../http/auth-hook.ts';
import { actorOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';

const sessionParams = z.object({ id: z.string().uuid() });

/** The signed-in user's own account security: second factor and sessions. */
export const accountRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, config }) => {
  const tags = ['auth'];
  const cookies = sessionCookies(config);
  app.get('/auth/2fa', {
    config: { duringSetup: true },
    schema: { tags, summary: 'Two-factor sign-in: on or off, required for the role, recovery codes left', response: { 200: twoFactorStatus } },
  }, async (req) => services.twoFactor.status(actorOf(req)));

  app.post('/auth/2fa/enrol', {
    config: { duringSetup: true },
    schema: { tags, summary: 'Start enrolment: a new secret (otpauth:// URI for the QR, base32 to type)', response: { 200: twoFactorEnrolment } },
  }, async (req) => services.twoFactor.startEnrolment(actorOf(req)));

  app.post('/auth/2fa/confirm', {
    config: { duringSetup: true },
    schema: { tags, summary: 'Finish enrolment with a code; answers the ten recovery codes, once', body: twoFactorCodeRequest, response: { 200: recoveryCodes } },
  }, async (req) => services.twoFactor.confirmEnrolment(actorOf(req), req.body.code));

  app.post('/auth/2fa/recovery-codes', {
    config: { stepUp: true },
    schema: { tags, summary: 'New recovery codes (the old ones stop working)', response: { 200: recoveryCodes } },
  }, async (req) => services.twoFactor.regenerateRecoveryCodes(actorOf(req)));

  app.delete('/auth/2fa', {
    config: { stepUp: true },
    schema: { tags, summary: 'Turn two-factor sign-in off (roles that must use it cannot)', response: { 200: okBody } },
  }, async (req) => {
    await services.twoFactor.disable(actorOf(req));
    return { ok: true as const };
  });

  app.get('/auth/sessions', {
    schema: { tags, summary: 'Own active sessions (device, address, started, last seen, current)', response: { 200: sessionList } },
  }, async (req) => services.sessions.listOwn(actorOf(req), req.sessionPublicId!));

  app.delete('/auth/sessions/:id', {
    schema: { tags, summary: 'End one of own sessions', params: sessionParams, response: { 200: okBody } },
  }, async (req, reply) => {
    await services.sessions.endOwn(actorOf(req), req.params.id);
    if (req.params.id === req.sessionPublicId) cookies.clear(req, reply);
    return { ok: true as const };
  });
};
