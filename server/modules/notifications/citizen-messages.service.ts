import { nextAttempt, parseClock, quietHoursEnd } from '../../../core/rules/notification-delivery.ts';
import type { Db } from '../../db/database.ts';
import type { JobQueue } from '../../jobs/job-queue.ts';
import type { ChannelSender } from './channels.ts';
import type { CitizenMessagesRepository } from './citizen-messages.repository.ts';
import type { DeliverySettings } from './delivery.service.ts';
import { deliveryReasons } from './notifications.messages.ts';

export const CITIZEN_SMS_QUEUE = 'citizen-sms';

/**
 * SMS to people (issue 20: a confirmed close contact who agreed to alerts), through the same
 * gateway and job queue as officials' SMS: written once per key in the caller's transaction, sent
 * outside the installation's quiet hours, the gateway given `<id>:sms` as idempotency key, retried
 * with the officials' backoff and recorded failed after the last attempt.
 */
export class CitizenMessages {
  constructor(
    private readonly db: Db,
    private readonly repo: CitizenMessagesRepository,
    private readonly queue: JobQueue,
    private readonly sms: ChannelSender | null,
    private readonly settings: DeliverySettings,
    private readonly now: () => Date = () => new Date(),
  ) {
    queue.define<{ id: string }>({ name: CITIZEN_SMS_QUEUE, handle: (job) => this.deliver(job.data.id) });
  }

  /** Whether an SMS can leave the platform at all (a gateway is configured). */
  get available(): boolean {
    return this.sms !== null;
  }

  private quietUntil(at: Date): Date | null {
    const q = this.settings.notifications.quietHours;
    return quietHoursEnd(at, { startMinute: parseClock(q.start)!, endMinute: parseClock(q.end)! });
  }

  /** Writes the message once per key and queues it; answers whether it was new. */
  async send(
    db: Db,
    m: { personId: string; kind: string; phone: string; body: string; key: string },
  ): Promise<boolean> {
    const id = await this.repo.insertOnce(db, m);
    if (!id) return false;
    const later = this.quietUntil(this.now());
    await this.queue.send(db, CITIZEN_SMS_QUEUE, { id }, { startAfter: later ?? undefined });
    return true;
  }

  /** One attempt at one message; failures are recorded, never thrown. */
  async deliver(id: string): Promise<void> {
    const row = await this.repo.claim(this.db, id);
    if (!row) return;
    if (!this.sms) return this.repo.record(this.db, id, 'failed', deliveryReasons.smsOff);
    try {
      await this.sms.send({ key: `${id}:sms`, to: row.phone, subject: '', text: row.body });
    } catch (err) {
      const error = (err instanceof Error ? err.message : String(err)).slice(0, 500) || 'failed';
      const next = nextAttempt(row.attempts, this.now(), this.settings.notifications.retry);
      if (!next) return this.repo.record(this.db, id, 'failed', error);
      await this.db.transaction().execute(async (trx) => {
        await this.repo.record(trx, id, 'pending', error);
        await this.queue.send(trx, CITIZEN_SMS_QUEUE, { id }, { startAfter: next });
      });
      return;
    }
    await this.repo.record(this.db, id, 'sent', null);
  }

  /** Runs the sends due now (tests; the server's workers poll instead). */
  drain(): Promise<number> {
    return this.queue.drain(CITIZEN_SMS_QUEUE);
  }
}
