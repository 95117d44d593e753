import { ReportFiguresService } from '../../shared/report-figures.ts';
import { OrganisationFiguresRepository } from './organisation-figures.repository.ts';
import type { Db } from '../../db/database.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import { AssessmentReminders, type CommuneOfficers } from './assessment-reminders.ts';
import type { ReminderScheduler } from '../notifications/notifications.module.ts';
import { OrganisationsRepository } from './organisations.repository.ts';
import { OrganisationsService } from './organisations.service.ts';
import { FollowUpsRepository } from './follow-ups.repository.ts';
import { OrganisationAssessmentsService } from './organisation-assessments.service.ts';
import { ComplianceRepository } from './compliance.repository.ts';
import { ComplianceService } from './compliance.service.ts';
import { RostersRepository } from './rosters.repository.ts';
import { RostersService } from './rosters.service.ts';
import { WorkplaceGateRepository } from './workplace-gate.repository.ts';
import { WorkplaceGateService } from './workplace-gate.service.ts';
import { OrganisationMapRepository } from './organisation-map.repository.ts';
import { OrganisationMapService } from './organisation-map.service.ts';
import { OrganisationPhoneService } from './organisation-phone.service.ts';
import type { OtpService } from '../otp/otp.module.ts';
import type { PeopleService } from '../people/people.service.ts';
import type { CheckinsService } from '../checkins/checkins.service.ts';
import type { VenuesService } from '../venues/venues.service.ts';
import { ScreeningRepository } from './screening.repository.ts';
import { ScreeningService, type LastSampleDays } from './screening.service.ts';
import { ScreeningSettingsService } from './screening-settings.service.ts';
import { WorkerCasesService, type CasesConfirmedSince } from './worker-cases.service.ts';
import { SymptomReportsService } from './symptom-reports.service.ts';

export type { OrganisationsService } from './organisations.service.ts';
export type { AssessmentReminders } from './assessment-reminders.ts';
export type { RostersService } from './rosters.service.ts';
export type { OrganisationAssessmentsService } from './organisation-assessments.service.ts';
export type { ComplianceService } from './compliance.service.ts';
export type { WorkplaceGateService } from './workplace-gate.service.ts';
export type { OrganisationMapService } from './organisation-map.service.ts';
export type { OrganisationPhoneService } from './organisation-phone.service.ts';
export type { ScreeningService } from './screening.service.ts';
export type { SymptomReportsService } from './symptom-reports.service.ts';

export interface OrganisationsServices {
  /** What the weekly report counts from this module (issue 16). */
  organisationFigures: ReportFiguresService;
  organisations: OrganisationsService;
  /** Reminders of due and overdue self-assessments (a platform job runs `scheduleDue` hourly). */
  assessmentReminders: AssessmentReminders;
  organisationAssessments: OrganisationAssessmentsService;
  rosters: RostersService;
  workplaceGate: WorkplaceGateService;
  workplaceCompliance: ComplianceService;
  /** The safety map and the public list of safe organisations. */
  organisationMap: OrganisationMapService;
  /** The contact's phone proved by a one-time code, as venues do. */
  organisationPhone: OrganisationPhoneService;
  /** Workers due a screening test under Decision 2787 (the `orderWorkplaceScreening` command orders them). */
  workplaceScreening: ScreeningService;
  /** Each organisation's screening rule (Decision 2787's default until set), which the due list follows. */
  workplaceScreeningSettings: ScreeningSettingsService;
  /** Rostered workers who became a case in the last 21 days, without medical details. */
  workerCases: WorkerCasesService;
  /** Workers with symptoms reported by their organisation (the `reportWorkerSymptoms` command). */
  workplaceSymptoms: SymptomReportsService;
}

export function createOrganisationsModule(o: {
  db: Db;
  localities: LocalitiesService;
  audit: AuditTrailService;
  reminders: ReminderScheduler;
  communeOfficers: CommuneOfficers;
  people: PeopleService;
  venues: VenuesService;
  checkins: CheckinsService;
  otp: OtpService;
  /** Each person's latest sample day (the testing module). */
  lastSampleDays: LastSampleDays;
  casesConfirmedSince: CasesConfirmedSince;
}): OrganisationsServices {
  const repo = new OrganisationsRepository();
  const rosters = new RostersRepository();
  const screeningRepo = new ScreeningRepository();
  const screening = new ScreeningService(o.db, repo, screeningRepo, o.people, o.lastSampleDays, o.localities, o.audit);
  return {
    workplaceScreening: screening,
    workplaceScreeningSettings: new ScreeningSettingsService(o.db, screening, screeningRepo, o.audit),
    workerCases: new WorkerCasesService(o.db, screening, screeningRepo, o.people, o.casesConfirmedSince, o.audit),
    workplaceSymptoms: new SymptomReportsService(o.db, screening, rosters, screeningRepo, o.people, o.audit),
    organisations: new OrganisationsService(o.db, repo, o.localities, o.audit),
    organisationFigures: new ReportFiguresService(new OrganisationFiguresRepository()),
    assessmentReminders: new AssessmentReminders(o.db, repo, o.reminders, o.communeOfficers),
    organisationAssessments: new OrganisationAssessmentsService(o.db, repo, new FollowUpsRepository(), o.audit),
    rosters: new RostersService(o.db, repo, rosters, o.people, o.audit),
    workplaceGate: new WorkplaceGateService(
      o.db,
      repo,
      rosters,
      new WorkplaceGateRepository(),
      o.people,
      o.venues,
      o.checkins,
      o.audit,
    ),
    workplaceCompliance: new ComplianceService(o.db, repo, new ComplianceRepository(), o.localities),
    organisationMap: new OrganisationMapService(o.db, repo, new OrganisationMapRepository(), o.localities, o.audit),
    organisationPhone: new OrganisationPhoneService(o.db, repo, o.otp, o.audit),
  };
}
