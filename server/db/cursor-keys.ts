import { sql, type RawBuilder } from 'kysely';

/**
 * A timestamp column as a keyset cursor keeps it: microsecond-exact UTC
 * (`decodeCursor`'s 'timestamp' shape). A JavaScript Date holds milliseconds only, so two rows
 * written in the same millisecond would share a cursor key made from it and one could be skipped
 * between pages; compare it back with `${key}::timestamptz`.
 */
export function microsecondKey(column: string): RawBuilder<string> {
  return sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}
