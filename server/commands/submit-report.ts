import { createHash } from 'node:crypto';
import { AppError } from '../../core/errors.ts';
import type { ReportView, SubmitReportRequest } from '../../core/schemas/reports.ts';
import type { Db } from '../db/database.ts';
import type { DirectivesService } from '../modules/directives/directives.module.ts';
import { reportMessages, type ReportsService } from '../modules/reports/reports.module.ts';
import type { Actor } from '../shared/actor.ts';

/**
 * Submits a unit's report and records the progress it states on the unit's directive tasks, in one
 * transaction (issue 16: "units report progress on each task, also from their weekly report"). The
 * reports module keeps its rules (officer, period, figures), the directives module its own (the task,
 * the officer); a line about a task of another unit refuses the whole submission, nothing written.
 * A resend of the submission (its client key) records each line once: each line's key is derived
 * from the submission's and the task.
 */
export async function submitReport(
  d: { db: Db; reports: ReportsService; directives: DirectivesService },
  actor: Actor,
  req: SubmitReportRequest,
): Promise<ReportView> {
  return d.db.transaction().execute(async (trx) => {
    const report = await d.reports.submitIn(trx, actor, req);
    for (const [i, line] of (req.taskProgress ?? []).entries()) {
      const directive = await d.directives.reportProgressIn(trx, actor, line.directiveId, line.taskId, {
        clientKey: lineKey(req.clientKey, line.taskId),
        status: line.status,
        ...(line.note ? { note: line.note } : {}),
        evidence: `${report.period.from} – ${report.period.to}`,
      });
      if (directive.tasks.find((t) => t.id === line.taskId)?.unit.id !== req.unitId)
        throw new AppError('VALIDATION_FAILED', [
          { path: `taskProgress.${i}.taskId`, message: reportMessages[actor.locale].taskNotOfUnit },
        ]);
    }
    return report;
  });
}

/** A UUID derived from the submission's key and the task: the same line of a resend has the same key. */
function lineKey(clientKey: string, taskId: string): string {
  const h = createHash('sha256').update(`${clientKey}:${taskId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
