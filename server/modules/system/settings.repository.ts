import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/** Instance-wide settings kept in the database (e.g. the demo's generated signing secret). */
export class SettingsRepository {
  /** The stored value of `key`, storing `make()` first when there is none (race-safe). */
  async getOrCreate<T>(db: Db, key: string, make: () => T): Promise<T> {
    await db
      .insertInto('app_settings')
      .values({ key, value: JSON.stringify(make()) })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const row = await db.selectFrom('app_settings').select('value').where('key', '=', key).executeTakeFirstOrThrow();
    return row.value as T;
  }

  /** The stored value of `key`, if any; also on a database not migrated yet (no settings table). */
  async find(db: Db, key: string): Promise<unknown> {
    const table = await sql<{ t: string | null }>`select to_regclass('app_settings')::text as t`.execute(db);
    if (!table.rows[0]?.t) return undefined;
    return (await db.selectFrom('app_settings').select('value').where('key', '=', key).executeTakeFirst())?.value;
  }

  async remove(db: Db, key: string): Promise<void> {
    await db.deleteFrom('app_settings').where('key', '=', key).execute();
  }
}
