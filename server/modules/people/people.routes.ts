import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { citizenRoutes } from './citizen.routes.ts';
import { personLinksRoutes } from './person-links.routes.ts';
import { peopleContract } from '../../../core/contracts/people.ts';
import { route } from '../../http/contract-route.ts';

export const peopleRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const { services } = deps;
  const svc = services.peopleRegistry;

  route(app, peopleContract.getPeopleSearch, async (req) => services.peopleSearch.search(actorOf(req), req.query));

  route(app, peopleContract.getPeopleDuplicates, async (req) => svc.duplicates(actorOf(req), req.params.id));

  route(app, peopleContract.postPeopleMerge, async (req) => svc.merge(actorOf(req), req.body));

  await app.register(personLinksRoutes, deps);
  await app.register(citizenRoutes, deps);
};
