import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, inject, it } from 'vitest';
import { classifyError, errorResponse } from '../http/errors.ts';
import { adminQuery, withDatabase } from '../testing/global-setup.ts';
import { openDatabase } from './database.ts';
import { appliedMigrations, migrateToLatest, migrationNames } from './migrate.ts';

/**
 * Issue 14: a statement timeout protects the database server from a runaway request (a client
 * gone, a filter no index serves); migrations, which may rewrite millions of rows, are exempt.
 */
const snapshot = inject('testSnapshot');

describe.runIf(snapshot.kind === 'postgresql')('the statement timeout (PostgreSQL server)', () => {
  it('cancels a statement that runs too long, and the request answers 503 in the caller’s language', async () => {
    if (snapshot.kind !== 'postgresql') return;
    const handle = await openDatabase({ url: snapshot.adminUrl, dataDir: '', statementTimeoutMs: 200 });
    try {
      const err = await sql`select pg_sleep(2)`.execute(handle.db).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toMatchObject({ code: '57014' });
      const { appError, unexpected } = classifyError(err, 'en');
      expect(unexpected).toBe(false);
      expect(errorResponse(appError.code, 'vi')).toMatchObject({
        status: 503,
        body: { error: { code: 'QUERY_TIMEOUT' } },
      });
      expect(errorResponse(appError.code, 'en').body.error.message).toMatch(/Narrow the filter/);
    } finally {
      await handle.close();
    }
  });

  it('lets migrations run past it', async () => {
    if (snapshot.kind !== 'postgresql') return;
    const name = `phongdich_timeout_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    await adminQuery(snapshot.adminUrl, `create database ${name}`);
    // 1 ms: every statement of a migration would be cancelled if the timeout applied to them.
    const handle = await openDatabase({
      url: withDatabase(snapshot.adminUrl, name),
      dataDir: '',
      statementTimeoutMs: 1,
    });
    try {
      await migrateToLatest(handle.db);
      // Read back on a handle without the 1 ms limit: even this small select can take longer on a
      // busy machine, and what is checked here is the migrations, not the read.
      const reader = await openDatabase({ url: withDatabase(snapshot.adminUrl, name), dataDir: '' });
      try {
        expect(await appliedMigrations(reader.db)).toEqual(migrationNames);
      } finally {
        await reader.close();
      }
      const err = await sql`select pg_sleep(0.05)`.execute(handle.db).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toMatchObject({ code: '57014' });
    } finally {
      await handle.close();
      await adminQuery(snapshot.adminUrl, `drop database if exists ${name} with (force)`);
    }
  });
});
