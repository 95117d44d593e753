import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type QueryResult,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import { compiledOnce } from './compiled-once.ts';
import type { Db } from './database.ts';
import type { Database } from './schema.ts';

/** A PostgreSQL Kysely whose connection records what it is sent. */
function recordingDb(sent: CompiledQuery[]): Db {
  const connection: DatabaseConnection = {
    executeQuery: async <R>(q: CompiledQuery): Promise<QueryResult<R>> => {
      sent.push(q);
      return { rows: [{ n: sent.length }] as R[] };
    },
    streamQuery: () => {
      throw new Error('not used');
    },
  };
  class RecordingDriver extends DummyDriver {
    override acquireConnection = async () => connection;
  }
  return new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new RecordingDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
}

describe('compiledOnce', () => {
  it("sends the query the builder would, with each call's own values and the constants in place", async () => {
    const sent: CompiledQuery[] = [];
    const db = recordingDb(sent);
    const build = (d: Db, code: string, after: Date) =>
      d
        .selectFrom('venues')
        .select('id')
        .where('status', '=', 'approved')
        .where('public_code', '=', code)
        .where('created_at', '>', after)
        .limit(3);
    const query = compiledOnce(build);
    const day = new Date('2026-12-07T00:00:00Z');
    for (const code of ['A1', 'B2']) {
      expect(await query(db, code, day)).toHaveLength(1);
      const direct = build(db, code, day).compile();
      expect(sent.at(-1)!.sql).toBe(direct.sql);
      expect(sent.at(-1)!.parameters).toEqual(direct.parameters);
    }
  });

  it('refuses an argument that is not bound as a parameter', async () => {
    const db = recordingDb([]);
    const query = compiledOnce((d: Db, limit: number) =>
      d
        .selectFrom('venues')
        .select('id')
        .limit(limit + 1),
    );
    await expect(query(db, 2)).rejects.toThrow(/argument 0/);
  });
});
