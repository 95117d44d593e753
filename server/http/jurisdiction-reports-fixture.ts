import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { currentReportingPeriod } from '../../core/rules/reporting-periods.ts';
import { reportTemplatePreset } from '../../core/rules/reports/templates.ts';
import { systemActor } from '../shared/actor.ts';
import { BINH_LU, DOAN_KET, LAI_CHAU, type TestPlatform } from '../testing/test-platform.ts';

/**
 * The province's reporting units, Đoàn Kết's officer reporting for Đoàn Kết and the neighbour's for
 * Bình Lư, and Bình Lư's submitted report of this period: what the reports routes are tried against.
 */
export async function reportIn(t: TestPlatform, officerId: string, neighbourOfficerId: string) {
  const sys = systemActor('test');
  const s = t.platform.services;
  await s.units.ensureProvinceUnits(sys, LAI_CHAU);
  await s.units.addOfficer(sys, DOAN_KET, officerId, '0912000003');
  await s.units.addOfficer(sys, BINH_LU, neighbourOfficerId, '0912000004');
  const unit = await t.platform.database.db
    .selectFrom('reporting_units')
    .select('id')
    .where('code', '=', BINH_LU)
    .executeTakeFirstOrThrow();
  const periodId = currentReportingPeriod(reportTemplatePreset('weekly-covid')!.period, new Date()).id;
  const report = await s.reports.submit(sys, {
    unitId: unit.id,
    periodId,
    template: 'weekly-covid',
    values: { inspections_done: 1 },
    reasons: {},
    clientKey: randomUUID(),
  });
  return { unitId: unit.id, id: report.id!, periodId };
}

/** Bình Lư's report is as it was submitted: one version, no review, no draft change. */
export async function expectNeighbourReportUnchanged(t: TestPlatform, id: string): Promise<void> {
  const db = t.platform.database.db;
  const report = await db.selectFrom('unit_reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  expect(report).toMatchObject({ status: 'submitted', version: 1 });
  expect((report.draft as { values: Record<string, unknown> }).values.inspections_done).toBe(1);
  expect(await db.selectFrom('unit_report_versions').select('version').where('report_id', '=', id).execute()).toEqual([
    { version: 1 },
  ]);
  expect(await db.selectFrom('unit_report_reviews').select('id').execute()).toEqual([]);
}
