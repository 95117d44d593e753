import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { citizenMetaOf, citizenSessionOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { citizenContract } from '../../../core/contracts/citizen.ts';
import { route } from '../../http/contract-route.ts';

/**
 * A citizen's own data, read with the session of their verified phone (`Authorization: Bearer`),
 * never with the personal QR alone.
 */
export const citizenRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, config }) => {
  const pub = { access: 'public' as const };
  const otpLimit = { max: config.publicRateLimit.otpPerMinute, timeWindow: '1 minute' };

  route(app, citizenContract.postPublicSessions, { config: { ...pub, rateLimit: otpLimit } }, async (req) =>
    services.citizenSessions.openWithOtp(req.body, citizenMetaOf(req)),
  );

  route(app, citizenContract.postPublicMeAccesses, { config: pub }, async (req) =>
    services.myData.accesses(citizenSessionOf(req), req.body, citizenMetaOf(req)),
  );

  route(app, citizenContract.postPublicMeData, { config: { ...pub, rateLimit: otpLimit } }, async (req, reply) => {
    const file = await services.myData.download(citizenSessionOf(req), req.body, citizenMetaOf(req));
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .header('cache-control', 'no-store')
      .send(file.body);
  });
};
