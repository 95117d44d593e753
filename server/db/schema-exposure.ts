import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt } from './schema-columns.ts';

/** Exposure alerts and self-reports (migration 0036, issue 20). */

export type SelfReportKind = 'symptoms' | 'positive_test';
export type ExposureEntryStatus = 'published' | 'pending' | 'withdrawn';

export interface SelfReportsTable {
  id: Generated<string>;
  person_id: string;
  client_key: string;
  kind: SelfReportKind;
  symptoms: ColumnType<string[], string | undefined, string>;
  onset_date: string | null;
  test_date: string | null;
  note: string | null;
  consent_at: Date;
  published_entries: Generated<number>;
  exposure_decision: 'confirmed' | 'withdrawn' | null;
  photo: Buffer | null;
  photo_type: 'image/jpeg' | 'image/png' | 'image/webp' | null;
  commune_code: string;
  locality_path: string;
  province_code: ColumnType<string, never, never>;
  status: Generated<'received' | 'handled'>;
  handled_by: string | null;
  handled_at: Date | null;
  created_at: CreatedAt;
}

export interface ExposureEntriesTable {
  id: Generated<string>;
  identifier: string;
  from_at: Date;
  to_at: Date;
  province_code: string;
  venue_id: string | null;
  case_id: string | null;
  self_report_id: string | null;
  profile_code: string;
  status: Generated<ExposureEntryStatus>;
  published_on: string;
  created_at: CreatedAt;
  changed_at: Generated<Date>;
}

export interface ExposureFeedFetchesTable {
  province_code: string;
  day: string;
  fetches: ColumnType<string, number, number>;
}

/** Messages to people (migration 0039): SMS or web-push alerts, once per dedupe key. */
export interface CitizenMessagesTable {
  id: Generated<string>;
  person_id: string;
  kind: string;
  channel: Generated<'sms' | 'push'>;
  phone: string | null;
  body: string;
  dedupe_key: string;
  status: Generated<'pending' | 'sending' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: CreatedAt;
  sent_at: Date | null;
}

/** The browsers a person chose to be alerted on (migration 0039). */
export interface PushSubscriptionsTable {
  id: Generated<string>;
  person_id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  locale: Generated<'vi' | 'en'>;
  created_at: CreatedAt;
}

export interface ExposureTables {
  citizen_messages: CitizenMessagesTable;
  push_subscriptions: PushSubscriptionsTable;
  self_reports: SelfReportsTable;
  exposure_entries: ExposureEntriesTable;
  exposure_feed_fetches: ExposureFeedFetchesTable;
}
