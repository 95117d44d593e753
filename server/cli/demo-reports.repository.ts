import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/** One seeded submission or review of a demo report (the instants are the story's, not now). */
export interface DemoReportRow {
  unitId: string;
  periodId: string;
  from: string;
  to: string;
  due: Date;
  localityPath: string;
  provinceCode: string;
  status: 'submitted' | 'returned' | 'accepted';
  versions: { figures: object; computed: object; amendmentReason: string | null; at: Date }[];
  reviews: { version: number; decision: 'accept' | 'return'; comment: string | null; at: Date }[];
}

/**
 * The demo's report history written straight into the reports tables: a few hundred rows in
 * three statements, where the service would count every module's figures again for each
 * submission and take seconds. Only the seed uses it, on a province that has no report yet.
 */
export class DemoReportsRepository {
  async provinceHasReports(db: Db, provinceCode: string, templateCode: string): Promise<boolean> {
    const row = await db
      .selectFrom('unit_reports')
      .select('id')
      .where('province_code', '=', provinceCode)
      .where('template_code', '=', templateCode)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  async latestTemplateVersion(db: Db, templateCode: string): Promise<number> {
    const r = await db
      .selectFrom('report_templates')
      .select(sql<number>`max(version)`.as('version'))
      .where('code', '=', templateCode)
      .executeTakeFirstOrThrow();
    return r.version;
  }

  async insert(db: Db, templateCode: string, templateVersion: number, rows: readonly DemoReportRow[]): Promise<void> {
    if (rows.length === 0) return;
    const reports = await db
      .insertInto('unit_reports')
      .values(
        rows.map((r) => {
          const last = r.versions.at(-1)!;
          return {
            unit_id: r.unitId,
            template_code: templateCode,
            template_version: templateVersion,
            period_id: r.periodId,
            period_from: r.from,
            period_to: r.to,
            due_at: r.due,
            locality_path: r.localityPath,
            province_code: r.provinceCode,
            status: r.status,
            version: r.versions.length,
            draft: JSON.stringify({ values: last.figures, reasons: {} }),
            first_submitted_at: r.versions[0]!.at,
            last_submitted_at: last.at,
            created_by: null,
            created_at: r.versions[0]!.at,
            updated_at: [last.at, ...r.reviews.map((v) => v.at)].reduce((a, b) => (a > b ? a : b)),
          };
        }),
      )
      .returning('id')
      .execute();
    const ids = reports.map((r) => r.id);
    await db
      .insertInto('unit_report_versions')
      .values(
        rows.flatMap((r, i) =>
          r.versions.map((v, k) => ({
            report_id: ids[i]!,
            version: k + 1,
            client_key: crypto.randomUUID(),
            figures: JSON.stringify(v.figures),
            computed: JSON.stringify(v.computed),
            reasons: JSON.stringify({}),
            amendment_reason: v.amendmentReason,
            on_time: v.at.getTime() < r.due.getTime(),
            submitted_by: null,
            submitted_at: v.at,
          })),
        ),
      )
      .execute();
    const reviews = rows.flatMap((r, i) =>
      r.reviews.map((v) => ({
        report_id: ids[i]!,
        version: v.version,
        decision: v.decision,
        comment: v.comment,
        reviewed_by: null,
        reviewed_at: v.at,
      })),
    );
    if (reviews.length > 0) await db.insertInto('unit_report_reviews').values(reviews).execute();
  }
}
