import type { Db } from '../../db/database.ts';

/** SQL of the daily digest: the day's run, queued once, and the claim of each official's digest. */
export class EscalationsRepository {
  /** Marks the day's run queued; answers false when it already was. */
  async queueDay(db: Db, day: string): Promise<boolean> {
    const row = await db
      .insertInto('escalation_digest_days')
      .values({ day })
      .onConflict((oc) => oc.column('day').doNothing())
      .returning('day')
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * Claims an official's digest of a day; answers false when it was claimed already (by this run's
   * earlier attempt or by another run). Call it in the transaction that writes the message.
   */
  async claim(db: Db, userId: string, day: string, items: number): Promise<boolean> {
    const row = await db
      .insertInto('escalation_digests')
      .values({ user_id: userId, day, items })
      .onConflict((oc) => oc.columns(['user_id', 'day']).doNothing())
      .returning('user_id')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The officials who received a day's digest, and how many matters each listed (tests, diagnostics). */
  digestsOf(db: Db, day: string) {
    return db
      .selectFrom('escalation_digests')
      .select(['user_id', 'items', 'sent_at'])
      .where('day', '=', day)
      .orderBy('user_id')
      .execute();
  }
}
