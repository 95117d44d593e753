import { sql, type Expression, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { CasesTable, CaseClassification, CaseStatus } from '../../db/schema.ts';
import { escapeLike, scopeWithinSql } from '../../db/path-scope.ts';
import { decodeCursor } from '../../shared/cursor.ts';
import { nameKey } from '../../../core/rules/person-keys.ts';

export type NewCase = Insertable<CasesTable>;
export type CaseChanges = Updateable<CasesTable>;
export type CaseRecord = NonNullable<Awaited<ReturnType<CasesRepository['findById']>>>;

/** Who infected whom, and how it became known. */
export interface CaseLink {
  infectorId: string;
  infecteeId: string;
  origin: 'declared' | 'tracing' | 'import';
}

export interface ListCasesOptions {
  withinPath: string;
  status?: CaseStatus;
  classification?: CaseClassification;
  clusterId?: string;
  q?: string;
  confirmedFrom?: string;
  confirmedTo?: string;
  after?: string;
  limit: number;
}

/** SQL for cases (F0) and their transmission links. Lists are newest confirmation first. */
export class CasesRepository {
  private cases(db: Db) {
    return db
      .selectFrom('cases as c')
      .innerJoin('localities as l', 'l.code', 'c.locality_code')
      .leftJoin('clusters as k', 'k.id', 'c.cluster_id')
      .leftJoin('people as p', 'p.id', 'c.person_id')
      .selectAll('c')
      .select([
        'l.name as locality_name',
        'k.code as cluster_code',
        'k.name as cluster_name',
        'p.gender as person_gender',
        'p.birth_year as person_birth_year',
        'p.nationality as person_nationality',
        // A linked person's current name wins: the case row keeps what the line list said.
        sql<string | null>`coalesce(p.full_name, c.full_name)`.as('display_name'),
        sql<string>`to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('created_key'),
      ]);
  }

  findById(db: Db, id: string) {
    return this.cases(db).where('c.id', '=', id).executeTakeFirst();
  }

  findByClientKey(db: Db, clientKey: string) {
    return this.cases(db).where('c.client_key', '=', clientKey).executeTakeFirst();
  }

  findByPerson(db: Db, personId: string) {
    return this.cases(db).where('c.person_id', '=', personId).executeTakeFirst();
  }

  async anyExists(db: Db): Promise<boolean> {
    return (await db.selectFrom('cases').select('id').limit(1).executeTakeFirst()) !== undefined;
  }

  async caseNumberTaken(db: Db, caseNumber: string): Promise<boolean> {
    return (
      (await db.selectFrom('cases').select('id').where('case_number', '=', caseNumber).executeTakeFirst()) !== undefined
    );
  }

  async nextCaseNumber(db: Db, provinceCode: string): Promise<string> {
    const r = await sql<{ n: string }>`select nextval('case_number_seq') as n`.execute(db);
    return `${provinceCode}-${String(r.rows[0]!.n).padStart(6, '0')}`;
  }

  async insert(db: Db, c: NewCase): Promise<string> {
    return (await db.insertInto('cases').values(c).returning('id').executeTakeFirstOrThrow()).id;
  }

  async update(db: Db, id: string, changes: CaseChanges): Promise<void> {
    await db
      .updateTable('cases')
      .set({ ...changes, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  }

  /**
   * The list in its order (newest confirmation first) with its filters, without the text search
   * and the page limit: what an export walks with one server-side cursor.
   */
  listInOrder(db: Db, o: Omit<ListCasesOptions, 'q' | 'limit'>) {
    const cursor = decodeCursor(o.after, ['date', 'uuid']);
    let q = this.cases(db).where(
      scopeWithinSql(
        { path: 'c.locality_path', province: 'c.province_code', commune: 'c.locality_code' },
        o.withinPath,
      ),
    );
    if (o.status) q = q.where('c.status', '=', o.status);
    if (o.classification) q = q.where('c.classification', '=', o.classification);
    if (o.clusterId) q = q.where('c.cluster_id', '=', o.clusterId);
    if (o.confirmedFrom) q = q.where('c.confirmed_date', '>=', o.confirmedFrom);
    if (o.confirmedTo) q = q.where('c.confirmed_date', '<=', o.confirmedTo);
    if (cursor) {
      const [date, id] = [String(cursor[0]), String(cursor[1])];
      q = q.where(sql<boolean>`(c.confirmed_date, c.id) < (${date}::date, ${id}::uuid)`);
    }
    return q.orderBy('c.confirmed_date', 'desc').orderBy('c.id', 'desc');
  }

  async list(db: Db, o: ListCasesOptions) {
    const q = this.listInOrder(db, o);
    if (!o.q) return q.limit(o.limit + 1).execute();
    const search = caseSearch(o.q);
    if (search.kind === 'number')
      return q
        .where('c.case_number', 'in', search.caseNumbers)
        .limit(o.limit + 1)
        .execute();
    // A common name is met soon walking the list in its order; a rare one is found through the
    // trigram indexes. The walk is tried first, within a budget: if it meets a page of matches, or
    // the end of the list, those are exactly the newest matches.
    const walked = await q
      .clearSelect()
      .select([
        'c.id',
        sql<boolean>`coalesce(p.name_key like ${search.term} or c.name_key like ${search.term}, false)`.as('matches'),
      ])
      .limit(SEARCH_WALK)
      .execute();
    const met = walked.filter((r) => r.matches).map((r) => r.id);
    if (met.length > o.limit || walked.length < SEARCH_WALK)
      return met.length ? q.where('c.id', 'in', met.slice(0, o.limit + 1)).execute() : [];
    return q
      .where(
        sql<SqlBool>`c.id in (
      select id from cases where name_key like ${search.term}
      union all
      select x.id from cases x join people n on n.id = x.person_id where n.name_key like ${search.term})`,
      )
      .limit(o.limit + 1)
      .execute();
  }

  infectorsOf(db: Db, caseId: string) {
    return db
      .selectFrom('case_links as x')
      .innerJoin('cases as c', 'c.id', 'x.infector_id')
      .select(['c.id', 'c.case_number'])
      .where('x.infectee_id', '=', caseId)
      .orderBy('c.case_number')
      .execute();
  }

  /** Cases by id, for checking sources named in a request (existence and scope). */
  findMany(db: Db, ids: readonly string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('cases').select(['id', 'case_number', 'locality_path']).where('id', 'in', ids).execute();
  }

  async insertLinks(db: Db, links: readonly CaseLink[]): Promise<void> {
    if (links.length === 0) return;
    await db
      .insertInto('case_links')
      .values(links.map((l) => ({ infector_id: l.infectorId, infectee_id: l.infecteeId, origin: l.origin })))
      .onConflict((oc) => oc.columns(['infector_id', 'infectee_id']).doNothing())
      .execute();
  }

  cluster(db: Db, id: string) {
    return db.selectFrom('clusters').select(['id', 'locality_path']).where('id', '=', id).executeTakeFirst();
  }

  /** Each of these people's latest case confirmed on or after `since`: person id and confirmation day only. */
  async confirmedSince(db: Db, personIds: readonly string[], since: string) {
    if (personIds.length === 0) return [];
    return db
      .selectFrom('cases')
      .select(['person_id', sql<string>`max(confirmed_date)::text`.as('confirmed_on')])
      .where('person_id', 'in', [...personIds])
      .where('confirmed_date', '>=', since)
      .groupBy('person_id')
      .execute();
  }
}

/** Rows of the list walked, in its order, looking for a searched name before the indexes are asked. */
const SEARCH_WALK = 1_000;

/**
 * What a search box holds: a case number (a word with digits: found by equality), or a name typed
 * with or without diacritics (the name a case was reported with, or its person's current one).
 */
function caseSearch(text: string): { kind: 'number'; caseNumbers: string[] } | { kind: 'name'; term: string } {
  const trimmed = text.trim();
  if (/\d/.test(trimmed) && !/\s/.test(trimmed))
    return { kind: 'number', caseNumbers: [...new Set([trimmed, trimmed.toUpperCase()])] };
  return { kind: 'name', term: `%${escapeLike(nameKey(trimmed))}%` };
}
