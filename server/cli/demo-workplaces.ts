import { randomUUID } from 'node:crypto';
import type { AssessmentTemplate } from '../../core/schemas/assessment-template.ts';
import type { RegisterOrganisationRequest } from '../../core/schemas/organisations.ts';
import { qd2194_2020, qd2225_2020 } from '../../core/rules/workplaces/templates/index.ts';
import type { Platform } from '../main.ts';
import { systemActor } from '../shared/actor.ts';

const DAY = 86_400_000;

/** Every answer the safest, but `risky` (item → option code). */
function answers(t: AssessmentTemplate, risky: Record<string, string>): Record<string, string> {
  return Object.fromEntries(t.items.map((i) => [i.code, risky[i.code] ?? i.options[0]!.code]));
}

interface DemoAssessment {
  template: AssessmentTemplate;
  daysAgo: number;
  risky: Record<string, string>;
}
interface DemoOrganisation {
  body: Omit<RegisterOrganisationRequest, 'clientKey' | 'shifts' | 'runsDormitory' | 'runsShuttle'> &
    Partial<Pick<RegisterOrganisationRequest, 'shifts' | 'runsDormitory' | 'runsShuttle'>>;
  approve: boolean;
  /** Oldest first: the organisation's history. */
  assessments: DemoAssessment[];
}

/** The market management board: the demo organisation admin's own organisation. */
export const DEMO_MARKET_BOARD = 'Ban Quản lý chợ Lai Châu';

const marketCrowded = {
  peak_visitors: 'l3',
  entry_limited: 'no',
  stall_distance: 'l2',
  queue_marks: 'no',
  masks_customers: 'no',
  cashless: 'no',
  customer_checkin: 'no',
};

/**
 * The workplaces of the demo's story (invented names, valid Lai Châu tax codes). In phường Đoàn
 * Kết, around the market cluster: the market board assessed itself "very high" when the cluster was
 * recognised (three weeks ago: may not operate until fixed) and "high" today after reopening with
 * an entry limit and hand sanitiser; a restaurant by the market is "low"; a tea company "medium";
 * the secondary school was "low" twenty days ago and is overdue (low re-assesses every 14 days); a
 * transport company awaits the commune's approval. In phường Tân Phong, a garment company is "very low".
 */
const organisations = (communes: { doanKet: string; tanPhong: string }): DemoOrganisation[] => [
  {
    body: {
      name: DEMO_MARKET_BOARD,
      type: 'market',
      sector: 'Quản lý chợ',
      taxCode: '6200123458',
      addressLine: 'Đường Trần Phú, phường Đoàn Kết',
      communeCode: communes.doanKet,
      headName: 'Nguyễn Văn Quang',
      contactName: 'Lù Thị Hằng',
      contactPhone: '0912000112',
      headcount: 35,
    },
    approve: true,
    assessments: [
      {
        template: qd2225_2020,
        daysAgo: 21,
        risky: {
          ...marketCrowded,
          sanitiser_entrances: 'no',
          ventilation: 'l2',
          masks_staff: 'no',
          cleaning_daily: 'no',
        },
      },
      {
        template: qd2225_2020,
        daysAgo: 0,
        risky: {
          ...marketCrowded,
          entry_limited: 'yes',
          sanitiser_entrances: 'no',
          ventilation: 'l2',
          masks_staff: 'partly',
          cleaning_daily: 'partly',
        },
      },
    ],
  },
  {
    body: {
      name: 'Nhà hàng Đoàn Kết',
      type: 'restaurant',
      sector: 'Ăn uống',
      taxCode: '6200234567',
      addressLine: 'Số 12 đường Trần Phú, phường Đoàn Kết',
      communeCode: communes.doanKet,
      headName: 'Tòng Văn Sơn',
      contactName: 'Tòng Thị Nga',
      contactPhone: '0912000113',
      headcount: 12,
    },
    approve: true,
    assessments: [
      { template: qd2225_2020, daysAgo: 5, risky: { peak_visitors: 'l3', cashless: 'no', masks_customers: 'partly' } },
    ],
  },
  {
    body: {
      name: 'Công ty Cổ phần Chè Tây Bắc',
      type: 'enterprise',
      sector: 'Chế biến chè',
      taxCode: '6200345676',
      addressLine: 'Bản Cang, phường Đoàn Kết',
      communeCode: communes.doanKet,
      headName: 'Đặng Văn Minh',
      contactName: 'Lò Văn Dũng',
      contactPhone: '0912000114',
      headcount: 320,
      shifts: 2,
      runsDormitory: true,
      runsShuttle: true,
    },
    approve: true,
    assessments: [
      {
        template: qd2194_2020,
        daysAgo: 3,
        risky: {
          workers_on_site: 'l3',
          night_shift_limited: 'no',
          workstation_distance: 'l2',
          canteen_seating: 'l2',
          dormitory: 'l2',
          shuttle: 'l2',
        },
      },
    ],
  },
  {
    body: {
      name: 'Trường THCS Đoàn Kết',
      type: 'school',
      sector: 'Giáo dục',
      addressLine: 'Tổ 5, phường Đoàn Kết',
      communeCode: communes.doanKet,
      headName: 'Hoàng Thị Thu',
      contactName: 'Vũ Văn Tuấn',
      contactPhone: '0912000115',
      headcount: 48,
    },
    approve: true,
    assessments: [
      {
        template: qd2194_2020,
        daysAgo: 20,
        risky: { workers_on_site: 'l3', shared_spaces_limited: 'no', ventilation: 'l2' },
      },
    ],
  },
  {
    body: {
      name: 'Công ty TNHH Vận tải Đoàn Kết',
      type: 'enterprise',
      sector: 'Vận tải hành khách',
      taxCode: '6200456785',
      addressLine: 'Tổ 15, phường Đoàn Kết',
      communeCode: communes.doanKet,
      headName: 'Lường Văn Hùng',
      contactName: 'Lường Thị Mai',
      contactPhone: '0912000116',
      headcount: 60,
      runsShuttle: true,
    },
    approve: false,
    assessments: [],
  },
  {
    body: {
      name: 'Công ty TNHH May mặc Tân Phong',
      type: 'enterprise',
      sector: 'Dệt may',
      taxCode: '6200567894',
      addressLine: 'Tổ 7, phường Tân Phong',
      communeCode: communes.tanPhong,
      headName: 'Phạm Văn Long',
      contactName: 'Nguyễn Thị Huyền',
      contactPhone: '0912000117',
      headcount: 180,
      shifts: 2,
    },
    approve: true,
    assessments: [{ template: qd2194_2020, daysAgo: 10, risky: { masks_worn: 'partly', hand_wash_points: 'partly' } }],
  },
];

/** Registers, approves and assesses the demo's workplaces through the services, back-dated as it happened. */
export async function seedDemoWorkplaces(p: Platform, communes: { doanKet: string; tanPhong: string }): Promise<void> {
  const s = p.services.organisations;
  const sys = systemActor('demo');
  const now = Date.now();
  for (const o of organisations(communes)) {
    const registered = await s.register(sys, {
      clientKey: randomUUID(),
      shifts: 1,
      runsDormitory: false,
      runsShuttle: false,
      ...o.body,
    });
    if (!o.approve) continue;
    await s.decide(sys, registered.id, { decision: 'approve' });
    for (const a of o.assessments)
      await p.services.organisationAssessments.submitAssessment(
        sys,
        registered.id,
        { clientKey: randomUUID(), template: a.template.code, answers: answers(a.template, a.risky) },
        new Date(now - a.daysAgo * DAY),
      );
  }
}

/**
 * The demo organisation admin keeps the market board's registration (the demo's organisations were
 * entered before any account existed): they see it, assess it and nothing else.
 */
export async function adoptDemoMarketBoard(p: Platform, userId: string): Promise<void> {
  await p.database.db
    .updateTable('organisations')
    .set({ owner_user_id: userId })
    .where('name', '=', DEMO_MARKET_BOARD)
    .where('owner_user_id', 'is', null)
    .execute();
}
