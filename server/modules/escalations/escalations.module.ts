import type { Db } from '../../db/database.ts';
import type { JobQueue } from '../../jobs/job-queue.ts';
import type { DirectiveEscalations } from '../directives/directives.module.ts';
import type { NotificationsService } from '../notifications/notifications.module.ts';
import type { ReportReminders } from '../reports/reports.module.ts';
import type { UnitsService } from '../units/units.module.ts';
import { EscalationDigest } from './escalation-digest.service.ts';
import { EscalationsRepository } from './escalations.repository.ts';

export type { EscalationDigest } from './escalation-digest.service.ts';

export interface EscalationsServices {
  /** The daily digest of escalations (a platform job runs `scheduleDue` every 15 minutes). */
  escalationDigest: EscalationDigest;
}

export function createEscalationsModule(o: {
  db: Db;
  jobQueue: JobQueue;
  units: UnitsService;
  notifications: NotificationsService;
  reportReminders: ReportReminders;
  directiveEscalations: DirectiveEscalations;
}): EscalationsServices {
  return {
    escalationDigest: new EscalationDigest(o.db, new EscalationsRepository(), o.jobQueue, o.units, o.notifications, {
      lateReports: (now) => o.reportReminders.escalatedLate(now),
      directives: (db, today) => o.directiveEscalations.on(db, today),
    }),
  };
}
