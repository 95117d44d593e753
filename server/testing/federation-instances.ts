import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { loadConfig, type FederationConfig } from '../config.ts';
import { openPlatform, type Platform } from '../main.ts';
import { newSecret } from '../modules/system/signing-secrets.ts';
import { openDatabase, type Db, type DatabaseHandle } from '../db/database.ts';
import { migrateTo, migrateToLatest } from '../db/migrate.ts';
import { createAuditTrail } from '../modules/audit/audit.module.ts';
import { createFederationModule, type ReferralsService } from '../modules/federation/federation.module.ts';
import { publish, subscribe, unsubscribeAll } from '../modules/federation/federation.setup.ts';
import { NationalPlacesService } from '../modules/localities/national-places.service.ts';
import { seedTestData } from './seed-test-data.ts';

/**
 * A hub and three provinces on the clusters of scripts/federation-clusters.sh: the hub alone on the
 * first port, Lai Châu (12) on the second, Điện Biên (11) and Hà Nội (01) as two databases of the
 * third (a subscription cannot reach a database of its own cluster without a hand-made slot, so the
 * hub keeps its cluster). Every run starts from new databases.
 */
export interface FederationInstance {
  name: string;
  port: number;
  database: string;
  federation: FederationConfig;
  handle: DatabaseHandle;
  db: Db;
  referrals: ReferralsService;
}

const conninfo = (port: number, database: string) => `host=127.0.0.1 port=${port} dbname=${database} user=postgres`;
const url = (port: number, database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;

/**
 * `prefix` names the four databases: each test file has its own, so two files (or two runs of
 * different files on the same clusters) never drop each other's databases. `migration`: the
 * schema to start from (the latest by default; an earlier one to test an upgrade).
 */
export async function openFederation(
  ports: number[],
  prefix = 'phongdich_fed',
  migration?: string,
): Promise<FederationInstance[]> {
  const [hubPort, port12, port11] = ports as [number, number, number];
  const places: { name: string; port: number; database: string; code?: string }[] = [
    { name: 'hub', port: hubPort, database: `${prefix}_hub` },
    { name: '12', port: port12, database: `${prefix}_12`, code: '12' },
    { name: '11', port: port11, database: `${prefix}_11`, code: '11' },
    { name: '01', port: port11, database: `${prefix}_01`, code: '01' },
  ];
  const provinces = places.filter((p) => p.code);
  const hub = places[0]!;
  // Subscriptions first (everywhere), then the slots they leave, then the databases.
  for (const p of places) await dropSubscriptions(p.port, p.database);
  for (const p of places) await dropSlotsAndDatabase(p.port, p.database);
  const audit = createAuditTrail();
  const nationalPlaces = new NationalPlacesService();
  const instances = await Promise.all(
    places.map(async (p) => {
      await adminQuery(p.port, 'postgres', `create database ${p.database}`);
      const handle = await openDatabase({ url: url(p.port, p.database), dataDir: '' });
      await (migration ? migrateTo(handle.db, migration) : migrateToLatest(handle.db));
      await seedTestData(handle.db);
      const federation: FederationConfig = p.code
        ? { role: 'province', provinceCode: p.code, hubUrl: conninfo(hub.port, hub.database) }
        : { role: 'hub', provinces: provinces.map((x) => ({ code: x.code!, url: conninfo(x.port, x.database) })) };
      // The referrals alone: the national views and directives need the whole platform (instancePlatform).
      const { referrals } = createFederationModule({
        db: handle.db,
        audit,
        nationalPlaces,
        federation,
        riskDashboard: { national: unwired },
        ruleSets: { atVersion: unwired, save: unwired, activate: unwired },
        diseaseProfiles: { find: unwired, save: unwired },
        notices: { accountsAt: unwired, notify: unwired },
        nationalWeekly: unwired,
      });
      return { name: p.name, port: p.port, database: p.database, federation, handle, db: handle.db, referrals };
    }),
  );
  for (const i of instances) await publish(i.db, i.federation);
  for (const i of instances) await subscribe(i.db, i.federation);
  return instances;
}

const unwired = (): never => {
  throw new Error('not wired in a bare federation instance: use instancePlatform');
};

/** The whole platform of an instance (services as the server wires them), on its database. */
export function instancePlatform(i: FederationInstance): Promise<Platform> {
  const config = { ...loadConfig({}), logLevel: 'silent' as const, secret: newSecret(), federation: i.federation };
  // The handle stays the instance's: closing the platform's queue only, the database at the end.
  return openPlatform(config, { ...i.handle, close: async () => {} });
}

export async function closeFederation(instances: FederationInstance[]): Promise<void> {
  for (const i of instances) await unsubscribeAll(i.db, { publisherReachable: true }).catch(() => undefined);
  for (const i of instances) await i.handle.close();
}

async function dropSubscriptions(port: number, database: string) {
  const found = await adminRows(port, 'postgres', `select 1 from pg_database where datname = '${database}'`);
  if (!found.length) return;
  const handle = await openDatabase({ url: url(port, database), dataDir: '' });
  try {
    await unsubscribeAll(handle.db, { publisherReachable: false });
  } finally {
    await handle.close();
  }
}

async function dropSlotsAndDatabase(port: number, database: string) {
  await adminQuery(
    port,
    'postgres',
    `select pg_terminate_backend(active_pid) from pg_replication_slots where database = '${database}' and active_pid is not null`,
  );
  for (let attempt = 0; attempt < 50; attempt++) {
    const active = await adminRows(
      port,
      'postgres',
      `select 1 from pg_replication_slots where database = '${database}' and active`,
    );
    if (!active.length) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await adminQuery(
    port,
    'postgres',
    `select pg_drop_replication_slot(slot_name) from pg_replication_slots where database = '${database}'`,
  );
  await adminQuery(port, 'postgres', `drop database if exists ${database} with (force)`);
}

async function adminRows(port: number, database: string, text: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url(port, database) });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

const adminQuery = async (port: number, database: string, text: string) => void (await adminRows(port, database, text));

/** Stops or starts the cluster listening on `port` (an outage, for the fault tests). */
export function cluster(port: number, change: 'stop' | 'start'): void {
  const line = execFileSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' })
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .find((cols) => cols[2] === String(port));
  if (!line) throw new Error(`no cluster listens on port ${port}`);
  const [version, name] = line as [string, string];
  const args = ['--skip-systemctl-redirect', version, name, change, ...(change === 'stop' ? ['-m', 'fast'] : [])];
  execFileSync('pg_ctlcluster', args, { stdio: 'inherit' });
  if (change === 'start') execFileSync('pg_isready', ['-h', '127.0.0.1', '-p', String(port), '-t', '30']);
}

/**
 * Polls until `check` holds: replication is asynchronous, so a test waits for the data itself, with
 * a deadline (a limit, not a measurement). A query failing while a cluster restarts is a "not yet".
 */
export async function eventually(what: string, check: () => Promise<boolean>, deadlineMs = 45_000): Promise<void> {
  const until = Date.now() + deadlineMs;
  let last: unknown;
  while (Date.now() < until) {
    try {
      if (await check()) return;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(
    `not replicated within ${deadlineMs / 1000} s: ${what}${last ? ` (last error: ${String(last)})` : ''}`,
  );
}
