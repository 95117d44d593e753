import type { Db } from '../../db/database.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { NationalDirectivesService, ReferralsService } from '../federation/federation.module.ts';
import type { SelfReportsService } from '../exposure/exposure.module.ts';
import type { FollowUpService as InspectionFollowUpService } from '../inspections/inspections.module.ts';
import type { OrganisationAssessmentsService, SymptomReportsService } from '../organisations/organisations.module.ts';
import type { IndicatorCountsService, RiskService } from '../risk/risk.module.ts';
import { SituationRepository } from './situation.repository.ts';
import { SituationService } from './situation.service.ts';
import { TodayRepository } from './today.repository.ts';
import { TodayService } from './today.service.ts';

export interface TodayServices {
  today: TodayService;
  situation: SituationService;
}

export function createTodayModule(o: {
  db: Db;
  localities: LocalitiesService;
  risk: RiskService;
  indicators: IndicatorCountsService;
  audit: AuditTrailService;
  organisationAssessments: OrganisationAssessmentsService;
  referrals: ReferralsService;
  nationalDirectives: Pick<NationalDirectivesService, 'toAcknowledge'>;
  selfReports: SelfReportsService;
  inspectionFollowUp: InspectionFollowUpService;
  workplaceSymptoms: SymptomReportsService;
}): TodayServices {
  return {
    situation: new SituationService(o.db, new SituationRepository(), o.localities, {
      casesByDay: (path, from, to) => o.indicators.casesByDay(o.db, path, from, to),
      levelSituation: (actor, code, now) => o.risk.levelSituation(actor, code, now),
    }),
    today: new TodayService(
      o.db,
      new TodayRepository(),
      o.localities,
      async (actor, path, limit, now) => {
        // Communes whose computed level awaits the steering committee, as rows of the work list.
        const { total, items } = await o.risk.levelsToDecide(actor, path, limit, now);
        return items.map((i) => ({
          id: i.code,
          label: i.label,
          due_on: null,
          overdue: false,
          link: '/risk',
          person_id: null,
          total: String(total),
          overdue_total: '0',
        }));
      },
      o.audit,
      async (actor, path, limit, now) => {
        const { total, overdue, items } = await o.organisationAssessments.followUpsForToday(actor, path, limit, now);
        return items.map((i) => ({
          id: i.id,
          label: i.label,
          due_on: i.dueOn,
          overdue: i.overdue,
          link: i.link,
          person_id: null,
          total: String(total),
          overdue_total: String(overdue),
        }));
      },
      async (actor, path, limit) =>
        // Referred people are not on this province's file yet: the federation module logs the read.
        (await o.referrals.incoming(actor, path, limit)).map((r) => ({
          id: `${r.originCode}/${r.id}`,
          label: r.label,
          due_on: r.receivedOn,
          overdue: false,
          link: `/referrals/${r.originCode}/${r.id}`,
          person_id: null,
          total: String(r.total),
          overdue_total: '0',
        })),
      async (actor, path, limit) =>
        // Citizens' self-reports of the area (issue 20): the commune takes them in.
        (await o.selfReports.forToday(path, limit, actor.locale)).map((r) => ({
          id: r.id,
          label: r.label,
          due_on: r.dueOn,
          overdue: false,
          link: '/today',
          person_id: r.personId,
          total: String(r.total),
          overdue_total: '0',
        })),
      async (actor, path, limit, now) => {
        // Corrective actions past their deadline (issue 17): every one listed is overdue.
        const { total, items } = await o.inspectionFollowUp.overdueForToday(actor, path, limit, now);
        return items.map((i) => ({
          id: i.id,
          label: i.label,
          due_on: i.dueOn,
          overdue: true,
          link: i.link,
          person_id: null,
          total: String(total),
          overdue_total: String(total),
        }));
      },
      async (actor, path, limit) =>
        // National directives received and not acknowledged (issue 21): acknowledged on the directives page.
        (await o.nationalDirectives.toAcknowledge(actor, path, limit)).map((d) => ({
          id: d.id,
          label: d.label,
          due_on: d.issuedOn,
          overdue: false,
          link: '/directives',
          person_id: null,
          total: String(d.total),
          overdue_total: '0',
        })),
      async (actor, path, limit) =>
        // Workers with symptoms their organisation reported (issue 15): the commune takes them in.
        (await o.workplaceSymptoms.forToday(actor, path, limit)).map((r) => ({
          id: r.id,
          label: r.label,
          due_on: r.dueOn,
          overdue: false,
          link: r.link,
          person_id: r.personId,
          total: String(r.total),
          overdue_total: '0',
        })),
    ),
  };
}
