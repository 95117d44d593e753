import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

export class OtpRepository {
  async countRecent(db: Db, phone: string, since: Date): Promise<number> {
    const r = await db
      .selectFrom('otp_challenges')
      .select(sql<string>`count(*)`.as('n'))
      .where('phone', '=', phone)
      .where('created_at', '>', since)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async insert(
    db: Db,
    c: { id: string; phone: string; codeHash: string; purpose: string; expiresAt: Date },
  ): Promise<void> {
    await db
      .insertInto('otp_challenges')
      .values({ id: c.id, phone: c.phone, code_hash: c.codeHash, purpose: c.purpose, expires_at: c.expiresAt })
      .execute();
  }

  /** Counts the attempt atomically and returns the challenge as it was before it. */
  async takeAttempt(db: Db, id: string) {
    return db
      .updateTable('otp_challenges')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .returning(['id', 'phone', 'code_hash', 'purpose', 'attempts', 'expires_at', 'consumed_at'])
      .executeTakeFirst();
  }

  async consume(db: Db, id: string): Promise<boolean> {
    const r = await db
      .updateTable('otp_challenges')
      .set({ consumed_at: new Date() })
      .where('id', '=', id)
      .where('consumed_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async purgeOlderThan(db: Db, before: Date): Promise<number> {
    const r = await db.deleteFrom('otp_challenges').where('created_at', '<', before).executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
