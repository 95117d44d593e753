import { ReportFiguresService } from '../../shared/report-figures.ts';
import { TracingFiguresRepository } from './tracing-figures.repository.ts';
import type { Db } from '../../db/database.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { CasesService } from '../cases/cases.module.ts';
import type { DiseaseProfilesService } from '../disease-profiles/disease-profiles.module.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { PeopleRegistryService } from '../people/people.module.ts';
import { TracingRepository } from './tracing.repository.ts';
import { TracingService, type ContactConfirmedListener, type ContactsProposedListener } from './tracing.service.ts';

export type { TracingService } from './tracing.service.ts';

export interface TracingServices {
  /** What the weekly report counts from this module (issue 16). */
  tracingFigures: ReportFiguresService;
  tracing: TracingService;
}

export type { ProposedContact } from './tracing.repository.ts';

export function createTracingModule(o: {
  db: Db;
  cases: CasesService;
  diseaseProfiles: DiseaseProfilesService;
  registry: PeopleRegistryService;
  audit: AuditTrailService;
  localities: LocalitiesService;
  /** Told of each confirmed contact in the confirming transaction (the SMS alert, issue 20). */
  onContactConfirmed?: ContactConfirmedListener;
  /** Told of the contacts a tracing run leaves proposed, in its transaction (alerts above a threshold). */
  onContactsProposed?: ContactsProposedListener;
}): TracingServices {
  return {
    tracingFigures: new ReportFiguresService(new TracingFiguresRepository()),
    tracing: new TracingService(
      o.db,
      new TracingRepository(),
      o.cases,
      o.diseaseProfiles,
      o.registry,
      o.audit,
      o.localities,
      o.onContactConfirmed,
      o.onContactsProposed,
    ),
  };
}
