import { sql, type Insertable, type Selectable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type {
  NotificationPreferencesTable,
  NotificationRemindersTable,
  NotificationStatus,
} from '../../db/schema-notifications.ts';

export type PreferencesRecord = Selectable<NotificationPreferencesTable>;
export type ReminderRecord = Selectable<NotificationRemindersTable>;

/** SQL of delivery: preferences, the senders' claims and outcomes, and scheduled reminders. */
export class DeliveryRepository {
  preferences(db: Db, userIds: readonly string[]): Promise<PreferencesRecord[]> {
    if (userIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('notification_preferences')
      .selectAll()
      .where('user_id', 'in', [...userIds])
      .execute();
  }

  async savePreferences(db: Db, p: Insertable<NotificationPreferencesTable>): Promise<void> {
    await db
      .insertInto('notification_preferences')
      .values(p)
      .onConflict((oc) =>
        oc.column('user_id').doUpdateSet({
          sms: p.sms,
          phone: p.phone,
          email: p.email,
          email_address: p.email_address,
          quiet_start_minute: p.quiet_start_minute,
          quiet_end_minute: p.quiet_end_minute,
          updated_at: sql<Date>`now()`,
        }),
      )
      .execute();
  }

  /**
   * Takes a pending SMS or e-mail row for `leaseSeconds`: answers it, or undefined when it is sent,
   * failed, cancelled or being sent by another worker (a duplicate job, a second node). The lease,
   * not a held transaction, guards the send: on PGlite a transaction held through an SMTP exchange
   * would hold the only connection.
   */
  claim(db: Db, id: string, leaseSeconds: number) {
    return db
      .updateTable('notification_messages')
      .set({ claimed_until: sql<Date>`now() + make_interval(secs => ${leaseSeconds})` })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where('channel', '<>', 'in_app')
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', sql<Date>`now()`)]))
      .returning(['id', 'recipient_user_id', 'address', 'channel', 'title', 'body', 'link', 'urgent', 'attempts'])
      .executeTakeFirst();
  }

  async record(
    db: Db,
    id: string,
    o: {
      status: NotificationStatus;
      attempted: boolean;
      address?: string | null;
      error?: string | null;
      nextAttemptAt?: Date;
    },
  ): Promise<void> {
    await db
      .updateTable('notification_messages')
      .set((eb) => ({
        status: o.status,
        attempts: o.attempted ? eb('attempts', '+', 1) : eb.ref('attempts'),
        claimed_until: null,
        ...(o.address !== undefined ? { address: o.address } : {}),
        ...(o.error !== undefined ? { last_error: o.error } : {}),
        ...(o.nextAttemptAt ? { next_attempt_at: o.nextAttemptAt } : {}),
        ...(o.status === 'sent' ? { sent_at: sql<Date>`now()` } : {}),
      }))
      .where('id', '=', id)
      .execute();
  }

  /** The SMS and e-mail rows of messages to one official, by message key. */
  deliveries(db: Db, userId: string, messageKeys: readonly string[]) {
    if (messageKeys.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('notification_messages')
      .select(['message_key', 'channel', 'status', 'attempts', 'last_error', 'next_attempt_at', 'sent_at'])
      .where('recipient_user_id', '=', userId)
      .where('message_key', 'in', [...messageKeys])
      .where('channel', '<>', 'in_app')
      .orderBy('channel')
      .execute();
  }

  /** Writes a reminder unless its dedupe key exists; answers its id when this call wrote it. */
  async insertReminder(db: Db, r: Insertable<NotificationRemindersTable>): Promise<string | null> {
    const row = await db
      .insertInto('notification_reminders')
      .values(r)
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id ?? null;
  }

  /** Takes a scheduled reminder for the decision (locked until the caller's transaction ends). */
  scheduledReminder(db: Db, id: string): Promise<ReminderRecord | undefined> {
    return db
      .selectFrom('notification_reminders')
      .selectAll()
      .where('id', '=', id)
      .where('status', '=', 'scheduled')
      .forUpdate()
      .executeTakeFirst();
  }

  reminderByKey(db: Db, dedupeKey: string): Promise<ReminderRecord | undefined> {
    return db.selectFrom('notification_reminders').selectAll().where('dedupe_key', '=', dedupeKey).executeTakeFirst();
  }

  async decideReminder(db: Db, id: string, status: 'sent' | 'skipped'): Promise<void> {
    await db
      .updateTable('notification_reminders')
      .set({ status, decided_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
  }

  /**
   * SMS and e-mail rows still pending well after their attempt was due, and not being sent: their
   * job was lost (a restore from a backup, which holds the outbox but not the queue).
   */
  async strandedMessages(db: Db, graceMinutes: number, limit: number): Promise<string[]> {
    const rows = await db
      .selectFrom('notification_messages')
      .select('id')
      .where('status', '=', 'pending')
      .where('channel', '<>', 'in_app')
      .where('next_attempt_at', '<', sql<Date>`now() - make_interval(mins => ${graceMinutes})`)
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', sql<Date>`now()`)]))
      .orderBy('next_attempt_at')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  /** Reminders still scheduled well after they fell due (likewise). */
  async strandedReminders(db: Db, graceMinutes: number, limit: number): Promise<string[]> {
    const rows = await db
      .selectFrom('notification_reminders')
      .select('id')
      .where('status', '=', 'scheduled')
      .where('due_at', '<', sql<Date>`now() - make_interval(mins => ${graceMinutes})`)
      .orderBy('due_at')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }
}
