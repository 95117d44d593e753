import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { serverPoolOf, type Db } from './database.ts';
import type { Database } from './schema.ts';

/** One field of a COPY text-format line: `\N` for null, backslash escapes for the separators. */
export function copyField(v: string | number | null): string {
  if (v === null) return '\\N';
  if (typeof v === 'number') return String(v);
  return /[\\\t\n\r]/.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => copyEscapes[c]!) : v;
}
const copyEscapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * Rows streamed into one `COPY … FROM STDIN` (text format). `row` only buffers; `flush` sends
 * what is buffered and waits while PostgreSQL is behind, so memory stays flat however many rows.
 */
export class CopyIn {
  private buffered: string[] = [];
  private bytes = 0;
  private done: Promise<void>;
  rows = 0;

  constructor(private readonly stream: Writable) {
    this.done = new Promise((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
    });
    // Until `end` awaits it, a failure is kept for then (not an unhandled rejection).
    this.done.catch(() => {});
  }

  row(fields: readonly (string | number | null)[]): void {
    let line = '';
    for (let i = 0; i < fields.length; i++) line += (i ? '\t' : '') + copyField(fields[i] ?? null);
    line += '\n';
    this.buffered.push(line);
    this.bytes += line.length;
    this.rows++;
  }

  async flush(): Promise<void> {
    if (!this.buffered.length) return;
    const chunk = this.buffered.join('');
    this.buffered = [];
    this.bytes = 0;
    if (!this.stream.write(chunk)) await Promise.race([once(this.stream, 'drain'), this.done]);
  }

  /** Buffers past this size are worth sending now. */
  get full(): boolean {
    return this.bytes > 1 << 20;
  }

  async end(): Promise<number> {
    await this.flush();
    this.stream.end();
    await this.done;
    return this.rows;
  }
}

/** One PostgreSQL connection in a transaction, as a Kysely handle and as the source of COPY streams. */
export interface CopyTransaction {
  /** Kysely on the transaction's connection: everything sent through it is part of the transaction. */
  db: Db;
  /** A `COPY <table> (<columns>) FROM STDIN` on the same connection; only one may be open at a time. */
  copyIn(table: string, columns: readonly string[]): CopyIn;
}

/**
 * Runs `work` in one transaction on one connection of a PostgreSQL server, where rows can be
 * streamed in with COPY and read back with Kysely, all or nothing: committed when `work`
 * resolves, rolled back when it throws. Null on PGlite, which has no COPY FROM STDIN stream.
 */
export async function withCopyTransaction<T>(db: Db, work: (t: CopyTransaction) => Promise<T>): Promise<T | null> {
  const pool = serverPoolOf(db);
  if (!pool) return null;
  const client = await pool.connect();
  // The pool's own release, kept before the one-client Kysely below stubs it out: without it the
  // connection would never go back to the pool (and closing the pool would wait for it forever).
  const releaseToPool = client.release.bind(client);
  // Kysely over this one client: its queries go to the connection that holds the transaction.
  const single = { connect: async () => Object.assign(client, { release: () => {} }), end: async () => {} };
  const trxDb = new Kysely<Database>({ dialect: new PostgresDialect({ pool: single as unknown as pg.Pool }) });
  let broken = false;
  try {
    await client.query('begin');
    const result = await work({
      db: trxDb,
      copyIn: (table, columns) =>
        new CopyIn(client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`)) as Writable),
    });
    await client.query('commit');
    return result;
  } catch (err) {
    await client.query('rollback').catch(() => (broken = true));
    throw err;
  } finally {
    releaseToPool(broken);
  }
}
