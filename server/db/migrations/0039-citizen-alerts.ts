import { sql, type Kysely } from 'kysely';

/**
 * SMS alerts to citizens (issue 20): a person confirmed F1/F2 who agreed is told by SMS.
 *
 * - `consents.locale`: the language the person gave a consent in, so an alert they agreed to is
 *   written in it (Vietnamese when unknown). A consent to alerts is a row with purpose
 *   `exposure_alerts`, beside the declaration's `epidemic_prevention`.
 * - `citizen_messages`: the outbox of messages to people (not officials, whose outbox is
 *   `notification_messages`): the phone and the text as sent, once per `dedupe_key` (one per
 *   person and exposure event), its status and attempts. Deleted with the person. A `push` message
 *   has no phone: it goes to every push subscription of the person.
 * - `push_subscriptions`: the browsers a person chose to be alerted on (web push, VAPID), one row
 *   per endpoint; removed when the push service says it is gone, or by the person, or with them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table consents add column locale text check (locale in ('vi', 'en'))`.execute(db);
  await sql`create index consents_by_person_purpose on consents (person_id, purpose)`.execute(db);
  await sql`
    create table citizen_messages (
      id uuid primary key default gen_random_uuid(),
      person_id uuid not null references people (id) on delete cascade,
      kind text not null,
      channel text not null default 'sms' check (channel in ('sms', 'push')),
      phone text check ((channel = 'sms') = (phone is not null)),
      body text not null,
      dedupe_key text not null unique,
      status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed')),
      attempts integer not null default 0,
      last_error text,
      created_at timestamptz not null default now(),
      sent_at timestamptz
    )`.execute(db);
  await sql`create index citizen_messages_by_person on citizen_messages (person_id, created_at)`.execute(db);
  await sql`
    create table push_subscriptions (
      id uuid primary key default gen_random_uuid(),
      person_id uuid not null references people (id) on delete cascade,
      endpoint text not null unique check (length(endpoint) <= 1000),
      p256dh text not null check (length(p256dh) <= 200),
      auth text not null check (length(auth) <= 100),
      locale text not null default 'vi' check (locale in ('vi', 'en')),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index push_subscriptions_by_person on push_subscriptions (person_id)`.execute(db);
}
