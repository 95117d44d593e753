import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../db/database.ts';
import { pathWithinSql } from '../../db/path-scope.ts';
import type { ReportingUnitsTable, UnitKind } from '../../db/schema-reports.ts';
import { decodeCursor } from '../../shared/cursor.ts';

export type UnitRecord = NonNullable<Awaited<ReturnType<UnitsRepository['findById']>>>;
export type OfficerRecord = Awaited<ReturnType<UnitsRepository['officersOf']>>[number];

/** SQL of reporting units and their officers. */
export class UnitsRepository {
  private units(db: Db) {
    return db
      .selectFrom('reporting_units as u')
      .leftJoin('reporting_units as s', 's.id', 'u.supervisor_unit_id')
      .selectAll('u')
      .select(['s.code as supervisor_code', 's.name as supervisor_name', 's.name_en as supervisor_name_en']);
  }

  findById(db: Db, id: string) {
    return this.units(db).where('u.id', '=', id).executeTakeFirst();
  }

  findByCode(db: Db, code: string) {
    return this.units(db).where('u.code', '=', code).executeTakeFirst();
  }

  /** Active units whose area lies within `withinPath`, by code. */
  list(
    db: Db,
    o: {
      withinPath: string;
      kind?: UnitKind;
      kinds?: readonly UnitKind[];
      inactive?: boolean;
      after?: string;
      limit: number;
    },
  ) {
    const cursor = decodeCursor(o.after, ['text']);
    let q = this.units(db).where(pathWithinSql('u.locality_path', o.withinPath));
    if (!o.inactive) q = q.where('u.active', '=', true);
    if (o.kind) q = q.where('u.kind', '=', o.kind);
    if (o.kinds) q = q.where('u.kind', 'in', [...o.kinds]);
    if (cursor) q = q.where('u.code', '>', cursor[0]);
    return q
      .orderBy('u.code')
      .limit(o.limit + 1)
      .execute();
  }

  /** Every active unit of a province, by code (the expected reporters of a period). */
  ofProvince(db: Db, provinceCode: string) {
    return this.units(db)
      .where('u.active', '=', true)
      .where('u.province_code', '=', provinceCode)
      .orderBy('u.code')
      .execute();
  }

  /** Every active unit whose area lies within `withinPath`, by code (the expected reporters of an area). */
  within(db: Db, withinPath: string) {
    return this.units(db)
      .where('u.active', '=', true)
      .where(pathWithinSql('u.locality_path', withinPath))
      .orderBy('u.code')
      .execute();
  }

  officersOf(db: Db, unitIds: readonly string[]) {
    if (unitIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('reporting_unit_officers as o')
      .innerJoin('users as a', 'a.id', 'o.user_id')
      .select(['o.unit_id', 'o.user_id', 'o.phone', 'a.full_name'])
      .where('o.unit_id', 'in', [...unitIds])
      .where('a.disabled_at', 'is', null)
      .orderBy('a.full_name')
      .execute();
  }

  async unitIdsOfOfficer(db: Db, userId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('reporting_unit_officers')
      .select('unit_id')
      .where('user_id', '=', userId)
      .execute();
    return rows.map((r) => r.unit_id);
  }

  /** Whether the account is an officer of the unit, and of a unit above it, in one statement. */
  async standingOf(db: Db, userId: string, unitId: string): Promise<{ officer: boolean; reviewer: boolean }> {
    const row = await sql<{ officer: boolean; reviewer: boolean }>`
      with recursive chain(id, depth, seen) as (
        select id, 0, array[id] from reporting_units where id = ${unitId}
        union all
        select u.supervisor_unit_id, c.depth + 1, c.seen || u.supervisor_unit_id
        from chain c join reporting_units u on u.id = c.id
        where u.supervisor_unit_id is not null and not u.supervisor_unit_id = any(c.seen)
      )
      select
        exists (select 1 from reporting_unit_officers o where o.user_id = ${userId} and o.unit_id = ${unitId}) as officer,
        exists (select 1 from chain c join reporting_unit_officers o on o.unit_id = c.id
                where c.depth > 0 and o.user_id = ${userId}) as reviewer`.execute(db);
    return row.rows[0] ?? { officer: false, reviewer: false };
  }

  /** The unit and every unit above it, nearest first (the supervisor chain, cycles cut). */
  async chainOf(db: Db, unitId: string): Promise<string[]> {
    const rows = await sql<{ id: string }>`
      with recursive chain(id, depth, seen) as (
        select id, 0, array[id] from reporting_units where id = ${unitId}
        union all
        select u.supervisor_unit_id, c.depth + 1, c.seen || u.supervisor_unit_id
        from chain c join reporting_units u on u.id = c.id
        where u.supervisor_unit_id is not null and not u.supervisor_unit_id = any(c.seen)
      )
      select id from chain order by depth`.execute(db);
    return rows.rows.map((r) => r.id);
  }

  /** Units below any of `unitIds` (their subordinates at any depth), by code. */
  subordinatesOf(db: Db, unitIds: readonly string[]) {
    if (unitIds.length === 0) return Promise.resolve([]);
    return sql<{ id: string; code: string; name: string; name_en: string }>`
      with recursive below(id) as (
        select id from reporting_units where supervisor_unit_id = any(${[...unitIds]}::uuid[])
        union
        select u.id from reporting_units u join below b on u.supervisor_unit_id = b.id
      )
      select u.id, u.code, u.name, u.name_en from reporting_units u join below b on b.id = u.id
      where u.active order by u.code`
      .execute(db)
      .then((r) => r.rows);
  }

  /** The unit, locked for an edit (two officials editing it wait for each other). */
  async lock(db: Db, id: string) {
    await db.selectFrom('reporting_units').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
    return this.findById(db, id);
  }

  /** Writes an edit and moves the version on. */
  async update(
    db: Db,
    id: string,
    changes: Pick<
      Updateable<ReportingUnitsTable>,
      'name' | 'name_en' | 'kind' | 'supervisor_unit_id' | 'contact_phone' | 'contact_email' | 'active'
    >,
  ): Promise<void> {
    await db
      .updateTable('reporting_units')
      .set({ ...changes, version: sql`version + 1`, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  }

  /** Inserts a unit unless its code exists; answers its id either way. */
  async ensure(db: Db, row: Insertable<ReportingUnitsTable>): Promise<string> {
    await db
      .insertInto('reporting_units')
      .values(row)
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    return (await db.selectFrom('reporting_units').select('id').where('code', '=', row.code).executeTakeFirstOrThrow())
      .id;
  }

  async addOfficer(db: Db, unitId: string, userId: string, phone: string | null): Promise<void> {
    await db
      .insertInto('reporting_unit_officers')
      .values({ unit_id: unitId, user_id: userId, phone })
      .onConflict((oc) => oc.columns(['unit_id', 'user_id']).doUpdateSet({ phone }))
      .execute();
  }
}
