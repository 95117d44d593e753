import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { usersContract } from '../../../core/contracts/users.ts';
import { route, sheetRoutes } from '../../http/contract-route.ts';

export const usersRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  route(app, usersContract.getUsers, async (req) => services.users.list(actorOf(req), req.query));

  sheetRoutes(app, usersContract.getUsersExport, usersContract.getUsersExportCsv, async (req) =>
    services.users.exportXlsx(actorOf(req), req.query),
  );

  route(app, usersContract.postUsers, { config: { stepUp: true } }, async (req, reply) =>
    reply.status(201).send(await services.users.create(actorOf(req), req.body)),
  );

  route(app, usersContract.patchUsersById, { config: { stepUp: true } }, async (req) =>
    services.users.update(actorOf(req), req.params.id, req.body),
  );

  route(app, usersContract.postUsersResetPassword, { config: { stepUp: true } }, async (req) =>
    services.users.resetPassword(actorOf(req), req.params.id),
  );

  route(app, usersContract.postUsersReset2fa, { config: { stepUp: true } }, async (req) =>
    services.users.resetTwoFactor(actorOf(req), req.params.id),
  );

  route(app, usersContract.postUsersEndSessions, { config: { stepUp: true } }, async (req) =>
    services.users.endSessions(actorOf(req), req.params.id),
  );
};
