import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { escapeLike, pathWithinSql } from '../../db/path-scope.ts';
import { decodeCursor } from '../../shared/cursor.ts';
import type { SearchTerm } from './people-search.term.ts';

/** The registry searched by staff who are about to enter someone: live records of a subtree. */
export class PeopleSearchRepository {
  /**
   * By folded name (trigram index), or by phone / document (equalities), in name order. Merged,
   * erased and rejected self-declared records are history, never offered.
   */
  search(db: Db, within: string, term: SearchTerm, page: { after?: string; limit: number }) {
    const cursor = decodeCursor(page.after, ['text', 'uuid']);
    let q = db
      .selectFrom('people as p')
      .leftJoin('localities as l', 'l.code', 'p.commune_code')
      .select([
        'p.id',
        'p.full_name',
        'p.birth_year',
        'p.phone',
        'p.id_type',
        'p.id_number',
        'p.under_quarantine',
        sql<string>`coalesce(p.name_key, '')`.as('sort_key'),
        'p.commune_code',
        'l.name as commune_name',
      ])
      .where(pathWithinSql('p.locality_path', within))
      .where('p.merged_into', 'is', null)
      .where('p.erased_at', 'is', null)
      .where('p.identity_status', '<>', 'not_verified');
    if (term.by === 'name') {
      q = q.where('p.name_key', 'like', `%${escapeLike(term.folded)}%`);
    } else {
      q = q.where((eb) =>
        eb.or([
          eb.and([eb('p.id_type', 'in', ['cccd', 'cmnd', 'passport']), eb('p.id_number', '=', term.document)]),
          ...(term.phones.length ? [eb('p.phone', 'in', term.phones)] : []),
        ]),
      );
    }
    if (cursor) {
      q = q.where(sql<boolean>`(coalesce(p.name_key, ''), p.id) > (${String(cursor[0])}, ${String(cursor[1])}::uuid)`);
    }
    return q
      .orderBy(sql`coalesce(p.name_key, '')`)
      .orderBy('p.id')
      .limit(page.limit + 1)
      .execute();
  }
}
