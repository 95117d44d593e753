/**
 * The list calls of the `lists` bench: who asks (a province's CDC, a commune officer; in the
 * biggest province and in a small one) and what (first page, each filter, page 51 through the
 * cursor, text search), each through the service as the web client calls it.
 */
import { sql } from 'kysely';
import { caseClassifications } from '../../core/schemas/cases.ts';
import type { Db } from '../../server/db/database.ts';
import type { Platform } from '../../server/main.ts';
import type { Actor } from '../../server/shared/actor.ts';

export interface ListScenario {
  list: string;
  who: string;
  label: string;
  /** Untimed work before each call (none for most). */
  prepare: () => Promise<void>;
  /** The timed call; answers the number of rows it got. */
  call: (prepared: void) => Promise<number>;
}

export const PAGE = 50;

export function actor(role: Actor['role'], code: string, path: string): Actor {
  return {
    userId: '00000000-0000-0000-0000-000000000001',
    username: `bench-${role}-${code}`,
    fullName: 'Bench',
    role,
    scope: { code, path },
    ip: null,
    requestId: null,
    locale: 'vi',
  };
}

export interface Area {
  code: string;
  path: string;
  cases: number;
}

/** The province with the most cases and one with few; in each, its commune with the most cases. */
export async function areas(db: Db) {
  const provinces = await sql<Area>`
    select p.code, p.path, count(c.id)::int as cases from localities p join cases c on c.province_code = p.code
    where p.level = 'province' group by p.code, p.path order by count(c.id) desc`.execute(db);
  const big = provinces.rows[0]!;
  // A small province still has a few thousand cases: the 80th percentile of the ranking.
  const small = provinces.rows[Math.floor(provinces.rows.length * 0.8)]!;
  const biggestCommune = async (province: string) =>
    (
      await sql<Area>`
      select l.code, l.path, count(c.id)::int as cases from localities l join cases c on c.locality_code = l.code
      where l.province_code = ${province} and l.level = 'commune' group by l.code, l.path order by count(c.id) desc limit 1`.execute(
        db,
      )
    ).rows[0]!;
  return { big, small, bigCommune: await biggestCommune(big.code), smallCommune: await biggestCommune(small.code) };
}

/** A case number and a name in the area, to search for. */
async function someCase(db: Db, path: string) {
  const r = await sql<{ case_number: string; full_name: string }>`
    select case_number, full_name from cases where locality_path = ${path} or locality_path like ${`${path}/%`}
    order by case_number limit 1 offset 7`.execute(db);
  return r.rows[0]!;
}

export async function listScenarios(db: Db, platform: Platform): Promise<ListScenario[]> {
  const a = await areas(db);
  const people: [string, Actor, Area][] = [
    [
      `CDC of the biggest province (${a.big.code}, ${a.big.cases.toLocaleString('en')} cases)`,
      actor('health_department', a.big.code, a.big.path),
      a.big,
    ],
    [
      `CDC of a small province (${a.small.code}, ${a.small.cases.toLocaleString('en')} cases)`,
      actor('health_department', a.small.code, a.small.path),
      a.small,
    ],
    [
      `officer of its biggest commune (${a.bigCommune.code}, ${a.bigCommune.cases.toLocaleString('en')} cases)`,
      actor('commune_officer', a.bigCommune.code, a.bigCommune.path),
      a.bigCommune,
    ],
    [
      `officer of the small province's biggest commune (${a.smallCommune.code}, ${a.smallCommune.cases.toLocaleString('en')} cases)`,
      actor('commune_officer', a.smallCommune.code, a.smallCommune.path),
      a.smallCommune,
    ],
  ];
  const cases = platform.services.cases;
  const out: ListScenario[] = [];
  for (const [who, person, area] of people) {
    const found = await someCase(db, area.path);
    // Page 51: the cursor after 50 pages, walked once (untimed).
    let after: string | undefined;
    for (let i = 0; i < 50; i++) {
      const page = await cases.list(person, { limit: PAGE, after });
      if (!page.nextCursor) break;
      after = page.nextCursor;
    }
    const calls: [string, Parameters<typeof cases.list>[1]][] = [
      ['first page', { limit: PAGE }],
      ...caseClassifications.map((c): [string, Parameters<typeof cases.list>[1]] => [
        `classification = ${c}`,
        { limit: PAGE, classification: c },
      ]),
      ['status = treating', { limit: PAGE, status: 'treating' }],
      ['status = died', { limit: PAGE, status: 'died' }],
      ['page 51 (cursor)', { limit: PAGE, after }],
      ['search: case number', { limit: PAGE, q: found.case_number }],
      ['search: name', { limit: PAGE, q: found.full_name }],
    ];
    for (const [what, query] of calls) {
      out.push({
        list: 'cases',
        who,
        label: `cases, ${what} — ${who}`,
        prepare: async () => undefined,
        call: async () => (await cases.list(person, query)).items.length,
      });
    }
  }
  return out;
}
