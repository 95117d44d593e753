import type { Db } from '../../db/database.ts';
import type { JobQueue } from '../../jobs/job-queue.ts';
import type { DeliveryRepository, ReminderRecord } from './delivery.repository.ts';
import type { MessageContact, MessageContent, NotificationsService } from './notifications.service.ts';

export const REMINDER_QUEUE = 'notification-reminder';
interface ReminderJob {
  reminderId: string;
}

/**
 * Whether a reminder should still go out, asked when it falls due with the transaction that sends
 * it, e.g. "the report is still not submitted". Registered by name, since a queued job outlives the
 * process that scheduled it.
 */
export type ReminderCondition = (db: Db, params: Record<string, unknown>) => Promise<boolean>;

export interface ReminderRequest {
  /** Once per key: scheduling the same key again (the next scan) changes nothing. */
  key: string;
  /** When it falls due; in the past: as soon as a worker runs. */
  at: Date;
  recipientUserIds: readonly string[];
  /** Contacts outside the accounts (a reporting unit's office), reached by SMS and e-mail. */
  contacts?: readonly MessageContact[];
  message: Omit<MessageContent, 'key'>;
  /** A condition registered with `registerCondition`, and what it is about. */
  condition: { name: string; params: Record<string, unknown> };
}

/**
 * Scheduled reminders, the reusable piece every module uses (reports, inspections, plans,
 * organisations): a module schedules a reminder for officials at an instant, with a dedupe key and a
 * condition; when it falls due, the job queue runs it, the condition is checked again, and the
 * message is sent through `notify` (inbox, and SMS and e-mail as each official chose), or the
 * reminder is recorded skipped.
 */
/** The part of the reminders service a consumer module uses (wired by the composition root). */
export interface ReminderScheduler {
  registerCondition(name: string, condition: ReminderCondition): void;
  schedule(db: Db, r: ReminderRequest): Promise<{ created: boolean }>;
}

export class ReminderService {
  private readonly conditions = new Map<string, ReminderCondition>();

  constructor(
    private readonly db: Db,
    private readonly repo: DeliveryRepository,
    private readonly queue: JobQueue,
    private readonly notifications: NotificationsService,
  ) {
    queue.define<ReminderJob>({ name: REMINDER_QUEUE, handle: (job) => this.fire(job.data.reminderId) });
  }

  /** Registers a condition by name; at wiring time, by the module that owns what it checks. */
  registerCondition(name: string, condition: ReminderCondition): void {
    if (this.conditions.has(name)) throw new Error(`reminder condition ${name} is registered twice`);
    this.conditions.set(name, condition);
  }

  /**
   * Schedules a reminder once per key, in the caller's transaction when `db` is one. Answers whether
   * this call scheduled it.
   */
  async schedule(db: Db, r: ReminderRequest): Promise<{ created: boolean }> {
    if (!this.conditions.has(r.condition.name)) throw new Error(`unknown reminder condition ${r.condition.name}`);
    const id = await this.repo.insertReminder(db, {
      dedupe_key: r.key,
      condition: r.condition.name,
      params: JSON.stringify(r.condition.params),
      message: JSON.stringify(r.message),
      recipient_user_ids: [...new Set(r.recipientUserIds)],
      recipient_contacts: JSON.stringify(r.contacts ?? []),
      due_at: r.at,
    });
    if (id) await this.queue.send(db, REMINDER_QUEUE, { reminderId: id }, { startAfter: r.at });
    return { created: id !== null };
  }

  /** The job: decides a due reminder once, in one transaction with the messages it sends. */
  async fire(reminderId: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const reminder = await this.repo.scheduledReminder(trx, reminderId);
      if (!reminder) return;
      const condition = this.conditions.get(reminder.condition);
      // A condition no longer known (its module removed it) cannot be checked: nothing is sent.
      const holds = condition ? await condition(trx, reminder.params as Record<string, unknown>) : false;
      if (holds) {
        const message = reminder.message as Omit<MessageContent, 'key'>;
        const content = { ...message, key: `reminder:${reminder.dedupe_key}` };
        await this.notifications.notify(trx, reminder.recipient_user_ids, content);
        await this.notifications.notifyContacts(trx, reminder.recipient_contacts as MessageContact[], content);
      }
      await this.repo.decideReminder(trx, reminder.id, holds ? 'sent' : 'skipped');
    });
  }

  /** A reminder by its key (status: scheduled, sent, skipped). */
  find(db: Db, key: string): Promise<ReminderRecord | undefined> {
    return this.repo.reminderByKey(db, key);
  }

  /** Queues again the reminders whose job was lost (see `NotificationDelivery.requeueStranded`). */
  async requeueStranded(graceMinutes = 30): Promise<number> {
    const ids = await this.repo.strandedReminders(this.db, graceMinutes, 1000);
    for (const reminderId of ids) await this.queue.send(this.db, REMINDER_QUEUE, { reminderId });
    return ids.length;
  }

  /** Runs the reminders due now (tests; the server's workers poll instead). */
  drain(): Promise<number> {
    return this.queue.drain(REMINDER_QUEUE);
  }
}
