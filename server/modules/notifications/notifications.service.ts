import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import { formatClock, parseClock } from '../../../core/rules/notification-delivery.ts';
import { normaliseVietnamesePhone } from '../../../core/rules/identity-documents.ts';
import type { Page } from '../../../core/schemas/common.ts';
import type {
  InboxMessageView,
  InboxMessageWithDeliveries,
  InboxQuery,
  NotificationChannel,
  NotificationPreferencesInput,
  NotificationPreferencesView,
} from '../../../core/schemas/notifications.ts';
import type { Db } from '../../db/database.ts';
import type { AuditTrailService } from '../audit/audit.module.ts';
import type { Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import type { DeliveryRepository, PreferencesRecord } from './delivery.repository.ts';
import type { NotificationDelivery } from './delivery.service.ts';
import { notificationMessages } from './notifications.messages.ts';
import { notificationsPolicy } from './notifications.policy.ts';
import { toDeliveryView, toInboxMessageView } from './notifications.presenter.ts';
import type { NotificationsRepository } from './notifications.repository.ts';

/** What a message says, before it is addressed: the same words on every channel. */
export interface MessageContent {
  /** What it is about, e.g. `report_reminder`, `report_returned`, `directive_received`. */
  kind: string;
  title: { vi: string; en: string };
  body: { vi: string; en: string };
  link?: string | null;
  /** Urgent messages are sent during the recipient's quiet hours too. */
  urgent?: boolean;
  /**
   * What makes two enqueues the same message, e.g. `report_reminder:<unit>:<period>:24h`. The
   * recipient and the channel are added here, so one key serves a message sent to several people
   * through several channels.
   */
  key: string;
}

/** A contact outside the accounts: a reporting unit's office phone and e-mail (either may be absent). */
export interface MessageContact {
  phone: string | null;
  email: string | null;
}

/** A message to one official through one channel, before it is written to the outbox. */
export interface OutgoingMessage extends MessageContent {
  recipientUserId: string;
  channel: NotificationChannel;
}

const emailAddress = z.string().email();

/**
 * Notifications: the durable outbox every module writes its messages to, the official's in-app
 * inbox, and their channel preferences. `notify` addresses a message to officials through the inbox
 * and the channels each chose; SMS and e-mail rows are then sent by `NotificationDelivery` from the
 * job queue. An in-app message is delivered by being written.
 */
export class NotificationsService {
  constructor(
    private readonly db: Db,
    private readonly messages: NotificationsRepository,
    private readonly prefs: DeliveryRepository,
    private readonly delivery: NotificationDelivery,
    private readonly audit: AuditTrailService,
  ) {}

  /**
   * Writes a message once: enqueueing it again (a scheduler's second run, a retried transaction)
   * answers the same id with `created: false`. Takes the caller's transaction handle, so the message
   * (and, for SMS and e-mail, its delivery job) exists exactly when the change it announces is committed.
   */
  async enqueue(db: Db, m: OutgoingMessage): Promise<{ id: string; created: boolean }> {
    const inApp = m.channel === 'in_app';
    const written = await this.messages.insertOnce(db, {
      recipient_user_id: m.recipientUserId,
      channel: m.channel,
      kind: m.kind,
      title: JSON.stringify(m.title),
      body: JSON.stringify(m.body),
      link: m.link ?? null,
      urgent: m.urgent ?? false,
      message_key: `${m.key}:${m.recipientUserId}`,
      dedupe_key: `${m.key}:${m.recipientUserId}:${m.channel}`,
      status: inApp ? 'sent' : 'pending',
      sent_at: inApp ? new Date() : null,
    });
    if (written.created && !inApp) await this.delivery.schedule(db, written.id, m.recipientUserId, m.urgent ?? false);
    return written;
  }

  /**
   * Sends a message to officials: to each one's inbox, and by SMS and e-mail when they chose them
   * (and gave an address) and the installation can send them. Once per key, recipient and channel.
   * Answers how many rows it wrote per channel (0 for a repeat).
   */
  async notify(
    db: Db,
    recipientUserIds: readonly string[],
    m: MessageContent,
  ): Promise<Record<NotificationChannel, number>> {
    const written = { in_app: 0, sms: 0, email: 0 };
    const unique = [...new Set(recipientUserIds)];
    const prefs = new Map((await this.prefs.preferences(db, unique)).map((p) => [p.user_id, p]));
    for (const userId of unique) {
      const p = prefs.get(userId);
      const channels: NotificationChannel[] = ['in_app'];
      if (p?.sms && p.phone && this.delivery.available('sms')) channels.push('sms');
      if (p?.email && p.email_address && this.delivery.available('email')) channels.push('email');
      for (const channel of channels) {
        if ((await this.enqueue(db, { ...m, recipientUserId: userId, channel })).created) written[channel]++;
      }
    }
    return written;
  }

  /**
   * Sends a message to contacts outside the accounts (a reporting unit's office phone and e-mail):
   * by SMS to each phone and by e-mail to each address, when the installation can send them; in no
   * inbox. Once per key, address and channel. Answers how many rows it wrote per channel.
   */
  async notifyContacts(
    db: Db,
    contacts: readonly MessageContact[],
    m: MessageContent,
  ): Promise<Record<NotificationChannel, number>> {
    const written = { in_app: 0, sms: 0, email: 0 };
    const addressed = new Map<string, 'sms' | 'email'>();
    for (const c of contacts) {
      const phone = c.phone ? normaliseVietnamesePhone(c.phone) : null;
      if (phone && this.delivery.available('sms')) addressed.set(phone, 'sms');
      if (c.email && emailAddress.safeParse(c.email).success && this.delivery.available('email'))
        addressed.set(c.email.toLowerCase(), 'email');
    }
    for (const [address, channel] of addressed) {
      const row = await this.messages.insertOnce(db, {
        recipient_user_id: null,
        address,
        channel,
        kind: m.kind,
        title: JSON.stringify(m.title),
        body: JSON.stringify(m.body),
        link: m.link ?? null,
        urgent: m.urgent ?? false,
        message_key: `${m.key}:${address}`,
        dedupe_key: `${m.key}:${address}:${channel}`,
        status: 'pending',
      });
      if (row.created) {
        await this.delivery.schedule(db, row.id, null, m.urgent ?? false);
        written[channel]++;
      }
    }
    return written;
  }

  async inbox(actor: Actor, q: InboxQuery): Promise<Page<InboxMessageView>> {
    if (!notificationsPolicy.readInbox(actor)) throw new AppError('FORBIDDEN');
    const rows = await this.messages.inbox(this.db, {
      userId: actor.userId,
      unread: q.unread,
      after: q.after,
      limit: q.limit,
    });
    const page = toPage(rows, q.limit, (r) => [r.created_key, r.id]);
    return { items: page.items.map((r) => toInboxMessageView(r, actor.locale)), nextCursor: page.nextCursor };
  }

  /** One of the caller's messages and how it went out by SMS and e-mail; anyone else's is not found. */
  async message(actor: Actor, id: string): Promise<InboxMessageWithDeliveries> {
    if (!notificationsPolicy.readInbox(actor)) throw new AppError('FORBIDDEN');
    const row = await this.messages.findInInbox(this.db, actor.userId, id);
    if (!row) throw new AppError('NOT_FOUND');
    const deliveries = row.message_key ? await this.prefs.deliveries(this.db, actor.userId, [row.message_key]) : [];
    return { ...toInboxMessageView(row, actor.locale), deliveries: deliveries.map(toDeliveryView) };
  }

  /** Marks one of the caller's own messages read; anyone else's is not found. */
  async markRead(actor: Actor, id: string): Promise<InboxMessageView> {
    if (!notificationsPolicy.readInbox(actor)) throw new AppError('FORBIDDEN');
    return this.db.transaction().execute(async (trx) => {
      if (!(await this.messages.findInInbox(trx, actor.userId, id))) throw new AppError('NOT_FOUND');
      await this.messages.markRead(trx, actor.userId, id);
      return toInboxMessageView((await this.messages.findInInbox(trx, actor.userId, id))!, actor.locale);
    });
  }

  async preferences(actor: Actor): Promise<NotificationPreferencesView> {
    if (!notificationsPolicy.ownPreferences(actor)) throw new AppError('FORBIDDEN');
    const [p] = await this.prefs.preferences(this.db, [actor.userId]);
    return this.toPreferencesView(p);
  }

  /**
   * Sets the caller's channels and quiet hours. A channel turned on needs its address (checked and
   * normalised: +84… for a phone) and an installation that can send on it; nothing is written otherwise.
   */
  async savePreferences(actor: Actor, input: NotificationPreferencesInput): Promise<NotificationPreferencesView> {
    if (!notificationsPolicy.ownPreferences(actor)) throw new AppError('FORBIDDEN');
    const m = notificationMessages[actor.locale];
    const errors: { path: string; message: string }[] = [];
    const phone = input.phone ? normaliseVietnamesePhone(input.phone) : null;
    if (input.phone && !phone) errors.push({ path: 'phone', message: m.badPhone });
    else if (input.sms && !phone) errors.push({ path: 'phone', message: m.phoneRequired });
    else if (input.sms && !this.delivery.available('sms')) errors.push({ path: 'sms', message: m.smsUnavailable });
    const email = input.emailAddress ? input.emailAddress.toLowerCase() : null;
    if (email && !emailAddress.safeParse(email).success) errors.push({ path: 'emailAddress', message: m.badEmail });
    else if (input.email && !email) errors.push({ path: 'emailAddress', message: m.emailRequired });
    else if (input.email && !this.delivery.available('email'))
      errors.push({ path: 'email', message: m.emailUnavailable });
    if (errors.length) throw new AppError('VALIDATION_FAILED', errors);

    return this.db.transaction().execute(async (trx) => {
      const [before] = await this.prefs.preferences(trx, [actor.userId]);
      await this.prefs.savePreferences(trx, {
        user_id: actor.userId,
        sms: input.sms,
        phone,
        email: input.email,
        email_address: email,
        quiet_start_minute: input.quietHours ? parseClock(input.quietHours.start) : null,
        quiet_end_minute: input.quietHours ? parseClock(input.quietHours.end) : null,
      });
      const [after] = await this.prefs.preferences(trx, [actor.userId]);
      await this.audit.record(trx, actor, {
        action: 'update',
        entityType: 'notification_preferences',
        entityId: actor.userId,
        localityCode: actor.scope.code,
        localityPath: actor.scope.path,
        before: before ? this.toPreferencesView(before) : null,
        after: this.toPreferencesView(after),
      });
      return this.toPreferencesView(after);
    });
  }

  private toPreferencesView(p: PreferencesRecord | undefined): NotificationPreferencesView {
    const quiet = this.delivery.quietHoursOf(p);
    return {
      sms: p?.sms ?? false,
      phone: p?.phone ?? null,
      email: p?.email ?? false,
      emailAddress: p?.email_address ?? null,
      quietHours: { start: formatClock(quiet.startMinute), end: formatClock(quiet.endMinute) },
      quietHoursAreDefault: p?.quiet_start_minute == null,
      available: { sms: this.delivery.available('sms'), email: this.delivery.available('email') },
    };
  }
}
