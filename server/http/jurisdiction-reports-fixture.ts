import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { currentReportingPeriod } from '../../core/rules/reporting-periods.ts';
import { reportTemplatePreset } from '../../core/rules/reports/templates.ts';
import { vietnamToday } from '../../core/vietnam-calendar.ts';
import { systemActor } from '../shared/actor.ts';
import { renderPdf } from '../shared/official-document.ts';
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

/**
 * A công văn of the province's People's Committee to Bình Lư alone, with a task for it: what the
 * directives routes are tried against (its summary names Bình Lư, so a leak shows in an answer).
 */
export async function directiveIn(t: TestPlatform, binhLuUnitId: string) {
  const s = t.platform.services;
  const issuer = await t.platform.database.db
    .selectFrom('reporting_units')
    .select('id')
    .where('code', '=', `${LAI_CHAU}-UBND`)
    .executeTakeFirstOrThrow();
  const today = vietnamToday();
  const d = await s.directives.issue(systemActor('test'), {
    clientKey: randomUUID(),
    issuerUnitId: issuer.id,
    numberSymbol: '99/UBND-VX',
    issuedOn: today,
    kind: 'official_letter',
    summary: 'Về việc kiểm soát dịch tại xã Bình Lư',
    legalReferences: [],
    recipientUnitIds: [binhLuUnitId],
    tasks: [{ unitId: binhLuUnitId, title: 'Lập chốt kiểm soát Bình Lư', dueOn: today }],
  });
  // Evidence Bình Lư attached to its task (a PDF): only the issuer, those above it and Bình Lư see it.
  const evidence = await s.taskEvidence.attach(systemActor('test'), {
    directiveId: d.id,
    taskId: d.tasks[0]!.id,
    fileKey: randomUUID(),
    filename: 'bien-ban-binh-lu.pdf',
    body: await renderPdf({ content: ['Biên bản kiểm tra chốt kiểm soát Bình Lư'] }),
  });
  return { id: d.id, taskId: d.tasks[0]!.id, evidenceId: evidence.id };
}

/** The text of a directive, attached as its issuer would (a real PDF: the audit coverage test reads it). */
export async function attachDirectiveText(t: TestPlatform, id: string): Promise<void> {
  const pdf = await renderPdf({ content: ['UBND TỈNH LAI CHÂU — Số 99/UBND-VX: về việc kiểm soát dịch'] });
  await t.platform.services.directives.attachDocument(systemActor('test'), id, pdf, 'application/pdf');
}

/** Bình Lư's directive is as it was sent: nobody acknowledged, reported on or attached anything. */
export async function expectNeighbourDirectiveUnchanged(t: TestPlatform, id: string): Promise<void> {
  const db = t.platform.database.db;
  expect(
    await db.selectFrom('directive_acknowledgements').select('unit_id').where('directive_id', '=', id).execute(),
  ).toEqual([]);
  expect(
    await db.selectFrom('directive_tasks').select(['title', 'status']).where('directive_id', '=', id).execute(),
  ).toEqual([{ title: 'Lập chốt kiểm soát Bình Lư', status: 'not_started' }]);
  expect(await db.selectFrom('directive_task_progress').select('id').execute()).toEqual([]);
  expect(await db.selectFrom('directive_files').select('directive_id').execute()).toEqual([]);
  expect(await db.selectFrom('directive_task_evidence').select('filename').execute()).toEqual([
    { filename: 'bien-ban-binh-lu.pdf' },
  ]);
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
