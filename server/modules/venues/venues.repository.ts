import { sql, type Insertable, type Updateable } from 'kysely';
import { normaliseVenuePublicCode } from '../../../core/rules/venue-public-code.ts';
import type { VenueStatus } from '../../../core/rules/venue-status.ts';
import type { GatePolicy, VenueType } from '../../../core/schemas/venues.ts';
import type { Db } from '../../db/database.ts';
import type { VenuesTable } from '../../db/schema.ts';
import { escapeLike, pathWithinSql } from '../../db/path-scope.ts';
import { decodeCursor } from '../../shared/cursor.ts';

export type VenueRecord = NonNullable<Awaited<ReturnType<VenuesRepository['findById']>>>;
export type NewVenue = Insertable<VenuesTable> & { venue_type: VenueType; gate_policy: GatePolicy };
export type VenueChanges = Updateable<VenuesTable>;

export interface ListVenuesOptions {
  /** Jurisdiction (or the narrower `locality` filter): venues at or below this path. */
  withinPath: string;
  /** Organisation administrators see only what they own. */
  ownerUserId?: string;
  status?: VenueStatus;
  type?: VenueType;
  q?: string;
  after?: string;
  limit: number;
}

/** SQL for venues. Lists are newest first on (created_at, id), with a microsecond-exact cursor. */
export class VenuesRepository {
  private venues(db: Db) {
    return db
      .selectFrom('venues')
      .innerJoin('localities as commune', 'commune.code', 'venues.commune_code')
      .leftJoin('localities as province', 'province.code', 'commune.province_code')
      .leftJoin('users as decider', 'decider.id', 'venues.decided_by')
      .selectAll('venues')
      .select([
        'commune.name as commune_name',
        'commune.full_name as commune_full_name',
        'province.full_name as province_full_name',
        'decider.full_name as decided_by_name',
        // The cursor key: a JS Date would drop the microseconds PostgreSQL keeps and skip rows.
        sql<string>`to_char(venues.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`.as('created_key'),
      ]);
  }

  findById(db: Db, id: string) {
    return this.venues(db).where('venues.id', '=', id).executeTakeFirst();
  }

  findByPublicCode(db: Db, publicCode: string) {
    return this.venues(db).where('venues.public_code', '=', publicCode).executeTakeFirst();
  }

  async publicCodeTaken(db: Db, publicCode: string): Promise<boolean> {
    return (
      (await db.selectFrom('venues').select('id').where('public_code', '=', publicCode).executeTakeFirst()) !==
      undefined
    );
  }

  async list(db: Db, o: ListVenuesOptions) {
    const cursor = decodeCursor(o.after, ['timestamp', 'uuid']);
    let query = this.venues(db).where(pathWithinSql('venues.locality_path', o.withinPath));
    if (o.ownerUserId) query = query.where('venues.owner_user_id', '=', o.ownerUserId);
    if (o.status) query = query.where('venues.status', '=', o.status);
    if (o.type) query = query.where('venues.venue_type', '=', o.type);
    if (o.q) {
      const code = normaliseVenuePublicCode(o.q);
      const term = `%${escapeLike(o.q)}%`;
      query = query.where((eb) =>
        eb.or([
          eb(sql`unaccent(venues.name)`, 'ilike', sql`unaccent(${term})`),
          eb(sql`unaccent(venues.organisation_name)`, 'ilike', sql`unaccent(${term})`),
          eb('venues.public_code', '=', code),
        ]),
      );
    }
    if (cursor) {
      const [createdKey, id] = cursor;
      query = query.where(
        sql<boolean>`(venues.created_at, venues.id) < (${createdKey}::timestamp at time zone 'UTC', ${id}::uuid)`,
      );
    }
    return query
      .orderBy('venues.created_at', 'desc')
      .orderBy('venues.id', 'desc')
      .limit(o.limit + 1)
      .execute();
  }

  async insert(db: Db, v: NewVenue): Promise<string> {
    const row = await db.insertInto('venues').values(v).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  async update(db: Db, id: string, changes: VenueChanges): Promise<void> {
    await db
      .updateTable('venues')
      .set({ ...changes, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  }

  /**
   * Moves a venue from `from` to another status only if nobody changed it meanwhile.
   * Returns false when the venue was no longer in `from` (two officials deciding at once).
   */
  async changeStatus(db: Db, id: string, from: VenueStatus, changes: VenueChanges): Promise<boolean> {
    const r = await db
      .updateTable('venues')
      .set({ ...changes, updated_at: new Date() })
      .where('id', '=', id)
      .where('status', '=', from)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}
