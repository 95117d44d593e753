import type { Db } from '../../db/database.ts';
import { ReportFiguresService } from '../../shared/report-figures.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { FacilitiesService } from '../facilities/facilities.service.ts';
import type { DeclarationsService } from '../declarations/declarations.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { OtpService } from '../otp/otp.service.ts';
import type { PeopleRegistryService, PeopleService } from '../people/people.module.ts';
import type { QuarantineService } from '../quarantine/quarantine.service.ts';
import { BorderBulletinRepository } from './border-bulletin.repository.ts';
import { BorderBulletinService } from './border-bulletin.service.ts';
import { BorderCrossingsService } from './border-crossings.service.ts';
import type { BorderAccounts, BorderDeps } from './border-deps.ts';
import { BorderFieldRepository } from './border-field.repository.ts';
import { BorderGoodsService } from './border-goods.service.ts';
import { BorderInterceptionsService } from './border-interceptions.service.ts';
import { BorderPostsService } from './border-posts.service.ts';
import { BorderRepository } from './border.repository.ts';
import { BorderTipoffsService } from './border-tipoffs.service.ts';
import { BorderTrailsService } from './border-trails.service.ts';

export type { BorderPostsService } from './border-posts.service.ts';

export interface BorderServices {
  borderPosts: BorderPostsService;
  borderCrossings: BorderCrossingsService;
  borderGoods: BorderGoodsService;
  borderInterceptions: BorderInterceptionsService;
  borderTrails: BorderTrailsService;
  borderTipoffs: BorderTipoffsService;
  borderBulletin: BorderBulletinService;
  /** What the weekly report counts from this module. */
  borderFigures: ReportFiguresService;
}

export function createBorderModule(o: {
  db: Db;
  localities: LocalitiesService;
  people: PeopleService;
  peopleRegistry: PeopleRegistryService;
  quarantine: QuarantineService;
  facilities: FacilitiesService;
  declarations: DeclarationsService;
  otp: OtpService;
  accounts: BorderAccounts;
  audit: AuditTrailService;
  clock?: () => Date;
}): BorderServices {
  const bulletin = new BorderBulletinRepository();
  const deps: BorderDeps = { ...o, repo: new BorderRepository(), field: new BorderFieldRepository(), bulletin };
  const borderPosts = new BorderPostsService(deps);
  return {
    borderPosts,
    borderCrossings: new BorderCrossingsService(deps, borderPosts),
    borderGoods: new BorderGoodsService(deps, borderPosts),
    borderInterceptions: new BorderInterceptionsService(deps),
    borderTrails: new BorderTrailsService(deps),
    borderTipoffs: new BorderTipoffsService(deps),
    borderBulletin: new BorderBulletinService(deps),
    borderFigures: new ReportFiguresService(bulletin),
  };
}
