import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { ClustersTable } from '../../db/schema.ts';
import { pathWithinSql } from '../../db/path-scope.ts';
import { decodeCursor } from '../../shared/cursor.ts';

export type ClusterRecord = NonNullable<Awaited<ReturnType<ClustersRepository['findById']>>>;

/** SQL for clusters, each with its case count and first/last confirmation. */
export class ClustersRepository {
  private clusters(db: Db) {
    return db
      .selectFrom('clusters as k')
      .innerJoin('localities as l', 'l.code', 'k.locality_code')
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('cases as c')
            .select([
              sql<string>`count(*)`.as('case_count'),
              sql<string | null>`min(c.confirmed_date)::text`.as('first_confirmed'),
              sql<string | null>`max(c.confirmed_date)::text`.as('last_confirmed'),
            ])
            .whereRef('c.cluster_id', '=', 'k.id')
            .as('s'),
        (join) => join.onTrue(),
      )
      .selectAll('k')
      .select([
        'l.name as locality_name',
        's.case_count',
        's.first_confirmed',
        's.last_confirmed',
        sql<string>`to_char(k.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('created_key'),
      ]);
  }

  findById(db: Db, id: string) {
    return this.clusters(db).where('k.id', '=', id).executeTakeFirst();
  }

  async codeTaken(db: Db, code: string): Promise<boolean> {
    return (await db.selectFrom('clusters').select('id').where('code', '=', code).executeTakeFirst()) !== undefined;
  }

  async list(db: Db, o: { within: string; status?: 'active' | 'closed'; after?: string; limit: number }) {
    const cursor = decodeCursor(o.after, ['timestamp', 'uuid']);
    let q = this.clusters(db).where(pathWithinSql('k.locality_path', o.within));
    if (o.status) q = q.where('k.status', '=', o.status);
    if (cursor)
      q = q.where(sql<boolean>`(k.created_at, k.id) < (${String(cursor[0])}::timestamptz, ${String(cursor[1])}::uuid)`);
    return q
      .orderBy('k.created_at', 'desc')
      .orderBy('k.id', 'desc')
      .limit(o.limit + 1)
      .execute();
  }

  async insert(db: Db, c: Insertable<ClustersTable>): Promise<string> {
    return (await db.insertInto('clusters').values(c).returning('id').executeTakeFirstOrThrow()).id;
  }

  async update(db: Db, id: string, changes: Updateable<ClustersTable>): Promise<void> {
    await db
      .updateTable('clusters')
      .set({ ...changes, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  }
}
