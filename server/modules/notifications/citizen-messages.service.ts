import { nextAttempt, parseClock, quietHoursEnd } from '../../../core/rules/notification-delivery.ts';
import type { Db } from '../../db/database.ts';
import type { JobQueue } from '../../jobs/job-queue.ts';
import type { ChannelSender } from './channels.ts';
import type { CitizenMessagesRepository } from './citizen-messages.repository.ts';
import type { DeliverySettings } from './delivery.service.ts';
import { deliveryReasons } from './notifications.messages.ts';
import { pushEndpointAllowed, type PushSender, type PushTarget } from './push-channel.ts';

export const CITIZEN_SMS_QUEUE = 'citizen-sms';

/** How long a push service keeps an alert for a phone that is off: the alert is still worth it a day later. */
const PUSH_TTL_SECONDS = 24 * 3600;

/** What the service worker shows: a title, a text and where a tap leads. */
export interface PushAlert {
  title: string;
  body: string;
  url: string;
}

/**
 * Alerts to people (issue 20: a confirmed close contact who agreed to alerts), by SMS through the
 * same gateway and job queue as officials' SMS, and by web push to the browsers they chose: written
 * once per key in the caller's transaction, sent outside the installation's quiet hours (SMS; a
 * push is silent until the phone shows it), the gateway given `<id>:sms` as idempotency key,
 * retried with the officials' backoff and recorded failed after the last attempt.
 */
export class CitizenMessages {
  constructor(
    private readonly db: Db,
    private readonly repo: CitizenMessagesRepository,
    private readonly queue: JobQueue,
    private readonly channels: { sms: ChannelSender | null; push: PushSender | null },
    private readonly settings: DeliverySettings,
    private readonly now: () => Date = () => new Date(),
  ) {
    queue.define<{ id: string }>({ name: CITIZEN_SMS_QUEUE, handle: (job) => this.deliver(job.data.id) });
  }

  /** Whether an SMS can leave the platform at all (a gateway is configured). */
  get available(): boolean {
    return this.channels.sms !== null;
  }

  /** The VAPID public key browsers subscribe with; none when push is off. */
  get pushPublicKey(): string | null {
    return this.channels.push?.publicKey ?? null;
  }

  /** Whether a browser's endpoint is one of the push services the server may call. */
  pushEndpointAllowed(endpoint: string, hosts: readonly string[]): boolean {
    return pushEndpointAllowed(endpoint, hosts);
  }

  /** A person's browsers: at most five, the oldest forgotten first (a phone replaced, a browser reset). */
  async saveSubscription(
    db: Db,
    s: { personId: string; endpoint: string; p256dh: string; auth: string; locale: 'vi' | 'en' },
  ): Promise<void> {
    await this.repo.saveSubscription(db, s);
    await this.repo.keepNewest(db, s.personId, 5);
  }

  removeSubscription(db: Db, endpoint: string, personId: string): Promise<number> {
    return this.repo.removeSubscription(db, endpoint, personId);
  }

  /** The language of each person's first push subscription; people who chose no browser are absent. */
  async pushLocalesOfMany(db: Db, personIds: readonly string[]): Promise<Map<string, 'vi' | 'en'>> {
    const first = new Map<string, 'vi' | 'en'>();
    if (personIds.length === 0) return first;
    for (const s of await this.repo.localesOf(db, personIds))
      if (!first.has(s.person_id)) first.set(s.person_id, s.locale);
    return first;
  }

  /** A push alert to every browser of the person, once per key; false when repeated or push is off. */
  async sendPush(db: Db, m: { personId: string; kind: string; alert: PushAlert; key: string }): Promise<boolean> {
    if (!this.channels.push) return false;
    const id = await this.repo.insertOnce(db, {
      personId: m.personId,
      kind: m.kind,
      channel: 'push',
      phone: null,
      body: JSON.stringify(m.alert),
      key: m.key,
    });
    if (!id) return false;
    await this.queue.send(db, CITIZEN_SMS_QUEUE, { id });
    return true;
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
    const id = await this.repo.insertOnce(db, { ...m, channel: 'sms' });
    if (!id) return false;
    const later = this.quietUntil(this.now());
    await this.queue.send(db, CITIZEN_SMS_QUEUE, { id }, { startAfter: later ?? undefined });
    return true;
  }

  /** One attempt at one message; failures are recorded, never thrown. */
  async deliver(id: string): Promise<void> {
    const row = await this.repo.claim(this.db, id);
    if (!row) return;
    try {
      if (row.channel === 'push') {
        if (!(await this.push(row.person_id, row.body, id)))
          return this.repo.record(this.db, id, 'failed', 'no browser');
      } else {
        if (!this.channels.sms || !row.phone) return this.repo.record(this.db, id, 'failed', deliveryReasons.smsOff);
        await this.channels.sms.send({ key: `${id}:sms`, to: row.phone, subject: '', text: row.body });
      }
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

  /**
   * To every subscription of the person: gone ones are removed; a failure of any other throws so
   * the whole message is retried (the push services drop a repeat with the same topic). Answers
   * whether any browser took it.
   */
  private async push(personId: string, body: string, id: string): Promise<boolean> {
    const sender = this.channels.push;
    if (!sender) return false;
    const targets: PushTarget[] = await this.repo.subscriptionsOf(this.db, personId);
    let delivered = 0;
    for (const target of targets) {
      const outcome = await sender.send(target, body, { ttlSeconds: PUSH_TTL_SECONDS, topic: pushTopic(id) });
      if (outcome === 'gone') await this.repo.removeSubscription(this.db, target.endpoint);
      else delivered++;
    }
    return delivered > 0;
  }

  /** Runs the sends due now (tests; the server's workers poll instead). */
  drain(): Promise<number> {
    return this.queue.drain(CITIZEN_SMS_QUEUE);
  }
}

/** A push topic (≤ 32 URL-safe characters): a resend replaces the first alert on the push service. */
const pushTopic = (id: string) => id.replace(/-/g, '').slice(0, 32);
