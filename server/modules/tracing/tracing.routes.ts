import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contactView, decideContactRequest, declareContactRequest, listContactsQuery, tracingRunResult } from '../../../core/schemas/cases.ts';
import { localityCode, pageOf } from '../../../core/schemas/common.ts';
import { actorOf, sendXlsx } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';

const idParams = z.object({ id: z.string().uuid() });

export const tracingRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  const tags = ['tracing'];
  const svc = services.tracing;

  app.get('/cases/:id/contacts', {
    schema: { tags, summary: "A case's contacts: proposals ranked for the tracer, then decided ones", params: idParams, querystring: listContactsQuery, response: { 200: pageOf(contactView) } },
  }, async (req) => svc.listForCase(actorOf(req), req.params.id, req.query));

  app.get('/cases/:id/contacts/export.xlsx', {
    schema: { tags, summary: "Export a case's contacts to Excel", params: idParams, querystring: listContactsQuery.omit({ after: true, limit: true }) },
  }, async (req, reply) => sendXlsx(reply, await svc.exportForCase(actorOf(req), req.params.id, req.query)));

  app.post('/cases/:id/contacts', {
    schema: { tags, summary: 'Add a contact the case named in the interview (proposed F1)', params: idParams, body: declareContactRequest, response: { 201: contactView } },
  }, async (req, reply) => reply.status(201).send(await svc.declare(actorOf(req), req.params.id, req.body)));

  app.post('/cases/:id/tracing', {
    schema: { tags, summary: 'Re-run the tracing of a case (new check-ins, changed dates)', params: idParams, response: { 200: tracingRunResult } },
  }, async (req) => svc.rerun(actorOf(req), req.params.id));

  app.post('/contacts/:id/decision', {
    schema: { tags, summary: 'Confirm or reject a proposed contact; confirming sets the F-level and proposes the next level', params: idParams, body: decideContactRequest, response: { 200: contactView } },
  }, async (req) => svc.decide(actorOf(req), req.params.id, req.body));

  app.get('/contacts/export.xlsx', {
    schema: { tags, summary: 'Export the follow-up list to Excel', querystring: listContactsQuery.omit({ after: true, limit: true }).extend({ locality: localityCode.optional() }) },
  }, async (req, reply) => sendXlsx(reply, await svc.exportWithin(actorOf(req), req.query)));

  app.get('/contacts', {
    schema: { tags, summary: 'Contacts living in the area (follow-up list), newest first', querystring: listContactsQuery.extend({ locality: localityCode.optional() }), response: { 200: pageOf(contactView) } },
  }, async (req) => svc.listWithin(actorOf(req), req.query));
};
