import { sql, type Expression, type SqlBool } from 'kysely';

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * `column` is the locality path `path` itself or lies below it: the jurisdiction filter of every
 * scoped query. Uses the text_pattern_ops index on the path column.
 */
export function pathWithinSql(column: string, path: string): Expression<SqlBool> {
  return sql<SqlBool>`(${sql.ref(column)} = ${path} or ${sql.ref(column)} like ${`${escapeLike(path)}/%`})`;
}

/** Strictly below `path`. */
export function pathBelowSql(column: string, path: string): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} like ${`${escapeLike(path)}/%`}`;
}

/**
 * `column` (a facility id) is one of `facilityIds`: the filter of a facility staff account's reads.
 * Null means no facility filter (roles limited by locality alone); an empty list matches nothing.
 */
export function facilityWithinSql(column: string, facilityIds: readonly string[] | null): Expression<SqlBool> {
  if (facilityIds === null) return sql<SqlBool>`true`;
  return sql<SqlBool>`${sql.ref(column)} = any(${[...facilityIds]}::uuid[])`;
}
