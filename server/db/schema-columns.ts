import type { ColumnType } from 'kysely';

/** Column types shared by the table definitions of schema*.ts. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** Set by the database on insert, never updated. */
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** jsonb: written as a JSON string, read back parsed. */
export type Json = ColumnType<unknown, string | undefined, string>;
/** numeric columns come back as strings from both drivers. */
export type Numeric = ColumnType<string | null, number | null | undefined, number | null>;
