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

/** How one message went out on one channel besides the inbox: SMS or e-mail. */
export const deliveryView = z.object({
  channel: z.enum(['sms', 'email']),
  /** pending (waiting: quiet hours or a retry), sent, failed (after the last attempt), cancelled (channel turned off). */
  status: z.enum(['pending', 'sent', 'failed', 'cancelled']),
  attempts: z.number().int(),
  /** Why the last attempt failed, when it did. */
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  sentAt: z.string().nullable(),
});
export type DeliveryView = z.infer<typeof deliveryView>;

export const inboxMessageWithDeliveries = inboxMessageView.extend({ deliveries: z.array(deliveryView) });
export type InboxMessageWithDeliveries = z.infer<typeof inboxMessageWithDeliveries>;

const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ dạng HH:MM, ví dụ 22:00 / a time as HH:MM, e.g. 22:00');

/** An official's channels: the inbox is always on; SMS and e-mail when they give where to send them. */
export const notificationPreferencesInput = z.object({
  sms: z.boolean(),
  phone: z.string().trim().max(30).nullable(),
  email: z.boolean(),
  emailAddress: z.string().trim().max(254).nullable(),
  /** Viet Nam time; null: the installation's default (22:00–06:00 unless configured). Urgent messages ignore them. */
  quietHours: z.object({ start: clockTime, end: clockTime }).nullable(),
});
export type NotificationPreferencesInput = z.infer<typeof notificationPreferencesInput>;

export const notificationPreferencesView = z.object({
  sms: z.boolean(),
  phone: z.string().nullable(),
  email: z.boolean(),
  emailAddress: z.string().nullable(),
  /** The quiet hours in force: the official's own, or the default. */
  quietHours: z.object({ start: z.string(), end: z.string() }),
  quietHoursAreDefault: z.boolean(),
  /** Whether the installation can send by SMS (an SMS gateway) and by e-mail (an SMTP server) at all. */
  available: z.object({ sms: z.boolean(), email: z.boolean() }),
});
export type NotificationPreferencesView = z.infer<typeof notificationPreferencesView>;
