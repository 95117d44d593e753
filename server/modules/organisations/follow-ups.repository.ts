import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { WorkplaceFollowUpsTable } from '../../db/schema-workplaces.ts';
import { scopeWithinSql } from '../../db/path-scope.ts';

/** SQL of the follow-ups a high or very-high self-assessment opens for the commune. */
export class FollowUpsRepository {
  async open(db: Db, f: Insertable<WorkplaceFollowUpsTable>): Promise<string> {
    const r = await db.insertInto('workplace_follow_ups').values(f).returning('id').executeTakeFirstOrThrow();
    return r.id;
  }

  /** Closes the organisation's open follow-ups: a newer self-assessment supersedes them. */
  async closeOpen(db: Db, organisationId: string): Promise<void> {
    await db
      .updateTable('workplace_follow_ups')
      .set({ closed_at: new Date() })
      .where('organisation_id', '=', organisationId)
      .where('closed_at', 'is', null)
      .execute();
  }

  /**
   * The open follow-ups of an area, "may not operate" first, then by deadline, with the full count
   * and how many are overdue (today's work shows the first `limit`).
   */
  async openIn(db: Db, within: string, today: string, limit: number) {
    const r = await sql<{
      id: string;
      organisation_id: string;
      name: string;
      risk_group: string;
      may_not_operate: boolean;
      due_on: string;
      overdue: boolean;
      total: number;
      overdue_total: number;
    }>`
      select f.id, f.organisation_id, o.name, f.risk_group, f.may_not_operate, f.due_on::text as due_on,
        f.due_on < ${today}::date as overdue,
        count(*) over ()::int as total, (count(*) filter (where f.due_on < ${today}::date) over ())::int as overdue_total
      from workplace_follow_ups f
      join organisations o on o.id = f.organisation_id
      where f.closed_at is null
        and ${scopeWithinSql({ path: 'f.locality_path', province: 'f.scope_province', commune: 'f.scope_code' }, within)}
      order by f.may_not_operate desc, f.due_on, f.id
      limit ${limit}`.execute(db);
    return r.rows;
  }
}
