import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../testing/cli-in-process.ts';
import { openDatabase } from '../db/database.ts';

const secret = randomBytes(32).toString('base64url');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'phongdich-audit-cli-'));
// An embedded database of its own, whatever DATABASE_URL the shell may have.
const cli = (args: string[]) =>
  runCliInProcess(args, { DATABASE_URL: undefined, PHONGDICH_DATA_DIR: dataDir, PHONGDICH_SECRET: secret });
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** Changes the embedded database behind the CLI's back, as someone with the files and superuser rights would. */
async function tamper(statement: string) {
  const handle = await openDatabase({ dataDir: path.join(dataDir, 'pgdata') });
  try {
    await handle.db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await sql.raw(statement).execute(trx);
    });
  } finally {
    await handle.close();
  }
}

describe('phongdich audit verify', () => {
  it('says OK with counts and the head, then names the first row edited in the database and exits 1', async () => {
    expect((await cli(['seed', '--province', '12'])).status).toBe(0);
    expect(
      (
        await cli([
          'users',
          'create',
          '--username',
          'kiemtoan',
          '--full-name',
          'Kiểm Toán',
          '--role',
          'health_department',
          '--locality',
          '12',
        ])
      ).status,
    ).toBe(0);
    // Written by commands while no server ran: queued, not sealed yet (the server's job seals them).
    const queued = await cli(['audit', 'verify']);
    expect(queued.status).toBe(0);
    expect(queued.stdout).toMatch(/^OK: 2 events, 0 lists of people, 0 chain links, 0 signed checkpoints\n/);
    expect(queued.stdout).toMatch(/\npending: 2 rows written and not sealed yet, the oldest queued \d{4}-/);

    const sealed = await cli(['audit', 'seal']);
    expect(sealed.stdout).toMatch(/^2 audit rows sealed into the chain$/m);
    const ok = await cli(['audit', 'verify']);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(
      /^OK: 2 events, 0 lists of people, 2 chain links, 0 signed checkpoints\nhead: link 2 [0-9a-f]{64} /,
    );
    expect(ok.stdout).toMatch(/\npending: none, every row is sealed\n?$/);

    await tamper(
      `update audit_events set after = '{"username":"someone_else"}' where id = (select max(id) from audit_events where action = 'create' and entity_type = 'user')`,
    );
    const broken = await cli(['audit', 'verify']);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/^BROKEN: changed after it was written/);
    expect(broken.stderr).toMatch(
      /first broken row: audit event \d+ at \d{4}-\d\d-\d\dT[\d:.]+Z, action create on user by cli/,
    );
  }, 300_000);
});
