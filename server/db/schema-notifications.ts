import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Json } from './schema-columns.ts';

/** The notifications outbox and in-app inbox (migration 0022). */

export type NotificationChannel = 'in_app' | 'sms' | 'email';
export type NotificationStatus = 'pending' | 'sent' | 'failed' | 'cancelled';
type MaybeTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface NotificationMessagesTable {
  id: Generated<string>;
  /** Null: an SMS or e-mail to a contact's `address` (a reporting unit's office, 0046), in no inbox. */
  recipient_user_id: string | null;
  channel: NotificationChannel;
  kind: string;
  /** `{ vi, en }`: shown in the reader's language. */
  title: Json;
  body: Json;
  link: string | null;
  urgent: Generated<boolean>;
  dedupe_key: string;
  status: Generated<NotificationStatus>;
  attempts: Generated<number>;
  next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>;
  last_error: string | null;
  sent_at: MaybeTimestamp;
  read_at: MaybeTimestamp;
  created_at: CreatedAt;
  /** 0026: the message to one official, shared by its rows on every channel. */
  message_key: string | null;
  /** 0026: the phone or e-mail address the row is sent to. */
  address: string | null;
  /** 0026: a sender's lease on the row while it sends. */
  claimed_until: MaybeTimestamp;
}

/** An official's channels and quiet hours (0026); no row: the defaults. */
export interface NotificationPreferencesTable {
  user_id: string;
  sms: boolean;
  phone: string | null;
  email: boolean;
  email_address: string | null;
  /** Minutes after local midnight (Asia/Ho_Chi_Minh); both null: the installation's default. */
  quiet_start_minute: number | null;
  quiet_end_minute: number | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export type ReminderStatus = 'scheduled' | 'sent' | 'skipped';

/** A reminder a module scheduled (0026), sent when due if its condition still holds. */
export interface NotificationRemindersTable {
  id: Generated<string>;
  dedupe_key: string;
  condition: string;
  params: Json;
  message: Json;
  recipient_user_ids: string[];
  /** 0046: `[{ phone, email }]`, contacts outside the accounts (a reporting unit's office). */
  recipient_contacts: ColumnType<unknown, string | undefined, string>;
  due_at: ColumnType<Date, Date | string, Date | string>;
  status: Generated<ReminderStatus>;
  decided_at: MaybeTimestamp;
  created_at: CreatedAt;
}

export interface NotificationTables {
  notification_messages: NotificationMessagesTable;
  notification_preferences: NotificationPreferencesTable;
  notification_reminders: NotificationRemindersTable;
}
