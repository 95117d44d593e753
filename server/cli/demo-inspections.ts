import { addDays, vietnamMidnight, vietnamToday } from '../../core/vietnam-calendar.ts';
import type { Platform } from '../main.ts';
import { systemActor, type Actor } from '../shared/actor.ts';
import { DEMO_MARKET_BOARD } from './demo-workplaces.ts';

/** Fixed, so a second seed answers the records of the first (the client keys make each one). */
const KEYS = {
  plan: '3f6c1a2e-8b4d-4c7e-9f1a-2b3c4d5e6f70',
  visit: '3f6c1a2e-8b4d-4c7e-9f1a-2b3c4d5e6f71',
  violation: '3f6c1a2e-8b4d-4c7e-9f1a-2b3c4d5e6f72',
  action: '3f6c1a2e-8b4d-4c7e-9f1a-2b3c4d5e6f73',
};

/** The demo's inspection fine: inside 12.1a's range for an organisation (twice 1–3 million ₫). */
export const DEMO_INSPECTION_FINE_VND = 4_000_000;
export const DEMO_INSPECTION_PLAN_TITLE =
  'Kiểm tra công tác phòng, chống dịch tại chợ Lai Châu và các cơ sở xung quanh';

/** A 2×2 PNG: the market board's representative's signature (the demo draws no real one). */
const SIGNATURE = Buffer.from(
  '89504e470d0a1a0a0000000d494844520000000200000002080600000072b60d240000000e494441547801630082ff0cc800000e040100296b36b50000000049454e44ae426082',
  'hex',
).toString('base64');

/**
 * The demo's inspection (issue 17), after the market cluster: the provincial CDC plans a round of the
 * market and the workplaces around it, led by the `thanhtra` account. A week ago the team inspected
 * the market board: staff without masks (a failure of item `masks`), recorded as a violation of
 * article 12.1a by the board (an organisation), fined 4 million ₫ (its range 2–6 million), decided
 * final and paid; the board was to hand out masks and remind its staff by two days ago and has not
 * reported it done, so the action is overdue on the CDC's today's work. The restaurant and the tea
 * company are still to be visited. ASSUMPTION: the decision number is fictitious.
 * Needs the demo accounts (the leader): without `thanhtra` nothing is seeded.
 */
export async function seedDemoInspections(p: Platform, province: string): Promise<void> {
  const s = p.services;
  const db = p.database.db;
  const leader = await db
    .selectFrom('users')
    .select(['id', 'full_name'])
    .where('username', '=', 'thanhtra')
    .executeTakeFirst();
  if (!leader) return;
  const unit = await db
    .selectFrom('reporting_units')
    .select('id')
    .where('code', '=', `${province}-CDC`)
    .executeTakeFirstOrThrow();
  const organisations = await db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('name', 'in', [DEMO_MARKET_BOARD, 'Nhà hàng Đoàn Kết', 'Công ty Cổ phần Chè Tây Bắc'])
    .execute();
  const org = (name: string) => organisations.find((o) => o.name === name)!.id;
  const today = vietnamToday();
  const visitedOn = addDays(today, -7);
  const plan = await s.inspections.create(systemActor('seed'), {
    clientKey: KEYS.plan,
    unitId: unit.id,
    title: DEMO_INSPECTION_PLAN_TITLE,
    periodFrom: addDays(today, -10),
    periodTo: addDays(today, 20),
    leaderUserId: leader.id,
    memberUserIds: [],
    targets: [
      { kind: 'organisation', organisationId: org(DEMO_MARKET_BOARD), checklist: 'market', scheduledOn: visitedOn },
      {
        kind: 'organisation',
        organisationId: org('Nhà hàng Đoàn Kết'),
        checklist: 'organisation',
        scheduledOn: addDays(today, 3),
      },
      {
        kind: 'organisation',
        organisationId: org('Công ty Cổ phần Chè Tây Bắc'),
        checklist: 'organisation',
        scheduledOn: addDays(today, 6),
      },
    ],
  });
  const market = plan.targetList.find((t) => t.organisationId === org(DEMO_MARKET_BOARD))!;
  // The team records as its leader, as the phone would.
  const inspector: Actor = {
    userId: leader.id,
    username: 'thanhtra',
    fullName: leader.full_name,
    role: 'inspector',
    scope: { code: province, path: `VN/${province}` },
    ip: null,
    requestId: null,
    locale: 'vi',
  };
  await s.inspectionVisits.submit(inspector, {
    clientKey: KEYS.visit,
    targetId: market.id,
    startedAt: new Date(vietnamMidnight(visitedOn).getTime() + 9 * 3_600_000).toISOString(),
    complete: true,
    findings: [
      { itemKey: 'masks', result: 'fail', note: 'Nhiều tiểu thương khu hàng ăn không đeo khẩu trang' },
      { itemKey: 'handwash', result: 'pass' },
      { itemKey: 'qr', result: 'pass' },
      { itemKey: 'distance', result: 'pass' },
      { itemKey: 'one_way', result: 'pass', note: 'Cổng chính và cổng phụ có người kiểm soát' },
    ],
    summary: 'Chợ thực hiện cơ bản các biện pháp; khu hàng ăn chưa bảo đảm đeo khẩu trang',
    privateNote: 'Ban quản lý hợp tác; đề nghị kiểm tra lại khu hàng ăn',
    latitude: 22.3964,
    longitude: 103.4583,
    representativeName: 'Nguyễn Văn Quang',
    representativeTitle: 'Trưởng Ban Quản lý chợ',
    signaturePng: SIGNATURE,
  });
  const decidedOn = addDays(visitedOn, 1);
  const violation = await s.violations.record(inspector, {
    clientKey: KEYS.violation,
    visitKey: KEYS.visit,
    itemKey: 'masks',
    articleCode: '12.1a',
    subject: { kind: 'organisation', name: DEMO_MARKET_BOARD, organisationId: org(DEMO_MARKET_BOARD) },
    committedOn: visitedOn,
    description: 'Không yêu cầu tiểu thương khu hàng ăn đeo khẩu trang nơi bắt buộc',
    fine: {
      decisionNumber: '27/QĐ-XPVPHC',
      decidedOn,
      amountVnd: DEMO_INSPECTION_FINE_VND,
      remedies: 'Trang bị khẩu trang, nhắc nhở tiểu thương',
      paymentDueOn: addDays(decidedOn, 10),
      final: true,
    },
  });
  if (violation.view.fine && !violation.view.fine.paidOn)
    await s.violations.pay(inspector, violation.view.id, addDays(visitedOn, 4));
  await s.inspectionFollowUp.requireAction(inspector, {
    clientKey: KEYS.action,
    visitKey: KEYS.visit,
    itemKey: 'masks',
    violationId: violation.view.id,
    description: 'Phát khẩu trang cho tiểu thương khu hàng ăn, nhắc nhở hằng ngày qua loa phát thanh của chợ',
    responsiblePerson: 'Lù Thị Hằng',
    dueOn: addDays(today, -2),
  });
}
