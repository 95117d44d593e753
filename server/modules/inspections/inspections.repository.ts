import { sql, type Insertable, type Updateable } from 'kysely';
import type { Checklist } from '../../../core/rules/inspections/checklists.ts';
import type { Db } from '../../db/database.ts';
import { pathWithinSql } from '../../db/path-scope.ts';
import type {
  InspectionFindingsTable,
  InspectionPhotosTable,
  InspectionPlansTable,
  InspectionTargetsTable,
  InspectionVisitsTable,
} from '../../db/schema-inspections.ts';
import { decodeCursor } from '../../shared/cursor.ts';

export type PlanRecord = NonNullable<Awaited<ReturnType<InspectionsRepository['findPlan']>>>;
export type TargetRecord = Awaited<ReturnType<InspectionsRepository['targets']>>[number];
export type VisitRecord = NonNullable<Awaited<ReturnType<InspectionsRepository['findVisit']>>>;
export type ChecklistRecord = NonNullable<Awaited<ReturnType<InspectionsRepository['checklistById']>>>;
export type FindingRecord = Awaited<ReturnType<InspectionsRepository['findings']>>[number];

/** Who sees which plans in a list: an area (officials), or what their units made, they are on, or concerns their organisations. */
export interface PlanVisibility {
  withinPath: string | null;
  unitIds: readonly string[];
  memberUserId: string;
  organisationIds: readonly string[];
}

/** SQL of checklists, plans, their team and targets, visits, findings and photos. */
export class InspectionsRepository {
  // --- checklists ----------------------------------------------------------------------------------

  /** Writes the seed checklists not stored yet (platform start); later versions are kept. */
  async ensureChecklists(db: Db, seed: readonly Checklist[]): Promise<void> {
    for (const c of seed)
      await db
        .insertInto('inspection_checklists')
        .values({ code: c.code, version: c.version, title: JSON.stringify(c.title), items: JSON.stringify(c.items) })
        .onConflict((oc) => oc.columns(['code', 'version']).doNothing())
        .execute();
  }

  /** The latest version of each checklist. */
  latestChecklists(db: Db) {
    return db
      .selectFrom('inspection_checklists')
      .distinctOn('code')
      .selectAll()
      .orderBy('code')
      .orderBy('version', 'desc')
      .execute();
  }

  checklistById(db: Db, id: string) {
    return db.selectFrom('inspection_checklists').selectAll().where('id', '=', id).executeTakeFirst();
  }

  // --- plans ---------------------------------------------------------------------------------------

  private plans(db: Db) {
    return db
      .selectFrom('inspection_plans as p')
      .innerJoin('reporting_units as u', 'u.id', 'p.unit_id')
      .selectAll('p')
      .select(['u.code as unit_code', 'u.name as unit_name', 'u.name_en as unit_name_en'])
      .select((eb) => [
        eb
          .selectFrom('inspection_targets as t')
          .whereRef('t.plan_id', '=', 'p.id')
          .select(eb.fn.countAll<string>().as('n'))
          .as('target_count'),
        eb
          .selectFrom('inspection_targets as t')
          .whereRef('t.plan_id', '=', 'p.id')
          .where((e) =>
            e.exists(e.selectFrom('inspection_visits as v').whereRef('v.target_id', '=', 't.id').select('v.id')),
          )
          .select(eb.fn.countAll<string>().as('n'))
          .as('visited_count'),
      ]);
  }

  findPlan(db: Db, id: string) {
    return this.plans(db).where('p.id', '=', id).executeTakeFirst();
  }

  planIdByClientKey(db: Db, clientKey: string) {
    return db
      .selectFrom('inspection_plans')
      .select(['id', 'unit_id'])
      .where('client_key', '=', clientKey)
      .executeTakeFirst();
  }

  listPlans(
    db: Db,
    o: PlanVisibility & { unit?: string; organisation?: string; localityPath?: string; after?: string; limit: number },
  ) {
    const cursor = decodeCursor(o.after, ['date', 'uuid']);
    let q = this.plans(db);
    if (o.withinPath !== null) q = q.where(pathWithinSql('p.locality_path', o.withinPath));
    else
      q = q.where((eb) =>
        eb.or([
          ...(o.unitIds.length ? [eb('p.unit_id', 'in', [...o.unitIds])] : []),
          eb.exists(
            eb
              .selectFrom('inspection_plan_members as m')
              .whereRef('m.plan_id', '=', 'p.id')
              .where('m.user_id', '=', o.memberUserId)
              .select('m.plan_id'),
          ),
          ...(o.organisationIds.length
            ? [
                eb.exists(
                  eb
                    .selectFrom('inspection_targets as t')
                    .whereRef('t.plan_id', '=', 'p.id')
                    .where('t.organisation_id', 'in', [...o.organisationIds])
                    .select('t.id'),
                ),
              ]
            : []),
        ]),
      );
    if (o.unit) q = q.where('p.unit_id', '=', o.unit);
    if (o.organisation) {
      const id = o.organisation;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('inspection_targets as o')
            .whereRef('o.plan_id', '=', 'p.id')
            .where('o.organisation_id', '=', id)
            .select('o.id'),
        ),
      );
    }
    if (o.localityPath) {
      const within = pathWithinSql('t.locality_path', o.localityPath);
      q = q.where((eb) =>
        eb.exists(
          eb.selectFrom('inspection_targets as t').whereRef('t.plan_id', '=', 'p.id').where(within).select('t.id'),
        ),
      );
    }
    if (cursor) {
      const [day, id] = cursor;
      q = q.where((eb) =>
        eb.or([eb('p.period_from', '<', day), eb.and([eb('p.period_from', '=', day), eb('p.id', '<', id)])]),
      );
    }
    return q
      .orderBy('p.period_from', 'desc')
      .orderBy('p.id', 'desc')
      .limit(o.limit + 1)
      .execute();
  }

  async insertPlan(db: Db, row: Insertable<InspectionPlansTable>): Promise<string> {
    return (await db.insertInto('inspection_plans').values(row).returning('id').executeTakeFirstOrThrow()).id;
  }

  async addMembers(db: Db, planId: string, members: { userId: string; leader: boolean }[]): Promise<void> {
    await db
      .insertInto('inspection_plan_members')
      .values(members.map((m) => ({ plan_id: planId, user_id: m.userId, leader: m.leader })))
      .execute();
  }

  members(db: Db, planId: string) {
    return db
      .selectFrom('inspection_plan_members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['m.user_id', 'm.leader', 'u.full_name'])
      .where('m.plan_id', '=', planId)
      .orderBy('m.leader', 'desc')
      .orderBy('u.full_name')
      .execute();
  }

  async isMember(db: Db, planId: string, userId: string): Promise<boolean> {
    return !!(await db
      .selectFrom('inspection_plan_members')
      .select('plan_id')
      .where('plan_id', '=', planId)
      .where('user_id', '=', userId)
      .executeTakeFirst());
  }

  async insertTarget(db: Db, row: Insertable<InspectionTargetsTable>): Promise<string> {
    return (await db.insertInto('inspection_targets').values(row).returning('id').executeTakeFirstOrThrow()).id;
  }

  targets(db: Db, planId: string) {
    return db
      .selectFrom('inspection_targets as t')
      .innerJoin('inspection_checklists as c', 'c.id', 't.checklist_id')
      .selectAll('t')
      .select(['c.code as checklist_code'])
      .where('t.plan_id', '=', planId)
      .orderBy('t.scheduled_on')
      .orderBy('t.id')
      .execute();
  }

  /**
   * A target with what a visit to it needs in one statement (a phone's sync sends many): its plan's
   * unit and that unit's names, and whether the user is on the plan's team.
   */
  targetForVisit(db: Db, id: string, userId: string | null) {
    return db
      .selectFrom('inspection_targets as t')
      .innerJoin('inspection_plans as p', 'p.id', 't.plan_id')
      .innerJoin('reporting_units as u', 'u.id', 'p.unit_id')
      .selectAll('t')
      .select(['p.unit_id', 'u.code as unit_code', 'u.name as unit_name', 'u.name_en as unit_name_en'])
      .select((eb) =>
        eb
          .exists(
            eb
              .selectFrom('inspection_plan_members as m')
              .select('m.plan_id')
              .whereRef('m.plan_id', '=', 't.plan_id')
              .where('m.user_id', '=', userId ?? '00000000-0000-0000-0000-000000000000'),
          )
          .as('is_member'),
      )
      .where('t.id', '=', id)
      .executeTakeFirst();
  }

  findTarget(db: Db, id: string) {
    return db.selectFrom('inspection_targets').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Targets of the user's plans scheduled by `today` and not visited, oldest first. */
  fieldWork(db: Db, userId: string, today: string) {
    return db
      .selectFrom('inspection_targets as t')
      .innerJoin('inspection_plans as p', 'p.id', 't.plan_id')
      .innerJoin('inspection_plan_members as m', (j) => j.onRef('m.plan_id', '=', 'p.id').on('m.user_id', '=', userId))
      .innerJoin('inspection_checklists as c', 'c.id', 't.checklist_id')
      .selectAll('t')
      .select(['c.code as checklist_code', 'p.title as plan_title'])
      .where('t.scheduled_on', '<=', today)
      .where('p.period_to', '>=', today)
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('inspection_visits as v').whereRef('v.target_id', '=', 't.id').select('v.id'))),
      )
      .orderBy('t.scheduled_on')
      .orderBy('t.id')
      .limit(200)
      .execute();
  }

  visitsOfTargets(db: Db, targetIds: readonly string[]) {
    if (targetIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('inspection_visits')
      .select(['id', 'client_key', 'target_id', 'status', 'visited_on', 'failures'])
      .where('target_id', 'in', [...targetIds])
      .orderBy('visited_on')
      .execute();
  }

  // --- visits --------------------------------------------------------------------------------------

  /** A visit by id or client key (both uuids, never equal for two visits). */
  findVisit(db: Db, key: string) {
    return db
      .selectFrom('inspection_visits as v')
      .innerJoin('inspection_targets as t', 't.id', 'v.target_id')
      .innerJoin('reporting_units as u', 'u.id', 'v.unit_id')
      .selectAll('v')
      .select([
        't.kind as target_kind',
        't.name as target_name',
        't.locality_code as target_locality_code',
        'u.code as unit_code',
        'u.name as unit_name',
        'u.name_en as unit_name_en',
      ])
      .where((eb) => eb.or([eb('v.id', '=', key), eb('v.client_key', '=', key)]))
      .executeTakeFirst();
  }

  /** Locks the visit for an edit (two phones sending edits at once: one wins, the other conflicts). */
  lockVisit(db: Db, id: string) {
    return db
      .selectFrom('inspection_visits')
      .select(['id', 'version', 'last_edit_key'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow();
  }

  insertVisit(db: Db, row: Insertable<InspectionVisitsTable>) {
    return db.insertInto('inspection_visits').values(row).returningAll().executeTakeFirstOrThrow();
  }

  async insertFindings(db: Db, rows: Insertable<InspectionFindingsTable>[]): Promise<void> {
    if (rows.length) await db.insertInto('inspection_findings').values(rows).execute();
  }

  async updateVisit(db: Db, id: string, change: Omit<Updateable<InspectionVisitsTable>, 'version'>): Promise<void> {
    await db
      .updateTable('inspection_visits')
      .set({ ...change, version: sql<number>`version + 1`, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  }

  async replaceFindings(db: Db, visitId: string, rows: Insertable<InspectionFindingsTable>[]): Promise<void> {
    await db.deleteFrom('inspection_findings').where('visit_id', '=', visitId).execute();
    if (rows.length) await db.insertInto('inspection_findings').values(rows).execute();
  }

  findings(db: Db, visitId: string) {
    return db
      .selectFrom('inspection_findings')
      .select(['item_key', 'result', 'note', 'legal_basis'])
      .where('visit_id', '=', visitId)
      .execute();
  }

  // --- photos --------------------------------------------------------------------------------------

  photoByClientKey(db: Db, clientKey: string) {
    return db
      .selectFrom('inspection_photos')
      .select(['id', 'visit_id'])
      .where('client_key', '=', clientKey)
      .executeTakeFirst();
  }

  async insertPhoto(db: Db, row: Insertable<InspectionPhotosTable>): Promise<string> {
    return (await db.insertInto('inspection_photos').values(row).returning('id').executeTakeFirstOrThrow()).id;
  }

  photosOf(db: Db, visitId: string) {
    return db
      .selectFrom('inspection_photos')
      .select(['id', 'item_key'])
      .where('visit_id', '=', visitId)
      .orderBy('created_at')
      .execute();
  }

  photo(db: Db, id: string) {
    return db
      .selectFrom('inspection_photos as p')
      .innerJoin('inspection_photo_blobs as b', 'b.sha256', 'p.sha256')
      .select(['p.id', 'p.visit_id', 'p.media_type', 'b.body'])
      .where('p.id', '=', id)
      .executeTakeFirst();
  }

  signature(db: Db, visitId: string) {
    return db.selectFrom('inspection_visits').select('signature_png').where('id', '=', visitId).executeTakeFirst();
  }
}
