import { sql, type Insertable, type RawBuilder, type Updateable } from 'kysely';
import type { CapacityKind, FacilityKind, FacilityStatus } from '../../../core/schemas/facilities.ts';
import type { Db } from '../../db/database.ts';
import type { FacilitiesTable } from '../../db/schema.ts';
import { facilityWithinSql, pathWithinSql } from '../../db/path-scope.ts';
import { decodeCursor } from '../../shared/cursor.ts';

export type FacilityRecord = NonNullable<Awaited<ReturnType<FacilitiesRepository['findById']>>>;

/** Capacity and use of one kind at one facility. */
export interface CapacityRow {
  facility_id: string;
  kind: CapacityKind;
  capacity: number;
  occupied: number;
}

/** Which facilities an occupancy count covers: a page of ids, or the active ones of an area. */
export type FacilitySet = { ids: readonly string[] } | { activeWithin: string };

export interface ListFacilitiesOptions {
  within: string;
  /** A facility staff account's facilities; null: every facility of the area. */
  facilityIds: readonly string[] | null;
  kind?: FacilityKind;
  status?: FacilityStatus;
  after?: string;
  limit: number;
}

export interface PlacementRow {
  id: string;
  name: string;
  kind: FacilityKind;
  locality_code: string;
  commune_name: string;
  address_line: string;
  contact_phone: string | null;
  centroid_lon: number | null;
  centroid_lat: number | null;
  capacity: number;
  occupied: number;
}

/**
 * What occupies a place of `kind` at the facility `facility` (a column or a value): an active
 * quarantine admission for quarantine places, an open treatment stay of that bed kind for beds.
 */
function occupiedSql(kind: CapacityKind, facility: RawBuilder<unknown>): RawBuilder<number> {
  return kind === 'quarantine_place'
    ? sql<number>`(select count(*)::int from quarantine_admissions a where a.facility_id = ${facility} and a.status = 'active')`
    : sql<number>`(select count(*)::int from treatment_stays s where s.facility_id = ${facility} and s.bed_kind = ${kind} and s.discharged_at is null)`;
}

function facilitySetSql(set: FacilitySet): RawBuilder<unknown> {
  return 'ids' in set
    ? sql`select id from facilities where id in (${sql.join(set.ids.map((id) => sql`${id}::uuid`))})`
    : sql`select id from facilities where status = 'active' and ${pathWithinSql('locality_path', set.activeWithin)}`;
}

/** SQL for facilities and their capacity. Lists are newest first on (created_at, id). */
export class FacilitiesRepository {
  private facilities(db: Db) {
    return db
      .selectFrom('facilities as f')
      .innerJoin('localities as l', 'l.code', 'f.locality_code')
      .selectAll('f')
      .select([
        'l.name as commune_name',
        // The cursor key: a JS Date would drop the microseconds PostgreSQL keeps and skip rows.
        sql<string>`to_char(f.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('created_key'),
      ]);
  }

  findById(db: Db, id: string) {
    return this.facilities(db).where('f.id', '=', id).executeTakeFirst();
  }

  async list(db: Db, o: ListFacilitiesOptions) {
    const cursor = decodeCursor(o.after, ['timestamp', 'uuid']);
    let q = this.facilities(db)
      .where(pathWithinSql('f.locality_path', o.within))
      .where(facilityWithinSql('f.id', o.facilityIds));
    if (o.kind) q = q.where('f.kind', '=', o.kind);
    if (o.status) q = q.where('f.status', '=', o.status);
    if (cursor)
      q = q.where(sql<boolean>`(f.created_at, f.id) < (${String(cursor[0])}::timestamptz, ${String(cursor[1])}::uuid)`);
    return q
      .orderBy('f.created_at', 'desc')
      .orderBy('f.id', 'desc')
      .limit(o.limit + 1)
      .execute();
  }

  /** Active facilities of an area with at least one kind declared or in use (the occupancy board). */
  listActiveWithin(db: Db, within: string, facilityIds: readonly string[] | null) {
    return this.facilities(db)
      .where('f.status', '=', 'active')
      .where(pathWithinSql('f.locality_path', within))
      .where(facilityWithinSql('f.id', facilityIds))
      .orderBy('f.name')
      .orderBy('f.id')
      .execute();
  }

  /**
   * Capacity and use per (facility, kind) for a whole set of facilities in one statement. A full
   * join keeps kinds in use without a declared capacity (say, an admission recorded before its
   * capacity was): they must show up, not vanish.
   */
  async capacityLines(db: Db, set: FacilitySet): Promise<CapacityRow[]> {
    if ('ids' in set && set.ids.length === 0) return [];
    const { rows } = await sql<CapacityRow>`
      with f as (${facilitySetSql(set)}),
      used as (
        select a.facility_id, 'quarantine_place'::text as kind, count(*)::int as occupied
          from quarantine_admissions a join f on f.id = a.facility_id
         where a.status = 'active'
         group by a.facility_id
        union all
        select s.facility_id, s.bed_kind, count(*)::int
          from treatment_stays s join f on f.id = s.facility_id
         where s.discharged_at is null
         group by s.facility_id, s.bed_kind)
      select coalesce(c.facility_id, u.facility_id) as facility_id, coalesce(c.kind, u.kind) as kind,
             coalesce(c.capacity, 0)::int as capacity, coalesce(u.occupied, 0)::int as occupied
        from (select fc.* from facility_capacity fc join f on f.id = fc.facility_id) c
        full join used u on u.facility_id = c.facility_id and u.kind = c.kind`.execute(db);
    return rows;
  }

  /** Active facilities of an area with free capacity of `kind`, with their commune's centroid. */
  async placementCandidates(
    db: Db,
    o: { within: string; facilityIds: readonly string[] | null; kind: CapacityKind },
  ): Promise<PlacementRow[]> {
    return db
      .selectFrom('facilities as f')
      .innerJoin('localities as l', 'l.code', 'f.locality_code')
      .innerJoin('facility_capacity as c', (j) => j.onRef('c.facility_id', '=', 'f.id').on('c.kind', '=', o.kind))
      .select([
        'f.id',
        'f.name',
        'f.kind',
        'f.locality_code',
        'l.name as commune_name',
        'f.address_line',
        'f.contact_phone',
        'l.centroid_lon',
        'l.centroid_lat',
        'c.capacity',
        occupiedSql(o.kind, sql.ref('f.id')).as('occupied'),
      ])
      .where('f.status', '=', 'active')
      .where(pathWithinSql('f.locality_path', o.within))
      .where(facilityWithinSql('f.id', o.facilityIds))
      .where(sql<boolean>`c.capacity > ${occupiedSql(o.kind, sql.ref('f.id'))}`)
      .execute();
  }

  /**
   * Capacity and use of one kind, locking the capacity row until the transaction ends: two
   * admissions to the last bed are serialised, the second sees it taken.
   */
  async lockCapacity(db: Db, facilityId: string, kind: CapacityKind): Promise<{ capacity: number; occupied: number }> {
    const row = await db
      .selectFrom('facility_capacity')
      .select('capacity')
      .where('facility_id', '=', facilityId)
      .where('kind', '=', kind)
      .forUpdate()
      .executeTakeFirst();
    const used = await db
      .selectNoFrom(occupiedSql(kind, sql`${facilityId}::uuid`).as('occupied'))
      .executeTakeFirstOrThrow();
    return { capacity: row?.capacity ?? 0, occupied: used.occupied };
  }

  async lockAllCapacity(db: Db, facilityId: string): Promise<void> {
    await db.selectFrom('facility_capacity').select('kind').where('facility_id', '=', facilityId).forUpdate().execute();
  }

  async insert(db: Db, f: Insertable<FacilitiesTable>): Promise<string> {
    return (await db.insertInto('facilities').values(f).returning('id').executeTakeFirstOrThrow()).id;
  }

  async update(db: Db, id: string, changes: Updateable<FacilitiesTable>): Promise<void> {
    await db
      .updateTable('facilities')
      .set({ ...changes, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  }

  /** Sets the given kinds: a positive number is upserted, 0 removes the kind. */
  async setCapacity(db: Db, facilityId: string, capacity: Partial<Record<CapacityKind, number>>): Promise<void> {
    for (const [kind, value] of Object.entries(capacity) as [CapacityKind, number | undefined][]) {
      if (value === undefined) continue;
      if (value > 0) {
        await db
          .insertInto('facility_capacity')
          .values({ facility_id: facilityId, kind, capacity: value })
          .onConflict((c) => c.columns(['facility_id', 'kind']).doUpdateSet({ capacity: value }))
          .execute();
      } else {
        await db
          .deleteFrom('facility_capacity')
          .where('facility_id', '=', facilityId)
          .where('kind', '=', kind)
          .execute();
      }
    }
  }
}
