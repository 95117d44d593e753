import type { Db } from '../../db/database.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import type { UnitsService } from '../units/units.module.ts';
import { DirectiveReminders } from './directive-reminders.ts';
import type { ReminderScheduler } from '../notifications/notifications.module.ts';
import { DirectivesRepository } from './directives.repository.ts';
import { DirectivesService } from './directives.service.ts';

export type { DirectivesService } from './directives.service.ts';

export interface DirectivesServices {
  directives: DirectivesService;
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
  return {
    directives: new DirectivesService({ ...o, repo, reminders: new DirectiveReminders(repo, o.reminders) }),
  };
}
