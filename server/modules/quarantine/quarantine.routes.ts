import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { quarantineContract } from '../../../core/contracts/quarantine.ts';
import { route, sheetRoutes } from '../../http/contract-route.ts';

export const quarantineRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, config }) => {
  const svc = services.quarantine;
  const register = services.quarantineRegister;
  const monitoring = services.homeMonitoring;
  const pdf = (file: { filename: string; body: Buffer }) => ({ ...file, contentType: 'application/pdf' });

  route(app, quarantineContract.getQuarantineAdmissions, async (req) => register.list(actorOf(req), req.query));

  sheetRoutes(
    app,
    quarantineContract.getQuarantineAdmissionsExport,
    quarantineContract.getQuarantineAdmissionsExportCsv,
    async (req) => register.exportXlsx(actorOf(req), req.query),
  );

  route(app, quarantineContract.postQuarantineAdmissions, async (req, reply) =>
    reply.status(201).send(await svc.admit(actorOf(req), req.body)),
  );

  route(app, quarantineContract.getQuarantineAdmissionsById, async (req) => svc.get(actorOf(req), req.params.id));

  route(app, quarantineContract.postQuarantineAdmissionsExtend, async (req) =>
    svc.extend(actorOf(req), req.params.id, req.body),
  );

  route(app, quarantineContract.postQuarantineAdmissionsTransfer, async (req) =>
    svc.transfer(actorOf(req), req.params.id, req.body),
  );

  route(app, quarantineContract.postQuarantineAdmissionsRelease, async (req) =>
    svc.release(actorOf(req), req.params.id, req.body),
  );

  route(app, quarantineContract.getQuarantineAdmissionsDecision, async (req, reply) =>
    sendPdf(reply, pdf(await register.decisionPdf(actorOf(req), req.params.id))),
  );

  route(app, quarantineContract.getQuarantineAdmissionsCertificate, async (req, reply) =>
    sendPdf(reply, pdf(await register.certificatePdf(actorOf(req), req.params.id))),
  );

  route(app, quarantineContract.getQuarantineMissingReports, async (req) =>
    register.missingReports(actorOf(req), req.query),
  );

  route(app, quarantineContract.getPublicMonitoringByToken, { config: { access: 'public' } }, async (req) =>
    monitoring.monitoringStatus(req.params.token),
  );

  route(
    app,
    quarantineContract.postPublicMonitoringByToken,
    {
      config: { access: 'public', rateLimit: { max: config.publicRateLimit.submitPerMinute, timeWindow: '1 minute' } },
    },
    async (req) => monitoring.report(req.params.token, req.body),
  );
};

function sendPdf(reply: FastifyReply, file: { filename: string; contentType: string; body: Buffer }) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `inline; filename="${file.filename}"`)
    .header('cache-control', 'no-store')
    .send(file.body);
}
