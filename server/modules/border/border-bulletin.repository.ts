import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { pathWithinSql } from '../../db/path-scope.ts';
import type { CrossingDecision, TestResult } from '../../db/schema-border.ts';
import type { FigureArea, Figures, FiguresRepository } from '../../shared/report-figures.ts';

const n = (expr: string) => sql<number>`coalesce(sum(${sql.raw(expr)}), 0)::int`;

/** Where a bulletin counts: a province (an equality on its code) or a subtree of it, optionally one post. */
export interface BulletinArea {
  provinceCode: string;
  withinPath: string;
  postId?: string;
}

/** SQL of the daily bulletin and the weekly report's border figures. */
export class BorderBulletinRepository implements FiguresRepository {
  /** A crossing counted once in the day's counts of its post and origin (same transaction as the record). */
  async countCrossing(
    db: Db,
    c: {
      postId: string;
      day: string;
      origin: string;
      provinceCode: string;
      localityPath: string;
      testResult: TestResult;
      decision: CrossingDecision;
    },
  ): Promise<void> {
    const row = {
      post_id: c.postId,
      day: c.day,
      origin: c.origin,
      province_code: c.provinceCode,
      locality_path: c.localityPath,
      recorded: 1,
      positives: c.testResult === 'positive' ? 1 : 0,
      quarantined: c.decision === 'quarantine' ? 1 : 0,
      turned_back: c.decision === 'turned_back' ? 1 : 0,
    };
    await db
      .insertInto('border_daily_counts')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['post_id', 'day', 'origin']).doUpdateSet({
          recorded: sql`border_daily_counts.recorded + 1`,
          positives: sql`border_daily_counts.positives + ${row.positives}`,
          quarantined: sql`border_daily_counts.quarantined + ${row.quarantined}`,
          turned_back: sql`border_daily_counts.turned_back + ${row.turned_back}`,
        }),
      )
      .execute();
  }

  /** The shift logs' counts of the day, per post. */
  shiftsOfDay(db: Db, a: BulletinArea, day: string) {
    let q = db
      .selectFrom('border_shifts as s')
      .select([
        's.post_id',
        n('s.people_count').as('people'),
        n('s.vehicle_count').as('vehicles'),
        n('s.rapid_tests').as('rapid_tests'),
        n('s.positives').as('positives'),
      ])
      .where('s.province_code', '=', a.provinceCode)
      .where('s.shift_date', '=', day)
      .where(pathWithinSql('s.locality_path', a.withinPath));
    if (a.postId) q = q.where('s.post_id', '=', a.postId);
    return q.groupBy('s.post_id').execute();
  }

  /** Individual records of the day, per post. */
  crossingsOfDay(db: Db, a: BulletinArea, day: string) {
    let q = db
      .selectFrom('border_daily_counts as d')
      .select([
        'd.post_id',
        n('d.recorded').as('recorded'),
        n('d.positives').as('positives'),
        n('d.quarantined').as('quarantined'),
        n('d.turned_back').as('turned_back'),
      ])
      .where('d.province_code', '=', a.provinceCode)
      .where('d.day', '=', day)
      .where(pathWithinSql('d.locality_path', a.withinPath));
    if (a.postId) q = q.where('d.post_id', '=', a.postId);
    return q.groupBy('d.post_id').execute();
  }

  /** Returnees by origin: recorded on the day, and up to it. */
  returneesByOrigin(db: Db, a: BulletinArea, day: string) {
    let q = db
      .selectFrom('border_daily_counts as d')
      .select([
        'd.origin',
        sql<number>`coalesce(sum(d.recorded) filter (where d.day = ${day}), 0)::int`.as('today'),
        n('d.recorded').as('cumulative'),
      ])
      .where('d.province_code', '=', a.provinceCode)
      .where('d.day', '<=', day)
      .where(pathWithinSql('d.locality_path', a.withinPath));
    if (a.postId) q = q.where('d.post_id', '=', a.postId);
    return q.groupBy('d.origin').orderBy('d.origin').execute();
  }

  /** The admissions of people sent to quarantine since `since`, by origin: whether they still are is the quarantine module's to say. */
  admissionsSince(db: Db, a: BulletinArea, since: string, day: string) {
    let q = db
      .selectFrom('border_crossings as c')
      .select(['c.origin', 'c.admission_id'])
      .where('c.province_code', '=', a.provinceCode)
      .where('c.crossed_on', '>=', since)
      .where('c.crossed_on', '<=', day)
      .where('c.decision', '=', 'quarantine')
      .where(pathWithinSql('c.locality_path', a.withinPath));
    if (a.postId) q = q.where('c.post_id', '=', a.postId);
    return q.execute();
  }

  interceptionsOfDay(db: Db, a: BulletinArea, day: string) {
    let q = db
      .selectFrom('border_interceptions as b')
      .select((eb) => [
        sql<string | null>`b.post_id`.as('post_id'),
        eb.fn.countAll<string>().as('interceptions'),
        sql<number>`sum((select count(*) from border_intercepted_people i where i.interception_id = b.id))::int`.as(
          'people',
        ),
      ])
      .where('b.province_code', '=', a.provinceCode)
      .where('b.intercepted_on', '=', day)
      .where(pathWithinSql('b.locality_path', a.withinPath));
    if (a.postId) q = q.where('b.post_id', '=', a.postId);
    return q.groupBy('b.post_id').execute();
  }

  postNames(db: Db, ids: readonly string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('border_posts')
      .select(['id', 'name'])
      .where('id', 'in', [...ids])
      .execute();
  }

  /** The weekly report's border figures over the period. */
  async figures(db: Db, a: FigureArea): Promise<Figures> {
    const shifts = await db
      .selectFrom('border_shifts as s')
      .select([n('s.people_count').as('people'), n('s.rapid_tests').as('tests'), n('s.positives').as('positives')])
      .where(pathWithinSql('s.locality_path', a.withinPath))
      .where('s.shift_date', '>=', a.from)
      .where('s.shift_date', '<=', a.to)
      .executeTakeFirstOrThrow();
    const records = await db
      .selectFrom('border_daily_counts as d')
      .select([n('d.quarantined').as('quarantined')])
      .where(pathWithinSql('d.locality_path', a.withinPath))
      .where('d.day', '>=', a.from)
      .where('d.day', '<=', a.to)
      .executeTakeFirstOrThrow();
    const intercepted = await db
      .selectFrom('border_interceptions as b')
      .innerJoin('border_intercepted_people as i', 'i.interception_id', 'b.id')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where(pathWithinSql('b.locality_path', a.withinPath))
      .where('b.intercepted_on', '>=', a.from)
      .where('b.intercepted_on', '<=', a.to)
      .executeTakeFirstOrThrow();
    return {
      border_people_checked: shifts.people,
      border_rapid_tests: shifts.tests,
      border_positives: shifts.positives,
      border_sent_to_quarantine: records.quarantined,
      border_illegal_entrants: Number(intercepted.n),
    };
  }
}
