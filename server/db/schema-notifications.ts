import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Json } from './schema-columns.ts';

/** The notifications outbox and in-app inbox (migration 0022). */

export type NotificationChannel = 'in_app' | 'sms' | 'email';
export type NotificationStatus = 'pending' | 'sent' | 'failed' | 'cancelled';
type MaybeTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface NotificationMessagesTable {
  id: Generated<string>;
  recipient_user_id: string;
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
}

export interface NotificationTables {
  notification_messages: NotificationMessagesTable;
}
