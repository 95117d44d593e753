import type { Db } from '../../db/database.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import type { UnitsService } from '../units/units.module.ts';
import { DirectiveEscalations } from './directive-escalations.ts';
import { DirectiveReminders } from './directive-reminders.ts';
import type { ReminderScheduler } from '../notifications/notifications.module.ts';
import { DirectivesRepository } from './directives.repository.ts';
import { DirectivesService } from './directives.service.ts';
import { TaskEvidenceRepository } from './task-evidence.repository.ts';
import { TaskEvidence } from './task-evidence.service.ts';

export type { DirectivesService } from './directives.service.ts';
export type { TaskEvidence } from './task-evidence.service.ts';
export type { DirectiveEscalation, DirectiveEscalations } from './directive-escalations.ts';

export interface DirectivesServices {
  directives: DirectivesService;
  /** What the directives escalate to their issuers on a day (the daily digest). */
  directiveEscalations: DirectiveEscalations;
  /** Evidence files on task progress. */
  taskEvidence: TaskEvidence;
}

export function createDirectivesModule(o: {
  db: Db;
  units: UnitsService;
  notifications: NotificationsService;
  audit: AuditTrailService;
  reminders: ReminderScheduler;
  clock?: () => Date;
}): DirectivesServices {
  const repo = new DirectivesRepository();
  const evidence = new TaskEvidenceRepository();
  const directives = new DirectivesService({
    ...o,
    repo,
    evidence,
    reminders: new DirectiveReminders(repo, o.reminders),
  });
  return {
    directives,
    directiveEscalations: new DirectiveEscalations(repo),
    taskEvidence: new TaskEvidence({ db: o.db, repo, evidence, units: o.units, directives }),
  };
}
