import { sql, type Insertable, type Updateable } from 'kysely';
import type { ViolationArticle } from '../../../core/rules/inspections/decree-117.ts';
import type { Db } from '../../db/database.ts';
import { pathWithinSql } from '../../db/path-scope.ts';
import type { CorrectiveActionsTable, ViolationRecordsTable } from '../../db/schema-inspections.ts';
import type { Figures, FigureArea, FiguresRepository } from '../../shared/report-figures.ts';
import { decodeCursor } from '../../shared/cursor.ts';

export type ArticleRecord = Awaited<ReturnType<ViolationsRepository['articles']>>[number];
export type ViolationRecord = NonNullable<Awaited<ReturnType<ViolationsRepository['findViolation']>>>;
export type ActionRecord = NonNullable<Awaited<ReturnType<ViolationsRepository['findAction']>>>;

/** Who sees which violations: an area, or those of the visits of their plans, or against their organisations. */
export interface ViolationVisibility {
  withinPath: string | null;
  memberUserId: string;
  unitIds: readonly string[];
  organisationIds: readonly string[];
}

/** SQL of the Decree 117 catalogue, violations and fines, corrective actions, and the roll-ups. */
export class ViolationsRepository implements FiguresRepository {
  async ensureArticles(db: Db, seed: readonly ViolationArticle[]): Promise<void> {
    for (const a of seed)
      await db
        .insertInto('violation_articles')
        .values({
          code: a.code,
          version: a.version,
          title: JSON.stringify(a.title),
          individual_min_vnd: a.individualMinVnd,
          individual_max_vnd: a.individualMaxVnd,
          effective_from: a.effectiveFrom,
          effective_to: a.effectiveTo,
          remedy: a.remedy ? JSON.stringify(a.remedy) : null,
        })
        .onConflict((oc) => oc.columns(['code', 'version']).doNothing())
        .execute();
  }

  articles(db: Db) {
    return db.selectFrom('violation_articles').selectAll().orderBy('code').orderBy('version').execute();
  }

  // --- violations ----------------------------------------------------------------------------------

  private violations(db: Db) {
    return db
      .selectFrom('violation_records as r')
      .innerJoin('violation_articles as a', 'a.id', 'r.article_id')
      .innerJoin('reporting_units as u', 'u.id', 'r.unit_id')
      .leftJoin('inspection_visits as v', 'v.id', 'r.visit_id')
      .selectAll('r')
      .select([
        'a.code as article_code',
        'a.version as article_version',
        'a.title as article_title',
        'u.code as unit_code',
        'u.name as unit_name',
        'u.name_en as unit_name_en',
        'v.plan_id',
      ])
      .select((eb) =>
        eb
          .selectFrom('violation_records as e')
          .whereRef('e.subject_key', '=', 'r.subject_key')
          .whereRef('e.committed_on', '<', 'r.committed_on')
          .select(eb.fn.countAll<string>().as('n'))
          .as('earlier'),
      );
  }

  findViolation(db: Db, id: string) {
    return this.violations(db).where('r.id', '=', id).executeTakeFirst();
  }

  violationByClientKey(db: Db, clientKey: string) {
    return db
      .selectFrom('violation_records')
      .select(['id', 'visit_id'])
      .where('client_key', '=', clientKey)
      .executeTakeFirst();
  }

  violationsOfVisit(db: Db, visitId: string) {
    return this.violations(db).where('r.visit_id', '=', visitId).orderBy('r.created_at').execute();
  }

  listViolations(
    db: Db,
    o: ViolationVisibility & {
      localityPath?: string;
      article?: string;
      subject?: string;
      after?: string;
      limit: number;
    },
  ) {
    const cursor = decodeCursor(o.after, ['date', 'uuid']);
    let q = this.violations(db);
    if (o.withinPath !== null) q = q.where(pathWithinSql('r.locality_path', o.withinPath));
    else
      q = q.where((eb) =>
        eb.or([
          ...(o.unitIds.length ? [eb('r.unit_id', 'in', [...o.unitIds])] : []),
          ...(o.organisationIds.length ? [eb('r.organisation_id', 'in', [...o.organisationIds])] : []),
          eb.exists(
            eb
              .selectFrom('inspection_plan_members as m')
              .whereRef('m.plan_id', '=', 'v.plan_id')
              .where('m.user_id', '=', o.memberUserId)
              .select('m.plan_id'),
          ),
        ]),
      );
    if (o.localityPath) q = q.where(pathWithinSql('r.locality_path', o.localityPath));
    if (o.article) q = q.where('a.code', '=', o.article);
    if (o.subject === 'individual' || o.subject === 'organisation') q = q.where('r.subject_kind', '=', o.subject);
    if (cursor) {
      const [day, id] = cursor;
      q = q.where((eb) =>
        eb.or([eb('r.committed_on', '<', day), eb.and([eb('r.committed_on', '=', day), eb('r.id', '<', id)])]),
      );
    }
    return q
      .orderBy('r.committed_on', 'desc')
      .orderBy('r.id', 'desc')
      .limit(o.limit + 1)
      .execute();
  }

  async insertViolation(db: Db, row: Insertable<ViolationRecordsTable>): Promise<string> {
    return (await db.insertInto('violation_records').values(row).returning('id').executeTakeFirstOrThrow()).id;
  }

  async updateViolation(db: Db, id: string, change: Updateable<ViolationRecordsTable>): Promise<void> {
    await db.updateTable('violation_records').set(change).where('id', '=', id).execute();
  }

  /** A subject's violations, newest first (a person's record: `individual:<document>`). */
  idsBySubject(db: Db, subjectKey: string, limit: number) {
    return db
      .selectFrom('violation_records')
      .select(['id', 'locality_path'])
      .where('subject_key', '=', subjectKey)
      .orderBy('committed_on', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }

  /** Final violations a province publishes: organisations, and individuals a recorded decision allows. */
  published(db: Db, provinceCode: string, after: string | undefined, limit: number) {
    const cursor = decodeCursor(after, ['date', 'uuid']);
    let q = db
      .selectFrom('violation_records as r')
      .innerJoin('violation_articles as a', 'a.id', 'r.article_id')
      .innerJoin('localities as l', (j) => j.on(sql<boolean>`l.code = split_part(r.locality_path, '/', -1)`))
      .select([
        'r.id',
        'r.subject_kind',
        'r.subject_name',
        'r.publication_names_subject',
        'r.description',
        'a.code as article_code',
        'a.title as article_title',
        'r.fine_vnd',
        'r.decided_on',
        'l.name as locality_name',
      ])
      .where('r.province_code', '=', provinceCode)
      .where('r.final', '=', true)
      .where((eb) => eb.or([eb('r.subject_kind', '=', 'organisation'), eb('r.publication_decision', 'is not', null)]));
    if (cursor) {
      const [day, id] = cursor;
      q = q.where((eb) =>
        eb.or([eb('r.decided_on', '<', day), eb.and([eb('r.decided_on', '=', day), eb('r.id', '<', id)])]),
      );
    }
    return q
      .orderBy('r.decided_on', 'desc')
      .orderBy('r.id', 'desc')
      .limit(limit + 1)
      .execute();
  }

  // --- corrective actions --------------------------------------------------------------------------

  findAction(db: Db, id: string) {
    return db.selectFrom('corrective_actions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  actionByClientKey(db: Db, clientKey: string) {
    return db
      .selectFrom('corrective_actions')
      .select(['id', 'visit_id'])
      .where('client_key', '=', clientKey)
      .executeTakeFirst();
  }

  actionsOfVisit(db: Db, visitId: string) {
    return db.selectFrom('corrective_actions').selectAll().where('visit_id', '=', visitId).orderBy('due_on').execute();
  }

  async insertAction(db: Db, row: Insertable<CorrectiveActionsTable>): Promise<string> {
    return (await db.insertInto('corrective_actions').values(row).returning('id').executeTakeFirstOrThrow()).id;
  }

  async updateAction(db: Db, id: string, change: Updateable<CorrectiveActionsTable>): Promise<void> {
    await db.updateTable('corrective_actions').set(change).where('id', '=', id).execute();
  }

  /**
   * Open actions of an area past their deadline, oldest first, with the totals (today's work): of
   * the inspecting side only, the units given or the plans the user is on (`side` null: every one).
   */
  overdueActions(
    db: Db,
    path: string,
    today: string,
    limit: number,
    side: { unitIds: readonly string[]; memberUserId: string } | null,
  ) {
    return db
      .selectFrom('corrective_actions as c')
      .innerJoin('inspection_visits as v', 'v.id', 'c.visit_id')
      .innerJoin('inspection_targets as t', 't.id', 'v.target_id')
      .select(['c.id', 'c.description', 'c.due_on', 't.name as target_name', 'v.id as visit_id'])
      .select(sql<string>`count(*) over ()`.as('total'))
      .where(pathWithinSql('c.locality_path', path))
      .$if(side !== null, (q) =>
        q.where((eb) =>
          eb.or([
            ...(side!.unitIds.length ? [eb('c.unit_id', 'in', [...side!.unitIds])] : []),
            eb.exists(
              eb
                .selectFrom('inspection_plan_members as m')
                .whereRef('m.plan_id', '=', 'v.plan_id')
                .where('m.user_id', '=', side!.memberUserId)
                .select('m.plan_id'),
            ),
          ]),
        ),
      )
      .where('c.status', '<>', 'closed')
      .where('c.due_on', '<', today)
      .orderBy('c.due_on')
      .orderBy('c.id')
      .limit(limit)
      .execute();
  }

  /** Targets with open actions in an area (a follow-up inspection is proposed for each). */
  targetsWithOpenActions(db: Db, path: string) {
    return db
      .selectFrom('corrective_actions as c')
      .innerJoin('inspection_visits as v', 'v.id', 'c.visit_id')
      .innerJoin('inspection_targets as t', 't.id', 'v.target_id')
      .select(['t.kind', 't.name', 't.organisation_id', 't.locality_code'])
      .select((eb) => eb.fn.countAll<string>().as('open'))
      .where(pathWithinSql('c.locality_path', path))
      .where('c.status', '<>', 'closed')
      .groupBy(['t.kind', 't.name', 't.organisation_id', 't.locality_code'])
      .orderBy('t.name')
      .limit(100)
      .execute();
  }

  // --- roll-ups ------------------------------------------------------------------------------------

  /** The dashboard's counts for an area and period; a province's scope reads its equality indexes. */
  async dashboard(db: Db, o: { path: string; province: string | null; from: string; to: string; today: string }) {
    const scope = (column: string, provinceColumn: string) =>
      o.province ? sql<boolean>`${sql.ref(provinceColumn)} = ${o.province}` : pathWithinSql(column, o.path);
    const planned = await db
      .selectFrom('inspection_targets as t')
      .select([
        sql<number>`count(*)::int`.as('planned'),
        sql<number>`count(*) filter (where t.scheduled_on < ${o.today} and not exists
          (select 1 from inspection_visits v where v.target_id = t.id))::int`.as('overdue'),
      ])
      .where(scope('t.locality_path', 't.province_code'))
      .where('t.scheduled_on', '>=', o.from)
      .where('t.scheduled_on', '<=', o.to)
      .executeTakeFirstOrThrow();
    const byUnit = await db
      .selectFrom('inspection_visits as v')
      .innerJoin('reporting_units as u', 'u.id', 'v.unit_id')
      .select(['u.id', 'u.code', 'u.name', 'u.name_en', sql<number>`count(*)::int`.as('done')])
      .where(scope('v.locality_path', 'v.province_code'))
      .where('v.visited_on', '>=', o.from)
      .where('v.visited_on', '<=', o.to)
      .groupBy(['u.id', 'u.code', 'u.name', 'u.name_en'])
      .orderBy('u.code')
      .execute();
    const failures = await db
      .selectFrom('inspection_findings as f')
      .select(['f.item_key', sql<number>`count(*)::int`.as('count')])
      .where(scope('f.locality_path', 'f.province_code'))
      .where('f.result', '=', 'fail')
      .where('f.visited_on', '>=', o.from)
      .where('f.visited_on', '<=', o.to)
      .groupBy('f.item_key')
      .orderBy(sql`count(*)`, 'desc')
      .execute();
    const violations = await db
      .selectFrom('violation_records as r')
      .innerJoin('violation_articles as a', 'a.id', 'r.article_id')
      .select([
        'a.code',
        'r.unit_id',
        sql<number>`count(*)::int`.as('count'),
        sql<number>`coalesce(sum(r.fine_vnd), 0)::float8`.as('fined'),
        sql<number>`coalesce(sum(r.fine_vnd) filter (where r.paid_on is not null), 0)::float8`.as('paid'),
      ])
      .where(scope('r.locality_path', 'r.province_code'))
      .where('r.committed_on', '>=', o.from)
      .where('r.committed_on', '<=', o.to)
      .groupBy(['a.code', 'r.unit_id'])
      .execute();
    const actions = await db
      .selectFrom('corrective_actions as c')
      .select([
        sql<number>`count(*)::int`.as('open'),
        sql<number>`count(*) filter (where c.due_on < ${o.today})::int`.as('overdue'),
      ])
      .where(scope('c.locality_path', 'c.province_code'))
      .where('c.status', '<>', 'closed')
      .executeTakeFirstOrThrow();
    return { planned, byUnit, failures, violations, actions };
  }

  /** The weekly report's inspections section: visits done, violations found, fines decided. */
  async figures(db: Db, area: FigureArea): Promise<Figures> {
    const visits = await db
      .selectFrom('inspection_visits')
      .select(sql<number>`count(*)::int`.as('n'))
      .where(pathWithinSql('locality_path', area.withinPath))
      .where('visited_on', '>=', area.from)
      .where('visited_on', '<=', area.to)
      .executeTakeFirstOrThrow();
    const v = await db
      .selectFrom('violation_records')
      .select([sql<number>`count(*)::int`.as('n'), sql<number>`coalesce(sum(fine_vnd), 0)::float8`.as('fines')])
      .where(pathWithinSql('locality_path', area.withinPath))
      .where('committed_on', '>=', area.from)
      .where('committed_on', '<=', area.to)
      .executeTakeFirstOrThrow();
    return { inspections_done: visits.n, violations_found: v.n, fines_decided_vnd: Number(v.fines) };
  }
}
