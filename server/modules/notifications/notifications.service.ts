import { AppError } from '../../../core/errors.ts';
import type { Page } from '../../../core/schemas/common.ts';
import type { InboxMessageView, InboxQuery, NotificationChannel } from '../../../core/schemas/notifications.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import { notificationsPolicy } from './notifications.policy.ts';
import { toInboxMessageView } from './notifications.presenter.ts';
import type { NotificationsRepository } from './notifications.repository.ts';

/** A message to one official, before it is written to the outbox. */
export interface OutgoingMessage {
  recipientUserId: string;
  channel: NotificationChannel;
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

/**
 * Notifications: the durable outbox every module writes its messages to, and the official's in-app
 * inbox. Sending SMS and e-mail from the outbox (with retries and backoff) is not built yet: those
 * rows wait `pending`. An in-app message is delivered by being written.
 */
export class NotificationsService {
  constructor(
    private readonly db: Db,
    private readonly messages: NotificationsRepository,
  ) {}

  /**
   * Writes a message once: enqueueing it again (a scheduler's second run, a retried transaction)
   * answers the same id with `created: false`. Takes the caller's transaction handle, so the message
   * exists exactly when the change it announces is committed.
   */
  async enqueue(db: Db, m: OutgoingMessage): Promise<{ id: string; created: boolean }> {
    const inApp = m.channel === 'in_app';
    return this.messages.insertOnce(db, {
      recipient_user_id: m.recipientUserId,
      channel: m.channel,
      kind: m.kind,
      title: JSON.stringify(m.title),
      body: JSON.stringify(m.body),
      link: m.link ?? null,
      urgent: m.urgent ?? false,
      dedupe_key: `${m.key}:${m.recipientUserId}:${m.channel}`,
      status: inApp ? 'sent' : 'pending',
      sent_at: inApp ? new Date() : null,
    });
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

  /** Marks one of the caller's own messages read; anyone else's is not found. */
  async markRead(actor: Actor, id: string): Promise<InboxMessageView> {
    if (!notificationsPolicy.readInbox(actor)) throw new AppError('FORBIDDEN');
    return this.db.transaction().execute(async (trx) => {
      if (!(await this.messages.findInInbox(trx, actor.userId, id))) throw new AppError('NOT_FOUND');
      await this.messages.markRead(trx, actor.userId, id);
      return toInboxMessageView((await this.messages.findInInbox(trx, actor.userId, id))!, actor.locale);
    });
  }
}
