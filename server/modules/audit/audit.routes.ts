import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditAlertView, auditEventView, listAuditAlertsQuery, listAuditQuery } from '../../../core/schemas/audit.ts';
import { pageOf } from '../../../core/schemas/common.ts';
import { actorOf, sendXlsx } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';

export const auditRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  const tags = ['audit'];
  app.get('/audit', {
    schema: { tags, summary: 'Audit log, newest first (keyset paged)', querystring: listAuditQuery, response: { 200: pageOf(auditEventView) } },
  }, async (req) => services.audit.list(actorOf(req), req.query));

  app.get('/audit/export.xlsx', {
    schema: { tags, summary: 'Export the audit log to Excel', querystring: listAuditQuery.omit({ after: true, limit: true }) },
  }, async (req, reply) => sendXlsx(reply, await services.audit.exportXlsx(actorOf(req), req.query)));

  app.get('/audit/alerts', {
    schema: { tags, summary: 'Alerts: every export, and accounts reading unusually many people (keyset paged)', querystring: listAuditAlertsQuery, response: { 200: pageOf(auditAlertView) } },
  }, async (req) => services.auditAlerts.list(actorOf(req), req.query));

  app.get('/audit/alerts/export.xlsx', {
    schema: { tags, summary: 'Export the alerts to Excel', querystring: listAuditAlertsQuery.omit({ after: true, limit: true }) },
  }, async (req, reply) => sendXlsx(reply, await services.auditAlerts.exportXlsx(actorOf(req), req.query)));
};
