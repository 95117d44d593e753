import type { PassThrough } from 'node:stream';
import { CompiledQuery, type Compilable } from 'kysely';
import type { Page } from '../../core/schemas/common.ts';
import { holdsConcurrentTransactions, type Db } from '../db/database.ts';

/**
 * What an export does with each chunk before it is written out: names the chunk's people in the
 * export's audit record (`AuditTrailService.exportLog`), so one export event lists everyone exported.
 */
export type ExportChunkLog<T> = (rows: readonly T[]) => Promise<void>;

/**
 * Walks a keyset-paged list to the end. The first page is fetched before this resolves, so a
 * refusal (scope, role, bad filter) becomes an error answer instead of a truncated 200 download.
 * With `logChunk`, every page is logged as it is fetched, before any of its rows leaves.
 */
export async function allPages<T>(
  fetch: (after: string | undefined) => Promise<Page<T>>,
  logChunk?: ExportChunkLog<T>,
): Promise<AsyncIterable<T[]>> {
  const fetchLogged = async (after: string | undefined) => {
    const page = await fetch(after);
    if (logChunk && page.items.length) await logChunk(page.items);
    return page;
  };
  const first = await fetchLogged(undefined);
  return (async function* () {
    yield first.items;
    let after = first.nextCursor ?? undefined;
    while (after) {
      const page = await fetchLogged(after);
      yield page.items;
      after = page.nextCursor ?? undefined;
    }
  })();
}

/**
 * `allPages` read from one snapshot: on PostgreSQL every page is read inside one read-only
 * REPEATABLE READ transaction, so a case confirmed or moved during a long export is neither
 * skipped nor written twice, and every page is one walk of the list's index from the cursor. The
 * transaction ends when the walk does: at the last page, on an error, or when the client goes away
 * (the writer leaves its loop, which returns the generator). On PGlite, whose one connection a
 * held transaction would take from every other request, the pages are read as they come.
 * The audit log (`logChunk`) writes through its own handle, outside the read-only snapshot.
 */
export async function snapshotPages<T>(
  db: Db,
  fetch: (db: Db, after: string | undefined) => Promise<Page<T>>,
  logChunk?: ExportChunkLog<T>,
): Promise<AsyncIterable<T[]>> {
  if (!holdsConcurrentTransactions(db)) return allPages((after) => fetch(db, after), logChunk);
  const trx = await db.startTransaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute();
  let open = true;
  const end = async () => {
    if (!open) return;
    open = false;
    await trx.rollback().execute();
  };
  let pages: AsyncIterable<T[]>;
  try {
    pages = await allPages((after) => fetch(trx, after), logChunk);
  } catch (err) {
    await end();
    throw err;
  }
  return (async function* () {
    try {
      yield* pages;
    } finally {
      await end();
    }
  })();
}

/** Rows per FETCH of an export's cursor: large enough that round trips vanish, small enough to stay flat. */
const CURSOR_FETCH = 2_000;

/**
 * An export read through one server-side cursor on PostgreSQL: the list's query (its filters and
 * order, no limit) is planned once and walked along its index, `CURSOR_FETCH` rows at a time,
 * inside one read-only REPEATABLE READ transaction (one snapshot, as `snapshotPages`). Paging by
 * keyset instead would plan and descend the index again for every page. Each chunk is logged
 * (`logChunk`) before it is yielded; the first is fetched before this resolves, so a refusal is
 * an error answer. The transaction ends with the walk: at the end, on an error, or when the
 * client goes away. On PGlite (one connection, see `snapshotPages`) `keyset` walks the pages.
 */
export async function cursorPages<R, T>(o: {
  db: Db;
  query: (db: Db) => Compilable<R>;
  toRow: (row: R) => T;
  keyset: (db: Db, after: string | undefined) => Promise<Page<T>>;
  logChunk?: ExportChunkLog<T>;
}): Promise<AsyncIterable<T[]>> {
  if (!holdsConcurrentTransactions(o.db)) return allPages((after) => o.keyset(o.db, after), o.logChunk);
  const trx = await o.db.startTransaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute();
  let open = true;
  const end = async () => {
    if (!open) return;
    open = false;
    await trx.rollback().execute();
  };
  const next = async (): Promise<T[]> => {
    const { rows } = await trx.executeQuery<R>(CompiledQuery.raw(`fetch ${CURSOR_FETCH} from export_rows`));
    const chunk = rows.map(o.toRow);
    if (o.logChunk && chunk.length) await o.logChunk(chunk);
    return chunk;
  };
  let first: T[];
  try {
    const compiled = o.query(trx).compile();
    await trx.executeQuery(
      CompiledQuery.raw(`declare export_rows no scroll cursor for ${compiled.sql}`, [...compiled.parameters]),
    );
    first = await next();
  } catch (err) {
    await end();
    throw err;
  }
  return (async function* () {
    try {
      let chunk = first;
      while (chunk.length) {
        yield chunk;
        if (chunk.length < CURSOR_FETCH) break;
        chunk = await next();
      }
    } finally {
      await end();
    }
  })();
}

/** Resolves when a slow reader has taken what was written, or when it went away. */
export function drainedOrClosed(stream: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.once('drain', done);
    stream.once('close', done);
  });
}
