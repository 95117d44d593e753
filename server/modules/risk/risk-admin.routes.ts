import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pageOf } from '../../../core/schemas/common.ts';
import {
  createZoneRequest, endZoneRequest, ruleSetDetail, ruleSetList, saveRuleSetRequest, vaccinationImportRequest, vaccinationImportView, zoneListQuery, zoneView,
} from '../../../core/schemas/risk-admin.ts';
import { actorOf, sendXlsx } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';

const codeParams = z.object({ code: z.string().regex(/^[a-z0-9][a-z0-9_]{1,63}$/, 'Mã bộ quy tắc không hợp lệ / Invalid rule set code') });
const idParams = z.object({ id: z.uuid('Mã không hợp lệ / Invalid id') });

/** Rule sets (versioned data), epidemic zones and vaccination coverage imports. */
export const riskAdminRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  const tags = ['risk'];

  app.get('/risk/rule-sets', {
    schema: { tags, summary: 'Risk rule sets (latest versions) and which one is active', response: { 200: ruleSetList } },
  }, async (req) => services.ruleSets.list(actorOf(req)));

  app.get('/risk/rule-sets/:code', {
    schema: { tags, summary: 'A rule set with its definition and versions', params: codeParams, response: { 200: ruleSetDetail } },
  }, async (req) => services.ruleSets.get(actorOf(req), req.params.code));

  app.put('/risk/rule-sets/:code', {
    config: { stepUp: true },
    schema: { tags, summary: 'Save a rule set as its next version (system administrator)', params: codeParams, body: saveRuleSetRequest, response: { 200: ruleSetDetail } },
  }, async (req) => services.ruleSets.save(actorOf(req), req.params.code, req.body.definition));

  app.post('/risk/rule-sets/:code/activate', {
    config: { stepUp: true },
    schema: { tags, summary: 'Make a rule set the one the map, the public page and the jobs use', params: codeParams, response: { 200: ruleSetDetail } },
  }, async (req) => services.ruleSets.activate(actorOf(req), req.params.code));

  app.get('/risk/zones', {
    schema: { tags, summary: 'Epidemic zones of a province, newest first', querystring: zoneListQuery, response: { 200: pageOf(zoneView) } },
  }, async (req) => services.zones.list(actorOf(req), req.query));

  app.get('/risk/zones/export.xlsx', {
    schema: { tags, summary: 'Epidemic zones as Excel', querystring: zoneListQuery.omit({ after: true, limit: true }) },
  }, async (req, reply) => sendXlsx(reply, await services.zones.exportXlsx(actorOf(req), req.query)));

  app.post('/risk/zones', {
    schema: { tags, summary: 'Declare an epidemic zone (communes or a drawn polygon); a repeated client key returns the first zone', body: createZoneRequest, response: { 201: zoneView } },
  }, async (req, reply) => reply.status(201).send(await services.zones.create(actorOf(req), req.body)));

  app.post('/risk/zones/:id/end', {
    schema: { tags, summary: 'End an epidemic zone now or at a given moment', params: idParams, body: endZoneRequest, response: { 200: zoneView } },
  }, async (req) => services.zones.end(actorOf(req), req.params.id, req.body));

  app.post('/risk/vaccination', {
    schema: { tags, summary: 'Import vaccination coverage rows (percentages per commune and date)', body: vaccinationImportRequest, response: { 200: vaccinationImportView } },
  }, async (req) => services.vaccination.importRows(actorOf(req), req.body.rows));

  app.post('/risk/vaccination/import', {
    schema: { tags, summary: 'Import vaccination coverage from an .xlsx or .csv sent as the body', response: { 200: vaccinationImportView } },
  }, async (req) => services.vaccination.importFile(actorOf(req), req.body as Buffer, req.headers['content-type'] ?? ''));
};
