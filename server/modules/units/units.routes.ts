import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { unitsContract as c } from '../../../core/contracts/units.ts';
import { route } from '../../http/contract-route.ts';
import { actorOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';

export const unitsRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  const svc = services.units;
  route(app, c.getUnits, async (req) => svc.list(actorOf(req), req.query));
  route(app, c.getUnitsMine, async (req) => svc.mine(actorOf(req)));
  route(app, c.patchUnitsById, async (req) => svc.update(actorOf(req), req.params.id, req.body));
};
