import { sql, type Insertable } from 'kysely';
import { reportTemplate, type ReportTemplate } from '../../../core/schemas/report-template.ts';
import type { Db } from '../../db/database.ts';
import { pathWithinSql } from '../../db/path-scope.ts';
import type {
  UnitReportReviewsTable,
  UnitReportsTable,
  UnitReportStatus,
  UnitReportVersionsTable,
} from '../../db/schema-reports.ts';

export type ReportRecord = NonNullable<Awaited<ReturnType<ReportsRepository['findById']>>>;
export type VersionRecord = Awaited<ReturnType<ReportsRepository['versions']>>[number];
export type ReviewRecord = Awaited<ReturnType<ReportsRepository['reviews']>>[number];

/** SQL of report templates, unit reports, their versions and reviews. */
export class ReportsRepository {
  async ensureTemplatePresets(db: Db, presets: readonly ReportTemplate[]): Promise<void> {
    for (const t of presets)
      await db
        .insertInto('report_templates')
        .values({ code: t.code, version: t.version, definition: JSON.stringify(t), preset: true })
        .onConflict((oc) => oc.columns(['code', 'version']).doNothing())
        .execute();
  }

  /** The latest version of a template, parsed; null when none. */
  async latestTemplate(db: Db, code: string): Promise<ReportTemplate | null> {
    const row = await db
      .selectFrom('report_templates')
      .select('definition')
      .where('code', '=', code)
      .orderBy('version', 'desc')
      .executeTakeFirst();
    return row ? reportTemplate.parse(row.definition) : null;
  }

  async templateAt(db: Db, code: string, version: number): Promise<ReportTemplate> {
    const row = await db
      .selectFrom('report_templates')
      .select('definition')
      .where('code', '=', code)
      .where('version', '=', version)
      .executeTakeFirstOrThrow();
    return reportTemplate.parse(row.definition);
  }

  findById(db: Db, id: string) {
    return db.selectFrom('unit_reports').selectAll().where('id', '=', id).executeTakeFirst();
  }

  find(db: Db, unitId: string, templateCode: string, periodId: string) {
    return db
      .selectFrom('unit_reports')
      .selectAll()
      .where('unit_id', '=', unitId)
      .where('template_code', '=', templateCode)
      .where('period_id', '=', periodId)
      .executeTakeFirst();
  }

  /** The report of the unit and period, created as a draft if it does not exist, locked for the transaction. */
  async lockOrCreate(db: Db, row: Insertable<UnitReportsTable>) {
    await db
      .insertInto('unit_reports')
      .values(row)
      .onConflict((oc) => oc.columns(['unit_id', 'template_code', 'period_id']).doNothing())
      .execute();
    return db
      .selectFrom('unit_reports')
      .selectAll()
      .where('unit_id', '=', row.unit_id)
      .where('template_code', '=', row.template_code)
      .where('period_id', '=', row.period_id)
      .forUpdate()
      .executeTakeFirstOrThrow();
  }

  lock(db: Db, id: string) {
    return db.selectFrom('unit_reports').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  }

  async update(
    db: Db,
    id: string,
    set: {
      status?: UnitReportStatus;
      version?: number;
      first_submitted_at?: Date;
      last_submitted_at?: Date;
      draft?: string;
    },
  ): Promise<void> {
    await db
      .updateTable('unit_reports')
      .set({ ...set, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
  }

  versionByClientKey(db: Db, clientKey: string) {
    return db
      .selectFrom('unit_report_versions')
      .select(['report_id', 'version'])
      .where('client_key', '=', clientKey)
      .executeTakeFirst();
  }

  async insertVersion(db: Db, row: Insertable<UnitReportVersionsTable>): Promise<void> {
    await db.insertInto('unit_report_versions').values(row).execute();
  }

  async insertReview(db: Db, row: Insertable<UnitReportReviewsTable>): Promise<void> {
    await db.insertInto('unit_report_reviews').values(row).execute();
  }

  versions(db: Db, reportId: string) {
    return db
      .selectFrom('unit_report_versions as v')
      .leftJoin('users as u', 'u.id', 'v.submitted_by')
      .selectAll('v')
      .select('u.full_name as by_name')
      .where('v.report_id', '=', reportId)
      .orderBy('v.version', 'desc')
      .execute();
  }

  reviews(db: Db, reportId: string) {
    return db
      .selectFrom('unit_report_reviews as r')
      .leftJoin('users as u', 'u.id', 'r.reviewed_by')
      .selectAll('r')
      .select('u.full_name as by_name')
      .where('r.report_id', '=', reportId)
      .orderBy('r.reviewed_at', 'desc')
      .execute();
  }

  /** The first submission of these units' reports over several periods (the page's on-time rates). */
  firstSubmissions(db: Db, templateCode: string, periodIds: readonly string[], unitIds: readonly string[]) {
    if (unitIds.length === 0 || periodIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('unit_reports')
      .select(['unit_id', 'period_id', 'first_submitted_at'])
      .where('template_code', '=', templateCode)
      .where('period_id', 'in', [...periodIds])
      .where('unit_id', 'in', [...unitIds])
      .where('first_submitted_at', 'is not', null)
      .execute();
  }

  /** The reports of a period of the units whose area lies within a path (completeness of a scope). */
  ofPeriodWithin(db: Db, templateCode: string, periodId: string, withinPath: string) {
    return db
      .selectFrom('unit_reports')
      .select(['id', 'unit_id', 'status', 'first_submitted_at'])
      .where('template_code', '=', templateCode)
      .where('period_id', '=', periodId)
      .where(pathWithinSql('locality_path', withinPath))
      .execute();
  }

  /**
   * Per period, the reporting units of a scope (active, with a supervisor) that submitted, and how
   * many before the period's deadline: the trend counted in SQL, a row per period.
   */
  async submittedPerPeriod(
    db: Db,
    templateCode: string,
    periods: readonly { id: string; due: Date }[],
    withinPath: string,
  ): Promise<{ period_id: string; submitted: number; on_time: number }[]> {
    const { rows } = await sql<{ period_id: string; submitted: number; on_time: number }>`
      select r.period_id, count(*)::int as submitted, (count(*) filter (where r.first_submitted_at < p.due))::int as on_time
      from unit_reports r
      join unnest(${periods.map((p) => p.id)}::text[], ${periods.map((p) => p.due.toISOString())}::timestamptz[]) as p(id, due)
        on p.id = r.period_id
      join reporting_units u on u.id = r.unit_id
      where r.template_code = ${templateCode} and r.first_submitted_at is not null
        and u.active and u.supervisor_unit_id is not null and ${pathWithinSql('u.locality_path', withinPath)}
      group by r.period_id`.execute(db);
    return rows;
  }

  /** The reports of a template and period for these units (completeness). */
  ofPeriod(db: Db, templateCode: string, periodId: string, unitIds: readonly string[]) {
    if (unitIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('unit_reports')
      .select(['id', 'unit_id', 'status', 'first_submitted_at'])
      .where('template_code', '=', templateCode)
      .where('period_id', '=', periodId)
      .where('unit_id', 'in', [...unitIds])
      .execute();
  }

  /** The figures of each report's current version (the locked one, for an accepted report). */
  async latestFigures(
    db: Db,
    reportIds: readonly string[],
  ): Promise<{ reportId: string; figures: Record<string, unknown> }[]> {
    if (reportIds.length === 0) return [];
    const rows = await db
      .selectFrom('unit_report_versions as v')
      .innerJoin('unit_reports as r', (j) => j.onRef('r.id', '=', 'v.report_id').onRef('r.version', '=', 'v.version'))
      .select(['v.report_id', 'v.figures'])
      .where('v.report_id', 'in', [...reportIds])
      .execute();
    return rows.map((r) => ({ reportId: r.report_id, figures: (r.figures ?? {}) as Record<string, unknown> }));
  }
}
