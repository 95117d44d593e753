import type { Db } from '../../db/database.ts';
import type { ReportFiguresService } from '../../shared/report-figures.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { NotificationsService } from '../notifications/notifications.module.ts';
import type { UnitsService } from '../units/units.module.ts';
import { ConsolidatedReports } from './consolidated-report.ts';
import { ReportReminders } from './report-reminders.ts';
import type { ReminderScheduler } from '../notifications/notifications.module.ts';
import { NationalWeeklyReports } from './national-weekly.ts';
import { ReportsCompletenessService } from './reports-completeness.service.ts';
import { ReportsRepository } from './reports.repository.ts';
import { ReportsService } from './reports.service.ts';

export type { ReportsService } from './reports.service.ts';
export { reportMessages } from './reports.messages.ts';
export type { ReportsCompletenessService } from './reports-completeness.service.ts';
export type { LateEscalation, ReportReminders } from './report-reminders.ts';
export type { ConsolidatedReports } from './consolidated-report.ts';
export type { NationalWeeklyReports, ProvinceOnHub } from './national-weekly.ts';

export interface ReportsServices {
  reports: ReportsService;
  reportsCompleteness: ReportsCompletenessService;
  /** Reminders of missing reports (a platform job runs `scheduleDue` hourly). */
  reportReminders: ReportReminders;
  /** The province's consolidated report of a period (PDF, workbook). */
  consolidatedReports: ConsolidatedReports;
  /** The national hub's weekly report, from the provinces' replicated submissions (issue 21). */
  nationalWeeklyReports: NationalWeeklyReports;
}

export function createReportsModule(o: {
  db: Db;
  units: UnitsService;
  localities: LocalitiesService;
  figures: readonly ReportFiguresService[];
  notifications: NotificationsService;
  reminders: ReminderScheduler;
  audit: AuditTrailService;
  clock?: () => Date;
}): ReportsServices {
  const repo = new ReportsRepository();
  return {
    reports: new ReportsService({
      db: o.db,
      repo,
      units: o.units,
      figures: o.figures,
      notifications: o.notifications,
      audit: o.audit,
      clock: o.clock ?? (() => new Date()),
    }),
    reportsCompleteness: new ReportsCompletenessService(o.db, repo, o.units, o.localities, o.audit),
    reportReminders: new ReportReminders(o.db, repo, o.units, o.reminders),
    nationalWeeklyReports: new NationalWeeklyReports(o.db, repo, o.units, o.clock ?? (() => new Date())),
    consolidatedReports: new ConsolidatedReports({
      db: o.db,
      repo,
      units: o.units,
      localities: o.localities,
      figures: o.figures,
      audit: o.audit,
      clock: o.clock ?? (() => new Date()),
    }),
  };
}
