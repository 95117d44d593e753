import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/** The outbox of messages to people (migration 0040): the only SQL of citizens' SMS. */
export class CitizenMessagesRepository {
  /** The new row's id, or none when the key was written already (a repeat). */
  async insertOnce(
    db: Db,
    m: { personId: string; kind: string; phone: string; body: string; key: string },
  ): Promise<string | undefined> {
    const r = await db
      .insertInto('citizen_messages')
      .values({
        person_id: m.personId,
        kind: m.kind,
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
      .returning(['id', 'phone', 'body', 'attempts'])
      .executeTakeFirst();
  }

  async record(db: Db, id: string, status: 'pending' | 'sent' | 'failed', error: string | null): Promise<void> {
    await db
      .updateTable('citizen_messages')
      .set({ status, last_error: error, ...(status === 'sent' ? { sent_at: new Date() } : {}) })
      .where('id', '=', id)
      .execute();
  }
}
