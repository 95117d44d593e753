import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pageOf } from '../../../core/schemas/common.ts';
import {
  createdUser, createUserRequest, endedSessions, listUsersQuery, resetPasswordResult, updateUserRequest, userView,
} from '../../../core/schemas/users.ts';
import { actorOf, sendXlsx } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';

const idParams = z.object({ id: z.string().uuid() });

export const usersRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  const tags = ['users'];
  app.get('/users', {
    schema: { tags, summary: 'List accounts (keyset paged)', querystring: listUsersQuery, response: { 200: pageOf(userView) } },
  }, async (req) => services.users.list(actorOf(req), req.query));

  app.get('/users/export.xlsx', {
    schema: { tags, summary: 'Export accounts to Excel', querystring: listUsersQuery.omit({ after: true, limit: true }) },
  }, async (req, reply) => sendXlsx(reply, await services.users.exportXlsx(actorOf(req), req.query)));

  app.post('/users', {
    config: { stepUp: true },
    schema: { tags, summary: 'Create an account', body: createUserRequest, response: { 201: createdUser } },
  }, async (req, reply) => reply.status(201).send(await services.users.create(actorOf(req), req.body)));

  app.patch('/users/:id', {
    config: { stepUp: true },
    schema: { tags, summary: 'Change, disable or enable an account', params: idParams, body: updateUserRequest, response: { 200: userView } },
  }, async (req) => services.users.update(actorOf(req), req.params.id, req.body));

  app.post('/users/:id/reset-password', {
    config: { stepUp: true },
    schema: { tags, summary: 'Reset to a one-time password', params: idParams, response: { 200: resetPasswordResult } },
  }, async (req) => services.users.resetPassword(actorOf(req), req.params.id));

  app.post('/users/:id/reset-2fa', {
    config: { stepUp: true },
    schema: { tags, summary: 'Remove the account\'s second factor (lost phone); ends its sessions', params: idParams, response: { 200: userView } },
  }, async (req) => services.users.resetTwoFactor(actorOf(req), req.params.id));

  app.post('/users/:id/end-sessions', {
    config: { stepUp: true },
    schema: { tags, summary: 'Sign the account out everywhere', params: idParams, response: { 200: endedSessions } },
  }, async (req) => services.users.endSessions(actorOf(req), req.params.id));
};
