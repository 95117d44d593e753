import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pageOf } from '../../../core/schemas/common.ts';
import {
  createdUser, createUserRequest, listUsersQuery, resetPasswordResult, updateUserRequest, userView,
} from '../../../core/schemas/users.ts';
import { actorOf, sendXlsx } from '../../http/context.ts';
import type { RouteDeps } from '../../http/routes.ts';

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
    schema: { tags, summary: 'Create an account', body: createUserRequest, response: { 201: createdUser } },
  }, async (req, reply) => reply.status(201).send(await services.users.create(actorOf(req), req.body)));

  app.patch('/users/:id', {
    schema: { tags, summary: 'Change, disable or enable an account', params: idParams, body: updateUserRequest, response: { 200: userView } },
  }, async (req) => services.users.update(actorOf(req), req.params.id, req.body));

  app.post('/users/:id/reset-password', {
    schema: { tags, summary: 'Reset to a one-time password', params: idParams, response: { 200: resetPasswordResult } },
  }, async (req) => services.users.resetPassword(actorOf(req), req.params.id));
};
