import { addDays, vietnamMidnight } from '../../../core/vietnam-calendar.ts';
import type { Db } from '../../db/database.ts';
import type { ReminderScheduler } from '../notifications/notifications.module.ts';
import type { DirectivesRepository } from './directives.repository.ts';

export const DIRECTIVE_UNACKNOWLEDGED = 'directive-unacknowledged';
export const DIRECTIVE_TASK_OVERDUE = 'directive-task-overdue';

const HOUR_MS = 3_600_000;
/** The day after issue from which an unacknowledged directive is escalated to the issuer's officers. */
export const ESCALATE_UNACKNOWLEDGED_DAY = 4;
/** 08:00 in Viet Nam on that day, or now when that is past (a directive recorded late). */
const morningOf = (day: string, now: Date) =>
  new Date(Math.max(vietnamMidnight(day).getTime() + 8 * HOUR_MS, now.getTime()));

/**
 * Reminders of a directive, scheduled when it is recorded (issue 16). ASSUMPTION: a recipient that
 * has not acknowledged is reminded on the 2nd day after issue, and on the 4th its officers and the
 * issuer's are (the escalation); a task not done is reported overdue the morning after its deadline
 * to its unit's officers and the issuer's. Each goes out only if still true when it falls due.
 */
export class DirectiveReminders {
  constructor(
    private readonly repo: DirectivesRepository,
    private readonly reminders: ReminderScheduler,
  ) {
    reminders.registerCondition(DIRECTIVE_UNACKNOWLEDGED, (db, p) =>
      this.repo.isUnacknowledged(db, String(p.directiveId), String(p.unitId)),
    );
    reminders.registerCondition(DIRECTIVE_TASK_OVERDUE, async (db, p) => {
      const task = await this.repo.findTask(db, String(p.directiveId), String(p.taskId));
      return task !== undefined && task.status !== 'done';
    });
  }

  async unacknowledged(
    db: Db,
    o: { directiveId: string; numberSymbol: string; issuedOn: string; unitId: string; unitName: string },
    officers: { unit: string[]; issuer: string[] },
    now: Date,
  ): Promise<void> {
    for (const [days, escalate] of [
      [2, false],
      [ESCALATE_UNACKNOWLEDGED_DAY, true],
    ] as const) {
      const recipients = escalate ? [...officers.unit, ...officers.issuer] : officers.unit;
      if (recipients.length === 0) continue;
      await this.reminders.schedule(db, {
        key: `directive_ack:${o.directiveId}:${o.unitId}:${days}d`,
        at: morningOf(addDays(o.issuedOn, days), now),
        recipientUserIds: recipients,
        message: {
          kind: 'directive_unacknowledged',
          title: {
            vi: `Chưa xác nhận đã nhận văn bản ${o.numberSymbol}`,
            en: `Directive ${o.numberSymbol} not acknowledged`,
          },
          body: {
            vi: `${o.unitName} chưa xác nhận đã nhận văn bản ${o.numberSymbol}.`,
            en: `${o.unitName} has not acknowledged directive ${o.numberSymbol}.`,
          },
          link: `/directives/${o.directiveId}`,
          urgent: false,
        },
        condition: { name: DIRECTIVE_UNACKNOWLEDGED, params: { directiveId: o.directiveId, unitId: o.unitId } },
      });
    }
  }

  async overdue(
    db: Db,
    o: { directiveId: string; numberSymbol: string; taskId: string; title: string; dueOn: string },
    recipients: string[],
    now: Date,
  ): Promise<void> {
    if (recipients.length === 0) return;
    await this.reminders.schedule(db, {
      key: `directive_task_overdue:${o.taskId}:${o.dueOn}`,
      at: morningOf(addDays(o.dueOn, 1), now),
      recipientUserIds: recipients,
      message: {
        kind: 'directive_task_overdue',
        title: { vi: `Nhiệm vụ quá hạn (${o.numberSymbol})`, en: `Task overdue (${o.numberSymbol})` },
        body: {
          vi: `Nhiệm vụ "${o.title}" đã quá hạn ${o.dueOn} mà chưa hoàn thành.`,
          en: `The task "${o.title}" was due on ${o.dueOn} and is not done.`,
        },
        link: `/directives/${o.directiveId}`,
      },
      condition: { name: DIRECTIVE_TASK_OVERDUE, params: { directiveId: o.directiveId, taskId: o.taskId } },
    });
  }
}
