import type { Db } from '../../db/database.ts';

/** SQL of second factors (TOTP columns of `users`, recovery codes) and of password history. */
export class TwoFactorRepository {
  async setPendingSecret(db: Db, userId: string, sealed: string): Promise<void> {
    await db
      .updateTable('users')
      .set({ totp_pending_secret: sealed, totp_pending_at: new Date(), updated_at: new Date() })
      .where('id', '=', userId)
      .execute();
  }

  /** Turns the pending secret into the account's, accepting `step` as the first code used. */
  async enable(db: Db, userId: string, sealed: string, step: number): Promise<void> {
    await db
      .updateTable('users')
      .set({
        totp_secret: sealed,
        totp_enabled_at: new Date(),
        totp_last_step: step,
        totp_pending_secret: null,
        totp_pending_at: null,
        updated_at: new Date(),
      })
      .where('id', '=', userId)
      .execute();
  }

  async disable(db: Db, userId: string): Promise<void> {
    await db
      .updateTable('users')
      .set({
        totp_secret: null,
        totp_enabled_at: null,
        totp_last_step: null,
        totp_pending_secret: null,
        totp_pending_at: null,
        updated_at: new Date(),
      })
      .where('id', '=', userId)
      .execute();
    await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  }

  /**
   * Records `step` as used, only if it is newer than the last one: of two sign-ins racing with the
   * same code, one wins.
   */
  async useStep(db: Db, userId: string, step: number): Promise<boolean> {
    const r = await db
      .updateTable('users')
      .set({ totp_last_step: step })
      .where('id', '=', userId)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', String(step))]))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async replaceRecoveryCodes(db: Db, userId: string, hashes: string[]): Promise<void> {
    await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
    await db
      .insertInto('recovery_codes')
      .values(hashes.map((code_hash) => ({ user_id: userId, code_hash })))
      .execute();
  }

  /** Spends an unused code; false when it does not exist or was used (also by a racing request). */
  async useRecoveryCode(db: Db, userId: string, hash: string): Promise<boolean> {
    const r = await db
      .updateTable('recovery_codes')
      .set({ used_at: new Date() })
      .where('user_id', '=', userId)
      .where('code_hash', '=', hash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async recoveryCodesLeft(db: Db, userId: string): Promise<number> {
    const row = await db
      .selectFrom('recovery_codes')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async passwordHistory(db: Db, userId: string, limit: number): Promise<string[]> {
    const rows = await db
      .selectFrom('password_history')
      .select('password_hash')
      .where('user_id', '=', userId)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => r.password_hash);
  }

  /** Adds the new hash and keeps only the newest `keep`. */
  async addToPasswordHistory(db: Db, userId: string, passwordHash: string, keep: number): Promise<void> {
    await db.insertInto('password_history').values({ user_id: userId, password_hash: passwordHash }).execute();
    const kept = db
      .selectFrom('password_history')
      .select('id')
      .where('user_id', '=', userId)
      .orderBy('id', 'desc')
      .limit(keep);
    await db.deleteFrom('password_history').where('user_id', '=', userId).where('id', 'not in', kept).execute();
  }
}
