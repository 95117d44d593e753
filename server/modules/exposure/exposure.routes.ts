import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exposureContract as c } from '../../../core/contracts/exposure.ts';
import { route, sheetRoutes } from '../../http/contract-route.ts';
import { actorOf, citizenMetaOf, citizenSessionOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { MAX_SELF_REPORT_PHOTO_BYTES } from './self-reports.service.ts';

/** Phones poll the feed: a minute in any cache, then a conditional request (ETag) that answers 304. */
const FEED_CACHE = 'public, max-age=60, no-transform';

export const exposureRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  const svc = services.exposure;
  const reports = services.selfReports;

  route(app, c.getPublicExposureKey, { config: { access: 'public' } }, async (_req, reply) => {
    reply.header('cache-control', 'public, max-age=86400');
    return { algorithm: 'Ed25519' as const, publicKey: svc.publicKey };
  });

  // Static-like: built once per change, compressed ahead, answered from memory; the signature covers
  // the uncompressed body, so any cache or mirror may carry it.
  route(app, c.getPublicExposureFeed, { config: { access: 'public' } }, async (req, reply) => {
    const feed = await svc.feed(req.params.province);
    reply
      .header('etag', feed.etag)
      .header('cache-control', FEED_CACHE)
      .header('vary', 'accept-encoding')
      .header('x-feed-signature', `ed25519=${feed.signature}`);
    // Not modified: the contract's success status is 200, this is the conditional answer beside it.
    if (req.headers['if-none-match'] === feed.etag) return reply.status(304 as 200).send();
    const accepts = String(req.headers['accept-encoding'] ?? '');
    reply.header('content-type', 'application/json');
    if (/\bbr\b/.test(accepts)) return reply.header('content-encoding', 'br').send(feed.br);
    if (/\bgzip\b/.test(accepts)) return reply.header('content-encoding', 'gzip').send(feed.gzip);
    return reply.send(feed.body);
  });

  route(app, c.postPublicSelfReports, { config: { access: 'public' } }, async (req, reply) =>
    reply.status(201).send(await reports.submit(citizenSessionOf(req), req.body, citizenMetaOf(req))),
  );

  route(app, c.getPublicPushKey, { config: { access: 'public' } }, async (_req, reply) => {
    reply.header('cache-control', 'public, max-age=3600');
    return services.alertSettings.publicKey();
  });

  route(app, c.postPublicMePushSubscriptions, { config: { access: 'public' } }, async (req, reply) =>
    reply.status(201).send(await services.alertSettings.subscribe(citizenSessionOf(req), req.body, req.locale)),
  );

  route(app, c.postPublicMePushSubscriptionsRemove, { config: { access: 'public' } }, async (req) =>
    services.alertSettings.unsubscribe(citizenSessionOf(req), req.body.endpoint, req.locale),
  );

  route(app, c.postPublicMeAlertConsent, { config: { access: 'public' } }, async (req) =>
    services.alertSettings.smsConsent(citizenSessionOf(req), req.body, citizenMetaOf(req)),
  );

  route(app, c.postPublicMeSelfReports, { config: { access: 'public' } }, async (req) =>
    reports.mine(citizenSessionOf(req), req.locale),
  );

  // Twice the limit reaches the service, which refuses with a clear message; beyond that Fastify does.
  route(
    app,
    c.putPublicSelfReportsPhoto,
    { config: { access: 'public' }, bodyLimit: 2 * MAX_SELF_REPORT_PHOTO_BYTES },
    async (req) => reports.attachPhoto(citizenSessionOf(req), req.params.id, req.body as Buffer, req.locale),
  );

  route(app, c.postSelfReportsHandle, async (req) => reports.handle(actorOf(req), req.params.id, req.body));

  route(app, c.getSelfReportsPhoto, async (req, reply) => {
    const p = await reports.photo(actorOf(req), req.params.id);
    return reply.header('content-type', p.type).header('cache-control', 'private, no-store').send(p.body);
  });

  route(app, c.getExposureCounts, async (req) => svc.counts(actorOf(req), req.query));

  route(app, c.getExposurePending, async (req) => reports.pending(actorOf(req), req.query));
  sheetRoutes(app, c.getExposurePendingExport, c.getExposurePendingExportCsv, (req) =>
    reports.exportPending(actorOf(req), req.query),
  );

  route(app, c.getCasesExposureStays, async (req) => services.caseStays.list(actorOf(req), req.params.id));
  route(app, c.postCasesExposureStays, async (req, reply) =>
    reply.status(201).send(await services.caseStays.mark(actorOf(req), req.params.id, req.body)),
  );
};
