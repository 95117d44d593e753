import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/database.ts';
import { microsecondKey } from '../../db/cursor-keys.ts';
import { pathWithinSql } from '../../db/path-scope.ts';
import type {
  BorderInterceptedPeopleTable,
  BorderInterceptionsTable,
  BorderPatrolsTable,
  BorderTipoffsTable,
  BorderTrailsTable,
  TipoffStatus,
} from '../../db/schema-border.ts';
import { decodeCursor } from '../../shared/cursor.ts';

export type InterceptionRecord = NonNullable<Awaited<ReturnType<BorderFieldRepository['findInterception']>>>;
export type TipoffRecord = NonNullable<Awaited<ReturnType<BorderFieldRepository['findTipoff']>>>;

/** SQL of interceptions, trails and patrols, and tip-offs. */
export class BorderFieldRepository {
  findInterceptionByClientKey(db: Db, clientKey: string) {
    return db.selectFrom('border_interceptions').select(['id']).where('client_key', '=', clientKey).executeTakeFirst();
  }

  async insertInterception(db: Db, row: Insertable<BorderInterceptionsTable>): Promise<string> {
    return (await db.insertInto('border_interceptions').values(row).returning('id').executeTakeFirstOrThrow()).id;
  }

  async insertInterceptedPerson(db: Db, row: Insertable<BorderInterceptedPeopleTable>): Promise<void> {
    await db.insertInto('border_intercepted_people').values(row).execute();
  }

  findInterception(db: Db, id: string) {
    return db
      .selectFrom('border_interceptions')
      .selectAll()
      .select(microsecondKey('intercepted_at').as('intercepted_key'))
      .where('id', '=', id)
      .executeTakeFirst();
  }

  interceptedPeople(db: Db, interceptionIds: readonly string[]) {
    if (interceptionIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('border_intercepted_people as i')
      .innerJoin('people as h', 'h.id', 'i.person_id')
      .selectAll('i')
      .select(['h.full_name', 'h.nationality', 'h.id_type'])
      .where('i.interception_id', 'in', [...interceptionIds])
      .orderBy('i.interception_id')
      .orderBy('h.full_name')
      .execute();
  }

  listInterceptions(db: Db, o: { withinPath: string; after?: string; limit: number }) {
    const cursor = decodeCursor(o.after, ['timestamp', 'uuid']);
    let q = db
      .selectFrom('border_interceptions as b')
      .selectAll('b')
      .select(microsecondKey('b.intercepted_at').as('intercepted_key'))
      .where(pathWithinSql('b.locality_path', o.withinPath));
    if (cursor) q = q.where(sql<boolean>`(b.intercepted_at, b.id) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`);
    return q
      .orderBy('b.intercepted_at', 'desc')
      .orderBy('b.id', 'desc')
      .limit(o.limit + 1)
      .execute();
  }

  /** People intercepted in a month per commune of the area: at the border, and found already residing inland. */
  interceptionCounts(db: Db, withinPath: string, from: string, to: string) {
    return db
      .selectFrom('border_interceptions as b')
      .innerJoin('border_intercepted_people as i', 'i.interception_id', 'b.id')
      .select(['b.commune_code', 'b.locality_path'])
      .select(sql<string>`count(*) filter (where not b.found_inland)`.as('at_border'))
      .select(sql<string>`count(*) filter (where b.found_inland)`.as('found_inland'))
      .where(pathWithinSql('b.locality_path', withinPath))
      .where('b.intercepted_on', '>=', from)
      .where('b.intercepted_on', '<', to)
      .groupBy(['b.commune_code', 'b.locality_path'])
      .execute();
  }

  async insertTrail(db: Db, row: Insertable<BorderTrailsTable>): Promise<string> {
    return (await db.insertInto('border_trails').values(row).returning('id').executeTakeFirstOrThrow()).id;
  }

  findTrail(db: Db, id: string) {
    return db.selectFrom('border_trails').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findTrailByClientKey(db: Db, clientKey: string) {
    return db.selectFrom('border_trails').select('id').where('client_key', '=', clientKey).executeTakeFirst();
  }

  /** Every trail of the area with the end of its last patrol (a province has tens, not thousands). */
  trails(db: Db, withinPath: string) {
    return db
      .selectFrom('border_trails as t')
      .selectAll('t')
      .select((eb) =>
        eb
          .selectFrom('border_patrols as p')
          .whereRef('p.trail_id', '=', 't.id')
          .select(sql<Date | null>`max(p.ended_at)`.as('m'))
          .as('last_patrol_ended_at'),
      )
      .where(pathWithinSql('t.locality_path', withinPath))
      .orderBy('t.name')
      .orderBy('t.id')
      .limit(1000)
      .execute();
  }

  findPatrolByClientKey(db: Db, clientKey: string) {
    return db.selectFrom('border_patrols').selectAll().where('client_key', '=', clientKey).executeTakeFirst();
  }

  async insertPatrol(db: Db, row: Insertable<BorderPatrolsTable>) {
    return db.insertInto('border_patrols').values(row).returningAll().executeTakeFirstOrThrow();
  }

  findTipoffByClientKey(db: Db, clientKey: string) {
    return db.selectFrom('border_tipoffs').select(['id']).where('client_key', '=', clientKey).executeTakeFirst();
  }

  async insertTipoff(db: Db, row: Insertable<BorderTipoffsTable>): Promise<string> {
    return (await db.insertInto('border_tipoffs').values(row).returning('id').executeTakeFirstOrThrow()).id;
  }

  findTipoff(db: Db, id: string) {
    return db
      .selectFrom('border_tipoffs')
      .selectAll()
      .select(microsecondKey('created_at').as('created_key'))
      .where('id', '=', id)
      .executeTakeFirst();
  }

  listTipoffs(db: Db, o: { withinPath: string; status?: TipoffStatus; after?: string; limit: number }) {
    const cursor = decodeCursor(o.after, ['timestamp', 'uuid']);
    let q = db
      .selectFrom('border_tipoffs as t')
      .selectAll('t')
      .select(microsecondKey('t.created_at').as('created_key'))
      .where(pathWithinSql('t.locality_path', o.withinPath));
    if (o.status) q = q.where('t.status', '=', o.status);
    if (cursor) q = q.where(sql<boolean>`(t.created_at, t.id) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`);
    return q
      .orderBy('t.created_at', 'desc')
      .orderBy('t.id', 'desc')
      .limit(o.limit + 1)
      .execute();
  }

  async updateTipoff(
    db: Db,
    id: string,
    set: {
      status: TipoffStatus;
      outcome: string | null;
      investigator_id: string | null;
      interception_id: string | null;
    },
  ): Promise<void> {
    await db.updateTable('border_tipoffs').set(set).where('id', '=', id).execute();
  }
}
