import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/database.ts';
import { microsecondKey } from '../../db/cursor-keys.ts';
import { pathWithinSql } from '../../db/path-scope.ts';
import type { ForceMembersTable } from '../../db/schema-resources.ts';
import { decodeCursor } from '../../shared/cursor.ts';

export type MemberRecord = NonNullable<Awaited<ReturnType<ForcesRepository['findMember']>>>;
export type RequestRecord = NonNullable<Awaited<ReturnType<ForcesRepository['findRequest']>>>;

/** SQL of force rosters, duty schedules, reinforcement requests and transfers. */
export class ForcesRepository {
  private members(db: Db) {
    return db
      .selectFrom('force_members as m')
      .innerJoin('reporting_units as h', 'h.id', 'm.home_unit_id')
      .innerJoin('reporting_units as s', 's.id', 'm.serving_unit_id')
      .selectAll('m')
      .select([
        'h.code as home_code',
        'h.name as home_name',
        'h.name_en as home_name_en',
        'h.locality_path as home_path',
        's.code as serving_code',
        's.name as serving_name',
        's.name_en as serving_name_en',
      ]);
  }

  findMember(db: Db, id: string) {
    return this.members(db).where('m.id', '=', id).executeTakeFirst();
  }

  findMemberByClientKey(db: Db, clientKey: string) {
    return db.selectFrom('force_members').select('id').where('client_key', '=', clientKey).executeTakeFirst();
  }

  async insertMember(db: Db, row: Insertable<ForceMembersTable>) {
    return (await db.insertInto('force_members').values(row).returning('id').executeTakeFirstOrThrow()).id;
  }

  async updateMember(
    db: Db,
    id: string,
    set: { availability?: 'standby' | 'on_duty' | 'unavailable'; assignment?: string | null },
  ) {
    await db.updateTable('force_members').set(set).where('id', '=', id).execute();
  }

  /** By name (keyset paged), in the area the members serve. */
  listMembers(
    db: Db,
    o: { withinPath: string; unitId?: string; kind?: string; availableOnly?: boolean; after?: string; limit: number },
  ) {
    const cursor = decodeCursor(o.after, ['text', 'uuid']);
    let q = this.members(db).where(pathWithinSql('m.locality_path', o.withinPath));
    if (o.unitId) q = q.where('m.serving_unit_id', '=', o.unitId);
    if (o.kind) q = q.where('m.kind', '=', o.kind);
    if (o.availableOnly) q = q.where('m.availability', '<>', 'unavailable');
    if (cursor) q = q.where(sql<boolean>`(m.full_name, m.id) > (${cursor[0]}, ${cursor[1]}::uuid)`);
    return q
      .orderBy('m.full_name')
      .orderBy('m.id')
      .limit(o.limit + 1)
      .execute();
  }

  /** Sends a member to serve another unit, recording the transfer. */
  async transfer(
    db: Db,
    o: {
      member: MemberRecord;
      to: { id: string; locality_path: string; province_code: string };
      requestId: string;
      by: string | null;
    },
  ) {
    await db
      .updateTable('force_members')
      .set({
        serving_unit_id: o.to.id,
        locality_path: o.to.locality_path,
        province_code: o.to.province_code,
        availability: 'on_duty',
      })
      .where('id', '=', o.member.id)
      .execute();
    await db
      .insertInto('force_transfers')
      .values({
        member_id: o.member.id,
        request_id: o.requestId,
        from_unit_id: o.member.serving_unit_id,
        to_unit_id: o.to.id,
        transferred_by: o.by,
      })
      .execute();
  }

  transfersOf(db: Db, requestId: string) {
    return db
      .selectFrom('force_transfers')
      .select(['member_id', 'from_unit_id', 'to_unit_id'])
      .where('request_id', '=', requestId)
      .execute();
  }

  findDutyByClientKey(db: Db, clientKey: string) {
    return db.selectFrom('force_duties').select('id').where('client_key', '=', clientKey).executeTakeFirst();
  }

  overlappingDuty(db: Db, memberId: string, startsAt: string, endsAt: string) {
    return db
      .selectFrom('force_duties')
      .select('id')
      .where('member_id', '=', memberId)
      .where('starts_at', '<', new Date(endsAt))
      .where('ends_at', '>', new Date(startsAt))
      .executeTakeFirst();
  }

  async insertDuty(
    db: Db,
    row: {
      client_key: string;
      member_id: string;
      unit_id: string;
      starts_at: string;
      ends_at: string;
      post: string;
      created_by: string | null;
    },
  ) {
    return (await db.insertInto('force_duties').values(row).returning('id').executeTakeFirstOrThrow()).id;
  }

  duties(db: Db, o: { unitId?: string; dutyId?: string; from?: string; until?: string }) {
    let q = db
      .selectFrom('force_duties as d')
      .innerJoin('force_members as m', 'm.id', 'd.member_id')
      .select([
        'd.id',
        'd.member_id',
        'm.full_name',
        'd.post',
        microsecondKey('d.starts_at').as('starts_at'),
        microsecondKey('d.ends_at').as('ends_at'),
      ]);
    if (o.dutyId) q = q.where('d.id', '=', o.dutyId);
    if (o.unitId) q = q.where('d.unit_id', '=', o.unitId);
    if (o.from) q = q.where('d.ends_at', '>', new Date(o.from));
    if (o.until) q = q.where('d.starts_at', '<', new Date(o.until));
    return q.orderBy('d.starts_at').orderBy('m.full_name').limit(1000).execute();
  }

  private requests(db: Db) {
    return db
      .selectFrom('reinforcement_requests as r')
      .innerJoin('reporting_units as u', 'u.id', 'r.unit_id')
      .innerJoin('reporting_units as a', 'a.id', 'r.asked_of_unit_id')
      .selectAll('r')
      .select([
        'u.code as unit_code',
        'u.name as unit_name',
        'u.name_en as unit_name_en',
        'a.code as asked_code',
        'a.name as asked_name',
        'a.name_en as asked_name_en',
        'a.locality_path as asked_path',
        microsecondKey('r.created_at').as('created_key'),
      ]);
  }

  findRequest(db: Db, id: string, lock = false) {
    let q = this.requests(db).where('r.id', '=', id);
    if (lock) q = q.forUpdate('r');
    return q.executeTakeFirst();
  }

  findRequestByClientKey(db: Db, clientKey: string) {
    return db.selectFrom('reinforcement_requests').select('id').where('client_key', '=', clientKey).executeTakeFirst();
  }

  async insertRequest(
    db: Db,
    row: {
      client_key: string;
      unit_id: string;
      asked_of_unit_id: string;
      kind: string;
      count: number;
      reason: string;
      locality_path: string;
      province_code: string;
      created_by: string | null;
    },
  ) {
    return (await db.insertInto('reinforcement_requests').values(row).returning('id').executeTakeFirstOrThrow()).id;
  }

  async updateRequest(
    db: Db,
    id: string,
    set: { assigned?: number; status?: 'open' | 'fulfilled' | 'declined'; decline_reason?: string },
  ) {
    await db.updateTable('reinforcement_requests').set(set).where('id', '=', id).execute();
  }

  /** Newest first (keyset paged), by the area of the unit asking. */
  listRequests(db: Db, o: { withinPath: string; status?: string; after?: string; limit: number }) {
    const cursor = decodeCursor(o.after, ['timestamp', 'uuid']);
    let q = this.requests(db).where(pathWithinSql('r.locality_path', o.withinPath));
    if (o.status) q = q.where('r.status', '=', o.status as 'open');
    if (cursor) q = q.where(sql<boolean>`(r.created_at, r.id) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`);
    return q
      .orderBy('r.created_at', 'desc')
      .orderBy('r.id', 'desc')
      .limit(o.limit + 1)
      .execute();
  }
}
