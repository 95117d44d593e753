import { z } from 'zod';
import { defineRoutes } from './contract.ts';
import { inboxMessageView, inboxQuery } from '../schemas/notifications.ts';
import { pageOf } from '../schemas/common.ts';

export const notificationsContract = defineRoutes(['notifications'], {
  getInbox: {
    method: 'GET',
    path: '/inbox',
    summary: "The caller's own in-app messages, newest first (keyset paged)",
    query: inboxQuery,
    answer: pageOf(inboxMessageView),
  },
  postInboxByIdRead: {
    method: 'POST',
    path: '/inbox/:id/read',
    summary: 'Mark one of the caller’s messages as read (again: no change)',
    params: z.object({ id: z.string().uuid() }),
    answer: inboxMessageView,
  },
});
