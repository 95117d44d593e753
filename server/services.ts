import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import { registerCase } from './commands/register-case.ts';
import { JobQueue } from './jobs/job-queue.ts';
import {
  createAuditModule,
  createAuditTrail,
  type AuditServices,
  type AuditTrailService,
} from './modules/audit/audit.module.ts';
import { createBreachesModule, type BreachesServices } from './modules/breaches/breaches.module.ts';
import { createCasesModule, type CasesServices } from './modules/cases/cases.module.ts';
import { createChainsModule, type ChainsServices } from './modules/chains/chains.module.ts';
import { createCheckinsModule, type CheckinsServices } from './modules/checkins/checkins.module.ts';
import { createClustersModule, type ClustersServices } from './modules/clusters/clusters.module.ts';
import { createNotificationsModule, type NotificationsServices } from './modules/notifications/notifications.module.ts';
import { createDeclarationsModule, type DeclarationsServices } from './modules/declarations/declarations.module.ts';
import {
  createDiseaseProfilesModule,
  type DiseaseProfilesServices,
} from './modules/disease-profiles/disease-profiles.module.ts';
import { createFacilitiesModule, type FacilitiesServices } from './modules/facilities/facilities.module.ts';
import { createIdentityModule, type IdentityServices } from './modules/identity/identity.module.ts';
import { createLinelistModule, type LinelistServices } from './modules/linelist/linelist.module.ts';
import { createLocalitiesModule, type LocalitiesServices } from './modules/localities/localities.module.ts';
import { createOtpModule, type OtpServices } from './modules/otp/otp.module.ts';
import { createBorderModule, type BorderServices } from './modules/border/border.module.ts';
import { createPeopleModule, type PeopleServices } from './modules/people/people.module.ts';
import { createQuarantineModule, type QuarantineServices } from './modules/quarantine/quarantine.module.ts';
import { createRiskModule, type RiskServices } from './modules/risk/risk.module.ts';
import type { SigningSecrets } from './modules/system/signing-secrets.ts';
import { createTestingModule, type TestingServices } from './modules/testing/testing.module.ts';
import { createTodayModule, type TodayServices } from './modules/today/today.module.ts';
import { createFederationModule, type FederationServices } from './modules/federation/federation.module.ts';
import { createTracingModule, type TracingServices } from './modules/tracing/tracing.module.ts';
import { createTreatmentModule, type TreatmentServices } from './modules/treatment/treatment.module.ts';
import { createVenuesModule, type VenuesServices } from './modules/venues/venues.module.ts';
import { createOrganisationsModule, type OrganisationsServices } from './modules/organisations/organisations.module.ts';
import { createUnitsModule, type UnitsServices } from './modules/units/units.module.ts';
import { createReportsModule, type ReportsServices } from './modules/reports/reports.module.ts';
import { createDirectivesModule, type DirectivesServices } from './modules/directives/directives.module.ts';
import { createEscalationsModule, type EscalationsServices } from './modules/escalations/escalations.module.ts';
import { createPlansModule, type PlansServices } from './modules/plans/plans.module.ts';
import { createResourcesModule, type ResourcesServices } from './modules/resources/resources.module.ts';
import { createInspectionsModule, type InspectionsServices } from './modules/inspections/inspections.module.ts';
import { createExposureModule, type ExposureServices } from './modules/exposure/exposure.module.ts';

/** Every service of the platform, wired once. Modules hand each other services, never repositories. */
export interface AppServices
  extends
    AuditServices,
    LocalitiesServices,
    OtpServices,
    IdentityServices,
    PeopleServices,
    DeclarationsServices,
    CheckinsServices,
    VenuesServices,
    OrganisationsServices,
    UnitsServices,
    ReportsServices,
    DirectivesServices,
    EscalationsServices,
    PlansServices,
    ResourcesServices,
    InspectionsServices,
    LinelistServices,
    ChainsServices,
    ClustersServices,
    NotificationsServices,
    BreachesServices,
    DiseaseProfilesServices,
    CasesServices,
    TracingServices,
    FacilitiesServices,
    TreatmentServices,
    TestingServices,
    QuarantineServices,
    TodayServices,
    FederationServices,
    RiskServices,
    BorderServices,
    ExposureServices {
  db: Db;
  databaseKind: 'pglite' | 'postgresql';
  /** The durable job queue (pg-boss): started and stopped with the platform. */
  jobQueue: JobQueue;
  /** Records events in the audit log inside the caller's transaction. */
  auditTrail: AuditTrailService;
}

export interface ServiceOptions {
  db: Db;
  databaseKind: AppServices['databaseKind'];
  config: Config;
  /** Sign personal QR tokens and report links (previous ones still verify); the current one keys OTP hashes and seals officials' TOTP secrets. */
  secrets: SigningSecrets;
  log?: (line: string) => void;
  /** Now for the reports module's deadlines (a test clock); the wall clock when absent. */
  clock?: () => Date;
}

/** The composition root: calls each module's factory, in dependency order, and hands services between them. */
export function createServices(o: ServiceOptions): AppServices {
  const { db, config } = o;
  const signing: [string, ...string[]] = [o.secrets.current, ...o.secrets.previous];
  const audit = createAuditTrail();
  const jobQueue = new JobQueue(db, config.queue, o.log);
  const { localities, nationalPlaces } = createLocalitiesModule({ db, audit });
  // The audit view names accounts through identity, which is built later (it needs facilities).
  const auditModule = createAuditModule({
    db,
    config: config.audit,
    secrets: o.secrets,
    localities,
    accounts: {
      namesOf: (handle, ids) => identity.accountDirectory.namesOf(handle, ids),
      search: (handle, within, q, locale) => identity.accountDirectory.search(handle, within, q, locale),
    },
  });
  const otpModule = createOtpModule({ db, config, secret: o.secrets.current, log: o.log });
  const { otp } = otpModule;
  const notifications = createNotificationsModule({
    db,
    config,
    jobQueue,
    audit,
    smsGateway: otpModule.smsGateway,
    secret: o.secrets.current,
    log: o.log,
  });
  const people = createPeopleModule({ db, config, signing, otp, localities, audit, auditService: auditModule.audit });
  const { diseaseProfiles } = createDiseaseProfilesModule({ db, audit });
  // Tracing owns contacts and reads cases: a case's view asks it for its contact counts once both exist.
  const cases = createCasesModule({
    db,
    diseaseProfiles,
    localities,
    audit,
    contactCounts: (handle, caseId) => tracing.tracing.contactCounts(handle, caseId),
  });
  const tracing = createTracingModule({
    db,
    cases: cases.cases,
    diseaseProfiles,
    registry: people.peopleRegistry,
    audit,
    localities,
    // Exposure is built later (it needs check-ins): a contact is confirmed only once the platform is up.
    onContactConfirmed: (handle, contact) => exposure.contactAlerts.confirmed(handle, contact),
    onContactsProposed: (handle, contacts) => exposure.contactAlerts.proposed(handle, contacts),
  });
  const facilities = createFacilitiesModule({ db, localities, audit });
  const testing = createTestingModule({
    db,
    peopleRegistry: people.peopleRegistry,
    localities,
    audit,
    registerCase: (actor, req) =>
      registerCase(
        {
          db,
          cases: cases.cases,
          tracing: tracing.tracing,
          peopleRegistry: people.peopleRegistry,
          auditTrail: audit,
          // Built later (it needs check-ins): a case is registered only once the platform is up.
          exposure: exposure.exposure,
        },
        actor,
        req,
      ),
  });
  const risk = createRiskModule({
    db,
    localities,
    profiles: diseaseProfiles,
    audit,
    // Plans queue their activation for when the decision takes effect (built later: they need units).
    onLevelDecided: (handle, decision) => plans.planActivation.onLevelDecided(handle, decision),
  });
  const federation = createFederationModule({
    db,
    audit,
    nationalPlaces,
    federation: config.federation,
    riskDashboard: risk.riskDashboard,
    ruleSets: risk.ruleSets,
    diseaseProfiles,
    notices: {
      accountsAt: (handle, code, roles) => identity.accountDirectory.activeAt(handle, code, roles),
      notify: (handle, ids, m) => notifications.notifications.notify(handle, ids, m),
    },
    // Built later (reports need every module's figures): the weekly report is asked for only once the platform is up.
    nationalWeekly: (actor, provinces, q) => reports.nationalWeeklyReports.report(actor, provinces, q),
    clock: o.clock,
  });
  const venues = createVenuesModule({ db, localities, otp, audit });
  const checkins = createCheckinsModule({
    db,
    config: config.checkins,
    people: people.people,
    citizenSessions: people.citizenSessions,
    localities,
  });
  const exposure = createExposureModule({
    db,
    secret: o.secrets.current,
    retentionDays: config.checkins.retentionDays,
    checkins: checkins.checkins,
    cases: cases.cases,
    profiles: diseaseProfiles,
    localities,
    citizenSessions: people.citizenSessions,
    audit,
    registry: people.peopleRegistry,
    citizenMessages: notifications.citizenMessages,
    publicUrl: config.publicUrl,
    pushHosts: config.push.hosts,
    proposalAlertMinutes: config.alerts.proposalMinutes,
  });
  const identity = createIdentityModule({
    db,
    config,
    secret: o.secrets.current,
    localities,
    audit,
    facilityStaff: facilities.facilityStaff,
  });
  const declarations = createDeclarationsModule({
    db,
    config: config.declarations,
    people: people.people,
    peopleRegistry: people.peopleRegistry,
    citizenRecords: people.citizenRecords,
    citizenSessions: people.citizenSessions,
    localities,
    otp,
    audit,
  });
  const organisations = createOrganisationsModule({
    db,
    localities,
    audit,
    reminders: notifications.reminders,
    // Commune officers follow their organisations up: late self-assessments are theirs to chase.
    communeOfficers: (handle, commune) => identity.accountDirectory.activeAt(handle, commune, ['commune_officer']),
    people: people.people,
    venues: venues.venues,
    checkins: checkins.checkins,
    otp,
    lastSampleDays: (handle, personIds) => testing.testing.lastSampleDays(handle, personIds),
    casesConfirmedSince: (handle, personIds, since) => cases.cases.confirmedSince(handle, personIds, since),
  });
  const units = createUnitsModule({ db, localities, audit });
  const quarantine = createQuarantineModule({
    db,
    signing,
    testing: testing.testing,
    diseaseProfiles,
    peopleRegistry: people.peopleRegistry,
    localities,
    audit,
  });
  const resources = createResourcesModule({ db, units: units.units, localities, audit, clock: o.clock });
  const plans = createPlansModule({
    db,
    units: units.units,
    localities,
    ruleSets: risk.ruleSets,
    notifications: notifications.notifications,
    audit,
    clock: o.clock,
    jobQueue,
    decidedLevels: risk.riskDecisions,
    resources: resources.resources,
    facilities: facilities.facilities,
  });
  const border = createBorderModule({
    db,
    localities,
    people: people.people,
    peopleRegistry: people.peopleRegistry,
    quarantine: quarantine.quarantine,
    facilities: facilities.facilities,
    declarations: declarations.declarations,
    otp,
    accounts: identity.accountDirectory,
    audit,
    clock: o.clock,
  });
  const inspections = createInspectionsModule({
    db,
    units: units.units,
    localities,
    organisations: organisations.organisations,
    // Workplaces whose self-assessment is high or overdue are proposed as targets.
    workplaceFollowUps: (actor, path, limit, now) =>
      organisations.organisationAssessments.followUpsForToday(actor, path, limit, now),
    // The team is chosen among the accounts of the inspecting unit's area.
    teamDirectory: {
      search: (handle, within, q, locale) =>
        identity.accountDirectory.search(handle, within, q, locale, { activeOnly: true }),
      activeInLine: (handle, path, ids) => identity.accountDirectory.activeInLine(handle, path, ids),
    },
    // A person's record shows their violations (matched by document) to officials.
    people: people.peopleRegistry,
    audit,
    clock: o.clock,
  });
  // A report counts from each module's own figures service, never its tables.
  const reports = createReportsModule({
    db,
    units: units.units,
    localities,
    figures: [
      cases.caseFigures,
      testing.testingFigures,
      quarantine.quarantineFigures,
      tracing.tracingFigures,
      declarations.declarationFigures,
      checkins.checkinFigures,
      organisations.organisationFigures,
      plans.planFigures,
      border.borderFigures,
      inspections.inspectionFigures,
    ],
    notifications: notifications.notifications,
    reminders: notifications.reminders,
    audit,
    clock: o.clock,
  });
  const directives = createDirectivesModule({
    db,
    units: units.units,
    notifications: notifications.notifications,
    reminders: notifications.reminders,
    audit,
    clock: o.clock,
  });
  return {
    db,
    databaseKind: o.databaseKind,
    jobQueue,
    auditTrail: audit,
    ...auditModule,
    localities,
    nationalPlaces,
    ...otpModule,
    ...identity,
    ...people,
    ...declarations,
    ...checkins,
    ...exposure,
    ...venues,
    ...organisations,
    ...units,
    ...plans,
    ...reports,
    ...border,
    ...inspections,
    ...directives,
    ...createEscalationsModule({
      db,
      jobQueue,
      units: units.units,
      notifications: notifications.notifications,
      reportReminders: reports.reportReminders,
      directiveEscalations: directives.directiveEscalations,
    }),
    ...resources,
    ...createLinelistModule({ db, localities, audit, diseaseProfiles }),
    ...createChainsModule({ db, localities, audit }),
    ...createClustersModule({ db, localities, audit }),
    ...notifications,
    ...createBreachesModule({ db, localities, audit }),
    diseaseProfiles,
    ...cases,
    ...tracing,
    ...facilities,
    ...createTreatmentModule({ db, facilities: facilities.facilities, localities, audit }),
    ...testing,
    ...quarantine,
    ...federation,
    ...createTodayModule({
      db,
      referrals: federation.referrals,
      nationalDirectives: federation.nationalDirectives,
      localities,
      risk: risk.risk,
      indicators: risk.indicators,
      audit,
      organisationAssessments: organisations.organisationAssessments,
      selfReports: exposure.selfReports,
      inspectionFollowUp: inspections.inspectionFollowUp,
      workplaceSymptoms: organisations.workplaceSymptoms,
    }),
    ...risk,
  };
}
