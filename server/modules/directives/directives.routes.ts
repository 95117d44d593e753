import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { directivesContract as c } from '../../../core/contracts/directives.ts';
import { route, sheetRoutes } from '../../http/contract-route.ts';
import { actorOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { MAX_EVIDENCE_BYTES } from './task-evidence.service.ts';

export const directivesRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  const svc = services.directives;
  route(app, c.getDirectives, async (req) => svc.list(actorOf(req), req.query));
  sheetRoutes(app, c.getDirectivesExport, c.getDirectivesExportCsv, (req) => svc.exportXlsx(actorOf(req), req.query));
  route(app, c.postDirectives, async (req, reply) => reply.status(201).send(await svc.issue(actorOf(req), req.body)));
  route(app, c.getDirectivesById, async (req) => svc.get(actorOf(req), req.params.id));
  route(app, c.postDirectivesAcknowledgements, async (req) => svc.acknowledge(actorOf(req), req.params.id, req.body));
  route(app, c.postDirectivesTasks, async (req, reply) =>
    reply.status(201).send(await svc.addTask(actorOf(req), req.params.id, req.body)),
  );
  route(app, c.postDirectivesTasksProgress, async (req, reply) =>
    reply.status(201).send(await svc.reportProgress(actorOf(req), req.params.id, req.params.taskId, req.body)),
  );
  route(app, c.putDirectivesDocument, async (req) =>
    svc.attachDocument(actorOf(req), req.params.id, req.body as Buffer, req.headers['content-type'] ?? ''),
  );
  route(app, c.putDirectivesTasksEvidence, { bodyLimit: MAX_EVIDENCE_BYTES + 1024 }, async (req, reply) =>
    reply.status(201).send(
      await services.taskEvidence.attach(actorOf(req), {
        directiveId: req.params.id,
        taskId: req.params.taskId,
        fileKey: req.params.fileKey,
        filename: req.query.filename,
        body: req.body,
      }),
    ),
  );
  route(app, c.getDirectivesEvidenceById, async (req, reply) => {
    const file = await services.taskEvidence.file(actorOf(req), req.params.id);
    // Always a download, never rendered in the application's origin.
    return reply
      .header('content-type', file.mediaType)
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .send(file.body);
  });
  route(app, c.getDirectivesDocument, async (req, reply) => {
    const file = await svc.document(actorOf(req), req.params.id);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .send(file.body);
  });
};
