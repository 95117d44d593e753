/** Scratch PostgreSQL databases for a benchmark (local servers only), and their backends' CPU. */
import pg from 'pg';
import { cpuMicrosOfPids } from './proc-cpu.ts';

export function scratchUrl(adminUrl: string, database: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${database}`;
  return u.href;
}

/** Drops (if present) and creates the scratch databases; refuses anything but a local server. */
export async function recreateScratchDatabases(adminUrl: string, scratchNames: readonly string[]): Promise<void> {
  const host = new URL(adminUrl).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(host))
    throw new Error(`the checkins bench only creates scratch databases on a local server, not ${host}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const name of scratchNames) {
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.query(`create database "${name}"`);
    }
  } finally {
    await client.end();
  }
}

export async function dropScratchDatabases(adminUrl: string, scratchNames: readonly string[]): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const name of scratchNames) await client.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await client.end();
  }
}

/** The PostgreSQL backends serving one database: their CPU time is the database's share of a run. */
export class Backends {
  private constructor(private readonly client: pg.Client) {}

  static async open(adminUrl: string): Promise<Backends> {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    return new Backends(client);
  }

  async cpuOf(database: string): Promise<Map<number, number>> {
    const r = await this.client.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [
      database,
    ]);
    return cpuMicrosOfPids(r.rows.map((row) => row.pid));
  }

  close(): Promise<void> {
    return this.client.end();
  }
}
