import { sql } from 'kysely';
import type { ResourceKind } from '../../../core/rules/plans/readiness.ts';
import type { Db } from '../../db/database.ts';
import { pathWithinSql } from '../../db/path-scope.ts';
import { decodeCursor } from '../../shared/cursor.ts';

export type PlanStatus = 'draft' | 'submitted' | 'approved' | 'returned';
export type CommitteeRole = 'head' | 'deputy_head' | 'standing_member' | 'member' | 'secretary';

export interface PlanVersionRecord {
  id: string;
  client_key: string;
  unit_id: string;
  version: number;
  rule_set_code: string;
  status: PlanStatus;
  locality_path: string;
  province_code: string;
  created_at: Date;
  submitted_at: Date | null;
  reviewed_at: Date | null;
  review_comment: string | null;
}

export interface SectionRecord {
  plan_id: string;
  level_key: string;
  level_number: number;
  own_measures: string[];
}
export interface PlanTaskRecord {
  plan_id: string;
  level_key: string;
  title: string;
  responsible_unit_id: string;
  due_after_hours: number;
}
export interface RequirementRecord {
  plan_id: string;
  level_key: string;
  resource_kind: ResourceKind;
  resource_code: string;
  quantity: number;
}
export interface MemberRecord {
  id: string;
  unit_id: string;
  full_name: string;
  role: CommitteeRole;
  position: string | null;
  phone: string | null;
  user_id: string | null;
  duty: string | null;
}
export interface ActivationRecord {
  id: string;
  unit_id: string;
  plan_id: string;
  level_key: string;
  level_number: number;
  activated_at: Date;
  closed_at: Date | null;
}
export interface ActivationTaskRecord {
  id: string;
  activation_id: string;
  title: string;
  responsible_unit_id: string;
  due_at: Date;
  status: 'open' | 'done' | 'closed';
}
export interface PlanSummaryRecord {
  unit_id: string;
  code: string;
  name: string;
  name_en: string;
  locality_code: string;
  latest_id: string | null;
  latest_version: number | null;
  latest_status: PlanStatus | null;
  approved_version: number | null;
}

/** `in (…)` of uuids: callers never pass an empty list. */
const uuids = (ids: readonly string[]) => sql.join(ids.map((id) => sql`${id}::uuid`));

const rows = async <T>(q: { execute(db: Db): Promise<{ rows: T[] }> }, db: Db) => (await q.execute(db)).rows;

/** SQL of steering committees, response plans and their activations (0032). */
export class PlansRepository {
  // --- steering committees ----------------------------------------------------------------------

  async committee(db: Db, unitId: string) {
    return (
      await rows<{ state: 'normal' | 'activated'; decision: string | null; state_since: Date | null }>(
        sql`select state, decision, state_since from steering_committees where unit_id = ${unitId}`,
        db,
      )
    )[0];
  }

  members(db: Db, unitIds: readonly string[]): Promise<MemberRecord[]> {
    if (unitIds.length === 0) return Promise.resolve([]);
    return rows<MemberRecord>(
      sql`select id, unit_id, full_name, role, position, phone, user_id, duty from steering_committee_members
          where unit_id in (${uuids(unitIds)}) order by unit_id, sort_order, id`,
      db,
    );
  }

  async replaceMembers(db: Db, unitId: string, members: readonly Omit<MemberRecord, 'id' | 'unit_id'>[]) {
    await sql`delete from steering_committee_members where unit_id = ${unitId}`.execute(db);
    let i = 0;
    for (const m of members)
      await sql`insert into steering_committee_members (unit_id, full_name, role, position, phone, user_id, duty, sort_order)
        values (${unitId}, ${m.full_name}, ${m.role}, ${m.position}, ${m.phone}, ${m.user_id}, ${m.duty}, ${i++})`.execute(
        db,
      );
  }

  async setState(db: Db, unitId: string, s: { state: string; decision: string; at: Date; by: string | null }) {
    await sql`insert into steering_committees (unit_id, state, decision, state_since, changed_by, updated_at)
      values (${unitId}, ${s.state}, ${s.decision}, ${s.at}, ${s.by}, now())
      on conflict (unit_id) do update set state = excluded.state, decision = excluded.decision,
        state_since = excluded.state_since, changed_by = excluded.changed_by, updated_at = now()`.execute(db);
  }

  // --- plan versions ----------------------------------------------------------------------------

  private versions = sql`select id, client_key, unit_id, version, rule_set_code, status, locality_path, province_code,
    created_at, submitted_at, reviewed_at, review_comment from response_plans`;

  async versionById(db: Db, id: string, lock = false): Promise<PlanVersionRecord | undefined> {
    return (
      await rows<PlanVersionRecord>(sql`${this.versions} where id = ${id} ${lock ? sql`for update` : sql``}`, db)
    )[0];
  }

  async versionByClientKey(db: Db, clientKey: string): Promise<PlanVersionRecord | undefined> {
    return (await rows<PlanVersionRecord>(sql`${this.versions} where client_key = ${clientKey}`, db))[0];
  }

  async latest(db: Db, unitId: string): Promise<PlanVersionRecord | undefined> {
    return (
      await rows<PlanVersionRecord>(sql`${this.versions} where unit_id = ${unitId} order by version desc limit 1`, db)
    )[0];
  }

  /** The plan in force of each unit: its latest approved version (one query for a province's units). */
  approvedOf(db: Db, unitIds: readonly string[]): Promise<PlanVersionRecord[]> {
    if (unitIds.length === 0) return Promise.resolve([]);
    return rows<PlanVersionRecord>(
      sql`select distinct on (unit_id) id, client_key, unit_id, version, rule_set_code, status, locality_path,
            province_code, created_at, submitted_at, reviewed_at, review_comment
          from response_plans where status = 'approved' and unit_id in (${uuids(unitIds)})
          order by unit_id, version desc`,
      db,
    );
  }

  async insertVersion(
    db: Db,
    v: Pick<PlanVersionRecord, 'client_key' | 'unit_id' | 'rule_set_code' | 'locality_path' | 'province_code'> & {
      created_by: string | null;
    },
  ): Promise<string> {
    // The next number under a lock on the unit's versions: two saves at once get two numbers, never one.
    await sql`select pg_advisory_xact_lock(hashtext('response_plans:' || ${v.unit_id}))`.execute(db);
    const r = await rows<{ id: string }>(
      sql`insert into response_plans (client_key, unit_id, version, rule_set_code, locality_path, province_code, created_by)
          select ${v.client_key}, ${v.unit_id}, coalesce(max(version), 0) + 1, ${v.rule_set_code}, ${v.locality_path},
            ${v.province_code}, ${v.created_by}
          from response_plans where unit_id = ${v.unit_id}
          returning id`,
      db,
    );
    return r[0]!.id;
  }

  async insertSection(
    db: Db,
    s: SectionRecord,
    tasks: readonly Omit<PlanTaskRecord, 'plan_id' | 'level_key'>[],
    req: readonly Omit<RequirementRecord, 'plan_id' | 'level_key'>[],
  ) {
    await sql`insert into response_plan_sections (plan_id, level_key, level_number, own_measures)
      values (${s.plan_id}, ${s.level_key}, ${s.level_number}, ${JSON.stringify(s.own_measures)}::jsonb)`.execute(db);
    let i = 0;
    for (const t of tasks)
      await sql`insert into response_plan_tasks (plan_id, level_key, title, responsible_unit_id, due_after_hours, sort_order)
        values (${s.plan_id}, ${s.level_key}, ${t.title}, ${t.responsible_unit_id}, ${t.due_after_hours}, ${i++})`.execute(
        db,
      );
    for (const r of req)
      await sql`insert into response_plan_requirements (plan_id, level_key, resource_kind, resource_code, quantity)
        values (${s.plan_id}, ${s.level_key}, ${r.resource_kind}, ${r.resource_code}, ${r.quantity})`.execute(db);
  }

  sections(db: Db, planIds: readonly string[]): Promise<SectionRecord[]> {
    if (planIds.length === 0) return Promise.resolve([]);
    return rows<SectionRecord>(
      sql`select plan_id, level_key, level_number, own_measures from response_plan_sections
          where plan_id in (${uuids(planIds)}) order by plan_id, level_number`,
      db,
    );
  }

  tasks(db: Db, planIds: readonly string[], levelKey?: string): Promise<PlanTaskRecord[]> {
    if (planIds.length === 0) return Promise.resolve([]);
    return rows<PlanTaskRecord>(
      sql`select plan_id, level_key, title, responsible_unit_id, due_after_hours from response_plan_tasks
          where plan_id in (${uuids(planIds)}) ${levelKey ? sql`and level_key = ${levelKey}` : sql``}
          order by plan_id, level_key, sort_order`,
      db,
    );
  }

  /** Requirements of many plans at once (readiness of a province or the country: one query). */
  requirements(db: Db, planIds: readonly string[], levelKey?: string): Promise<RequirementRecord[]> {
    if (planIds.length === 0) return Promise.resolve([]);
    return rows<RequirementRecord>(
      sql`select plan_id, level_key, resource_kind, resource_code, quantity from response_plan_requirements
          where plan_id in (${uuids(planIds)}) ${levelKey ? sql`and level_key = ${levelKey}` : sql``}`,
      db,
    );
  }

  /**
   * Each unit's plan in force at a level in one statement: whether it has a section for the level,
   * and its requirement lines there (one row per line; a unit without a line has one row of nulls).
   */
  approvedNeeds(db: Db, unitIds: readonly string[], levelKey: string) {
    if (unitIds.length === 0) return Promise.resolve([]);
    return rows<{
      unit_id: string;
      has_section: boolean;
      resource_kind: ResourceKind | null;
      resource_code: string | null;
      quantity: number | null;
    }>(
      // The plan ids as an array (`= any(array(…))`): sections and lines are then read by their
      // primary key's (plan_id, level_key) prefix, not by hashing every plan's every line (a
      // country holds 140,000): 2 ms instead of 40 for a province's 168 plans.
      sql`with approved as materialized (
            select distinct on (unit_id) id, unit_id from response_plans
            where status = 'approved' and unit_id in (${uuids(unitIds)}) order by unit_id, version desc)
          select a.unit_id, s.plan_id is not null as has_section, r.resource_kind, r.resource_code, r.quantity
          from approved a
          left join response_plan_sections s on s.plan_id = a.id and s.level_key = ${levelKey}
            and s.plan_id = any(array(select id from approved))
          left join response_plan_requirements r on r.plan_id = a.id and r.level_key = ${levelKey}
            and r.plan_id = any(array(select id from approved))`,
      db,
    );
  }

  async setStatus(
    db: Db,
    id: string,
    status: PlanStatus,
    o: { at: Date; by: string | null; comment?: string | null },
  ): Promise<void> {
    if (status === 'submitted')
      await sql`update response_plans set status = 'submitted', submitted_at = ${o.at} where id = ${id}`.execute(db);
    else
      await sql`update response_plans set status = ${status}, reviewed_at = ${o.at}, reviewed_by = ${o.by},
        review_comment = ${o.comment ?? null} where id = ${id}`.execute(db);
  }

  /** The units of an area (or these units) with their latest and approved versions, by unit code. */
  list(
    db: Db,
    o: {
      withinPath: string | null;
      unitIds: readonly string[] | null;
      status?: PlanStatus | undefined;
      withoutApproved?: boolean | undefined;
      after?: string | undefined;
      limit: number;
    },
  ): Promise<PlanSummaryRecord[]> {
    const cursor = decodeCursor(o.after, ['text']);
    const where = [
      sql`u.active`,
      ...(o.withinPath ? [sql`${pathWithinSql('u.locality_path', o.withinPath)}`] : []),
      ...(o.unitIds ? [o.unitIds.length ? sql`u.id in (${uuids(o.unitIds)})` : sql`false`] : []),
      ...(o.status ? [sql`l.status = ${o.status}`] : []),
      ...(o.withoutApproved ? [sql`a.version is null`] : []),
      ...(cursor ? [sql`u.code > ${cursor[0]}`] : []),
    ];
    return rows<PlanSummaryRecord>(
      sql`select u.id as unit_id, u.code, u.name, u.name_en, u.locality_code,
            l.id as latest_id, l.version as latest_version, l.status as latest_status, a.version as approved_version
          from reporting_units u
          left join lateral (select id, version, status from response_plans p where p.unit_id = u.id
            order by version desc limit 1) l on true
          left join lateral (select version from response_plans p where p.unit_id = u.id and p.status = 'approved'
            order by version desc limit 1) a on true
          where ${sql.join(where, sql` and `)}
          order by u.code limit ${o.limit + 1}`,
      db,
    );
  }

  // --- activations ------------------------------------------------------------------------------

  openActivations(db: Db, unitId: string): Promise<ActivationRecord[]> {
    return rows<ActivationRecord>(
      sql`select id, unit_id, plan_id, level_key, level_number, activated_at, closed_at from plan_activations
          where unit_id = ${unitId} and closed_at is null order by level_number for update`,
      db,
    );
  }

  activations(db: Db, unitId: string, openOnly: boolean): Promise<ActivationRecord[]> {
    return rows<ActivationRecord>(
      sql`select id, unit_id, plan_id, level_key, level_number, activated_at, closed_at from plan_activations
          where unit_id = ${unitId} ${openOnly ? sql`and closed_at is null` : sql``}
          order by activated_at desc, id desc limit 50`,
      db,
    );
  }

  async activationById(db: Db, id: string): Promise<ActivationRecord | undefined> {
    return (
      await rows<ActivationRecord>(
        sql`select id, unit_id, plan_id, level_key, level_number, activated_at, closed_at from plan_activations where id = ${id}`,
        db,
      )
    )[0];
  }

  /** Opens a section; null when it is open already (a job run twice). */
  async insertActivation(
    db: Db,
    a: Omit<ActivationRecord, 'id' | 'closed_at'> & {
      decision_id: string | null;
      locality_path: string;
      province_code: string;
    },
  ): Promise<string | null> {
    const r = await rows<{ id: string }>(
      sql`insert into plan_activations (unit_id, plan_id, level_key, level_number, decision_id, activated_at, locality_path, province_code)
          values (${a.unit_id}, ${a.plan_id}, ${a.level_key}, ${a.level_number}, ${a.decision_id}, ${a.activated_at},
            ${a.locality_path}, ${a.province_code})
          on conflict (unit_id, level_key) where closed_at is null do nothing returning id`,
      db,
    );
    return r[0]?.id ?? null;
  }

  async closeActivations(db: Db, ids: readonly string[], at: Date): Promise<void> {
    if (ids.length === 0) return;
    await sql`update plan_activations set closed_at = ${at}, close_reason = 'level_lowered' where id in (${uuids(ids)})`.execute(
      db,
    );
    await sql`update plan_activation_tasks set status = 'closed', status_at = ${at}
      where activation_id in (${uuids(ids)}) and status = 'open'`.execute(db);
  }

  async insertActivationTask(db: Db, t: Omit<ActivationTaskRecord, 'id' | 'status'>): Promise<void> {
    await sql`insert into plan_activation_tasks (activation_id, title, responsible_unit_id, due_at)
      values (${t.activation_id}, ${t.title}, ${t.responsible_unit_id}, ${t.due_at})`.execute(db);
  }

  activationTasks(db: Db, activationIds: readonly string[]): Promise<ActivationTaskRecord[]> {
    if (activationIds.length === 0) return Promise.resolve([]);
    return rows<ActivationTaskRecord>(
      sql`select id, activation_id, title, responsible_unit_id, due_at, status from plan_activation_tasks
          where activation_id in (${uuids(activationIds)}) order by due_at, id`,
      db,
    );
  }

  async activationTask(db: Db, id: string): Promise<ActivationTaskRecord | undefined> {
    return (
      await rows<ActivationTaskRecord>(
        sql`select id, activation_id, title, responsible_unit_id, due_at, status from plan_activation_tasks where id = ${id} for update`,
        db,
      )
    )[0];
  }

  async completeTask(db: Db, id: string, at: Date, by: string | null): Promise<void> {
    await sql`update plan_activation_tasks set status = 'done', status_at = ${at}, status_by = ${by}
      where id = ${id} and status = 'open'`.execute(db);
  }
}
