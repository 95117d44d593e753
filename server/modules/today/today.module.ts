import type { Db } from '../../db/database.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { RiskService } from '../risk/risk.module.ts';
import { TodayRepository } from './today.repository.ts';
import { TodayService } from './today.service.ts';

export interface TodayServices {
  today: TodayService;
}

export function createTodayModule(o: {
  db: Db;
  localities: LocalitiesService;
  risk: RiskService;
  audit: AuditTrailService;
}): TodayServices {
  return {
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
    ),
  };
}
