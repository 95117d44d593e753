import { sql, type Insertable } from 'kysely';
import type { StayOutcome } from '../../../core/schemas/facilities.ts';
import type { Db } from '../../db/database.ts';
import type { TreatmentStaysTable } from '../../db/schema.ts';
import { facilityWithinSql, pathWithinSql } from '../../db/path-scope.ts';
import { decodeCursor } from '../../shared/cursor.ts';

export type StayRecord = NonNullable<Awaited<ReturnType<TreatmentRepository['findById']>>>;

export interface ListStaysOptions {
  /** Stays of facilities at or below this path (a stay carries its facility's path). */
  within: string;
  /** A facility staff account's facilities; null: every facility of the area. */
  facilityIds: readonly string[] | null;
  facilityId?: string;
  open?: boolean;
  after?: string;
  limit: number;
}

/** SQL for treatment stays. Lists are latest admission first on (admitted_at, id). */
export class TreatmentRepository {
  private stays(db: Db) {
    return db
      .selectFrom('treatment_stays as s')
      .innerJoin('cases as c', 'c.id', 's.case_id')
      .leftJoin('people as p', 'p.id', 'c.person_id')
      .innerJoin('facilities as f', 'f.id', 's.facility_id')
      .innerJoin('localities as l', 'l.code', 'f.locality_code')
      .selectAll('s')
      .select([
        'c.case_number',
        'c.person_id',
        'f.name as facility_name',
        'f.locality_code as commune_code',
        'l.name as commune_name',
        // A linked person's current name wins, as in the case list.
        sql<string | null>`coalesce(p.full_name, c.full_name)`.as('full_name'),
        sql<string>`to_char(s.admitted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('admitted_key'),
      ]);
  }

  findById(db: Db, id: string) {
    return this.stays(db).where('s.id', '=', id).executeTakeFirst();
  }

  async list(db: Db, o: ListStaysOptions) {
    const cursor = decodeCursor(o.after, ['timestamp', 'uuid']);
    let q = this.stays(db)
      .where(pathWithinSql('s.locality_path', o.within))
      .where(facilityWithinSql('s.facility_id', o.facilityIds));
    if (o.facilityId) q = q.where('s.facility_id', '=', o.facilityId);
    if (o.open === true) q = q.where('s.discharged_at', 'is', null);
    if (o.open === false) q = q.where('s.discharged_at', 'is not', null);
    if (cursor)
      q = q.where(
        sql<boolean>`(s.admitted_at, s.id) < (${String(cursor[0])}::timestamptz, ${String(cursor[1])}::uuid)`,
      );
    return q
      .orderBy('s.admitted_at', 'desc')
      .orderBy('s.id', 'desc')
      .limit(o.limit + 1)
      .execute();
  }

  openStayOf(db: Db, caseId: string) {
    return this.stays(db).where('s.case_id', '=', caseId).where('s.discharged_at', 'is', null).executeTakeFirst();
  }

  async insert(db: Db, s: Insertable<TreatmentStaysTable>): Promise<string> {
    return (await db.insertInto('treatment_stays').values(s).returning('id').executeTakeFirstOrThrow()).id;
  }

  /** Closes an open stay; false when it was already closed (a concurrent discharge won). */
  async discharge(db: Db, id: string, o: { at: Date; outcome: StayOutcome }): Promise<boolean> {
    const rows = await db
      .updateTable('treatment_stays')
      .set({ discharged_at: o.at, outcome: o.outcome })
      .where('id', '=', id)
      .where('discharged_at', 'is', null)
      .returning('id')
      .execute();
    return rows.length > 0;
  }
}
