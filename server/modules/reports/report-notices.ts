import type { DatedPeriod } from '../../../core/rules/reporting-periods.ts';
import type { Db } from '../../db/database.ts';
import type { NotificationsService } from '../notifications/notifications.module.ts';
import type { UnitRecord, UnitsService } from '../units/units.module.ts';
import type { ReportRecord } from './reports.repository.ts';

/**
 * The messages a report's life sends, written to the notifications outbox in the report's own
 * transaction (they exist exactly when the change does). Each is keyed by report and version, so
 * a retried transaction enqueues it once. Delivery (SMS, e-mail) is the notifications module's.
 */
export class ReportNotices {
  constructor(
    private readonly units: UnitsService,
    private readonly notifications: NotificationsService,
  ) {}

  /** The officers of the unit just above learn there is a report to review. */
  async submitted(db: Db, unit: UnitRecord, period: DatedPeriod, reportId: string, version: number): Promise<void> {
    for (const o of await this.units.supervisorOfficers(db, unit.id))
      await this.notifications.enqueue(db, {
        recipientUserId: o.user_id,
        channel: 'in_app',
        kind: 'report_submitted',
        title: { vi: `Báo cáo cần duyệt: ${unit.name}`, en: `Report to review: ${unit.name_en}` },
        body: {
          vi: `${unit.name} đã gửi báo cáo kỳ ${period.from} – ${period.to} (lần ${version}).`,
          en: `${unit.name_en} submitted its report for ${period.from} – ${period.to} (version ${version}).`,
        },
        link: `/reports/${reportId}`,
        key: `report_submitted:${reportId}:${version}`,
      });
  }

  /** The unit's officers learn the decision; a return reaches them by SMS too, with its comment. */
  async reviewed(
    db: Db,
    unit: UnitRecord,
    report: ReportRecord,
    decision: 'accept' | 'return',
    comment: string | null,
  ): Promise<void> {
    const returned = decision === 'return';
    const period = `${report.period_from} – ${report.period_to}`;
    const title = returned
      ? { vi: 'Báo cáo bị trả lại', en: 'Report returned' }
      : { vi: 'Báo cáo đã được chấp nhận', en: 'Report accepted' };
    const body = returned
      ? {
          vi: `Báo cáo kỳ ${period} của ${unit.name} bị trả lại: ${comment ?? ''}`,
          en: `The report of ${unit.name_en} for ${period} was returned: ${comment ?? ''}`,
        }
      : {
          vi: `Báo cáo kỳ ${period} của ${unit.name} đã được chấp nhận.`,
          en: `The report of ${unit.name_en} for ${period} was accepted.`,
        };
    const channels = returned ? (['in_app', 'sms'] as const) : (['in_app'] as const);
    for (const o of await this.units.officersOf(db, [unit.id]))
      for (const channel of channels)
        await this.notifications.enqueue(db, {
          recipientUserId: o.user_id,
          channel,
          kind: returned ? 'report_returned' : 'report_accepted',
          title,
          body,
          link: `/reports/${report.id}`,
          key: `report_${decision}:${report.id}:${report.version}`,
        });
  }
}
