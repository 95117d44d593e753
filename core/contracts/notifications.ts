import { z } from 'zod';
import { defineRoutes } from './contract.ts';
import {
  inboxMessageView,
  inboxMessageWithDeliveries,
  inboxQuery,
  notificationPreferencesInput,
  notificationPreferencesView,
} from '../schemas/notifications.ts';
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
  getInboxById: {
    method: 'GET',
    path: '/inbox/:id',
    summary: 'One of the caller’s messages, with how it went out by SMS and e-mail (status, attempts, last error)',
    params: z.object({ id: z.string().uuid() }),
    answer: inboxMessageWithDeliveries,
  },
  getNotificationPreferences: {
    method: 'GET',
    path: '/notification-preferences',
    summary: "The caller's notification channels and quiet hours",
    answer: notificationPreferencesView,
  },
  putNotificationPreferences: {
    method: 'PUT',
    path: '/notification-preferences',
    summary: "Set the caller's channels (SMS, e-mail; the inbox is always on) and quiet hours",
    body: notificationPreferencesInput,
    answer: notificationPreferencesView,
  },
});
