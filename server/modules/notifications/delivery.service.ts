import { nextAttempt, quietHoursEnd, parseClock, type QuietHours } from '../../../core/rules/notification-delivery.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { JobQueue } from '../../jobs/job-queue.ts';
import type { ChannelSender } from './channels.ts';
import type { DeliveryRepository, PreferencesRecord } from './delivery.repository.ts';
import { deliveryReasons } from './notifications.messages.ts';
import { deliveryText, type Bilingual } from './notifications.presenter.ts';

export const DELIVERY_QUEUE = 'notification-delivery';
interface DeliveryJob {
  messageId: string;
}

/** How long a sender holds a row while it sends: longer than the SMTP and webhook timeouts. */
const LEASE_SECONDS = 120;

export interface DeliverySettings {
  notifications: Config['notifications'];
  publicUrl?: string;
}

/**
 * Sends the outbox's SMS and e-mail rows, one job per row on the durable queue. Each row is sent
 * once (a lease taken before sending, the idempotency key `<message>:<channel>` given to the
 * gateway), outside the recipient's quiet hours unless urgent, and on failure retried with
 * exponential backoff until the last attempt, when it is recorded failed with the reason.
 */
export class NotificationDelivery {
  constructor(
    private readonly db: Db,
    private readonly repo: DeliveryRepository,
    private readonly queue: JobQueue,
    private readonly channels: { sms: ChannelSender | null; email: ChannelSender | null },
    private readonly settings: DeliverySettings,
    private readonly now: () => Date = () => new Date(),
  ) {
    queue.define<DeliveryJob>({ name: DELIVERY_QUEUE, handle: (job) => this.deliver(job.data.messageId) });
  }

  /** Whether the installation can send on the channel at all (a gateway, an SMTP server). */
  available(channel: 'sms' | 'email'): boolean {
    return this.channels[channel] !== null;
  }

  /** The official's quiet hours, or the installation's default. */
  quietHoursOf(p: Pick<PreferencesRecord, 'quiet_start_minute' | 'quiet_end_minute'> | undefined): QuietHours {
    if (p && p.quiet_start_minute !== null && p.quiet_end_minute !== null)
      return { startMinute: p.quiet_start_minute, endMinute: p.quiet_end_minute };
    const d = this.settings.notifications.quietHours;
    return { startMinute: parseClock(d.start)!, endMinute: parseClock(d.end)! };
  }

  /**
   * Queues the first attempt of a row just written, in the caller's transaction: now, or at the end
   * of the recipient's quiet hours for a message that is not urgent.
   */
  async schedule(db: Db, messageId: string, recipientUserId: string | null, urgent: boolean): Promise<void> {
    const now = this.now();
    // A contact's row (no account): the installation's quiet hours.
    const [pref] = recipientUserId ? await this.repo.preferences(db, [recipientUserId]) : [];
    const later = urgent ? null : quietHoursEnd(now, this.quietHoursOf(pref));
    if (later) await this.repo.record(db, messageId, { status: 'pending', attempted: false, nextAttemptAt: later });
    await this.queue.send(db, DELIVERY_QUEUE, { messageId }, { startAfter: later ?? undefined });
  }

  /** The job: one attempt at one row. Delivery failures are recorded, never thrown. */
  async deliver(messageId: string): Promise<void> {
    const row = await this.repo.claim(this.db, messageId, LEASE_SECONDS);
    if (!row || row.channel === 'in_app') return;
    const channel = row.channel;
    const contact = row.recipient_user_id === null;
    const [pref] = contact ? [] : await this.repo.preferences(this.db, [row.recipient_user_id!]);
    const now = this.now();
    // Preferences may have changed since the message was queued: the quiet hours are checked again.
    const quietUntil = row.urgent ? null : quietHoursEnd(now, this.quietHoursOf(pref));
    if (quietUntil) return this.retryAt(messageId, quietUntil, { attempted: false });

    const sender = this.channels[channel];
    if (!sender) {
      const error = channel === 'sms' ? deliveryReasons.smsOff : deliveryReasons.emailOff;
      return this.repo.record(this.db, messageId, { status: 'failed', attempted: false, error });
    }
    // A contact's row carries its address; an official's follows their preferences as they are now.
    const enabled = contact || (channel === 'sms' ? pref?.sms : pref?.email);
    const address = contact ? row.address : channel === 'sms' ? pref?.phone : pref?.email_address;
    if (!enabled || !address) {
      const error = enabled ? deliveryReasons.noAddress : deliveryReasons.turnedOff;
      return this.repo.record(this.db, messageId, { status: 'cancelled', attempted: false, error });
    }

    const text = deliveryText(
      { title: row.title as Bilingual, body: row.body as Bilingual, link: row.link },
      channel,
      this.settings.publicUrl,
    );
    try {
      await sender.send({ key: `${row.id}:${channel}`, to: address, ...text });
    } catch (err) {
      const error = (err instanceof Error ? err.message : String(err)).slice(0, 500) || 'failed';
      const next = nextAttempt(row.attempts + 1, now, this.settings.notifications.retry);
      if (!next) return this.repo.record(this.db, messageId, { status: 'failed', attempted: true, address, error });
      return this.retryAt(messageId, next, { attempted: true, address, error });
    }
    await this.repo.record(this.db, messageId, { status: 'sent', attempted: true, address, error: null });
  }

  /** Records the outcome and queues the next attempt in one transaction: a crash loses neither. */
  private async retryAt(
    messageId: string,
    at: Date,
    o: { attempted: boolean; address?: string; error?: string },
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await this.repo.record(trx, messageId, { status: 'pending', nextAttemptAt: at, ...o });
      await this.queue.send(trx, DELIVERY_QUEUE, { messageId }, { startAfter: at });
    });
  }

  /**
   * Queues again the rows whose job was lost (a restore, a queue emptied by hand). A row whose job is
   * only late gets a second one, which finds it sent or claimed and does nothing.
   */
  async requeueStranded(graceMinutes = 30): Promise<number> {
    const ids = await this.repo.strandedMessages(this.db, graceMinutes, 1000);
    for (const messageId of ids) await this.queue.send(this.db, DELIVERY_QUEUE, { messageId });
    return ids.length;
  }

  /** Runs the deliveries due now (tests; the server's workers poll instead). */
  drain(): Promise<number> {
    return this.queue.drain(DELIVERY_QUEUE);
  }
}
