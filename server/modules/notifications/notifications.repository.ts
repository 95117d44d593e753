import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/database.ts';
import { microsecondKey } from '../../db/cursor-keys.ts';
import type { NotificationMessagesTable } from '../../db/schema-notifications.ts';
import { decodeCursor } from '../../shared/cursor.ts';

export type InboxRecord = Awaited<ReturnType<NotificationsRepository['inbox']>>[number];

/** SQL for the outbox and the inbox: the only place it lives. */
export class NotificationsRepository {
  private inboxRows(db: Db) {
    return db
      .selectFrom('notification_messages as m')
      .select([
        'm.id',
        'm.kind',
        'm.title',
        'm.body',
        'm.link',
        'm.urgent',
        'm.read_at',
        'm.recipient_user_id',
        'm.message_key',
        microsecondKey('m.created_at').as('created_key'),
      ])
      .where('m.channel', '=', 'in_app');
  }

  /**
   * Writes the message unless one with its dedupe key exists; answers the id either way and whether
   * this call wrote it. `on conflict do nothing` keeps two concurrent callers from both inserting.
   */
  async insertOnce(db: Db, m: Insertable<NotificationMessagesTable>): Promise<{ id: string; created: boolean }> {
    const inserted = await db
      .insertInto('notification_messages')
      .values(m)
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) return { id: inserted.id, created: true };
    const existing = await db
      .selectFrom('notification_messages')
      .select('id')
      .where('dedupe_key', '=', m.dedupe_key)
      .executeTakeFirstOrThrow();
    return { id: existing.id, created: false };
  }

  async inbox(db: Db, o: { userId: string; unread?: boolean; after?: string; limit: number }) {
    const cursor = decodeCursor(o.after, ['timestamp', 'uuid']);
    let q = this.inboxRows(db).where('m.recipient_user_id', '=', o.userId);
    if (o.unread) q = q.where('m.read_at', 'is', null);
    if (cursor) q = q.where(sql<boolean>`(m.created_at, m.id) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`);
    return q
      .orderBy('m.created_at', 'desc')
      .orderBy('m.id', 'desc')
      .limit(o.limit + 1)
      .execute();
  }

  /** One in-app message of that recipient, or undefined (another's message is not found). */
  findInInbox(db: Db, userId: string, id: string) {
    return this.inboxRows(db).where('m.id', '=', id).where('m.recipient_user_id', '=', userId).executeTakeFirst();
  }

  /** Sets read_at once: reading again keeps the first time. */
  async markRead(db: Db, userId: string, id: string): Promise<void> {
    await db
      .updateTable('notification_messages')
      .set({ read_at: sql<Date>`now()` })
      .where('id', '=', id)
      .where('recipient_user_id', '=', userId)
      .where('read_at', 'is', null)
      .execute();
  }
}
