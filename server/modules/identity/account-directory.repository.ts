import { sql } from 'kysely';
import { foldVietnamese } from '../../../core/rules/person-keys.ts';
import type { Db } from '../../db/database.ts';
import { escapeLike, pathWithinSql } from '../../db/path-scope.ts';
import { decodeCursor } from '../../shared/cursor.ts';

/** Accounts as other modules name them: the audit log shows who acted by name, and searches by name. */
export class AccountDirectoryRepository {
  namesOf(db: Db, ids: readonly string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('users')
      .select(['id', 'full_name', 'username', 'role'])
      .where('id', 'in', [...ids])
      .execute();
  }

  /** Active accounts of these roles placed at one locality. */
  activeAt(db: Db, localityCode: string, roles: readonly string[]) {
    if (roles.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('users')
      .select('id')
      .where('locality_code', '=', localityCode)
      .where('role', 'in', [...roles] as never[])
      .where('disabled_at', 'is', null)
      .orderBy('id')
      .execute();
  }

  /**
   * Of these accounts, the active ones placed within the subtree or above it (an official of an
   * upper level, who sees the subtree already); never one of a sibling or another province.
   */
  activeInLine(db: Db, path: string, ids: readonly string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('users')
      .innerJoin('localities', 'localities.code', 'users.locality_code')
      .select('users.id')
      .where('users.id', 'in', [...ids])
      .where('users.disabled_at', 'is', null)
      .where((eb) =>
        eb.or([pathWithinSql('localities.path', path), eb(eb.val(path), 'like', sql<string>`localities.path || '/%'`)]),
      )
      .execute();
  }

  /**
   * Accounts of a subtree, by name then id; the term matches the name or username without
   * diacritics. Disabled accounts too unless `activeOnly` (the audit log names who acted then).
   */
  search(db: Db, within: string, q: { q?: string; after?: string; limit: number }, activeOnly = false) {
    const cursor = decodeCursor(q.after, ['text', 'uuid']);
    let query = db
      .selectFrom('users')
      .innerJoin('localities', 'localities.code', 'users.locality_code')
      .select([
        'users.id',
        'users.full_name',
        'users.username',
        'users.role',
        'localities.name as locality_name',
        'localities.name_en as locality_name_en',
      ])
      .where(pathWithinSql('localities.path', within));
    if (activeOnly) query = query.where('users.disabled_at', 'is', null);
    const term = q.q ? foldVietnamese(q.q) : '';
    if (term) {
      const like = `%${escapeLike(term)}%`;
      query = query.where((eb) =>
        eb.or([
          eb(sql<string>`fold_vietnamese(users.full_name)`, 'like', like),
          eb(sql<string>`lower(users.username)`, 'like', like),
        ]),
      );
    }
    if (cursor) {
      query = query.where(
        sql<boolean>`(users.full_name, users.id) > (${String(cursor[0])}, ${String(cursor[1])}::uuid)`,
      );
    }
    return query
      .orderBy('users.full_name')
      .orderBy('users.id')
      .limit(q.limit + 1)
      .execute();
  }
}
