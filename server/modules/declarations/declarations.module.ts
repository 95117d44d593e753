import { ReportFiguresService } from '../../shared/report-figures.ts';
import { DeclarationFiguresRepository } from './declaration-figures.repository.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { OtpService } from '../otp/otp.module.ts';
import type {
  CitizenRecordsService,
  CitizenSessionsService,
  PeopleRegistryService,
  PeopleService,
} from '../people/people.module.ts';
import { DeclarationsOfficialsService } from './declarations-officials.service.ts';
import { DeclarationsRepository } from './declarations.repository.ts';
import { DeclarationsService } from './declarations.service.ts';

export type { DeclarationsService };

export interface DeclarationsServices {
  /** What the weekly report counts from this module (issue 16). */
  declarationFigures: ReportFiguresService;
  declarations: DeclarationsService;
  declarationsOfficials: DeclarationsOfficialsService;
}

export function createDeclarationsModule(o: {
  db: Db;
  config: Config['declarations'];
  people: PeopleService;
  peopleRegistry: PeopleRegistryService;
  citizenRecords: CitizenRecordsService;
  citizenSessions: CitizenSessionsService;
  localities: LocalitiesService;
  otp: OtpService;
  audit: AuditTrailService;
}): DeclarationsServices {
  const repo = new DeclarationsRepository();
  return {
    declarationFigures: new ReportFiguresService(new DeclarationFiguresRepository()),
    declarations: new DeclarationsService({
      db: o.db,
      repo,
      registry: o.peopleRegistry,
      peopleService: o.people,
      records: o.citizenRecords,
      sessions: o.citizenSessions,
      localities: o.localities,
      otp: o.otp,
      audit: o.audit,
      settings: o.config,
    }),
    declarationsOfficials: new DeclarationsOfficialsService(
      o.db,
      repo,
      o.localities,
      o.peopleRegistry,
      o.citizenSessions,
      o.otp,
      o.audit,
    ),
  };
}
