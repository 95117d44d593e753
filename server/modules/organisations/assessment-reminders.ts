import {
  REMIND_DAYS_BEFORE,
  assessmentReminderFor,
  assessmentReminderKey,
} from '../../../core/rules/workplaces/assessment-reminders.ts';
import { addDays, vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { Db } from '../../db/database.ts';
import type { ReminderScheduler } from '../notifications/notifications.module.ts';
import { assessmentReminderWords } from './organisations.messages.ts';
import type { OrganisationsRepository } from './organisations.repository.ts';

export const ASSESSMENT_DUE = 'organisation-assessment-due';

/** The active officers of a commune who follow its organisations up. */
export type CommuneOfficers = (db: Db, communeCode: string) => Promise<string[]>;

/**
 * Reminds organisations of their COVID-safety self-assessment, the first consumer of the reminders:
 * the contact account (or, when the organisation has none, the commune's officers) a few days ahead
 * and on the day; once late, every day, the contact and the commune's officers. Each reminder is
 * sent only if the assessment is still due for that day when it goes out: one submitted meanwhile
 * (which moves the due day) or a suspension cancels it.
 */
export class AssessmentReminders {
  constructor(
    private readonly db: Db,
    private readonly repo: OrganisationsRepository,
    private readonly reminders: ReminderScheduler,
    private readonly officers: CommuneOfficers,
  ) {
    reminders.registerCondition(ASSESSMENT_DUE, (db, p) =>
      this.stillDue(db, String(p.organisationId), String(p.dueOn)),
    );
  }

  /**
   * Schedules today's reminders (run hourly: an organisation approved or an assessment submitted
   * since the last run is picked up; what is scheduled already is not again). Answers how many it scheduled.
   */
  async scheduleDue(now = new Date()): Promise<number> {
    const today = vietnamToday(now);
    let scheduled = 0;
    let afterId: string | undefined;
    for (;;) {
      const page = await this.repo.assessmentsDue(this.db, {
        horizon: addDays(today, REMIND_DAYS_BEFORE),
        afterId,
        limit: 500,
      });
      for (const org of page) {
        const reminder = assessmentReminderFor(org.due_on, today);
        if (!reminder) continue;
        const officers = reminder.escalate || !org.owner_user_id ? await this.officers(this.db, org.commune_code) : [];
        const recipients = [...(org.owner_user_id ? [org.owner_user_id] : []), ...officers];
        if (recipients.length === 0) continue;
        const words = assessmentReminderWords(org.name, org.due_on, reminder);
        const { created } = await this.reminders.schedule(this.db, {
          key: assessmentReminderKey(org.id, org.due_on, reminder),
          at: reminder.at,
          recipientUserIds: recipients,
          message: { kind: 'assessment_reminder', ...words, link: `/organisations/${org.id}` },
          condition: { name: ASSESSMENT_DUE, params: { organisationId: org.id, dueOn: org.due_on } },
        });
        if (created) scheduled++;
      }
      if (page.length < 500) return scheduled;
      afterId = page[page.length - 1]!.id;
    }
  }

  /** Still approved, and its self-assessment still due on that day (none submitted since). */
  private async stillDue(db: Db, organisationId: string, dueOn: string): Promise<boolean> {
    const org = await this.repo.assessmentDue(db, organisationId);
    return org?.due_on === dueOn;
  }
}
