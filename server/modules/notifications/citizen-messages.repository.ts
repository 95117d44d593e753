import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/** The outbox of messages to people and their push subscriptions (migration 0039): the only SQL of citizens' alerts. */
export class CitizenMessagesRepository {
  /** The new row's id, or none when the key was written already (a repeat). */
  async insertOnce(
    db: Db,
    m: { personId: string; kind: string; channel: 'sms' | 'push'; phone: string | null; body: string; key: string },
  ): Promise<string | undefined> {
    const r = await db
      .insertInto('citizen_messages')
      .values({
        person_id: m.personId,
        kind: m.kind,
        channel: m.channel,
        phone: m.phone,
        body: m.body,
        dedupe_key: m.key,
        last_error: null,
        sent_at: null,
      })
      .onConflict((c) => c.column('dedupe_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    return r?.id;
  }

  /** Takes a pending row for one attempt; none when another sender has it or it is done. */
  claim(db: Db, id: string) {
    return db
      .updateTable('citizen_messages')
      .set({ status: 'sending', attempts: sql`attempts + 1` })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .returning(['id', 'person_id', 'channel', 'phone', 'body', 'attempts'])
      .executeTakeFirst();
  }

  async record(db: Db, id: string, status: 'pending' | 'sent' | 'failed', error: string | null): Promise<void> {
    await db
      .updateTable('citizen_messages')
      .set({ status, last_error: error, ...(status === 'sent' ? { sent_at: new Date() } : {}) })
      .where('id', '=', id)
      .execute();
  }

  /** A browser's subscription: a new endpoint is added, a known one moves to this person (a shared phone). */
  async saveSubscription(
    db: Db,
    s: { personId: string; endpoint: string; p256dh: string; auth: string; locale: 'vi' | 'en' },
  ): Promise<void> {
    const row = { person_id: s.personId, endpoint: s.endpoint, p256dh: s.p256dh, auth: s.auth, locale: s.locale };
    await db
      .insertInto('push_subscriptions')
      .values(row)
      .onConflict((c) =>
        c.column('endpoint').doUpdateSet({ person_id: s.personId, p256dh: s.p256dh, auth: s.auth, locale: s.locale }),
      )
      .execute();
  }

  /** Removes an endpoint; only its owner's when a person is given. Answers how many went. */
  async removeSubscription(db: Db, endpoint: string, personId?: string): Promise<number> {
    let q = db.deleteFrom('push_subscriptions').where('endpoint', '=', endpoint);
    if (personId) q = q.where('person_id', '=', personId);
    const r = await q.executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  subscriptionsOf(db: Db, personId: string) {
    return db
      .selectFrom('push_subscriptions')
      .select(['endpoint', 'p256dh', 'auth', 'locale'])
      .where('person_id', '=', personId)
      .orderBy('created_at')
      .execute();
  }

  /** The languages of the subscriptions of many people, oldest first per person. */
  localesOf(db: Db, personIds: readonly string[]) {
    return db
      .selectFrom('push_subscriptions')
      .select(['person_id', 'locale'])
      .where('person_id', 'in', [...personIds])
      .orderBy('created_at')
      .execute();
  }

  /** Keeps a person's newest subscriptions only: one session cannot pile up endpoints for the sender to call. */
  async keepNewest(db: Db, personId: string, n: number): Promise<void> {
    await db
      .deleteFrom('push_subscriptions')
      .where('person_id', '=', personId)
      .where(
        'id',
        'not in',
        db
          .selectFrom('push_subscriptions')
          .select('id')
          .where('person_id', '=', personId)
          .orderBy('created_at', 'desc')
          .limit(n),
      )
      .execute();
  }
}
