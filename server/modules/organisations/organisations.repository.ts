import { sql, type Insertable } from 'kysely';
import type { RiskGroup } from '../../../core/schemas/assessment-template.ts';
import { assessmentTemplate, type AssessmentTemplate } from '../../../core/schemas/assessment-template.ts';
import type { OrganisationType } from '../../../core/schemas/assessment-template.ts';
import type { Db } from '../../db/database.ts';
import type { OrganisationAssessmentsTable, OrganisationsTable } from '../../db/schema-workplaces.ts';
import { escapeLike, scopeWithinSql } from '../../db/path-scope.ts';
import { decodeCursor } from '../../shared/cursor.ts';

export type OrganisationRecord = NonNullable<Awaited<ReturnType<OrganisationsRepository['findById']>>>;
export type AssessmentRecord = Awaited<ReturnType<OrganisationsRepository['assessments']>>[number];
export type NewOrganisation = Insertable<OrganisationsTable> & { org_type: OrganisationType };
export type NewAssessment = Insertable<OrganisationAssessmentsTable>;
type Status = 'pending' | 'approved' | 'rejected' | 'suspended';

export interface ListOrganisationsOptions {
  withinPath: string;
  ownerUserId?: string;
  status?: Status;
  type?: OrganisationType;
  sector?: string;
  group?: RiskGroup | 'none';
  /** Approved and due for re-assessment before this day (the latest assessment's due day < it). */
  overdueOn?: string;
  q?: string;
  after?: string;
  limit: number;
}

/** A microsecond-exact cursor key: a JS Date would drop the microseconds PostgreSQL keeps. */
const createdKey = sql<string>`to_char(o.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;

/** The day an approved organisation's self-assessment is due (a never-assessed one: since its approval). */
const dueOn = sql<string>`coalesce(a.reassess_due_on, (o.decided_at at time zone 'Asia/Ho_Chi_Minh')::date)`;

/** SQL of organisations, their self-assessments and the assessment templates. */
export class OrganisationsRepository {
  private organisations(db: Db) {
    return db
      .selectFrom('organisations as o')
      .innerJoin('localities as commune', 'commune.code', 'o.commune_code')
      .leftJoin('users as decider', 'decider.id', 'o.decided_by')
      .leftJoin('organisation_assessments as a', 'a.id', 'o.latest_assessment_id')
      .selectAll('o')
      .select([
        'commune.full_name as commune_full_name',
        'decider.full_name as decided_by_name',
        'a.share_percent as latest_share_percent',
        'a.may_operate as latest_may_operate',
        'a.submitted_at as latest_submitted_at',
        'a.reassess_due_on as latest_reassess_due_on',
        createdKey.as('created_key'),
      ]);
  }

  async idsOwnedBy(db: Db, userId: string): Promise<string[]> {
    return (await db.selectFrom('organisations').select('id').where('owner_user_id', '=', userId).execute()).map(
      (r) => r.id,
    );
  }

  findById(db: Db, id: string) {
    return this.organisations(db).where('o.id', '=', id).executeTakeFirst();
  }

  /**
   * Approved organisations whose self-assessment is due on or before `horizon` (a local day): the
   * latest assessment's re-assessment day, or the day of approval when none was submitted yet.
   * Ordered and paged by id, so a scan of a country reads a page at a time.
   */
  assessmentsDue(db: Db, o: { horizon: string; afterId?: string; limit: number }) {
    let q = this.dueRows(db).where(dueOn, '<=', o.horizon);
    if (o.afterId) q = q.where('o.id', '>', o.afterId);
    return q.orderBy('o.id').limit(o.limit).execute();
  }

  /** The day an approved organisation's self-assessment is due now; undefined when it is not approved. */
  assessmentDue(db: Db, id: string) {
    return this.dueRows(db).where('o.id', '=', id).executeTakeFirst();
  }

  private dueRows(db: Db) {
    return db
      .selectFrom('organisations as o')
      .leftJoin('organisation_assessments as a', 'a.id', 'o.latest_assessment_id')
      .select(['o.id', 'o.name', 'o.commune_code', 'o.owner_user_id', dueOn.as('due_on')])
      .where('o.status', '=', 'approved');
  }

  async idByClientKey(db: Db, clientKey: string): Promise<string | null> {
    const row = await db
      .selectFrom('organisations')
      .select('id')
      .where('client_key', '=', clientKey)
      .executeTakeFirst();
    return row?.id ?? null;
  }

  /** The live registration (not rejected) of a tax code, if any. */
  async liveByTaxCode(db: Db, taxCode: string) {
    return db
      .selectFrom('organisations')
      .select(['id', 'locality_path', 'owner_user_id'])
      .where('tax_code', '=', taxCode)
      .where('status', '<>', 'rejected')
      .executeTakeFirst();
  }

  async list(db: Db, o: ListOrganisationsOptions) {
    const cursor = decodeCursor(o.after, ['timestamp', 'uuid']);
    let query = this.organisations(db).where(
      scopeWithinSql({ path: 'o.locality_path', province: 'o.scope_province', commune: 'o.scope_code' }, o.withinPath),
    );
    if (o.ownerUserId) query = query.where('o.owner_user_id', '=', o.ownerUserId);
    if (o.status) query = query.where('o.status', '=', o.status);
    if (o.type) query = query.where('o.org_type', '=', o.type);
    if (o.sector) query = query.where('o.sector', '=', o.sector);
    if (o.group === 'none') query = query.where('o.latest_group', 'is', null);
    else if (o.group) query = query.where('o.latest_group', '=', o.group);
    if (o.overdueOn) query = query.where('o.status', '=', 'approved').where('a.reassess_due_on', '<', o.overdueOn);
    if (o.q) {
      const term = `%${escapeLike(o.q)}%`;
      const digits = o.q.replace(/[\s.]/g, '');
      query = query.where((eb) =>
        eb.or([
          eb(sql`unaccent(o.name)`, 'ilike', sql`unaccent(${term})`),
          eb('o.tax_code', '=', digits),
          eb('o.tax_code', 'like', `${escapeLike(digits)}-%`),
        ]),
      );
    }
    if (cursor) {
      const [key, id] = cursor;
      query = query.where(sql<boolean>`(o.created_at, o.id) < (${key}::timestamp at time zone 'UTC', ${id}::uuid)`);
    }
    return query
      .orderBy('o.created_at', 'desc')
      .orderBy('o.id', 'desc')
      .limit(o.limit + 1)
      .execute();
  }

  /** Inserts unless the client key was used; null when it was (the caller answers the first one). */
  async insert(db: Db, v: NewOrganisation): Promise<string | null> {
    const row = await db
      .insertInto('organisations')
      .values(v)
      .onConflict((oc) => oc.column('client_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id ?? null;
  }

  /** Moves status only if nobody changed it meanwhile; false when they did. */
  async changeStatus(
    db: Db,
    id: string,
    from: Status,
    to: Status,
    decision: { decided_by: string | null; decision_note: string | null },
  ): Promise<boolean> {
    const r = await db
      .updateTable('organisations')
      .set({ status: to, ...decision, decided_at: new Date(), updated_at: new Date() })
      .where('id', '=', id)
      .where('status', '=', from)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Records that the contact's phone answered a code. */
  async setPhoneVerified(db: Db, id: string, at: Date): Promise<void> {
    await db
      .updateTable('organisations')
      .set({ contact_phone_verified_at: at, updated_at: at })
      .where('id', '=', id)
      .execute();
  }

  // --- assessments ---------------------------------------------------------------------------

  private assessmentRows(db: Db) {
    return db
      .selectFrom('organisation_assessments as a')
      .leftJoin('users as u', 'u.id', 'a.submitted_by')
      .selectAll('a')
      .select([
        'u.full_name as submitted_by_name',
        sql<string>`to_char(a.submitted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`.as('submitted_key'),
      ]);
  }

  async assessmentById(db: Db, id: string) {
    return this.assessmentRows(db).where('a.id', '=', id).executeTakeFirst();
  }

  async assessmentIdByClientKey(db: Db, clientKey: string) {
    return db
      .selectFrom('organisation_assessments')
      .select(['id', 'organisation_id'])
      .where('client_key', '=', clientKey)
      .executeTakeFirst();
  }

  async assessments(db: Db, organisationId: string, after: string | undefined, limit: number) {
    const cursor = decodeCursor(after, ['timestamp', 'uuid']);
    let q = this.assessmentRows(db).where('a.organisation_id', '=', organisationId);
    if (cursor) {
      const [key, id] = cursor;
      q = q.where(sql<boolean>`(a.submitted_at, a.id) < (${key}::timestamp at time zone 'UTC', ${id}::uuid)`);
    }
    return q
      .orderBy('a.submitted_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(limit + 1)
      .execute();
  }

  /** Stores an assessment unless its client key was used, and makes it the organisation's latest. */
  async insertAssessment(db: Db, a: NewAssessment): Promise<string | null> {
    const row = await db
      .insertInto('organisation_assessments')
      .values(a)
      .onConflict((oc) => oc.column('client_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) return null;
    await db
      .updateTable('organisations')
      .set({ latest_assessment_id: row.id, latest_group: a.risk_group, updated_at: new Date() })
      .where('id', '=', a.organisation_id)
      .execute();
    return row.id;
  }

  // --- templates -----------------------------------------------------------------------------

  /** Writes each preset as its version when absent; edited versions are never overwritten. */
  async ensureTemplatePresets(db: Db, presets: readonly AssessmentTemplate[]): Promise<void> {
    await db
      .insertInto('assessment_templates')
      .values(presets.map((p) => ({ code: p.code, version: p.version, definition: JSON.stringify(p), preset: true })))
      .onConflict((oc) => oc.columns(['code', 'version']).doNothing())
      .execute();
  }

  /** The latest version of every template, or of one; validated on the way out like the rule sets. */
  async latestTemplates(db: Db, code?: string): Promise<AssessmentTemplate[]> {
    let q = db
      .selectFrom('assessment_templates')
      .select('definition')
      .distinctOn('code')
      .orderBy('code')
      .orderBy('version', 'desc');
    if (code !== undefined) q = q.where('code', '=', code);
    return (await q.execute()).map((r) => assessmentTemplate.parse(r.definition));
  }

  /** A template at the version an assessment used (to re-read an old score). */
  async templateAt(db: Db, code: string, version: number): Promise<AssessmentTemplate | null> {
    const row = await db
      .selectFrom('assessment_templates')
      .select('definition')
      .where('code', '=', code)
      .where('version', '=', version)
      .executeTakeFirst();
    return row ? assessmentTemplate.parse(row.definition) : null;
  }
}
