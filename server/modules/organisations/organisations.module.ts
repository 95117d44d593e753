import { ReportFiguresService } from '../../shared/report-figures.ts';
import { OrganisationFiguresRepository } from './organisation-figures.repository.ts';
import type { Db } from '../../db/database.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import { AssessmentReminders, type CommuneOfficers, type ReminderScheduler } from './assessment-reminders.ts';
import { OrganisationsRepository } from './organisations.repository.ts';
import { OrganisationsService } from './organisations.service.ts';

export type { OrganisationsService } from './organisations.service.ts';
export type { AssessmentReminders } from './assessment-reminders.ts';

export interface OrganisationsServices {
  /** What the weekly report counts from this module (issue 16). */
  organisationFigures: ReportFiguresService;
  organisations: OrganisationsService;
  /** Reminders of due and overdue self-assessments (a platform job runs `scheduleDue` hourly). */
  assessmentReminders: AssessmentReminders;
}

export function createOrganisationsModule(o: {
  db: Db;
  localities: LocalitiesService;
  audit: AuditTrailService;
  reminders: ReminderScheduler;
  communeOfficers: CommuneOfficers;
}): OrganisationsServices {
  const repo = new OrganisationsRepository();
  return {
    organisations: new OrganisationsService(o.db, repo, o.localities, o.audit),
    organisationFigures: new ReportFiguresService(new OrganisationFiguresRepository()),
    assessmentReminders: new AssessmentReminders(o.db, repo, o.reminders, o.communeOfficers),
  };
}
