import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { EpidemicZonesTable } from '../../db/schema-risk.ts';
import { microsecondKey } from '../../db/cursor-keys.ts';
import { decodeCursor } from '../../shared/cursor.ts';

const activeAt = (at: Date) => sql<boolean>`z.starts_at <= ${at} and (z.ends_at is null or z.ends_at > ${at})`;

/** Epidemic zones (khoanh vùng, phong tỏa) and the flag arrivals read from them. */
export class ZonesRepository {
  private base(db: Db) {
    return db
      .selectFrom('epidemic_zones as z')
      .leftJoin('users as u', 'u.id', 'z.created_by')
      .selectAll('z')
      .select('u.full_name as created_by_name');
  }

  /** Inserts a zone; a repeated client key returns the zone it created the first time. */
  async insert(db: Db, z: Insertable<EpidemicZonesTable>): Promise<string> {
    const r = await db
      .insertInto('epidemic_zones')
      .values(z)
      .onConflict((oc) => oc.column('client_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (r) return r.id;
    return (
      await db
        .selectFrom('epidemic_zones')
        .select('id')
        .where('client_key', '=', z.client_key ?? null)
        .executeTakeFirstOrThrow()
    ).id;
  }

  find(db: Db, id: string) {
    return this.base(db).where('z.id', '=', id).executeTakeFirst();
  }

  /** Zones of a province, newest start first (keyset on starts_at, id); `active` keeps those not ended at `at`. */
  list(db: Db, o: { province: string; commune?: string; active: boolean; at: Date; after?: string; limit: number }) {
    const cursor = decodeCursor(o.after, ['timestamp', 'uuid']);
    let q = this.base(db)
      .select(microsecondKey('z.starts_at').as('starts_key'))
      .where('z.province_code', '=', o.province);
    if (o.commune) q = q.where(sql<boolean>`z.commune_codes @> array[${o.commune}]::text[]`);
    if (o.active) q = q.where(sql<boolean>`(z.ends_at is null or z.ends_at > ${o.at})`);
    if (cursor)
      q = q.where(sql<boolean>`(z.starts_at, z.id) < (${String(cursor[0])}::timestamptz, ${String(cursor[1])}::uuid)`);
    return q
      .orderBy('z.starts_at', 'desc')
      .orderBy('z.id', 'desc')
      .limit(o.limit + 1)
      .execute();
  }

  /** Zones in force at `at` in a province (the map and the public page). */
  activeIn(db: Db, province: string, at: Date) {
    return this.base(db)
      .where('z.province_code', '=', province)
      .where(activeAt(at))
      .orderBy('z.starts_at', 'desc')
      .execute();
  }

  async end(db: Db, id: string, endsAt: Date, by: string | null): Promise<void> {
    await db.updateTable('epidemic_zones').set({ ends_at: endsAt, ended_by: by }).where('id', '=', id).execute();
  }

  /**
   * Makes `locality_risk_status.in_epidemic_zone` (what a declaration's arrival flag reads) follow
   * the zones in force at `at`. A commune without a level row gets one with no level (unknown).
   */
  async applyZoneFlags(db: Db, at: Date): Promise<number> {
    const set = await sql`
      insert into locality_risk_status (code, level, in_epidemic_zone, updated_at)
      select distinct c, null::integer, true, now() from epidemic_zones z, unnest(z.commune_codes) c where ${activeAt(at)}
      on conflict (code) do update set in_epidemic_zone = true, updated_at = now() where not locality_risk_status.in_epidemic_zone`.execute(
      db,
    );
    const cleared = await sql`
      update locality_risk_status s set in_epidemic_zone = false, updated_at = now()
      where s.in_epidemic_zone and not exists (select 1 from epidemic_zones z where ${activeAt(at)} and z.commune_codes @> array[s.code])`.execute(
      db,
    );
    return Number(set.numAffectedRows ?? 0) + Number(cleared.numAffectedRows ?? 0);
  }
}
