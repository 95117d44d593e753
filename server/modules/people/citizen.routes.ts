import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { personAccessView } from '../../../core/schemas/audit.ts';
import { myAccessesRequest, myDataRequest, openSessionRequest, openSessionResult } from '../../../core/schemas/citizen.ts';
import { pageOf } from '../../../core/schemas/common.ts';
import { citizenMetaOf, citizenSessionOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';

/**
 * A citizen's own data, read with the session of their verified phone (`Authorization: Bearer`),
 * never with the personal QR alone.
 */
export const citizenRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, config }) => {
  const tags = ['citizens'];
  const pub = { access: 'public' as const };
  const otpLimit = { max: config.publicRateLimit.otpPerMinute, timeWindow: '1 minute' };

  app.post('/public/sessions', {
    config: { ...pub, rateLimit: otpLimit },
    schema: { tags, summary: 'Open a session on this phone with a one-time code (for a phone without one)', body: openSessionRequest, response: { 200: openSessionResult } },
  }, async (req) => services.citizenSessions.openWithOtp(req.body, citizenMetaOf(req)));

  app.post('/public/me/accesses', {
    config: pub,
    schema: { tags, summary: 'Which agencies accessed my data, and when (session; keyset paged)', body: myAccessesRequest, response: { 200: pageOf(personAccessView) } },
  }, async (req) => services.myData.accesses(citizenSessionOf(req), req.body, citizenMetaOf(req)));

  app.post('/public/me/data', {
    config: { ...pub, rateLimit: otpLimit },
    schema: { tags, summary: 'Download everything held about me, as JSON or PDF (session and a fresh one-time code)', body: myDataRequest },
  }, async (req, reply) => {
    const file = await services.myData.download(citizenSessionOf(req), req.body, citizenMetaOf(req));
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .header('cache-control', 'no-store')
      .send(file.body);
  });
};
