import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { JobQueue } from '../../jobs/job-queue.ts';
import type { AuditTrailService } from '../audit/audit.module.ts';
import { emailChannel, smsChannel, type ChannelSender, type SmsGateway } from './channels.ts';
import { CitizenMessagesRepository } from './citizen-messages.repository.ts';
import { CitizenMessages } from './citizen-messages.service.ts';
import { vapidKeys, webPushSender, type PushSender } from './push-channel.ts';
import { DeliveryRepository } from './delivery.repository.ts';
import { NotificationDelivery } from './delivery.service.ts';
import { NotificationsRepository } from './notifications.repository.ts';
import { NotificationsService } from './notifications.service.ts';
import { ReminderService } from './reminders.service.ts';

export type { MessageContact, MessageContent, OutgoingMessage } from './notifications.service.ts';
export type { ChannelSender } from './channels.ts';
export type { ReminderCondition, ReminderRequest, ReminderScheduler } from './reminders.service.ts';
export type { NotificationsService, NotificationDelivery, ReminderService, CitizenMessages };
export type { PushAlert } from './citizen-messages.service.ts';

export interface NotificationsServices {
  notifications: NotificationsService;
  /** Sends the outbox's SMS and e-mail rows from the job queue. */
  notificationDelivery: NotificationDelivery;
  /** Scheduled reminders with a condition re-checked when they fall due. */
  reminders: ReminderService;
  /** SMS to people (a confirmed close contact who agreed to alerts), once per key. */
  citizenMessages: CitizenMessages;
}

export function createNotificationsModule(o: {
  db: Db;
  config: Pick<Config, 'notifications' | 'publicUrl' | 'push'>;
  /** The instance secret: the VAPID key pair of web push is derived from it unless configured. */
  secret: string;
  jobQueue: JobQueue;
  audit: AuditTrailService;
  /** The SMS gateway of one-time codes; null when none is configured (the SMS channel is then off). */
  smsGateway: SmsGateway | null;
  /** Tests replace the ways out (a failing gateway); by default the configured ones. */
  channels?: { sms: ChannelSender | null; email: ChannelSender | null; push?: PushSender | null };
  now?: () => Date;
  log?: (line: string) => void;
}): NotificationsServices {
  const email = o.config.notifications.email;
  const channels = o.channels ?? {
    sms: o.smsGateway ? smsChannel(o.smsGateway) : null,
    email: email ? emailChannel(email) : null,
  };
  // Said once at start, so an administrator knows which channels reach people.
  o.log?.(
    `notifications: inbox on; SMS ${channels.sms ? 'on (webhook)' : 'off (PHONGDICH_SMS_WEBHOOK_URL not set)'}; ` +
      `e-mail ${channels.email ? `on (${email ? `${email.host}:${email.port}` : 'custom'})` : 'off (PHONGDICH_SMTP_HOST not set)'}`,
  );
  const repo = new DeliveryRepository();
  const delivery = new NotificationDelivery(
    o.db,
    repo,
    o.jobQueue,
    channels,
    {
      notifications: o.config.notifications,
      publicUrl: o.config.publicUrl,
    },
    o.now,
  );
  const notifications = new NotificationsService(o.db, new NotificationsRepository(), repo, delivery, o.audit);
  return {
    notifications,
    notificationDelivery: delivery,
    reminders: new ReminderService(o.db, repo, o.jobQueue, notifications),
    citizenMessages: new CitizenMessages(
      o.db,
      new CitizenMessagesRepository(),
      o.jobQueue,
      {
        sms: channels.sms,
        push:
          channels.push !== undefined
            ? channels.push
            : webPushSender(
                vapidKeys({
                  subject: o.config.push.subject,
                  privateKey: o.config.push.vapidPrivateKey,
                  secret: o.secret,
                }),
                o.config.push.hosts,
              ),
      },
      { notifications: o.config.notifications, publicUrl: o.config.publicUrl },
      o.now,
    ),
  };
}
