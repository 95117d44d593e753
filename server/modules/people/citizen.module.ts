import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { OtpService } from '../otp/otp.service.ts';
import { CitizenRecordsService } from './citizen-records.service.ts';
import { CitizenSessionsRepository } from './citizen-sessions.repository.ts';
import { CitizenSessionsService } from './citizen-sessions.service.ts';
import { MyDataRepository } from './my-data.repository.ts';
import { MyDataService } from './my-data.service.ts';
import type { PeopleRegistryService } from './people-registry.service.ts';
import type { PeopleRepository } from './people.repository.ts';
import type { PeopleService } from './people.service.ts';
import { PersonLinksRepository } from './person-links.repository.ts';
import { PersonLinksService } from './person-links.service.ts';

/** Citizens' side of the people registry: which record a declaration speaks for, sessions, links, own data. */
export interface CitizenServices {
  citizenRecords: CitizenRecordsService;
  citizenSessions: CitizenSessionsService;
  personLinks: PersonLinksService;
  myData: MyDataService;
}

export function createCitizenServices(o: {
  db: Db; config: Config; people: PeopleRepository; tokens: PeopleService; registry: PeopleRegistryService; otp: OtpService;
  localities: LocalitiesService; audit: AuditTrailService; auditService: AuditService;
}): CitizenServices {
  const sessionsRepo = new CitizenSessionsRepository();
  const linksRepo = new PersonLinksRepository();
  const citizenSessions = new CitizenSessionsService(o.db, sessionsRepo, o.people, o.tokens, o.otp, o.audit, o.config.citizenSession);
  return {
    citizenRecords: new CitizenRecordsService(o.people, o.tokens, sessionsRepo, linksRepo, o.audit),
    citizenSessions,
    personLinks: new PersonLinksService(o.db, linksRepo, o.people, o.registry, sessionsRepo, o.localities, o.audit),
    myData: new MyDataService(o.db, new MyDataRepository(), citizenSessions, o.otp, o.audit, o.auditService),
  };
}
