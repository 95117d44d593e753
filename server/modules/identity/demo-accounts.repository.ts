import type { Db } from '../../db/database.ts';

const KEY = 'demo_accounts';

/**
 * The accounts the demo seed created (app setting `demo_accounts`): only they may have their
 * current TOTP code printed by `phongdich demo code`. A database without it is not a demo one.
 */
export class DemoAccountsRepository {
  async mark(db: Db, usernames: string[]): Promise<void> {
    await db.insertInto('app_settings').values({ key: KEY, value: JSON.stringify(usernames) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(usernames), updated_at: new Date() })).execute();
  }

  async isDemoAccount(db: Db, username: string): Promise<boolean> {
    const row = await db.selectFrom('app_settings').select('value').where('key', '=', KEY).executeTakeFirst();
    return Array.isArray(row?.value) && (row.value as unknown[]).includes(username);
  }
}
