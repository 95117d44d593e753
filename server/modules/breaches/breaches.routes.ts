import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { breachView, createBreachRequest, listBreachesQuery, updateBreachRequest } from '../../../core/schemas/breaches.ts';
import { pageOf } from '../../../core/schemas/common.ts';
import { actorOf, sendXlsx } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';

const idParams = z.object({ id: z.string().uuid() });

export const breachesRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  const tags = ['breaches'];
  const svc = services.breaches;

  app.get('/breaches', {
    schema: { tags, summary: 'Personal-data breaches, most recently detected first (keyset paged), with their 72-hour deadline', querystring: listBreachesQuery, response: { 200: pageOf(breachView) } },
  }, async (req) => svc.list(actorOf(req), req.query));

  app.get('/breaches/export.xlsx', {
    schema: { tags, summary: 'Export the breach register to Excel', querystring: listBreachesQuery.omit({ after: true, limit: true }) },
  }, async (req, reply) => sendXlsx(reply, await svc.exportXlsx(actorOf(req), req.query)));

  app.post('/breaches', {
    schema: { tags, summary: 'Record a personal-data breach (the same client key again answers with the first record)', body: createBreachRequest, response: { 201: breachView } },
  }, async (req, reply) => reply.status(201).send(await svc.create(actorOf(req), req.body)));

  app.get('/breaches/:id', {
    schema: { tags, summary: 'One breach with its deadline', params: idParams, response: { 200: breachView } },
  }, async (req) => svc.get(actorOf(req), req.params.id));

  app.patch('/breaches/:id', {
    schema: { tags, summary: 'Complete a breach record; mark it notified (when) or closed', params: idParams, body: updateBreachRequest, response: { 200: breachView } },
  }, async (req) => svc.update(actorOf(req), req.params.id, req.body));

  app.get('/breaches/:id/notification.pdf', {
    schema: { tags, summary: 'The notification to the authority (THÔNG BÁO vi phạm quy định về bảo vệ dữ liệu cá nhân), Decree 30 layout', params: idParams },
  }, async (req, reply) => {
    const file = await svc.notificationPdf(actorOf(req), req.params.id);
    return reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="${file.filename}"`)
      .header('cache-control', 'no-store').send(file.body);
  });
};
