import { z } from 'zod';
import { pageQuery, queryFlag } from './common.ts';

/** The in-app inbox of an official (issue 16): reminders, returns, directives addressed to them. */

export const notificationChannels = ['in_app', 'sms', 'email'] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

export const inboxQuery = pageQuery.extend({
  /** true: only the messages not read yet. */
  unread: queryFlag.optional(),
});
export type InboxQuery = z.infer<typeof inboxQuery>;

export const inboxMessageView = z.object({
  id: z.string().uuid(),
  kind: z.string(),
  /** In the reader's language. */
  title: z.string(),
  body: z.string(),
  /** A page of the staff application the message is about, when it has one. */
  link: z.string().nullable(),
  urgent: z.boolean(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type InboxMessageView = z.infer<typeof inboxMessageView>;
