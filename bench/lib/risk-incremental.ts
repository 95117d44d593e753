import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { defaultDiseaseProfile } from '../../core/rules/disease-profiles.ts';
import type { Db } from '../../server/db/database.ts';
import type { Platform } from '../../server/main.ts';
import { median, round } from './stats.ts';

const ms = (t0: number) => performance.now() - t0;

/**
 * Inserts one community case in the commune with most cases on `day`, then runs the repository's
 * refreshDirty; 20 times. Fails unless each refresh recounted exactly one cell and the cell grew by 20.
 */
export async function incrementalCost(db: Db, platform: Platform, day: string, label: string) {
  const cell = await sql<{ locality_code: string; locality_path: string; community: number }>`
    select locality_code, locality_path, community from locality_daily_counts where day = ${day}::date order by community desc, locality_code limit 1`.execute(
    db,
  );
  const target = cell.rows[0];
  if (!target) throw new Error(`no counts on ${day}`);
  const { n: before } = await db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('case_number', 'like', 'BENCH-INC-%')
    .executeTakeFirstOrThrow();
  const insertMs: number[] = [];
  const refreshMs: number[] = [];
  const refreshed: number[] = [];
  for (let i = 0; i < 20; i++) {
    let t = performance.now();
    await db
      .insertInto('cases')
      .values({
        case_number: `BENCH-INC-${String(Number(before) + i + 1).padStart(3, '0')}`,
        confirmed_date: day,
        classification: 'community',
        locality_code: target.locality_code,
        locality_path: target.locality_path,
        province_code: target.locality_path.split('/')[1] ?? null,
        profile_code: defaultDiseaseProfile.code,
      })
      .execute();
    insertMs.push(ms(t));
    t = performance.now();
    refreshed.push(await platform.services.indicators.refreshDirty(db));
    refreshMs.push(ms(t));
  }
  const after = await sql<{
    community: number;
  }>`select community from locality_daily_counts where locality_code = ${target.locality_code} and day = ${day}::date`.execute(
    db,
  );
  const grew = (after.rows[0]?.community ?? 0) - target.community;
  if (grew !== 20 || refreshed.some((n) => n !== 1))
    throw new Error(
      `incremental: expected 20 refreshes of exactly 1 cell adding 20 community cases, got cells ${JSON.stringify(refreshed)}, +${grew}`,
    );
  return {
    label,
    commune: target.locality_code,
    day,
    casesBefore: target.community,
    inserts: 20,
    insertOneCaseMedianMs: round(median(insertMs), 2),
    refreshDirtyMedianMs: round(median(refreshMs), 2),
    refreshDirtyMaxMs: round(Math.max(...refreshMs), 2),
    cellsRecountedEachTime: 1,
    communityAfter: after.rows[0]?.community ?? null,
    insertMs: insertMs.map((x) => round(x, 2)),
    refreshDirtyMs: refreshMs.map((x) => round(x, 2)),
  };
}
