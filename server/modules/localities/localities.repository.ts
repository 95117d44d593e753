import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { LocalityEventsTable, NewLocality } from '../../db/schema.ts';
import { decodeCursor } from '../../shared/cursor.ts';
import { escapeLike, pathBelowSql, pathWithinSql } from '../../db/path-scope.ts';

export interface ListChildrenOptions {
  parentCode: string;
  q?: string;
  includeMerged: boolean;
  after?: string;
  limit: number;
}

/** SQL for the administrative tree, its boundaries and its history. */
export class LocalitiesRepository {
  findByCode(db: Db, code: string) {
    return db.selectFrom('localities').selectAll().where('code', '=', code).executeTakeFirst();
  }

  /** Every unit held here, with what naming it needs (a province: ~100 rows; the country: 3,355). */
  listNames(db: Db) {
    return db.selectFrom('localities').select(['code', 'name', 'full_name', 'type', 'name_en']).execute();
  }

  findManyByCode(db: Db, codes: string[]) {
    if (codes.length === 0) return Promise.resolve([]);
    return db.selectFrom('localities').selectAll().where('code', 'in', codes).execute();
  }

  async listChildren(db: Db, o: ListChildrenOptions) {
    const cursor = decodeCursor(o.after, ['text']);
    let query = db.selectFrom('localities').selectAll().where('parent_code', '=', o.parentCode);
    if (!o.includeMerged) query = query.where('status', '=', 'active');
    if (o.q) {
      const term = `%${escapeLike(o.q)}%`;
      query = query.where((eb) =>
        eb.or([eb(sql`unaccent(name)`, 'ilike', sql`unaccent(${term})`), eb('code', 'like', term)]),
      );
    }
    if (cursor) query = query.where('code', '>', String(cursor[0]));
    return query
      .orderBy('code')
      .limit(o.limit + 1)
      .execute();
  }

  /** Every active unit strictly below `path`, ordered by code. */
  listDescendants(db: Db, path: string) {
    return db
      .selectFrom('localities')
      .selectAll()
      .where(pathBelowSql('path', path))
      .where('status', '=', 'active')
      .orderBy('code')
      .execute();
  }

  /** Active communes at or below `path` with their boundary geometry. */
  communeBoundaries(db: Db, path: string) {
    return db
      .selectFrom('localities')
      .innerJoin('locality_boundaries', 'locality_boundaries.code', 'localities.code')
      .select([
        'localities.code',
        'localities.name',
        'localities.full_name',
        'localities.population',
        'localities.population_is_demo',
        'locality_boundaries.geometry',
      ])
      .where(pathWithinSql('localities.path', path))
      .where('localities.level', '=', 'commune')
      .where('localities.status', '=', 'active')
      .orderBy('localities.code')
      .execute();
  }

  async insertIfAbsent(db: Db, rows: NewLocality[]): Promise<number> {
    if (rows.length === 0) return 0;
    const r = await db
      .insertInto('localities')
      .values(rows)
      .onConflict((oc) => oc.column('code').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0);
  }

  async insertBoundariesIfAbsent(db: Db, rows: { code: string; geometry: unknown }[]): Promise<void> {
    if (rows.length === 0) return;
    await db
      .insertInto('locality_boundaries')
      .values(rows.map((r) => ({ code: r.code, geometry: JSON.stringify(r.geometry) })))
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  }

  async upsertBoundaries(db: Db, rows: { code: string; geometry: unknown }[]): Promise<void> {
    if (rows.length === 0) return;
    await db
      .insertInto('locality_boundaries')
      .values(rows.map((r) => ({ code: r.code, geometry: JSON.stringify(r.geometry) })))
      .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ geometry: eb.ref('excluded.geometry') })))
      .execute();
  }

  findBoundary(db: Db, code: string) {
    return db.selectFrom('locality_boundaries').select('geometry').where('code', '=', code).executeTakeFirst();
  }

  async rename(db: Db, code: string, name: string, fullName: string): Promise<void> {
    await db
      .updateTable('localities')
      .set({ name, full_name: fullName, updated_at: new Date() })
      .where('code', '=', code)
      .execute();
  }

  async setPopulation(db: Db, code: string, population: number | null, year: number | null, isDemo: boolean) {
    await db
      .updateTable('localities')
      .set({ population, population_year: year, population_is_demo: isDemo, updated_at: new Date() })
      .where('code', '=', code)
      .execute();
  }

  async closeAsMerged(db: Db, code: string, intoCode: string, effectiveDate: string): Promise<void> {
    await db
      .updateTable('localities')
      .set({ status: 'merged', merged_into_code: intoCode, valid_to: effectiveDate, updated_at: new Date() })
      .where('code', '=', code)
      .execute();
  }

  /**
   * Moves accounts scoped to a closed unit onto the unit that absorbed it and ends their sessions
   * (their open pages must reload with the new scope). Returns the moved account ids.
   */
  async rescopeUsers(db: Db, fromCode: string, toCode: string): Promise<string[]> {
    const rows = await db
      .updateTable('users')
      .set({ locality_code: toCode, updated_at: new Date() })
      .where('locality_code', '=', fromCode)
      .returning('id')
      .execute();
    const ids = rows.map((r) => r.id);
    if (ids.length) await db.deleteFrom('sessions').where('user_id', 'in', ids).execute();
    return ids;
  }

  async addEvent(
    db: Db,
    e: Pick<LocalityEventsTable, 'locality_code' | 'kind' | 'other_code' | 'effective_date' | 'reason' | 'actor_id'> & {
      details: object;
    },
  ): Promise<void> {
    await db
      .insertInto('locality_events')
      .values({ ...e, details: JSON.stringify(e.details) })
      .execute();
  }

  listEvents(db: Db, code: string) {
    return db
      .selectFrom('locality_events')
      .leftJoin('users', 'users.id', 'locality_events.actor_id')
      .select([
        'locality_events.id',
        'locality_events.kind',
        'locality_events.locality_code',
        'locality_events.other_code',
        'locality_events.effective_date',
        'locality_events.details',
        'locality_events.reason',
        'locality_events.at',
        'users.full_name as actor_name',
      ])
      .where('locality_events.locality_code', '=', code)
      .orderBy('locality_events.id')
      .execute();
  }

  /** Resolves a possibly closed code to the active unit that now covers it. */
  async currentCode(db: Db, code: string): Promise<string | null> {
    const r = await sql<{ code: string }>`
      with recursive chain(code, merged_into_code, status, depth) as (
        select code, merged_into_code, status, 0 from localities where code = ${code}
        union all
        select l.code, l.merged_into_code, l.status, c.depth + 1
        from localities l join chain c on l.code = c.merged_into_code where c.depth < 20
      )
      select code from chain where status = 'active' limit 1`.execute(db);
    return r.rows[0]?.code ?? null;
  }
}
