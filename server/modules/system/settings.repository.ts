import type { Db } from '../../db/database.ts';

/** Instance-wide settings kept in the database (e.g. the generated signing secret). */
export class SettingsRepository {
  /** The stored value of `key`, storing `make()` first when there is none (race-safe). */
  async getOrCreate<T>(db: Db, key: string, make: () => T): Promise<T> {
    await db.insertInto('app_settings').values({ key, value: JSON.stringify(make()) })
      .onConflict((oc) => oc.column('key').doNothing()).execute();
    const row = await db.selectFrom('app_settings').select('value').where('key', '=', key).executeTakeFirstOrThrow();
    return row.value as T;
  }
}
