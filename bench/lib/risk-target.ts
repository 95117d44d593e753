import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import nodePath from 'node:path';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { openDatabase, type DatabaseHandle, type Db } from '../../server/db/database.ts';
import { dropScratchDatabases, recreateScratchDatabases, scratchUrl } from './scratch-databases.ts';
import type { BenchContext, JsonObject } from './types.ts';

/** The risk bench's database, and what it reports about the code and the server it measured. */
const scratchName = 'phongdich_bench_risk';

export interface Opened {
  handle: DatabaseHandle;
  storage: string;
  cleanup: () => Promise<void>;
}

/** A fresh scratch database (PostgreSQL) or an empty PGlite folder, dropped at the end unless kept. */
export async function openTarget(
  ctx: BenchContext,
  o: { keep: boolean; dataDir: string | undefined },
): Promise<Opened> {
  if (ctx.database.kind === 'postgresql') {
    const adminUrl = ctx.database.url;
    await recreateScratchDatabases(adminUrl, [scratchName]);
    const handle = await openDatabase({ url: scratchUrl(adminUrl, scratchName), dataDir: '' });
    return {
      handle,
      storage: `database ${scratchName}${o.keep ? ' (kept)' : ' (dropped at the end)'}`,
      cleanup: o.keep ? async () => undefined : () => dropScratchDatabases(adminUrl, [scratchName]),
    };
  }
  const dir = o.dataDir ?? (await fsp.mkdtemp(nodePath.join(os.tmpdir(), 'phongdich-risk-')));
  if (fs.existsSync(dir) && (await fsp.readdir(dir)).length > 0)
    throw new Error(`${dir} is not empty: the bench generates into an empty folder`);
  const handle = await openDatabase({ dataDir: dir });
  const removable = !o.keep;
  return {
    handle,
    storage: `PGlite folder ${dir}${removable ? ' (removed at the end)' : ' (kept)'}`,
    cleanup: removable ? () => fsp.rm(dir, { recursive: true, force: true }) : async () => undefined,
  };
}

/**
 * The code measured: HEAD and the uncommitted files of the risk module, core's risk rules and the
 * migrations, each with a hash of its content (others edit them while benches run).
 */
export function codeVersion(): JsonObject {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
    const changed = git('status', '--porcelain', '--', 'server/modules/risk', 'core/rules/risk', 'server/db')
      .split('\n')
      .filter(Boolean);
    const files = changed.map((line) => {
      const file = line.slice(3);
      const full = nodePath.join(root, file);
      const hash =
        fs.existsSync(full) && fs.statSync(full).isFile()
          ? createHash('sha256').update(fs.readFileSync(full)).digest('hex').slice(0, 12)
          : null;
      return { status: line.slice(0, 2).trim(), file, sha256: hash };
    });
    return { head: git('rev-parse', '--short', 'HEAD'), uncommitted: files };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

/** The PostgreSQL settings that move the timings, reported with them. */
export async function postgresSettings(db: Db): Promise<JsonObject> {
  const r = await sql<{ name: string; setting: string }>`
    select name, setting || coalesce(unit, '') as setting from pg_settings
    where name in ('server_version', 'shared_buffers', 'work_mem', 'max_parallel_workers_per_gather', 'jit', 'synchronous_commit', 'effective_cache_size')`.execute(
    db,
  );
  return Object.fromEntries(r.rows.map((x) => [x.name, x.setting]));
}
