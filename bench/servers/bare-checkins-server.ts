/**
 * The baseline of the `checkins` bench: the same committed work as POST /api/public/checkins,
 * without the framework. A plain `node:http` server reads the JSON body and the visitor's session
 * (`Authorization: Bearer`, hashed as phongdich stores it), looks the person up (one SELECT: the same
 * statement phongdich's `holderBySessionId` sends), inserts the check-in in its own transaction
 * (BEGIN; INSERT … RETURNING; COMMIT) through node-postgres, and answers the same JSON shape.
 *
 * With `--sql minimal` (the default) it does less than phongdich on purpose — that is the
 * overhead being measured: the venue is looked up once at start (phongdich: once per request), and
 * there is no advisory lock and no "same person, same venue, last 10 minutes" lookup (phongdich:
 * both, inside the transaction). With `--sql same` it sends phongdich's seven statements, in the
 * same order and connections (venue, person, then BEGIN; advisory lock; recent check-in; INSERT;
 * COMMIT), so that phongdich against it measures the framework alone.
 *
 * `--storage none` skips the database altogether (body, JSON and the hash only; an invented id).
 *
 * Set-up (migrations, seeding) goes through `openPlatform` as in production; only the request path
 * is bare. On PGlite the server opens its own in-memory PGlite, seeded from the same session file.
 * Usage (by the bench only):
 *   bare-checkins-server.ts --storage none|pglite|postgresql [--sql minimal|same] --tokens <file> --venue-code <code> [--database-url <url>]
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { healthStatus } from '../../core/rules/health-status.ts';
import { loadConfig } from '../../server/config.ts';
import type { DatabaseHandle } from '../../server/db/database.ts';
import type { Database } from '../../server/db/schema.ts';
import { openPlatform } from '../../server/main.ts';
import { citizenSessionId } from '../../server/modules/people/citizen-sessions.service.ts';
import { maskName } from '../../server/modules/people/people.service.ts';
import {
  benchCommune,
  benchQrSecret,
  benchVenueName,
  readTokenIds,
  seedCheckinFixture,
} from '../lib/checkins-fixture.ts';
import { serveBenchIpc } from './child-ipc.ts';

const { values } = parseArgs({
  options: {
    storage: { type: 'string', default: 'pglite' },
    'database-url': { type: 'string' },
    tokens: { type: 'string' },
    'venue-code': { type: 'string' },
    'pool-size': { type: 'string', default: '10' },
    sql: { type: 'string', default: 'minimal' },
  },
});
const sameSql = values.sql === 'same';
if (values.sql !== 'minimal' && !sameSql) throw new Error('--sql must be minimal or same');
const storage = values.storage;
if (storage !== 'none' && storage !== 'pglite' && storage !== 'postgresql')
  throw new Error('--storage must be none, pglite or postgresql');
const tokensFile = values.tokens;
const venueCode = values['venue-code'];
if (!tokensFile || !venueCode) throw new Error('--tokens and --venue-code are required');
const url = values['database-url'];
if (storage === 'postgresql' && !url) throw new Error('--storage postgresql needs --database-url');

/** The same statement as `CitizenSessionsRepository.holderBySessionId` (as Kysely compiles it). */
const personSql = `select "p"."id", "p"."full_name", "p"."birth_year", "p"."f_level", "p"."under_quarantine", "p"."under_monitoring",
  "p"."phone", "p"."commune_code", "p"."identity_status", "p"."locality_path", "d"."valid_until", "d"."has_symptoms", "d"."has_exposure",
  "s"."phone" as "session_phone"
  from "citizen_sessions" as "s" inner join "people" as "p" on "p"."id" = "s"."person_id"
  left join lateral (select "d"."valid_until", "d"."has_symptoms", "d"."has_exposure" from "health_declarations" as "d"
    where "d"."person_id" = "p"."id" order by "d"."submitted_at" desc limit $1) as "d" on true
  where "s"."id" = $2 and "s"."revoked_at" is null and "s"."expires_at" > $3 and "p"."erased_at" is null and "p"."merged_into" is null`;
const insertSql = `insert into "checkins" ("venue_id", "person_id", "checked_in_at", "mode", "commune_code")
  values ($1, $2, $3, $4, $5) returning "id", "checked_in_at"`;

// Phongdich's other statements (`CheckinsRepository`), as Kysely compiles them.
const venueSql = `select "id", "name", "address_line", "status", "gate_policy", "commune_code", "locality_path", "owner_user_id"
  from "venues" where "public_code" = $1`;
const lockSql = 'select pg_advisory_xact_lock(hashtextextended($1, 0))';
const recentSql = `select "id", "checked_in_at" from "checkins" where "person_id" = $1 and "venue_id" = $2 and "checked_in_at" >= $3
  order by "checked_in_at" desc limit $4`;
const repeatWindowMs = 10 * 60_000;

interface PersonRow {
  id: string;
  full_name: string;
  birth_year: number;
  f_level: number | null;
  under_quarantine: boolean;
  under_monitoring: boolean;
  identity_status: 'registered' | 'awaiting_verification' | 'not_verified';
  valid_until: Date | null;
  has_symptoms: boolean | null;
  has_exposure: boolean | null;
}

// ---- set-up: a migrated, seeded database and a node-postgres pool on it (or nothing) ----

let pool: pg.Pool | undefined;
let closeStorage = async () => {};
let venueId = '00000000-0000-0000-0000-000000000000';
const info: Record<string, string | number> = { storage, sql: sameSql ? 'same' : 'minimal' };

if (storage !== 'none') {
  const config = { ...loadConfig({}), logLevel: 'silent' as const, secret: benchQrSecret };
  const tokenIds = await readTokenIds(tokensFile);
  if (storage === 'postgresql') {
    const platform = await openPlatform({ ...config, database: { url, dataDir: '' } });
    const seeded = await seedCheckinFixture(platform, { tokenIds, venueCode });
    await platform.close(); // set-up only: the request path below talks to the database itself
    venueId = seeded.venueId;
    Object.assign(info, { people: seeded.people, seedSeconds: seeded.seedSeconds });
    pool = new pg.Pool({ connectionString: url, max: Number(values['pool-size']) });
    const p = pool;
    closeStorage = () => p.end();
  } else {
    const lite = await openPglite();
    const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
    // Set-up through Kysely as phongdich does; its pool is ended (PGlite stays open) before serving.
    const setupPool = new pg.Pool(createPgConfig(lite) as unknown as pg.PoolConfig);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: setupPool }) });
    const handle: DatabaseHandle = { db, kind: 'pglite', close: () => db.destroy() };
    const platform = await openPlatform({ ...config, database: { dataDir: 'memory://' } }, handle);
    const seeded = await seedCheckinFixture(platform, { tokenIds, venueCode });
    await platform.close();
    venueId = seeded.venueId;
    Object.assign(info, { people: seeded.people, seedSeconds: seeded.seedSeconds });
    // PGlite is one connection: a pool of one, as phongdich's (`poolSize` in the config).
    pool = new pg.Pool(createPgConfig(lite) as unknown as pg.PoolConfig);
    const p = pool;
    closeStorage = async () => {
      await p.end();
      await lite.close();
    };
  }
}

/** An in-memory PGlite with the extensions the migrations need (as `server/db/database.ts` opens it). */
async function openPglite() {
  const [{ PGlite }, gist, trgm, unaccent, citext] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/btree_gist'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite/contrib/unaccent'),
    import('@electric-sql/pglite/contrib/citext'),
  ]);
  return PGlite.create({
    dataDir: 'memory://',
    extensions: {
      btree_gist: gist.btree_gist,
      pg_trgm: trgm.pg_trgm,
      unaccent: unaccent.unaccent,
      citext: citext.citext,
    },
  });
}

// ---- the request path ----

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

let fakeId = 0;
const noDbStatus = {
  ...healthStatus({
    now: new Date(),
    latestDeclaration: null,
    fLevel: null,
    underQuarantine: false,
    underMonitoring: false,
  }),
  validUntil: null,
};

async function checkin(body: string, authorization: string | undefined): Promise<object> {
  const req = JSON.parse(body) as { clientKey?: unknown; venueCode?: unknown };
  if (typeof req.clientKey !== 'string' || typeof req.venueCode !== 'string')
    throw new HttpError(400, 'VALIDATION_FAILED');
  const session = /^Bearer (S1\.\S{1,100})$/.exec(authorization ?? '')?.[1];
  if (!session) throw new HttpError(401, 'UNAUTHENTICATED');
  const sessionId = citizenSessionId(session);

  if (!pool) {
    if (req.venueCode !== venueCode) throw new HttpError(404, 'NOT_FOUND');
    const status = { ...noDbStatus, displayName: 'N. V. Bench', birthYear: 1985 };
    return {
      checkinId: String(++fakeId),
      checkedInAt: new Date().toISOString(),
      venueName: benchVenueName,
      status,
      repeated: false,
    };
  }

  const now = new Date();
  const found = await pool.query<PersonRow>(personSql, [1, sessionId, now]);
  const person = found.rows[0];
  if (!person) throw new HttpError(401, 'UNAUTHENTICATED');

  let venue = { id: venueId, name: benchVenueName, commune_code: benchCommune, status: 'approved' };
  if (sameSql) {
    venue = (await pool.query<typeof venue>(venueSql, [req.venueCode])).rows[0] ?? { ...venue, status: 'unknown' };
    if (venue.status !== 'approved') throw new HttpError(404, 'NOT_FOUND');
  } else if (req.venueCode !== venueCode) throw new HttpError(404, 'NOT_FOUND');

  const client = await pool.connect();
  let row: { id: string; checked_in_at: Date };
  let repeated = false;
  try {
    await client.query('BEGIN');
    let recent: { id: string; checked_in_at: Date } | undefined;
    if (sameSql) {
      await client.query(lockSql, [`${venue.id}:${person.id}`]);
      recent = (
        await client.query<{ id: string; checked_in_at: Date }>(recentSql, [
          person.id,
          venue.id,
          new Date(Date.now() - repeatWindowMs),
          1,
        ])
      ).rows[0];
    }
    if (recent) {
      row = recent;
      repeated = true;
    } else {
      const inserted = await client.query<{ id: string; checked_in_at: Date }>(insertSql, [
        venue.id,
        person.id,
        new Date(),
        'visitor_scan',
        venue.commune_code,
      ]);
      row = inserted.rows[0] as { id: string; checked_in_at: Date };
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }

  const status = healthStatus({
    now,
    latestDeclaration: person.valid_until
      ? {
          validUntil: person.valid_until,
          hasSymptoms: person.has_symptoms ?? false,
          hasExposure: person.has_exposure ?? false,
        }
      : null,
    fLevel: person.f_level,
    underQuarantine: person.under_quarantine,
    underMonitoring: person.under_monitoring,
    identity: person.identity_status,
  });
  const validUntil = person.valid_until && person.valid_until > now ? person.valid_until.toISOString() : null;
  return {
    checkinId: String(row.id),
    checkedInAt: row.checked_in_at.toISOString(),
    venueName: venue.name,
    status: { ...status, validUntil, displayName: maskName(person.full_name), birthYear: person.birth_year },
    repeated,
  };
}

function answer(res: http.ServerResponse, status: number, value: object): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/api/public/checkins') {
    req.resume();
    answer(res, 404, { code: 'ROUTE_NOT_FOUND' });
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    checkin(Buffer.concat(chunks).toString('utf8'), req.headers.authorization).then(
      (result) => answer(res, 200, result),
      (err: unknown) => {
        if (err instanceof HttpError) answer(res, err.status, { code: err.message });
        else if (err instanceof SyntaxError) answer(res, 400, { code: 'VALIDATION_FAILED' });
        else {
          process.stderr.write(`bare check-in failed: ${err instanceof Error ? err.stack : String(err)}\n`);
          answer(res, 500, { code: 'INTERNAL' });
        }
      },
    );
  });
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  const p = pool;
  serveBenchIpc(
    port,
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }).then(closeStorage),
    {
      info,
      ...(p
        ? {
            countCheckins: async () =>
              Number((await p.query<{ n: string }>('select count(*) as n from checkins')).rows[0]?.n ?? 0),
          }
        : {}),
    },
  );
});
