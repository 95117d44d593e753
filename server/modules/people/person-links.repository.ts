import { sql } from 'kysely';
import type { ListLinkRequestsQuery } from '../../../core/schemas/citizen.ts';
import type { Db } from '../../db/database.ts';
import { escapeLike } from '../../db/path-scope.ts';
import type { LinkReason, LinkStatus } from '../../db/schema-citizen.ts';
import { microsecondKey } from '../../db/cursor-keys.ts';
import { decodeCursor } from '../../shared/cursor.ts';

/** Requests to link a citizen's self-declared record to officials' record of the same document. */
export class PersonLinksRepository {
  async open(
    db: Db,
    r: {
      declaredPersonId: string;
      officialPersonId: string;
      phone: string;
      reason: LinkReason;
      declaredLocalityPath: string;
      officialLocalityPath: string | null;
    },
  ): Promise<string> {
    const row = await db
      .insertInto('person_link_requests')
      .values({
        declared_person_id: r.declaredPersonId,
        official_person_id: r.officialPersonId,
        phone: r.phone,
        reason: r.reason,
        declared_locality_path: r.declaredLocalityPath,
        official_locality_path: r.officialLocalityPath,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  findOpenFor(db: Db, declaredPersonId: string) {
    return db
      .selectFrom('person_link_requests')
      .select('id')
      .where('declared_person_id', '=', declaredPersonId)
      .where('status', '=', 'open')
      .executeTakeFirst();
  }

  /** The request, locked for the decision: two clicks on "accept" are decided one after the other. */
  findForDecision(db: Db, id: string) {
    return db.selectFrom('person_link_requests').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  }

  find(db: Db, id: string) {
    return db.selectFrom('person_link_requests').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async decide(
    db: Db,
    id: string,
    d: { status: Extract<LinkStatus, 'accepted' | 'rejected'>; actorId: string; note: string | null },
  ): Promise<void> {
    await db
      .updateTable('person_link_requests')
      .set({ status: d.status, decided_by: d.actorId, decided_at: new Date(), decision_note: d.note })
      .where('id', '=', id)
      .execute();
  }

  /** Requests about either record lying in `within`, newest first, keyset-paged on (created_at, id). */
  async list(db: Db, within: string, q: Omit<ListLinkRequestsQuery, 'locality'>) {
    const cursor = decodeCursor(q.after, ['timestamp', 'uuid']);
    const below = `${escapeLike(within)}/%`;
    let query = db
      .selectFrom('person_link_requests as r')
      .innerJoin('people as d', 'd.id', 'r.declared_person_id')
      .innerJoin('people as o', 'o.id', 'r.official_person_id')
      .leftJoin('localities as dl', 'dl.code', 'd.commune_code')
      .leftJoin('localities as ol', 'ol.code', 'o.commune_code')
      .select([
        'r.id',
        'r.created_at',
        'r.status',
        'r.reason',
        'r.phone',
        'r.declared_person_id',
        'r.official_person_id',
        'd.full_name as declared_name',
        'd.birth_year as declared_birth_year',
        'd.commune_code as declared_commune_code',
        'dl.name as declared_commune_name',
        'o.full_name as official_name',
        'o.commune_code as official_commune_code',
        'ol.name as official_commune_name',
        microsecondKey('r.created_at').as('created_key'),
      ])
      .where('r.status', '=', q.status)
      .where((eb) =>
        eb.or([
          eb('r.declared_locality_path', '=', within),
          eb('r.declared_locality_path', 'like', below),
          eb('r.official_locality_path', '=', within),
          eb('r.official_locality_path', 'like', below),
        ]),
      );
    if (cursor)
      query = query.where(sql<boolean>`(r.created_at, r.id) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`);
    return query
      .orderBy('r.created_at', 'desc')
      .orderBy('r.id', 'desc')
      .limit(q.limit + 1)
      .execute();
  }

  /** One side of a request as officials compare them (the record may since have been merged: its id still answers). */
  recordOf(db: Db, personId: string) {
    return db
      .selectFrom('people as p')
      .leftJoin('localities as l', 'l.code', 'p.commune_code')
      .select([
        'p.id',
        'p.id_type',
        'p.id_number',
        'p.full_name',
        'p.birth_year',
        'p.gender',
        'p.phone',
        'p.phone_verified_at',
        'p.address_line',
        'p.created_at',
        'p.f_level',
        'p.under_quarantine',
        'p.under_monitoring',
        'p.locality_path',
        'p.merged_into',
        'p.erased_at',
        'p.commune_code',
        'l.name as commune_name',
      ])
      .where('p.id', '=', personId)
      .executeTakeFirstOrThrow();
  }

  /** Open requests in `within`, for today's work. */
  async openCount(db: Db, within: string): Promise<number> {
    const below = `${escapeLike(within)}/%`;
    const r = await sql<{ n: string }>`select count(*) as n from person_link_requests r where r.status = 'open'
      and (r.declared_locality_path = ${within} or r.declared_locality_path like ${below}
        or r.official_locality_path = ${within} or r.official_locality_path like ${below})`.execute(db);
    return Number(r.rows[0]?.n ?? 0);
  }
}
