import { sql, type Insertable, type Updateable } from 'kysely';
import type { ListBreachesQuery } from '../../../core/schemas/breaches.ts';
import type { Db } from '../../db/database.ts';
import { pathWithinSql } from '../../db/path-scope.ts';
import type { DataBreachesTable } from '../../db/schema-audit.ts';
import { decodeCursor } from '../../shared/cursor.ts';

/** SQL of the breach register. Lists are most recently detected first on (detected_at, id). */
export class BreachesRepository {
  private breaches(db: Db) {
    return db
      .selectFrom('data_breaches as b')
      .innerJoin('localities as l', 'l.code', 'b.locality_code')
      .selectAll('b')
      .select([
        'l.name as locality_name',
        'l.full_name as locality_full_name',
        'l.level as locality_level',
        sql<string>`to_char(b.detected_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('detected_key'),
      ]);
  }

  findById(db: Db, id: string) {
    return this.breaches(db).where('b.id', '=', id).executeTakeFirst();
  }

  findByClientKey(db: Db, clientKey: string) {
    return this.breaches(db).where('b.client_key', '=', clientKey).executeTakeFirst();
  }

  async list(db: Db, o: Omit<ListBreachesQuery, 'locality'> & { within: string }) {
    const cursor = decodeCursor(o.after, ['timestamp', 'uuid']);
    let q = this.breaches(db).where(pathWithinSql('b.locality_path', o.within));
    if (o.status) q = q.where('b.status', '=', o.status);
    if (o.from) q = q.where('b.detected_at', '>=', new Date(o.from));
    if (o.to) q = q.where('b.detected_at', '<', new Date(o.to));
    if (cursor)
      q = q.where(
        sql<boolean>`(b.detected_at, b.id) < (${String(cursor[0])}::timestamptz, ${String(cursor[1])}::uuid)`,
      );
    return q
      .orderBy('b.detected_at', 'desc')
      .orderBy('b.id', 'desc')
      .limit(o.limit + 1)
      .execute();
  }

  /** Inserts once per client key: a resend (or a twin request) finds the first breach. */
  async insert(db: Db, row: Insertable<DataBreachesTable>): Promise<string | null> {
    const r = await db
      .insertInto('data_breaches')
      .values(row)
      .onConflict((oc) => oc.column('client_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    return r?.id ?? null;
  }

  async update(db: Db, id: string, changes: Updateable<DataBreachesTable>): Promise<void> {
    await db
      .updateTable('data_breaches')
      .set({ ...changes, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  }

  /** Serialises changes of one breach (two administrators editing at once). */
  async lock(db: Db, id: string): Promise<void> {
    await db.selectFrom('data_breaches').select('id').where('id', '=', id).forUpdate().execute();
  }
}

export type BreachRecord = NonNullable<Awaited<ReturnType<BreachesRepository['findById']>>>;
