import type { Db } from '../../db/database.ts';
import type { ThrottleScope } from '../../db/schema-identity.ts';

export interface ThrottleRow {
  scope: ThrottleScope;
  key: string;
  failures: number;
  last_failure_at: Date | null;
  blocked_until: Date | null;
}

/** SQL of sign-in throttling. Rows exist for unknown usernames too: they are keyed by hashes only. */
export class LoginThrottleRepository {
  /** Creates missing rows, then locks them in a fixed order (two sign-ins never deadlock). Call inside a transaction. */
  async lock(db: Db, keys: { scope: ThrottleScope; key: string }[]): Promise<ThrottleRow[]> {
    await db
      .insertInto('login_throttle')
      .values(keys.map((k) => ({ scope: k.scope, key: k.key })))
      .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
      .execute();
    const rows: ThrottleRow[] = [];
    for (const k of [...keys].sort((a, b) => `${a.scope}/${a.key}`.localeCompare(`${b.scope}/${b.key}`))) {
      rows.push(
        await db
          .selectFrom('login_throttle')
          .select(['scope', 'key', 'failures', 'last_failure_at', 'blocked_until'])
          .where('scope', '=', k.scope)
          .where('key', '=', k.key)
          .forUpdate()
          .executeTakeFirstOrThrow(),
      );
    }
    return rows;
  }

  async save(db: Db, row: ThrottleRow): Promise<void> {
    await db
      .updateTable('login_throttle')
      .set({
        failures: row.failures,
        last_failure_at: row.last_failure_at,
        blocked_until: row.blocked_until,
        updated_at: new Date(),
      })
      .where('scope', '=', row.scope)
      .where('key', '=', row.key)
      .execute();
  }

  /** Rows untouched since `before` whose block is over: they would start from zero anyway. */
  async purge(db: Db, before: Date): Promise<number> {
    const r = await db
      .deleteFrom('login_throttle')
      .where('updated_at', '<', before)
      .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', new Date())]))
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
