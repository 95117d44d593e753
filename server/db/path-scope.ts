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

/** The columns a scoped table offers for its jurisdiction filter. */
export interface ScopeColumns {
  /** The record's locality path (always there). */
  path: string;
  /**
   * The province code, when the table carries it (a column, or the expression of an expression
   * index): a province's scope becomes an equality.
   */
  province?: string | Expression<string>;
  /** The commune code, when the table carries it (likewise): a commune's scope becomes an equality. */
  commune?: string | Expression<string>;
}

const refOf = (c: string | Expression<string>) => (typeof c === 'string' ? sql.ref(c) : c);

/**
 * The province and the last code of a path column, as expressions (for a table that may not carry
 * generated columns: the append-only audit log, whose rows are put back exactly with `select *`).
 * Written with literal arguments, so that they match the expression indexes of migration 0015.
 */
export function pathCodes(column: string): { province: Expression<string>; commune: Expression<string> } {
  return {
    province: sql<string>`split_part(${sql.ref(column)}, '/', 2)`,
    commune: sql<string>`split_part(${sql.ref(column)}, '/', -1)`,
  };
}

/**
 * The jurisdiction filter of a list, written so that an index leading with the province or the
 * commune code, in the list's order, serves a province's or a commune's first page without a
 * sort (issue 14). Equivalent to `pathWithinSql(columns.path, path)`: the national codes tell a
 * locality's level by their length (province 2 digits, district 3, commune 5, Decision
 * 124/2004/QĐ-TTg), and nothing lies below a commune. A district, or a table without the code
 * columns, keeps the path form.
 */
export function scopeWithinSql(columns: ScopeColumns, path: string): Expression<SqlBool> {
  const parts = path.split('/');
  const code = parts.at(-1) ?? '';
  if (parts.length === 1) return sql<SqlBool>`true`;
  if (parts.length === 2 && columns.province) return sql<SqlBool>`${refOf(columns.province)} = ${code}`;
  if (parts.length >= 3 && code.length === 5 && columns.commune)
    return sql<SqlBool>`${refOf(columns.commune)} = ${code}`;
  return pathWithinSql(columns.path, path);
}
