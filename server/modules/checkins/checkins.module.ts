import { ReportFiguresService } from '../../shared/report-figures.ts';
import { CheckinFiguresRepository } from './checkin-figures.repository.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { CitizenSessionsService, PeopleService } from '../people/people.module.ts';
import { CheckinsRepository } from './checkins.repository.ts';
import { CheckinsService } from './checkins.service.ts';

export interface CheckinsServices {
  /** What the weekly report counts from this module (issue 16). */
  checkinFigures: ReportFiguresService;
  checkins: CheckinsService;
}

export function createCheckinsModule(o: {
  db: Db;
  config: Config['checkins'];
  people: PeopleService;
  citizenSessions: CitizenSessionsService;
  localities: LocalitiesService;
}): CheckinsServices {
  return {
    checkinFigures: new ReportFiguresService(new CheckinFiguresRepository()),
    checkins: new CheckinsService(o.db, new CheckinsRepository(), o.people, o.citizenSessions, o.localities, o.config),
  };
}
