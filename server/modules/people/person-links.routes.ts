import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { decideLinkRequest, linkDecisionResult, linkRequestDetail, linkRequestRow, listLinkRequestsQuery } from '../../../core/schemas/citizen.ts';
import { pageOf } from '../../../core/schemas/common.ts';
import { actorOf, sendXlsx } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';

const idParams = z.object({ id: z.string().uuid() });

/** Officials' side of citizens' self-declared records: confirm who they are, or not. */
export const personLinksRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  const tags = ['people'];
  const svc = services.personLinks;

  app.get('/people/link-requests', {
    schema: { tags, summary: "Citizens' records awaiting a link to officials' record of their document (keyset paged; the read is logged)", querystring: listLinkRequestsQuery, response: { 200: pageOf(linkRequestRow) } },
  }, async (req) => svc.list(actorOf(req), req.query));

  app.get('/people/link-requests/export.xlsx', {
    schema: { tags, summary: 'Export link requests', querystring: listLinkRequestsQuery.omit({ after: true, limit: true }) },
  }, async (req, reply) => sendXlsx(reply, await svc.export(actorOf(req), req.query)));

  app.get('/people/link-requests/:id', {
    schema: { tags, summary: 'Both records side by side (the read is logged)', params: idParams, response: { 200: linkRequestDetail } },
  }, async (req) => svc.read(actorOf(req), req.params.id));

  app.post('/people/link-requests/:id/accept', {
    schema: { tags, summary: "Link the citizen's record to officials' record (records, QR and sessions move; the phone becomes verified)", params: idParams, body: decideLinkRequest, response: { 200: linkDecisionResult } },
  }, async (req) => svc.accept(actorOf(req), req.params.id, req.body.note));

  app.post('/people/link-requests/:id/reject', {
    schema: { tags, summary: "Reject: the citizen's record stays as history, its QR is revoked", params: idParams, body: decideLinkRequest, response: { 200: linkDecisionResult } },
  }, async (req) => svc.reject(actorOf(req), req.params.id, req.body.note));
};
