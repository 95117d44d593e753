import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { mergePeopleRequest, personDuplicate } from '../../../core/schemas/cases.ts';
import { actorOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { citizenRoutes } from './citizen.routes.ts';
import { personLinksRoutes } from './person-links.routes.ts';

const idParams = z.object({ id: z.string().uuid() });

export const peopleRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const { services } = deps;
  const tags = ['people'];
  const svc = services.peopleRegistry;

  app.get('/people/:id/duplicates', {
    schema: { tags, summary: 'Likely duplicates of a person (same document, phone, or name + birth year + commune)', params: idParams, response: { 200: z.array(personDuplicate) } },
  }, async (req) => svc.duplicates(actorOf(req), req.params.id));

  app.post('/people/merge', {
    schema: { tags, summary: 'Merge one person record into another, keeping history', body: mergePeopleRequest, response: { 200: z.object({ keptId: z.string().uuid() }) } },
  }, async (req) => svc.merge(actorOf(req), req.body));

  await app.register(personLinksRoutes, deps);
  await app.register(citizenRoutes, deps);
};
