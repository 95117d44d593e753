import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseConfig } from '../../config.ts';
import { openDatabase } from '../../db/database.ts';
import { approvedVenue } from '../../testing/factories.ts';
import { testDatabaseOnDisk } from '../../testing/test-database.ts';
import { DOAN_KET } from '../../testing/test-platform.ts';
import { newCitizenSessionToken } from '../people/citizen-sessions.service.ts';
import { newSecret } from '../system/signing-secrets.ts';

/**
 * Group commit must not trade durability for speed: the server process is killed with SIGKILL while
 * check-ins are in flight (no shutdown hook runs, batches are half-gathered or half-written), started
 * again on the same database, and every check-in it acknowledged before dying must be there, once.
 */
const PEOPLE = 600;
const CONCURRENCY = 24;
/** Acknowledgements seen before the kill: well inside the stream, so requests are still in flight. */
const KILL_AFTER = 150;
const serverScript = fileURLToPath(new URL('../../testing/server-process.ts', import.meta.url));

let target: { config: DatabaseConfig; dispose(): Promise<void> };
let venue: { id: string; public_code: string };
const tokens = Array.from({ length: PEOPLE }, () => newCitizenSessionToken());
const secret = newSecret();

beforeAll(async () => {
  target = await testDatabaseOnDisk();
  const handle = await openDatabase(target.config);
  try {
    const db = handle.db;
    venue = await approvedVenue(db, { communeCode: DOAN_KET, gatePolicy: 'open' });
    const { path } = await db
      .selectFrom('localities')
      .select('path')
      .where('code', '=', DOAN_KET)
      .executeTakeFirstOrThrow();
    // One person per phone session, written in one statement (as the checkins bench seeds them).
    await sql`
      with t as (select id, n from unnest(${tokens.map((t) => t.id)}::text[]) with ordinality as u(id, n)),
      p as (
        insert into people (id_type, id_number, full_name, birth_year, gender, commune_code, locality_path)
        select 'cccd', '097' || lpad(t.n::text, 9, '0'), 'Trần Thị Thử', 1980, 'female', ${DOAN_KET}, ${path} from t
        returning id, id_number
      )
      insert into citizen_sessions (id, person_id, phone, expires_at)
      select t.id, p.id, '+8491' || lpad(t.n::text, 7, '0'), now() + interval '1 day'
      from t join p on p.id_number = '097' || lpad(t.n::text, 9, '0')`.execute(db);
  } finally {
    await handle.close();
  }
}, 120_000);
afterAll(async () => target?.dispose());

interface Server {
  child: ChildProcess;
  base: string;
}

async function startServer(): Promise<Server> {
  const where = target.config.url ? ['--database-url', target.config.url] : ['--data-dir', target.config.dataDir];
  // One argument: a random secret may start with '-', which parseArgs would refuse as a separate value.
  const child = spawn(process.execPath, ['--import', 'tsx', serverScript, `--secret=${secret}`, ...where], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`the server exited (${String(code)}) before listening`);
  });
  const port = await Promise.race([
    (async () => {
      for await (const line of lines) if (line.startsWith('{')) return (JSON.parse(line) as { port: number }).port;
      throw new Error('the server closed its output before listening');
    })(),
    exited,
  ]);
  exited.catch(() => undefined);
  return { child, base: `http://127.0.0.1:${port}` };
}

async function stop(server: Server, signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exit = once(server.child, 'exit');
  server.child.kill(signal);
  await exit;
}

interface Answer {
  checkinId: string;
  repeated: boolean;
}

async function checkin(server: Server, person: number): Promise<Answer> {
  const res = await fetch(`${server.base}/api/public/checkins`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[person]!.token}` },
    body: JSON.stringify({ clientKey: randomUUID(), venueCode: venue.public_code }),
  });
  if (res.status !== 200) throw new Error(`check-in answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as Answer;
}

describe('group-committed check-ins survive kill -9 of the server', () => {
  it('keeps every acknowledged check-in, once, after a kill in mid-flight and a restart', async () => {
    const first = await startServer();
    const acknowledged = new Map<number, string>();
    const attempted = new Set<number>();
    let failed = 0;
    let next = 0;
    let killed: Promise<void> | null = null;
    // Each worker sends one check-in after another, each person once; the kill lands among them.
    const worker = async () => {
      while (!killed && next < PEOPLE) {
        const person = next++;
        attempted.add(person);
        try {
          const answer = await checkin(first, person);
          expect(answer.repeated).toBe(false);
          acknowledged.set(person, answer.checkinId);
        } catch {
          failed++;
        }
        if (!killed && acknowledged.size >= KILL_AFTER) killed = stop(first, 'SIGKILL');
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await killed;
    expect(first.child.signalCode).toBe('SIGKILL');
    // The kill came while requests were unanswered: some of them never got an answer.
    expect(failed).toBeGreaterThan(0);
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER);

    // Restarted on the same database: every person tried once more (a phone resending). What was
    // acknowledged comes back as the same check-in, a repeat; the rest are recorded now or found.
    const second = await startServer();
    try {
      for (const person of attempted) {
        const answer = await checkin(second, person);
        const before = acknowledged.get(person);
        if (before !== undefined) expect(answer).toMatchObject({ checkinId: before, repeated: true });
      }
    } finally {
      await stop(second, 'SIGTERM');
    }

    const handle = await openDatabase(target.config);
    try {
      const rows = await handle.db
        .selectFrom('checkins as c')
        .innerJoin('citizen_sessions as s', 's.person_id', 'c.person_id')
        .select(['s.id as session', 'c.id'])
        .where('c.venue_id', '=', venue.id)
        .execute();
      const bySession = new Map<string, string[]>();
      for (const r of rows) bySession.set(r.session, [...(bySession.get(r.session) ?? []), String(r.id)]);
      const index = new Map(tokens.map((t, i) => [t.id, i]));
      // No duplicates, nobody recorded who never tried, every acknowledged check-in kept as it was.
      for (const [session, ids] of bySession) {
        expect(ids).toHaveLength(1);
        expect(attempted.has(index.get(session)!)).toBe(true);
      }
      expect(bySession.size).toBe(attempted.size);
      for (const [person, id] of acknowledged) expect(bySession.get(tokens[person]!.id)).toEqual([id]);
    } finally {
      await handle.close();
    }
  }, 240_000);
});
