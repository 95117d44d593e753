import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/database.ts';
import { microsecondKey } from '../../db/cursor-keys.ts';
import { pathWithinSql } from '../../db/path-scope.ts';
import type {
  BorderCrossingsTable,
  BorderGoodsTable,
  BorderPostsTable,
  BorderShiftsTable,
  CrossingDecision,
  PostKind,
} from '../../db/schema-border.ts';
import { decodeCursor } from '../../shared/cursor.ts';

export type PostRecord = NonNullable<Awaited<ReturnType<BorderRepository['findPost']>>>;
export type CrossingRow = Awaited<ReturnType<BorderRepository['listCrossings']>>[number];

/** SQL of posts, their members, shift logs, crossings and goods transport. */
export class BorderRepository {
  findPost(db: Db, id: string) {
    return db.selectFrom('border_posts').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findPostByClientKey(db: Db, clientKey: string) {
    return db.selectFrom('border_posts').selectAll().where('client_key', '=', clientKey).executeTakeFirst();
  }

  async insertPost(db: Db, row: Insertable<BorderPostsTable>): Promise<string> {
    return (await db.insertInto('border_posts').values(row).returning('id').executeTakeFirstOrThrow()).id;
  }

  async addMembers(db: Db, postId: string, userIds: readonly string[]): Promise<void> {
    if (userIds.length === 0) return;
    await db
      .insertInto('border_post_members')
      .values(userIds.map((user_id) => ({ post_id: postId, user_id })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  async isMember(db: Db, postId: string, userId: string): Promise<boolean> {
    const r = await db
      .selectFrom('border_post_members')
      .select('post_id')
      .where('post_id', '=', postId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return r !== undefined;
  }

  /** Name order, keyset paged; `memberOf` limits to the posts a checkpoint account works at. */
  listPosts(db: Db, o: { withinPath: string; kind?: PostKind; memberOf?: string; after?: string; limit: number }) {
    const cursor = decodeCursor(o.after, ['text', 'uuid']);
    let q = db.selectFrom('border_posts as p').selectAll('p').where(pathWithinSql('p.locality_path', o.withinPath));
    if (o.kind) q = q.where('p.kind', '=', o.kind);
    if (o.memberOf) {
      const userId = o.memberOf;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('border_post_members as m')
            .whereRef('m.post_id', '=', 'p.id')
            .where('m.user_id', '=', userId)
            .select('m.post_id'),
        ),
      );
    }
    if (cursor) q = q.where(sql<boolean>`(p.name, p.id) > (${cursor[0]}, ${cursor[1]}::uuid)`);
    return q
      .orderBy('p.name')
      .orderBy('p.id')
      .limit(o.limit + 1)
      .execute();
  }

  findShiftByClientKey(db: Db, clientKey: string) {
    return db.selectFrom('border_shifts').selectAll().where('client_key', '=', clientKey).executeTakeFirst();
  }

  findShift(db: Db, postId: string, shiftDate: string, shift: string) {
    return db
      .selectFrom('border_shifts')
      .selectAll()
      .where('post_id', '=', postId)
      .where('shift_date', '=', shiftDate)
      .where('shift', '=', shift as BorderShiftsTable['shift'])
      .executeTakeFirst();
  }

  async insertShift(db: Db, row: Insertable<BorderShiftsTable>) {
    return db.insertInto('border_shifts').values(row).returningAll().executeTakeFirstOrThrow();
  }

  listShifts(db: Db, postId: string, from: string, to: string) {
    return db
      .selectFrom('border_shifts')
      .selectAll()
      .where('post_id', '=', postId)
      .where('shift_date', '>=', from)
      .where('shift_date', '<=', to)
      .orderBy('shift_date', 'desc')
      .orderBy('shift')
      .execute();
  }

  findCrossingByClientKey(db: Db, clientKey: string) {
    return db
      .selectFrom('border_crossings')
      .select(['id', 'post_id'])
      .where('client_key', '=', clientKey)
      .executeTakeFirst();
  }

  async insertCrossing(db: Db, row: Insertable<BorderCrossingsTable>): Promise<string> {
    return (await db.insertInto('border_crossings').values(row).returning('id').executeTakeFirstOrThrow()).id;
  }

  private crossings(db: Db) {
    return db
      .selectFrom('border_crossings as c')
      .innerJoin('border_posts as p', 'p.id', 'c.post_id')
      .innerJoin('people as h', 'h.id', 'c.person_id')
      .select([
        'c.id',
        'c.post_id',
        'p.name as post_name',
        'c.crossed_at',
        'c.person_id',
        'h.full_name',
        'c.origin',
        'c.destination_commune_code',
        'c.temperature',
        'c.test_result',
        'c.decision',
        'c.admission_id',
        'c.locality_path',
      ])
      .select(microsecondKey('c.crossed_at').as('crossed_key'));
  }

  findCrossing(db: Db, id: string) {
    return this.crossings(db).where('c.id', '=', id).executeTakeFirst();
  }

  /** Newest first, keyset paged; a person's crossings read their own index. */
  listCrossings(
    db: Db,
    o: {
      withinPath: string;
      postIds?: readonly string[];
      person?: string;
      decision?: CrossingDecision;
      after?: string;
      limit: number;
    },
  ) {
    const cursor = decodeCursor(o.after, ['timestamp', 'uuid']);
    let q = this.crossings(db).where(pathWithinSql('c.locality_path', o.withinPath));
    if (o.postIds) q = q.where('c.post_id', 'in', [...o.postIds]);
    if (o.person) q = q.where('c.person_id', '=', o.person);
    if (o.decision) q = q.where('c.decision', '=', o.decision);
    if (cursor) q = q.where(sql<boolean>`(c.crossed_at, c.id) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`);
    return q
      .orderBy('c.crossed_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(o.limit + 1)
      .execute();
  }

  findGoodsByClientKey(db: Db, clientKey: string) {
    return db.selectFrom('border_goods').selectAll().where('client_key', '=', clientKey).executeTakeFirst();
  }

  async insertGoods(db: Db, row: Insertable<BorderGoodsTable>) {
    return db.insertInto('border_goods').values(row).returningAll().executeTakeFirstOrThrow();
  }

  /** Newest first, keyset paged (a gate records tens of vehicles a day: the path index serves the walk). */
  listGoods(db: Db, o: { withinPath: string; postId?: string; expired?: boolean; after?: string; limit: number }) {
    const cursor = decodeCursor(o.after, ['timestamp', 'uuid']);
    let q = db
      .selectFrom('border_goods as g')
      .innerJoin('border_posts as p', 'p.id', 'g.post_id')
      .selectAll('g')
      .select('p.name as post_name')
      .select(microsecondKey('g.recorded_at').as('recorded_key'))
      .where(pathWithinSql('g.locality_path', o.withinPath));
    if (o.postId) q = q.where('g.post_id', '=', o.postId);
    if (o.expired !== undefined) q = q.where('g.test_expired', '=', o.expired);
    if (cursor) q = q.where(sql<boolean>`(g.recorded_at, g.id) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`);
    return q
      .orderBy('g.recorded_at', 'desc')
      .orderBy('g.id', 'desc')
      .limit(o.limit + 1)
      .execute();
  }
}
