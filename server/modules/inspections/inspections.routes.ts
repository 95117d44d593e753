import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inspectionsContract as c } from '../../../core/contracts/inspections.ts';
import { route, sheetRoutes } from '../../http/contract-route.ts';
import { actorOf, sendCsv, sendXlsx } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { MAX_PHOTO_BYTES } from './visits.service.ts';

/** The public page is read by anyone: rate-limited per address and cached a minute; the file for the media more tightly. */
const publicLimit = { max: 120, timeWindow: '1 minute' };
const publicFileLimit = { max: 10, timeWindow: '1 minute' };
const langOf = (header: string | undefined): 'vi' | 'en' => (header?.startsWith('en') ? 'en' : 'vi');

export const inspectionsRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  const plans = services.inspections;
  const visits = services.inspectionVisits;
  const violations = services.violations;
  const followUp = services.inspectionFollowUp;
  route(app, c.getInspectionsChecklists, async (req) => plans.checklists(actorOf(req)));
  route(app, c.getInspectionsArticles, async (req) => plans.articles(actorOf(req), req.query.on));
  route(app, c.getInspectionsPlans, async (req) => plans.list(actorOf(req), req.query));
  sheetRoutes(app, c.getInspectionsPlansExport, c.getInspectionsPlansExportCsv, (req) =>
    plans.exportXlsx(actorOf(req), req.query),
  );
  route(app, c.postInspectionsPlans, async (req, reply) =>
    reply.status(201).send(await plans.create(actorOf(req), req.body)),
  );
  route(app, c.getInspectionsPlansById, async (req) => plans.get(actorOf(req), req.params.id));
  route(app, c.getInspectionsProposals, async (req) => followUp.proposals(actorOf(req), req.query.unit));
  route(app, c.getInspectionsTeamCandidates, async (req) => plans.teamCandidates(actorOf(req), req.query));
  route(app, c.getInspectionsFieldWork, async (req) => plans.fieldWork(actorOf(req)));
  route(app, c.postInspectionsVisits, async (req, reply) => {
    const r = await visits.submit(actorOf(req), req.body);
    return reply.status(201).send(r.view);
  });
  route(app, c.getInspectionsVisitsByKey, async (req) => visits.get(actorOf(req), req.params.key));
  route(app, c.putInspectionsVisitsPhotos, { bodyLimit: MAX_PHOTO_BYTES + 1024 }, async (req) =>
    visits.attachPhoto(
      actorOf(req),
      req.params.key,
      req.params.photoKey,
      req.body as Buffer,
      req.headers['content-type'] ?? '',
      req.query.item,
    ),
  );
  route(app, c.getInspectionsPhotosById, async (req, reply) => {
    const photo = await visits.photo(actorOf(req), req.params.id);
    return reply
      .header('content-type', photo.mediaType)
      .header('cache-control', 'private, no-store')
      .header('content-disposition', 'inline')
      .send(photo.body);
  });
  route(app, c.getInspectionsVisitsRecord, async (req, reply) => {
    const file = await visits.record(actorOf(req), req.params.key);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .send(file.body);
  });
  route(app, c.postInspectionsViolations, async (req, reply) => {
    const r = await violations.record(actorOf(req), req.body);
    return reply.status(201).send(r.view);
  });
  route(app, c.getInspectionsViolations, async (req) => violations.list(actorOf(req), req.query));
  sheetRoutes(app, c.getInspectionsViolationsExport, c.getInspectionsViolationsExportCsv, (req) =>
    violations.exportXlsx(actorOf(req), req.query),
  );
  route(app, c.getInspectionsPeopleViolations, async (req) => violations.ofPerson(actorOf(req), req.params.id));
  route(app, c.postInspectionsViolationsDecision, async (req) =>
    violations.decide(actorOf(req), req.params.id, req.body),
  );
  route(app, c.postInspectionsViolationsPayment, async (req) =>
    violations.pay(actorOf(req), req.params.id, req.body.paidOn),
  );
  route(app, c.postInspectionsViolationsPublicationDecision, async (req) =>
    violations.decidePublication(actorOf(req), req.params.id, req.body),
  );
  sheetRoutes(app, c.getInspectionsPublicationExport, c.getInspectionsPublicationExportCsv, (req) =>
    followUp.publicationExport(actorOf(req), req.query.province),
  );
  route(
    app,
    c.getPublicInspectionsViolations,
    { config: { access: 'public', rateLimit: publicLimit } },
    async (req, reply) =>
      reply
        .header('cache-control', 'public, max-age=60')
        .header('vary', 'accept-language')
        .send(
          await followUp.published(
            langOf(req.headers['accept-language']),
            req.query.province,
            req.query.after,
            req.query.limit,
          ),
        ),
  );
  for (const [entry, send] of [
    [c.getPublicInspectionsViolationsExport, sendXlsx],
    [c.getPublicInspectionsViolationsExportCsv, sendCsv],
  ] as const)
    route(
      app,
      entry as typeof c.getPublicInspectionsViolationsExport,
      { config: { access: 'public', rateLimit: publicFileLimit } },
      async (req, reply) =>
        send(reply, await followUp.publishedFile(langOf(req.headers['accept-language']), req.query.province)),
    );
  route(app, c.postInspectionsActions, async (req, reply) => {
    const r = await followUp.requireAction(actorOf(req), req.body);
    return reply.status(201).send(r.view);
  });
  route(app, c.postInspectionsActionsReport, async (req) => followUp.report(actorOf(req), req.params.id, req.body));
  route(app, c.postInspectionsActionsClose, async (req) => followUp.close(actorOf(req), req.params.id));
  route(app, c.getInspectionsDashboard, async (req) => followUp.dashboard(actorOf(req), req.query));
};
