import {
  reportReminderKey,
  reportReminderSteps,
  reportRemindersToSchedule,
  type ReportReminderStep,
} from '../../../core/rules/reports/report-reminders.ts';
import { reportTemplatePresets } from '../../../core/rules/reports/templates.ts';
import {
  adjacentPeriod,
  currentReportingPeriod,
  dueOf,
  type DatedPeriod,
} from '../../../core/rules/reporting-periods.ts';
import type { Db } from '../../db/database.ts';
import type { ReminderScheduler } from '../notifications/notifications.module.ts';
import type { UnitRecord, UnitsService } from '../units/units.module.ts';
import { reportReminderWords } from './reports.messages.ts';
import type { ReportsRepository } from './reports.repository.ts';

export const REPORT_NOT_SUBMITTED = 'report-not-submitted';

/** A unit late with a period's report, escalated to its supervisor unit's officers. */
export interface LateEscalation {
  supervisorUnitId: string;
  unit: { id: string; name: string; name_en: string };
  template: string;
  period: { id: string; from: string; to: string };
  lateDay: number;
}

/**
 * Reminds the units that have not submitted a period's report (issue 16): their officers 24 h and
 * 2 h before the deadline, then every morning while late; from the second late day the supervisor
 * unit's officers too. A unit is expected as completeness expects it (active, with a supervisor).
 * Each reminder goes out only if the report is still not submitted when it falls due.
 */
export class ReportReminders {
  constructor(
    private readonly db: Db,
    private readonly repo: ReportsRepository,
    private readonly units: UnitsService,
    private readonly reminders: ReminderScheduler,
  ) {
    reminders.registerCondition(REPORT_NOT_SUBMITTED, (db, p) =>
      this.stillMissing(db, String(p.unitId), String(p.template), String(p.periodId)),
    );
  }

  /**
   * Schedules the reminders falling due soon (run hourly: once per key, so a run schedules only what
   * became due since the last). The periods are the one being reported now and the one before it,
   * whose late reminders last until the current one's deadline. Answers how many it scheduled.
   */
  async scheduleDue(now = new Date()): Promise<number> {
    let scheduled = 0;
    for (const preset of reportTemplatePresets) {
      const template = await this.repo.latestTemplate(this.db, preset.code);
      if (!template) continue;
      const current = currentReportingPeriod(template.period, now);
      for (const p of [adjacentPeriod(current, -1), current]) {
        const period: DatedPeriod = { ...p, due: dueOf(p, template.period.due) };
        const steps = reportRemindersToSchedule(period.due, dueOf(adjacentPeriod(p, 1), template.period.due), now);
        if (steps.length === 0) continue;
        scheduled += await this.schedulePeriod(template.code, period, steps);
      }
    }
    return scheduled;
  }

  /**
   * The units escalated to their supervisor at `now` (the daily digest): not submitted a period whose
   * late reminders reach the supervisor already (from the second late day), within its late window.
   */
  async escalatedLate(now: Date): Promise<LateEscalation[]> {
    const late: LateEscalation[] = [];
    for (const preset of reportTemplatePresets) {
      const template = await this.repo.latestTemplate(this.db, preset.code);
      if (!template) continue;
      const current = currentReportingPeriod(template.period, now);
      for (const p of [adjacentPeriod(current, -1), current]) {
        const due = dueOf(p, template.period.due);
        const steps = reportReminderSteps(due, dueOf(adjacentPeriod(p, 1), template.period.due));
        const reached = steps.filter((s) => s.escalate && s.at.getTime() <= now.getTime()).at(-1);
        if (!reached || now.getTime() >= dueOf(adjacentPeriod(p, 1), template.period.due).getTime()) continue;
        for (const unit of await this.missing(template.code, p.id))
          late.push({
            supervisorUnitId: unit.supervisor_unit_id!,
            unit: { id: unit.id, name: unit.name, name_en: unit.name_en },
            template: template.code,
            period: { id: p.id, from: p.from, to: p.to },
            lateDay: reached.lateDay,
          });
      }
    }
    return late;
  }

  /** The units that report to someone and have not submitted the period's report. */
  private async missing(template: string, periodId: string): Promise<UnitRecord[]> {
    const units = (await this.units.within(this.db, 'VN')).filter((u) => u.supervisor_unit_id !== null);
    const reports = await this.repo.ofPeriod(
      this.db,
      template,
      periodId,
      units.map((u) => u.id),
    );
    const submitted = new Set(reports.filter((r) => r.first_submitted_at).map((r) => r.unit_id));
    return units.filter((u) => !submitted.has(u.id));
  }

  private async schedulePeriod(template: string, period: DatedPeriod, steps: ReportReminderStep[]): Promise<number> {
    // The units that report to someone: the People's Committee at the top receives, it does not report.
    const missing = await this.missing(template, period.id);
    const officers = await this.units.officersOf(
      this.db,
      missing.flatMap((u) => [u.id, u.supervisor_unit_id!]),
    );
    const of = (unitId: string) => officers.filter((o) => o.unit_id === unitId).map((o) => o.user_id);
    let scheduled = 0;
    for (const unit of missing)
      for (const step of steps) {
        const recipients = [...of(unit.id), ...(step.escalate ? of(unit.supervisor_unit_id!) : [])];
        // The unit's office phone and e-mail too (0041): they reach the unit when its officers are away or changed.
        const contacts =
          unit.contact_phone || unit.contact_email ? [{ phone: unit.contact_phone, email: unit.contact_email }] : [];
        if (recipients.length === 0 && contacts.length === 0) continue;
        const { created } = await this.reminders.schedule(this.db, {
          key: reportReminderKey(unit.id, template, period.id, step.step),
          at: step.at,
          recipientUserIds: recipients,
          contacts,
          message: this.message(unit, period, step),
          condition: { name: REPORT_NOT_SUBMITTED, params: { unitId: unit.id, template, periodId: period.id } },
        });
        if (created) scheduled++;
      }
    return scheduled;
  }

  private message(unit: UnitRecord, period: DatedPeriod, step: ReportReminderStep) {
    // The supervisor's officers open the same page: they review the unit, and see it is still missing.
    const link = `/reports/units/${unit.id}?period=${encodeURIComponent(period.id)}`;
    return { kind: 'report_reminder', ...reportReminderWords(unit, period, step), link };
  }

  /** Still expected (the unit active) and not submitted: no first submission recorded for the period. */
  private async stillMissing(db: Db, unitId: string, template: string, periodId: string): Promise<boolean> {
    if (!(await this.units.findById(db, unitId))?.active) return false;
    const report = await this.repo.find(db, unitId, template, periodId);
    return !report?.first_submitted_at;
  }
}
