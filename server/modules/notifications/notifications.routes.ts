import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notificationsContract } from '../../../core/contracts/notifications.ts';
import { route } from '../../http/contract-route.ts';
import { actorOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';

export const notificationsRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  const svc = services.notifications;

  route(app, notificationsContract.getInbox, async (req) => svc.inbox(actorOf(req), req.query));

  route(app, notificationsContract.postInboxByIdRead, async (req) => svc.markRead(actorOf(req), req.params.id));

  route(app, notificationsContract.getInboxById, async (req) => svc.message(actorOf(req), req.params.id));

  route(app, notificationsContract.getNotificationPreferences, async (req) => svc.preferences(actorOf(req)));

  route(app, notificationsContract.putNotificationPreferences, async (req) =>
    svc.savePreferences(actorOf(req), req.body),
  );
};
