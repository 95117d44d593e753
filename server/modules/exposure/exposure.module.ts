import type { Db } from '../../db/database.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { CasesService } from '../cases/cases.module.ts';
import type { CheckinsService } from '../checkins/checkins.service.ts';
import type { DiseaseProfilesService } from '../disease-profiles/disease-profiles.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { CitizenSessionsService } from '../people/people.module.ts';
import { AlertSettingsService } from './alert-settings.service.ts';
import { CaseStaysService } from './case-stays.service.ts';
import { ContactAlerts } from './contact-alerts.ts';
import type { CitizenMessages } from '../notifications/notifications.module.ts';
import type { PeopleRegistryService } from '../people/people-registry.service.ts';
import { ExposureRepository } from './exposure.repository.ts';
import { ExposureService } from './exposure.service.ts';
import { FeedSigner } from './feed-signing.ts';
import { SelfReportsService } from './self-reports.service.ts';

export type { ExposureService } from './exposure.service.ts';
export type { CaseStaysService } from './case-stays.service.ts';
export type { AlertSettingsService } from './alert-settings.service.ts';
export type { ContactAlerts, ConfirmedContact } from './contact-alerts.ts';
export type { SelfReportsService, TodaySelfReportRow } from './self-reports.service.ts';

export interface ExposureServices {
  exposure: ExposureService;
  selfReports: SelfReportsService;
  /** A case's stays at venues for the investigator; marking one as a transmission risk. */
  caseStays: CaseStaysService;
  /** SMS and push to a confirmed close contact who agreed to alerts. */
  contactAlerts: ContactAlerts;
  /** The browsers a citizen chose to get alerts on (web push). */
  alertSettings: AlertSettingsService;
}

export function createExposureModule(o: {
  db: Db;
  secret: string;
  retentionDays: number;
  checkins: CheckinsService;
  cases: CasesService;
  profiles: DiseaseProfilesService;
  localities: LocalitiesService;
  citizenSessions: CitizenSessionsService;
  audit: AuditTrailService;
  registry: PeopleRegistryService;
  citizenMessages: CitizenMessages;
  publicUrl: string | undefined;
  pushHosts: readonly string[];
  /** Minutes together from which a proposed contact is alerted (0: only confirmed contacts). */
  proposalAlertMinutes: number;
}): ExposureServices {
  const repo = new ExposureRepository();
  const exposure = new ExposureService(
    o.db,
    repo,
    o.checkins,
    o.profiles,
    o.localities,
    new FeedSigner(o.secret),
    o.retentionDays,
  );
  return {
    exposure,
    selfReports: new SelfReportsService(o.db, repo, o.citizenSessions, o.localities, exposure, o.audit),
    caseStays: new CaseStaysService(o.db, repo, o.cases, o.checkins, o.profiles, exposure, o.audit, o.retentionDays),
    contactAlerts: new ContactAlerts(o.registry, o.citizenMessages, o.publicUrl, o.proposalAlertMinutes),
    alertSettings: new AlertSettingsService(o.db, o.citizenSessions, o.citizenMessages, o.pushHosts, o.registry),
  };
}
