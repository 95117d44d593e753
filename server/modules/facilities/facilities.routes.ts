import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pageOf } from '../../../core/schemas/common.ts';
import {
  createFacilityRequest, facilityView, listFacilitiesQuery, placementQuery, placementView, updateFacilityRequest,
} from '../../../core/schemas/facilities.ts';
import { actorOf, sendXlsx } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';

const idParams = z.object({ id: z.string().uuid() });

export const facilitiesRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  const tags = ['facilities'];
  const svc = services.facilities;

  app.get('/facilities', {
    schema: { tags, summary: 'Quarantine and treatment facilities in scope with their occupancy, newest first (keyset paged)', querystring: listFacilitiesQuery, response: { 200: pageOf(facilityView) } },
  }, async (req) => svc.list(actorOf(req), req.query));

  app.get('/facilities/export.xlsx', {
    schema: { tags, summary: 'Export facilities and their occupancy to Excel', querystring: listFacilitiesQuery.omit({ after: true, limit: true }) },
  }, async (req, reply) => sendXlsx(reply, await svc.exportXlsx(actorOf(req), req.query)));

  app.get('/facilities/placement', {
    schema: { tags, summary: 'Where to place N people: free places of a kind, nearest first, with a suggested split', querystring: placementQuery, response: { 200: placementView } },
  }, async (req) => svc.placement(actorOf(req), req.query));

  app.post('/facilities', {
    schema: { tags, summary: 'Open a facility with its capacity', body: createFacilityRequest, response: { 201: facilityView } },
  }, async (req, reply) => reply.status(201).send(await svc.create(actorOf(req), req.body)));

  app.get('/facilities/:id', {
    schema: { tags, summary: 'One facility with its occupancy', params: idParams, response: { 200: facilityView } },
  }, async (req) => svc.get(actorOf(req), req.params.id));

  app.patch('/facilities/:id', {
    schema: { tags, summary: 'Change a facility, its capacity or alert threshold; close or reopen it', params: idParams, body: updateFacilityRequest, response: { 200: facilityView } },
  }, async (req) => svc.update(actorOf(req), req.params.id, req.body));
};
