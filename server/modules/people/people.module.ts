import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { QrTokenSigner } from '../../shared/qr-token.ts';
import type { AuditService, AuditTrailService } from '../audit/audit.module.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { OtpService } from '../otp/otp.module.ts';
import { CitizenRecordsService } from './citizen-records.service.ts';
import { CitizenSessionsRepository } from './citizen-sessions.repository.ts';
import { CitizenSessionsService } from './citizen-sessions.service.ts';
import { MyDataRepository } from './my-data.repository.ts';
import { MyDataService } from './my-data.service.ts';
import { PeopleRegistryService } from './people-registry.service.ts';
import { PeopleRegistryRepository } from './people-registry.repository.ts';
import { PeopleRepository } from './people.repository.ts';
import { PeopleService } from './people.service.ts';
import { PeopleStatusRepository } from './people-status.repository.ts';
import { PeopleSearchRepository } from './people-search.repository.ts';
import { PeopleSearchService } from './people-search.service.ts';
import { PersonLinksRepository } from './person-links.repository.ts';
import { PersonLinksService } from './person-links.service.ts';

export type { PersonFields } from './people.repository.ts';
export type { CitizenRecordsService } from './citizen-records.service.ts';
export type { CitizenSessionsService } from './citizen-sessions.service.ts';
export type { PeopleRegistryService } from './people-registry.service.ts';
export type { PeopleService, TokenHolder } from './people.service.ts';
export type { PeopleSearchService } from './people-search.service.ts';

/** The people registry: officials' side (records, duplicates, merges) and citizens' (sessions, links, own data). */
export interface PeopleServices {
  /** Personal QR tokens and what a scan of one shows. */
  people: PeopleService;
  peopleRegistry: PeopleRegistryService;
  /** Finding a registered person to pick instead of retyping them (reused by every form that enters people). */
  peopleSearch: PeopleSearchService;
  citizenRecords: CitizenRecordsService;
  citizenSessions: CitizenSessionsService;
  personLinks: PersonLinksService;
  myData: MyDataService;
}

export function createPeopleModule(o: {
  db: Db;
  config: Config;
  signing: readonly [string, ...string[]];
  otp: OtpService;
  localities: LocalitiesService;
  audit: AuditTrailService;
  auditService: AuditService;
}): PeopleServices {
  const { db, audit } = o;
  const peopleRepo = new PeopleRepository();
  const people = new PeopleService(db, peopleRepo, new QrTokenSigner(o.signing), new PeopleStatusRepository());
  const registry = new PeopleRegistryService(db, peopleRepo, new PeopleRegistryRepository(), o.localities, audit);
  const sessionsRepo = new CitizenSessionsRepository();
  const linksRepo = new PersonLinksRepository();
  const citizenSessions = new CitizenSessionsService(
    db,
    sessionsRepo,
    peopleRepo,
    people,
    o.otp,
    audit,
    // Look-ups batched like the check-ins they precede (same bounds: PHONGDICH_CHECKIN_BATCH_*).
    { ...o.config.citizenSession, lookupBatch: o.config.checkins.batch },
  );
  return {
    people,
    peopleRegistry: registry,
    peopleSearch: new PeopleSearchService(db, new PeopleSearchRepository(), o.localities, audit),
    citizenRecords: new CitizenRecordsService(peopleRepo, people, sessionsRepo, linksRepo, audit),
    citizenSessions,
    personLinks: new PersonLinksService(db, linksRepo, peopleRepo, registry, sessionsRepo, o.localities, audit),
    myData: new MyDataService(db, new MyDataRepository(), citizenSessions, o.otp, audit, o.auditService, o.localities),
  };
}
