import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import type { PosterOrigin } from './poster-address.ts';
import type { VenueFile } from './venues.service.ts';
import { venuesContract } from '../../../core/contracts/venues.ts';
import { route, sheetRoutes } from '../../http/contract-route.ts';

/**
 * Where venue QR codes point: the configured public address, else the scheme and host the browser
 * used (behind a proxy: the forwarded ones, when trusted).
 */
const originFor =
  (config: { publicUrl?: string | undefined; demo: boolean }) =>
  (req: FastifyRequest): PosterOrigin => ({
    origin: config.publicUrl ?? `${req.protocol}://${req.host}`,
    configured: !!config.publicUrl,
    demo: config.demo,
  });

function sendInline(reply: FastifyReply, file: VenueFile) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `inline; filename="${file.filename}"`)
    .header('cache-control', 'no-store')
    .send(file.body);
}

export const venuesRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, config }) => {
  const originOf = originFor(config);
  const svc = services.venues;

  route(app, venuesContract.getVenues, async (req) => svc.list(actorOf(req), req.query));

  sheetRoutes(app, venuesContract.getVenuesExport, venuesContract.getVenuesExportCsv, async (req) =>
    svc.exportXlsx(actorOf(req), req.query),
  );

  route(app, venuesContract.postVenues, async (req, reply) =>
    reply.status(201).send(await svc.register(actorOf(req), req.body)),
  );

  route(app, venuesContract.getVenuesById, async (req) => svc.get(actorOf(req), req.params.id));

  route(app, venuesContract.patchVenuesById, async (req) => svc.update(actorOf(req), req.params.id, req.body));

  route(app, venuesContract.postVenuesDecision, async (req) => svc.decide(actorOf(req), req.params.id, req.body));

  route(app, venuesContract.getVenuesPosterAddress, async (req) => svc.posterAddress(actorOf(req), originOf(req)));

  route(app, venuesContract.getVenuesPoster, async (req, reply) =>
    sendInline(reply, await svc.poster(actorOf(req), req.params.id, originOf(req))),
  );

  route(app, venuesContract.getVenuesQr, async (req, reply) =>
    sendInline(reply, await svc.qrPng(actorOf(req), req.params.id, originOf(req))),
  );

  route(app, venuesContract.postVenuesPhoneOtp, async (req) =>
    services.venuePhone.sendCode(actorOf(req), req.params.id),
  );

  route(app, venuesContract.postVenuesVerifyPhone, async (req) =>
    services.venuePhone.verify(actorOf(req), req.params.id, req.body),
  );

  route(app, venuesContract.getPublicVenuesByPublicCode, { config: { access: 'public' } }, async (req) =>
    svc.publicLookup(req.params.publicCode),
  );
};
