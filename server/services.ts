import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import { createAuditModule, createAuditTrail, type AuditServices, type AuditTrailService } from './modules/audit/audit.module.ts';
import { BreachesRepository } from './modules/breaches/breaches.repository.ts';
import { BreachesService } from './modules/breaches/breaches.service.ts';
import { ChainsRepository } from './modules/chains/chains.repository.ts';
import { ChainsService } from './modules/chains/chains.service.ts';
import { CheckinsRepository } from './modules/checkins/checkins.repository.ts';
import { CheckinsService } from './modules/checkins/checkins.service.ts';
import { DeclarationsOfficialsService } from './modules/declarations/declarations-officials.service.ts';
import { DeclarationsRepository } from './modules/declarations/declarations.repository.ts';
import { DeclarationsService } from './modules/declarations/declarations.service.ts';
import { AuthService } from './modules/identity/auth.service.ts';
import { IdentityKeys } from './modules/identity/identity-keys.ts';
import { IdentityRepository } from './modules/identity/identity.repository.ts';
import { LoginThrottle } from './modules/identity/login-throttle.ts';
import { LoginThrottleRepository } from './modules/identity/login-throttle.repository.ts';
import { PasswordRules } from './modules/identity/password-rules.ts';
import { SessionsService } from './modules/identity/sessions.service.ts';
import { TwoFactorRepository } from './modules/identity/two-factor.repository.ts';
import { TwoFactorService } from './modules/identity/two-factor.service.ts';
import { UsersService } from './modules/identity/users.service.ts';
import { LinelistRepository } from './modules/linelist/linelist.repository.ts';
import { LinelistService } from './modules/linelist/linelist.service.ts';
import { LocalitiesRepository } from './modules/localities/localities.repository.ts';
import { LocalitiesService } from './modules/localities/localities.service.ts';
import { LogMessageSender, WebhookMessageSender, type MessageSender } from './modules/otp/message-sender.ts';
import { OtpRepository } from './modules/otp/otp.repository.ts';
import { OtpService } from './modules/otp/otp.service.ts';
import { PeopleRepository } from './modules/people/people.repository.ts';
import { PeopleService } from './modules/people/people.service.ts';
import { VenuesRepository } from './modules/venues/venues.repository.ts';
import { VenuePhoneService } from './modules/venues/venue-phone.service.ts';
import { VenuesService } from './modules/venues/venues.service.ts';
import { QrTokenSigner } from './shared/qr-token.ts';
import type { SigningSecrets } from './modules/system/signing-secrets.ts';
import { CasesRepository } from './modules/cases/cases.repository.ts';
import { CasesService } from './modules/cases/cases.service.ts';
import { ClustersRepository } from './modules/clusters/clusters.repository.ts';
import { ClustersService } from './modules/clusters/clusters.service.ts';
import { PeopleRegistryRepository } from './modules/people/people.repository.ts';
import { PeopleRegistryService } from './modules/people/people-registry.service.ts';
import { createCitizenServices, type CitizenServices } from './modules/people/citizen.module.ts';
import { ProfilesRepository } from './modules/tracing/profiles.repository.ts';
import { TracingRepository } from './modules/tracing/tracing.repository.ts';
import { TracingService } from './modules/tracing/tracing.service.ts';
import { FacilitiesRepository } from './modules/facilities/facilities.repository.ts';
import { FacilitiesService } from './modules/facilities/facilities.service.ts';
import { FacilityStaffRepository } from './modules/facilities/facility-staff.repository.ts';
import { FacilityStaffService } from './modules/facilities/facility-staff.service.ts';
import { StaffAccountsService } from './modules/facilities/staff-accounts.service.ts';
import { TreatmentRepository } from './modules/treatment/treatment.repository.ts';
import { TreatmentService } from './modules/treatment/treatment.service.ts';
import { CampaignsRepository } from './modules/testing/campaigns.repository.ts';
import { CampaignsService } from './modules/testing/campaigns.service.ts';
import { TestingRepository } from './modules/testing/testing.repository.ts';
import { TestingService } from './modules/testing/testing.service.ts';
import { QuarantineRepository } from './modules/quarantine/quarantine.repository.ts';
import { QuarantineService } from './modules/quarantine/quarantine.service.ts';
import { TodayRepository } from './modules/today/today.repository.ts';
import { TodayService } from './modules/today/today.service.ts';
import { createRiskServices, type RiskServices } from './modules/risk/risk.module.ts';

/** Every service of the platform, wired once. Modules receive only the repositories they use. */
export interface AppServices extends AuditServices, RiskServices, CitizenServices {
  db: Db;
  databaseKind: 'pglite' | 'postgresql';
  auth: AuthService;
  users: UsersService;
  twoFactor: TwoFactorService;
  sessions: SessionsService;
  localities: LocalitiesService;
  /** Records events in the audit log inside the caller's transaction. */
  auditTrail: AuditTrailService;
  breaches: BreachesService;
  otp: OtpService;
  people: PeopleService;
  declarations: DeclarationsService;
  declarationsOfficials: DeclarationsOfficialsService;
  checkins: CheckinsService;
  venues: VenuesService;
  venuePhone: VenuePhoneService;
  linelist: LinelistService;
  chains: ChainsService;
  peopleRegistry: PeopleRegistryService;
  cases: CasesService;
  tracing: TracingService;
  clusters: ClustersService;
  profiles: ProfilesRepository;
  facilities: FacilitiesService;
  /** Which facilities each facility staff account serves (read on each of its requests). */
  facilityStaff: FacilityStaffService;
  treatment: TreatmentService;
  testing: TestingService;
  campaigns: CampaignsService;
  quarantine: QuarantineService;
  today: TodayService;
  /** The development outbox when no SMS gateway is configured (tests read codes from it). */
  outbox: LogMessageSender | null;
}

export interface ServiceOptions {
  db: Db;
  databaseKind: AppServices['databaseKind'];
  config: Config;
  /** Sign personal QR tokens and report links (previous ones still verify); the current one keys OTP hashes and seals officials' TOTP secrets. */
  secrets: SigningSecrets;
  log?: (line: string) => void;
}

export function createServices(o: ServiceOptions): AppServices {
  const { db, config } = o;
  const auditRepo = createAuditTrail();
  const identityRepo = new IdentityRepository();
  const localitiesRepo = new LocalitiesRepository();
  const peopleRepo = new PeopleRepository();
  const declarationsRepo = new DeclarationsRepository();
  const venuesRepo = new VenuesRepository();
  const outbox = config.sms.webhookUrl ? null : new LogMessageSender({ demo: config.demo, log: o.log });
  const sender: MessageSender = outbox ?? new WebhookMessageSender(config.sms.webhookUrl!);
  const localities = new LocalitiesService(db, localitiesRepo, auditRepo);
  // One-time codes live five minutes: their hashes need the current secret only.
  const otp = new OtpService(db, new OtpRepository(), sender, o.secrets.current, config.otp);
  const signing: [string, ...string[]] = [o.secrets.current, ...o.secrets.previous];
  const people = new PeopleService(db, peopleRepo, new QrTokenSigner(signing));
  const auditModule = createAuditModule({ db, config: config.audit, secrets: o.secrets, localities });
  const auditService = auditModule.audit;
  const casesRepo = new CasesRepository();
  const tracingRepo = new TracingRepository();
  const profiles = new ProfilesRepository();
  const peopleRegistry = new PeopleRegistryService(db, peopleRepo, new PeopleRegistryRepository(), localitiesRepo, auditRepo);
  const citizen = createCitizenServices({ db, config, people: peopleRepo, tokens: people, registry: peopleRegistry, otp, localities, audit: auditRepo, auditService });
  const facilitiesRepo = new FacilitiesRepository();
  const tracing = new TracingService(db, tracingRepo, casesRepo, profiles, peopleRegistry, auditRepo, localities);
  const cases = new CasesService({ db, cases: casesRepo, tracingRepo, tracing, profiles, registry: peopleRegistry, localities, localitiesRepo, audit: auditRepo });
  const riskServices = createRiskServices({ db, localities, localitiesRepo, profiles, audit: auditRepo });
  const testingRepo = new TestingRepository();
  const campaignsRepo = new CampaignsRepository();
  const facilityStaff = new FacilityStaffService(db, new FacilityStaffRepository(), facilitiesRepo, localities, auditRepo);
  return {
    db,
    databaseKind: o.databaseKind,
    ...createIdentityServices({ db, identity: identityRepo, audit: auditRepo, localities, config, secret: o.secrets.current, facilityStaff }),
    localities,
    ...auditModule,
    auditTrail: auditRepo,
    breaches: new BreachesService(db, new BreachesRepository(), localities, auditRepo),
    otp,
    people,
    declarations: new DeclarationsService({
      db, repo: declarationsRepo, people: peopleRepo, peopleService: people, records: citizen.citizenRecords, sessions: citizen.citizenSessions,
      localities: localitiesRepo, otp, audit: auditRepo, settings: config.declarations,
    }),
    declarationsOfficials: new DeclarationsOfficialsService(db, declarationsRepo, localities, peopleRepo, citizen.citizenSessions, otp, auditRepo),
    checkins: new CheckinsService(db, new CheckinsRepository(), people, citizen.citizenSessions, localities, config.checkins),
    venues: new VenuesService(db, venuesRepo, localities, auditRepo),
    venuePhone: new VenuePhoneService(db, venuesRepo, otp, auditRepo),
    linelist: new LinelistService(db, new LinelistRepository(), localitiesRepo, auditRepo, profiles),
    chains: new ChainsService(db, new ChainsRepository(), localities, auditRepo),
    peopleRegistry,
    cases,
    tracing,
    clusters: new ClustersService(db, new ClustersRepository(), localities, auditRepo),
    profiles,
    facilities: new FacilitiesService(db, facilitiesRepo, localities, auditRepo),
    facilityStaff,
    treatment: new TreatmentService({ db, stays: new TreatmentRepository(), facilities: facilitiesRepo, localities, audit: auditRepo }),
    testing: new TestingService({ db, testing: testingRepo, campaigns: campaignsRepo, people: peopleRepo, registry: peopleRegistry, localities, cases, audit: auditRepo }),
    campaigns: new CampaignsService(db, campaignsRepo, testingRepo, peopleRegistry, localities, auditRepo),
    quarantine: new QuarantineService({
      db, quarantine: new QuarantineRepository(), testing: testingRepo, profiles, registry: peopleRegistry, localities, audit: auditRepo,
      links: new QrTokenSigner(signing, 'M1'),
    }),
    today: new TodayService(db, new TodayRepository(), localities, async (actor, path, limit, now) => {
      const { total, items } = await riskServices.risk.levelsToDecide(actor, path, limit, now);
      return items.map((i) => ({ id: i.code, label: i.label, due_on: null, overdue: false, link: '/risk', person_id: null, total: String(total), overdue_total: '0' }));
    }, auditRepo),
    ...riskServices,
    ...citizen,
    outbox,
  };
}

function createIdentityServices({ db, identity, audit, localities, config, secret, facilityStaff }: {
  db: Db; identity: IdentityRepository; audit: AuditTrailService; localities: LocalitiesService; config: Config; secret: string; facilityStaff: FacilityStaffService;
}) {
  const keys = new IdentityKeys(secret);
  const twoFactorRepo = new TwoFactorRepository();
  const passwords = new PasswordRules(twoFactorRepo);
  const twoFactor = new TwoFactorService({ db, identity, repo: twoFactorRepo, audit, keys, settings: config.twoFactor });
  const throttle = new LoginThrottle(new LoginThrottleRepository(), keys, config.login);
  return {
    auth: new AuthService({ db, identity, audit, throttle, twoFactor, passwords, settings: config }),
    // Accounts, with the facilities a facility staff account serves.
    users: new StaffAccountsService(facilityStaff, { db, identity, localities, audit, passwords, twoFactor }),
    twoFactor,
    sessions: new SessionsService(db, identity, audit, config),
  };
}
