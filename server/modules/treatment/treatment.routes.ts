import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pageOf } from '../../../core/schemas/common.ts';
import { admitStayRequest, dischargeStayRequest, listStaysQuery, occupancyQuery, occupancyView, stayView } from '../../../core/schemas/facilities.ts';
import { actorOf, sendXlsx } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';

const idParams = z.object({ id: z.string().uuid() });

export const treatmentRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  const tags = ['treatment'];
  const svc = services.treatment;

  app.get('/treatment/stays', {
    schema: { tags, summary: 'Treatment stays at facilities in scope, latest admission first (keyset paged)', querystring: listStaysQuery, response: { 200: pageOf(stayView) } },
  }, async (req) => svc.list(actorOf(req), req.query));

  app.get('/treatment/stays/export.xlsx', {
    schema: { tags, summary: 'Export treatment stays to Excel', querystring: listStaysQuery.omit({ after: true, limit: true }) },
  }, async (req, reply) => sendXlsx(reply, await svc.exportXlsx(actorOf(req), req.query)));

  app.post('/treatment/stays', {
    schema: { tags, summary: 'Admit a case to a bed of a facility (refused when no bed of that kind is free)', body: admitStayRequest, response: { 201: stayView } },
  }, async (req, reply) => reply.status(201).send(await svc.admit(actorOf(req), req.body)));

  app.post('/treatment/stays/:id/discharge', {
    schema: { tags, summary: 'End a stay: recovered, transferred or died (the case record is not changed)', params: idParams, body: dischargeStayRequest, response: { 200: stayView } },
  }, async (req) => svc.discharge(actorOf(req), req.params.id, req.body));

  app.get('/treatment/occupancy', {
    schema: { tags, summary: 'Places and beds of an area by kind and by facility, with facilities past their alert threshold', querystring: occupancyQuery, response: { 200: occupancyView } },
  }, async (req) => svc.occupancy(actorOf(req), req.query));
};
