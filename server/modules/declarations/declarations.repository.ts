import type { Db } from '../../db/database.ts';
import type { ArrivalsTable, HealthDeclarationsTable } from '../../db/schema.ts';
import { sql } from 'kysely';
import { microsecondKey } from '../../db/cursor-keys.ts';
import { scopeWithinSql } from '../../db/path-scope.ts';
import { decodeCursor } from '../../shared/cursor.ts';
import type { ListArrivalsQuery, ListDeclarationsQuery } from '../../../core/schemas/declarations.ts';

type NewDeclaration = Omit<
  HealthDeclarationsTable,
  'id' | 'submitted_at' | 'symptoms' | 'exposures' | 'conditions' | 'declared_identity'
> & {
  symptoms: string[];
  exposures: string[];
  conditions: string[];
  /** What the citizen typed when it was not written to the person record (officials' data kept). */
  declared_identity: object | null;
};
type NewArrival = Omit<ArrivalsTable, 'id' | 'submitted_at' | 'flagged' | 'flag_reasons' | 'follow_up_status'> & {
  flagged: boolean;
  flagReasons: string[];
};

export class DeclarationsRepository {
  findDeclarationByClientKey(db: Db, clientKey: string) {
    return db
      .selectFrom('health_declarations')
      .select(['id', 'person_id'])
      .where('client_key', '=', clientKey)
      .executeTakeFirst();
  }

  async insertDeclaration(db: Db, d: NewDeclaration): Promise<string> {
    const r = await db
      .insertInto('health_declarations')
      .values({
        ...d,
        symptoms: JSON.stringify(d.symptoms),
        exposures: JSON.stringify(d.exposures),
        conditions: JSON.stringify(d.conditions),
        declared_identity: d.declared_identity === null ? null : JSON.stringify(d.declared_identity),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  }

  findArrivalByClientKey(db: Db, clientKey: string) {
    return db
      .selectFrom('arrivals')
      .select(['id', 'flagged', 'flag_reasons'])
      .where('client_key', '=', clientKey)
      .executeTakeFirst();
  }

  async insertArrival(db: Db, a: NewArrival): Promise<string> {
    const { flagReasons, ...rest } = a;
    const r = await db
      .insertInto('arrivals')
      .values({
        ...rest,
        flag_reasons: JSON.stringify(flagReasons),
        follow_up_status: a.flagged ? 'pending' : 'none',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  }

  /** Current risk of the given localities (a commune and its province), maintained by the risk module. */
  riskOf(db: Db, codes: string[]) {
    return db
      .selectFrom('locality_risk_status')
      .select(['code', 'level', 'in_epidemic_zone'])
      .where('code', 'in', codes)
      .execute();
  }

  async listDeclarations(db: Db, within: string, q: ListDeclarationsQuery) {
    const cursor = decodeCursor(q.after, ['timestamp', 'uuid']);
    let query = db
      .selectFrom('health_declarations as d')
      .innerJoin('people as p', 'p.id', 'd.person_id')
      .innerJoin('localities as l', 'l.code', 'd.commune_code')
      .select([
        'd.id',
        'd.submitted_at',
        'd.valid_until',
        'd.kind',
        'd.symptoms',
        'd.exposures',
        'd.commune_code',
        'l.name as commune_name',
        'd.person_id',
        'p.full_name',
        'p.birth_year',
        'p.phone',
        microsecondKey('d.submitted_at').as('submitted_key'),
      ])
      .where(
        scopeWithinSql({ path: 'd.locality_path', province: 'd.scope_province', commune: 'd.scope_code' }, within),
      );
    if (q.from) query = query.where('d.submitted_at', '>=', new Date(q.from));
    if (q.to) query = query.where('d.submitted_at', '<', new Date(q.to));
    // flagged: a symptom or an exposure declared (a stored column, migration 0015, to be indexed).
    if (q.flagged !== undefined) query = query.where(sql<boolean>`d.flagged = ${q.flagged}`);
    if (cursor)
      query = query.where(sql<boolean>`(d.submitted_at, d.id) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`);
    return query
      .orderBy('d.submitted_at', 'desc')
      .orderBy('d.id', 'desc')
      .limit(q.limit + 1)
      .execute();
  }

  async listArrivals(db: Db, within: string, q: ListArrivalsQuery) {
    const cursor = decodeCursor(q.after, ['timestamp', 'uuid']);
    let query = db
      .selectFrom('arrivals as a')
      .innerJoin('people as p', 'p.id', 'a.person_id')
      .innerJoin('localities as l', 'l.code', 'a.destination_commune_code')
      .select([
        'a.id',
        'a.submitted_at',
        'a.origin_kind',
        'a.origin_code',
        'a.origin_country',
        'a.vehicle_type',
        'a.vehicle_number',
        'a.arrived_on',
        'a.destination_commune_code',
        'l.name as commune_name',
        'a.flagged',
        'a.flag_reasons',
        'a.follow_up_status',
        'a.declared_by_host',
        'a.locality_path',
        'a.person_id',
        'p.full_name',
        'p.birth_year',
        'p.phone',
        microsecondKey('a.submitted_at').as('submitted_key'),
      ])
      .where(
        scopeWithinSql({ path: 'a.locality_path', province: 'a.scope_province', commune: 'a.scope_code' }, within),
      );
    if (q.followUp) query = query.where('a.follow_up_status', '=', q.followUp);
    if (q.flagged !== undefined) query = query.where('a.flagged', '=', q.flagged);
    if (cursor)
      query = query.where(sql<boolean>`(a.submitted_at, a.id) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`);
    return query
      .orderBy('a.submitted_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(q.limit + 1)
      .execute();
  }

  findArrival(db: Db, id: string) {
    return db
      .selectFrom('arrivals')
      .select(['id', 'locality_path', 'follow_up_status', 'destination_commune_code'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async setFollowUp(db: Db, id: string, status: 'pending' | 'contacted' | 'closed'): Promise<void> {
    await db.updateTable('arrivals').set({ follow_up_status: status }).where('id', '=', id).execute();
  }

  async purgeDeclarationsBefore(db: Db, before: Date): Promise<number> {
    const r = await db.deleteFrom('health_declarations').where('submitted_at', '<', before).executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
