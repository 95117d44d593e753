import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pageOf } from '../../../core/schemas/common.ts';
import {
  admissionRow, admissionView, admitRequest, extendRequest, listAdmissionsQuery, missingReportsQuery, monitoringReport, monitoringStatus, releaseRequest,
  transferRequest,
} from '../../../core/schemas/quarantine.ts';
import { actorOf, sendXlsx } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';

const idParams = z.object({ id: z.string().uuid() });
const tokenParams = z.object({ token: z.string().max(100) });

export const quarantineRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, config }) => {
  const tags = ['quarantine'];
  const svc = services.quarantine;
  const pdf = (file: { filename: string; body: Buffer }) => ({ ...file, contentType: 'application/pdf' });

  app.get('/quarantine/admissions', {
    schema: { tags, summary: 'Quarantine stays in scope, earliest end first (releases due); the read is logged', querystring: listAdmissionsQuery, response: { 200: pageOf(admissionRow) } },
  }, async (req) => svc.list(actorOf(req), req.query));

  app.get('/quarantine/admissions/export.xlsx', {
    schema: { tags, summary: 'Export the quarantine register to Excel (one logged read)', querystring: listAdmissionsQuery.omit({ after: true, limit: true }) },
  }, async (req, reply) => sendXlsx(reply, await svc.exportXlsx(actorOf(req), req.query)));

  app.post('/quarantine/admissions', {
    schema: { tags, summary: 'Admit a person: plan from the disease profile, tests ordered, QR red', body: admitRequest, response: { 201: admissionView } },
  }, async (req, reply) => reply.status(201).send(await svc.admit(actorOf(req), req.body)));

  app.get('/quarantine/admissions/:id', {
    schema: { tags, summary: 'One stay with its tests and release check (the read is logged)', params: idParams, response: { 200: admissionView } },
  }, async (req) => svc.get(actorOf(req), req.params.id));

  app.post('/quarantine/admissions/:id/extend', {
    schema: { tags, summary: 'Extend a stay; the release test moves to the new last day', params: idParams, body: extendRequest, response: { 200: admissionView } },
  }, async (req) => svc.extend(actorOf(req), req.params.id, req.body));

  app.post('/quarantine/admissions/:id/transfer', {
    schema: { tags, summary: 'Move a stay to another facility', params: idParams, body: transferRequest, response: { 200: admissionView } },
  }, async (req) => svc.transfer(actorOf(req), req.params.id, req.body));

  app.post('/quarantine/admissions/:id/release', {
    schema: { tags, summary: 'Release (needs the negative release test) or release early with a reason', params: idParams, body: releaseRequest, response: { 200: admissionView } },
  }, async (req) => svc.release(actorOf(req), req.params.id, req.body));

  app.get('/quarantine/admissions/:id/decision.pdf', {
    schema: { tags, summary: 'Quarantine decision (QUYẾT ĐỊNH), Decree 30 layout', params: idParams },
  }, async (req, reply) => sendPdf(reply, pdf(await svc.decisionPdf(actorOf(req), req.params.id))));

  app.get('/quarantine/admissions/:id/certificate.pdf', {
    schema: { tags, summary: 'Certificate of completed quarantine (GIẤY XÁC NHẬN), after a completed release', params: idParams },
  }, async (req, reply) => sendPdf(reply, pdf(await svc.certificatePdf(actorOf(req), req.params.id))));

  app.get('/quarantine/missing-reports', {
    schema: { tags, summary: 'People in quarantine who have not reported today: the calling list', querystring: missingReportsQuery, response: { 200: pageOf(admissionRow) } },
  }, async (req) => svc.missingReports(actorOf(req), req.query));

  app.get('/public/monitoring/:token', {
    config: { access: 'public' },
    schema: { tags, summary: 'What the daily report link shows (initials only)', params: tokenParams, response: { 200: monitoringStatus } },
  }, async (req) => svc.monitoringStatus(req.params.token));

  app.post('/public/monitoring/:token', {
    config: { access: 'public', rateLimit: { max: config.publicRateLimit.submitPerMinute, timeWindow: '1 minute' } },
    schema: { tags, summary: "Today's temperature and symptoms; symptoms or fever order a test", params: tokenParams, body: monitoringReport, response: { 200: monitoringStatus } },
  }, async (req) => svc.report(req.params.token, req.body));
};

function sendPdf(reply: FastifyReply, file: { filename: string; contentType: string; body: Buffer }) {
  return reply.header('content-type', file.contentType).header('content-disposition', `inline; filename="${file.filename}"`)
    .header('cache-control', 'no-store').send(file.body);
}
