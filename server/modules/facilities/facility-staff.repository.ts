import type { Role } from '../../../core/roles.ts';
import type { Db } from '../../db/database.ts';

/** SQL of the binding between facility staff accounts and the facilities they serve. */
export class FacilityStaffRepository {
  async facilitiesOf(db: Db, userId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('facility_staff')
      .select('facility_id')
      .where('user_id', '=', userId)
      .orderBy('facility_id')
      .execute();
    return rows.map((r) => r.facility_id);
  }

  /** The facilities of several accounts at once (a page of the account list). */
  async facilitiesOfUsers(db: Db, userIds: readonly string[]): Promise<Map<string, string[]>> {
    const byUser = new Map<string, string[]>(userIds.map((id) => [id, []]));
    if (userIds.length === 0) return byUser;
    const rows = await db
      .selectFrom('facility_staff')
      .select(['user_id', 'facility_id'])
      .where('user_id', 'in', [...userIds])
      .orderBy('user_id')
      .orderBy('facility_id')
      .execute();
    for (const r of rows) byUser.get(r.user_id)?.push(r.facility_id);
    return byUser;
  }

  /**
   * The account the binding belongs to, with its scope: the binding table hangs off accounts, so
   * this module reads their role and scope to check an assignment before anything is written.
   */
  accountOf(
    db: Db,
    userId: string,
  ): Promise<{ id: string; role: Role; locality_code: string; locality_path: string } | undefined> {
    return db
      .selectFrom('users as u')
      .innerJoin('localities as l', 'l.code', 'u.locality_code')
      .select(['u.id', 'u.role', 'u.locality_code', 'l.path as locality_path'])
      .where('u.id', '=', userId)
      .executeTakeFirst();
  }

  /** Replaces the account's facilities with `facilityIds`. */
  async replace(db: Db, userId: string, facilityIds: readonly string[], assignedBy: string | null): Promise<void> {
    await db.deleteFrom('facility_staff').where('user_id', '=', userId).execute();
    if (facilityIds.length === 0) return;
    await db
      .insertInto('facility_staff')
      .values(facilityIds.map((facility_id) => ({ user_id: userId, facility_id, assigned_by: assignedBy })))
      .execute();
  }
}
