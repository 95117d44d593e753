import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { borderContract as c } from '../../../core/contracts/border.ts';
import { route, sheetRoutes } from '../../http/contract-route.ts';
import { actorOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';

/** A GPX track rides in the patrol's JSON: room for the 2 MB the import accepts, so a larger file gets its own message. */
const PATROL_BODY_LIMIT = 4 * 1024 * 1024;

export const borderRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, config }) => {
  const posts = services.borderPosts;
  const crossings = services.borderCrossings;
  const goods = services.borderGoods;
  const interceptions = services.borderInterceptions;
  const trails = services.borderTrails;
  const tipoffs = services.borderTipoffs;
  const bulletin = services.borderBulletin;
  const submitLimit = { max: config.publicRateLimit.submitPerMinute, timeWindow: '1 minute' };

  route(app, c.getBorderPosts, async (req) => posts.listPosts(actorOf(req), req.query));
  sheetRoutes(app, c.getBorderPostsExport, c.getBorderPostsExportCsv, (req) =>
    posts.exportPosts(actorOf(req), req.query),
  );
  route(app, c.postBorderPosts, async (req, reply) =>
    reply.status(201).send(await posts.createPost(actorOf(req), req.body)),
  );
  route(app, c.getBorderPostsShifts, async (req) =>
    posts.shifts(actorOf(req), req.params.id, req.query.from, req.query.to),
  );
  route(app, c.postBorderPostsShifts, async (req, reply) =>
    reply.status(201).send(await posts.logShift(actorOf(req), req.params.id, req.body)),
  );
  route(app, c.postBorderPostsCrossings, async (req, reply) =>
    reply.status(201).send(await crossings.record(actorOf(req), req.params.id, req.body)),
  );
  route(app, c.getBorderCrossings, async (req) => crossings.list(actorOf(req), req.query));
  sheetRoutes(app, c.getBorderCrossingsExport, c.getBorderCrossingsExportCsv, (req) =>
    crossings.exportXlsx(actorOf(req), req.query),
  );
  route(app, c.getBorderFacilities, async (req) => posts.handoverFacilities(actorOf(req), req.query.near));
  route(app, c.postBorderPostsGoods, async (req, reply) =>
    reply.status(201).send(await goods.record(actorOf(req), req.params.id, req.body)),
  );
  route(app, c.getBorderGoods, async (req) => goods.list(actorOf(req), req.query));
  sheetRoutes(app, c.getBorderGoodsExport, c.getBorderGoodsExportCsv, (req) =>
    goods.exportXlsx(actorOf(req), req.query),
  );
  route(app, c.postBorderInterceptions, async (req, reply) =>
    reply.status(201).send(await interceptions.record(actorOf(req), req.body)),
  );
  route(app, c.getBorderInterceptions, async (req) => interceptions.list(actorOf(req), req.query));
  sheetRoutes(app, c.getBorderInterceptionsExport, c.getBorderInterceptionsExportCsv, (req) =>
    interceptions.exportXlsx(actorOf(req), req.query),
  );
  route(app, c.getBorderInterceptionsCounts, async (req) => interceptions.counts(actorOf(req), req.query));
  route(app, c.getBorderInterceptionsById, async (req) => interceptions.get(actorOf(req), req.params.id));
  route(app, c.getBorderTrails, async (req) => trails.list(actorOf(req), req.query));
  route(app, c.postBorderTrails, async (req, reply) =>
    reply.status(201).send(await trails.create(actorOf(req), req.body)),
  );
  route(app, c.postBorderTrailsPatrols, { bodyLimit: PATROL_BODY_LIMIT }, async (req, reply) =>
    reply.status(201).send(await trails.patrol(actorOf(req), req.params.id, req.body)),
  );
  route(app, c.getBorderBulletin, async (req) => bulletin.bulletin(actorOf(req), req.query));
  sheetRoutes(app, c.getBorderBulletinExport, c.getBorderBulletinExportCsv, (req) =>
    bulletin.exportXlsx(actorOf(req), req.query),
  );
  route(app, c.postPublicBorderTipoffs, { config: { access: 'public', rateLimit: submitLimit } }, async (req, reply) =>
    reply.status(201).send(await tipoffs.submit(req.body, req.locale)),
  );
  route(app, c.getBorderTipoffs, async (req) => tipoffs.list(actorOf(req), req.query));
  sheetRoutes(app, c.getBorderTipoffsExport, c.getBorderTipoffsExportCsv, (req) =>
    tipoffs.exportXlsx(actorOf(req), req.query),
  );
  route(app, c.patchBorderTipoffs, async (req) => tipoffs.update(actorOf(req), req.params.id, req.body));
  route(app, c.getBorderTipoffsAssignees, async (req) => tipoffs.assignees(actorOf(req), req.params.id));
};
