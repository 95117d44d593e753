import type { Role } from '../../../core/roles.ts';
import type { Db } from '../../db/database.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { FacilitiesService } from '../facilities/facilities.service.ts';
import type { DeclarationsService } from '../declarations/declarations.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { OtpService } from '../otp/otp.service.ts';
import type { PeopleRegistryService, PeopleService } from '../people/people.module.ts';
import type { QuarantineService } from '../quarantine/quarantine.service.ts';
import type { BorderBulletinRepository } from './border-bulletin.repository.ts';
import type { BorderFieldRepository } from './border-field.repository.ts';
import type { BorderRepository } from './border.repository.ts';

/** Officials' accounts, from identity: who may be given a tip-off, and their names. */
export interface BorderAccounts {
  activeAt(db: Db, localityCode: string, roles: readonly Role[]): Promise<string[]>;
  namesOf(db: Db, ids: readonly string[]): Promise<Map<string, { fullName: string; role: string }>>;
}

/** What the border services share: their repositories and the other modules' services they use. */
export interface BorderDeps {
  db: Db;
  repo: BorderRepository;
  field: BorderFieldRepository;
  bulletin: BorderBulletinRepository;
  localities: LocalitiesService;
  people: PeopleService;
  peopleRegistry: PeopleRegistryService;
  quarantine: QuarantineService;
  /** Where a checkpoint hands people over: the province's quarantine facilities with room. */
  facilities: FacilitiesService;
  declarations: DeclarationsService;
  otp: OtpService;
  accounts: BorderAccounts;
  audit: AuditTrailService;
  /** Now (a test clock); the wall clock when absent. */
  clock?: () => Date;
}
