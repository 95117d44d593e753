/**
 * The data every check-in server of the `checkins` bench starts from: the demo province's
 * localities, one approved venue with a known public code, and one person per citizen session (a
 * visitor checks in with the session of their phone). The bench makes the session tokens (it needs
 * them to build requests), writes their ids (hashes) to a file, and each server seeds its own
 * database from that file, so all of them hold the same people.
 */
import fs from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { loadProvinceUnits } from '../../server/cli/seed.ts';
import type { Platform } from '../../server/main.ts';
import { approvedVenue } from '../../server/testing/factories.ts';

/**
 * Signs the personal QR tokens of the bench: given to every server as its `config.secret`, so the
 * tokens the bench issues verify everywhere. A fixed, public string: bench databases only.
 */
export const benchQrSecret = 'phongdich-bench-qr-secret-not-for-use-00';

export const benchProvince = '12'; // Lai Châu, as in the demo
export const benchCommune = '03388'; // Phường Đoàn Kết
export const benchVenueName = 'Chợ trung tâm (bench)';

export async function writeTokenIds(file: string, ids: readonly string[]): Promise<void> {
  await fs.writeFile(file, `${ids.join('\n')}\n`, { mode: 0o600 });
}

export async function readTokenIds(file: string): Promise<string[]> {
  const ids = (await fs.readFile(file, 'utf8')).split('\n').filter(Boolean);
  if (ids.length === 0) throw new Error(`no token ids in ${file}`);
  return ids;
}

export interface SeededFixture {
  venueId: string;
  venueCode: string;
  people: number;
  seedSeconds: number;
}

/**
 * Seeds a migrated, empty database. People are inserted in bulk, one statement for people and
 * their sessions, in chunks (a bound array per chunk), so 100 000 people take seconds, not minutes.
 * They carry no health declaration: their status colour is `none`, which a visitor check-in
 * (mode 1) accepts.
 */
export async function seedCheckinFixture(
  platform: Platform,
  o: { tokenIds: readonly string[]; venueCode: string },
): Promise<SeededFixture> {
  const t0 = performance.now();
  const db = platform.database.db;
  await loadProvinceUnits(platform, benchProvince, true);
  const venue = await approvedVenue(db, { communeCode: benchCommune, gatePolicy: 'open', name: benchVenueName });
  await db.updateTable('venues').set({ public_code: o.venueCode }).where('id', '=', venue.id).execute();
  const { path: localityPath } = await db
    .selectFrom('localities')
    .select('path')
    .where('code', '=', benchCommune)
    .executeTakeFirstOrThrow();

  const chunk = 20_000;
  for (let start = 0; start < o.tokenIds.length; start += chunk) {
    const ids = o.tokenIds.slice(start, start + chunk);
    // `n` numbers people across chunks so document numbers stay unique.
    await sql`
      with t as (
        select id, (n + ${start})::bigint as n from unnest(${ids}::text[]) with ordinality as u(id, n)
      ), p as (
        insert into people (id_type, id_number, full_name, birth_year, gender, commune_code, locality_path)
        select 'cccd', '099' || lpad(t.n::text, 9, '0'), 'Nguyễn Văn Bench', 1960 + (t.n % 50)::int, 'male', ${benchCommune}, ${localityPath}
        from t
        returning id, id_number
      )
      insert into citizen_sessions (id, person_id, phone, expires_at)
      select t.id, p.id, '+8490' || lpad(t.n::text, 7, '0'), now() + interval '30 days'
      from t join p on p.id_number = '099' || lpad(t.n::text, 9, '0')`.execute(db);
  }
  await sql`analyze people`.execute(db);
  await sql`analyze citizen_sessions`.execute(db);
  const { n } = await db
    .selectFrom('citizen_sessions')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(n) !== o.tokenIds.length) throw new Error(`seeded ${n} sessions, expected ${o.tokenIds.length}`);
  return {
    venueId: venue.id,
    venueCode: o.venueCode,
    people: Number(n),
    seedSeconds: Math.round((performance.now() - t0) / 100) / 10,
  };
}

/** Rows in `checkins` (all partitions). */
export async function countCheckins(platform: Platform): Promise<number> {
  const { n } = await platform.database.db
    .selectFrom('checkins')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}
