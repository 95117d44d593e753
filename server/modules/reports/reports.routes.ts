import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { mediaTypes } from '../../../core/contracts/contract.ts';
import { reportsContract as c } from '../../../core/contracts/reports.ts';
import { route, sheetRoutes } from '../../http/contract-route.ts';
import { actorOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { submitReport } from '../../commands/submit-report.ts';

export const reportsRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  const svc = services.reports;
  const completeness = services.reportsCompleteness;
  route(app, c.getReportsForm, async (req) => svc.form(actorOf(req), req.query));
  route(app, c.postReportsDrafts, async (req) => svc.saveDraft(actorOf(req), req.body));
  route(app, c.postReportsSubmissions, async (req, reply) =>
    reply.status(201).send(await submitReport(services, actorOf(req), req.body)),
  );
  route(app, c.getReportsCompleteness, async (req) => completeness.completeness(actorOf(req), req.query));
  sheetRoutes(app, c.getReportsCompletenessExport, c.getReportsCompletenessExportCsv, (req) =>
    completeness.exportXlsx(actorOf(req), req.query),
  );
  // Documents built whole (a province's report is small): sent with their name, never cached.
  const send = (reply: FastifyReply, type: string, f: { filename: string; body: Buffer }, disposition: string) =>
    reply
      .header('content-type', type)
      .header('content-disposition', `${disposition}; filename="${f.filename}"`)
      .header('cache-control', 'no-store')
      .send(f.body);
  route(app, c.getReportsConsolidatedPdf, async (req, reply) =>
    send(reply, mediaTypes.pdf, await services.consolidatedReports.pdf(actorOf(req), req.query), 'inline'),
  );
  route(app, c.getReportsConsolidatedXlsx, async (req, reply) =>
    send(reply, mediaTypes.xlsx, await services.consolidatedReports.xlsx(actorOf(req), req.query), 'attachment'),
  );
  route(app, c.getReportsById, async (req) => svc.get(actorOf(req), req.params.id));
  route(app, c.postReportsReview, async (req) => svc.review(actorOf(req), req.params.id, req.body));
};
