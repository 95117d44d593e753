import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adjacentPeriod, currentReportingPeriod, dueOf } from '../../../core/rules/reporting-periods.ts';
import { reportTemplatePreset } from '../../../core/rules/reports/templates.ts';
import { addDays, vietnamMidnight, vietnamToday } from '../../../core/vietnam-calendar.ts';
import { systemActor } from '../../shared/actor.ts';
import {
  BINH_LU,
  createTestPlatform,
  DOAN_KET,
  LAI_CHAU,
  type TestClient,
  type TestPlatform,
} from '../../testing/test-platform.ts';

/**
 * The daily digest of escalations (issue 16): at 08:00 Viet Nam time each official with something
 * escalated to them gets one message listing it, however many times the day's run is queued or run.
 */
const weekly = reportTemplatePreset('weekly-covid')!.period;
/** Three weeks back: its deadline and its late window are in the past, whenever the suite runs. */
const current = currentReportingPeriod(weekly, new Date());
const past = adjacentPeriod(adjacentPeriod(adjacentPeriod(current, -1), -1), -1);
/** The second late day (from which the supervisor is reminded too). */
const day = addDays(vietnamToday(dueOf(past, weekly.due)), 1);
const HOUR = 3_600_000;
const at = new Date(vietnamMidnight(day).getTime() + 8 * HOUR + 5 * 60_000);

let t: TestPlatform;
let officer: TestClient;
let cdc: TestClient;
let bcd: TestClient;
const sys = systemActor('test');
const unit: Record<string, string> = {};
const svc = () => t.platform.services;
const db = () => t.platform.database.db;

beforeAll(async () => {
  t = await createTestPlatform();
  const s = svc();
  await s.units.ensureProvinceUnits(sys, LAI_CHAU);
  officer = await t.signIn('commune_officer', DOAN_KET);
  cdc = await t.signIn('health_department', LAI_CHAU);
  bcd = await t.signIn('steering_committee', LAI_CHAU);
  await s.units.addOfficer(sys, DOAN_KET, officer.user.id, '0912000003');
  await s.units.addOfficer(sys, `${LAI_CHAU}-CDC`, cdc.user.id, '0912000002');
  await s.units.addOfficer(sys, `${LAI_CHAU}-UBND`, bcd.user.id, '0912000001');
  for (const code of [DOAN_KET, BINH_LU, `${LAI_CHAU}-CDC`, `${LAI_CHAU}-UBND`])
    unit[code] = (
      await db().selectFrom('reporting_units').select('id').where('code', '=', code).executeTakeFirstOrThrow()
    ).id;
  // Bình Lư reported the week; Đoàn Kết did not.
  await s.reports.submit(sys, {
    unitId: unit[BINH_LU]!,
    periodId: past.id,
    template: 'weekly-covid',
    values: {},
    reasons: {},
    clientKey: randomUUID(),
  });
  // A letter of the People's Committee five days before: Bình Lư acknowledged it, Đoàn Kết did not;
  // Đoàn Kết's task was due the day before, Bình Lư's is done.
  const letter = await s.directives.issue(sys, {
    clientKey: randomUUID(),
    issuerUnitId: unit[`${LAI_CHAU}-UBND`]!,
    numberSymbol: '77/UBND-VX',
    issuedOn: addDays(day, -5),
    kind: 'official_letter',
    summary: 'Về việc rà soát người về từ vùng dịch',
    legalReferences: [],
    recipientUnitIds: [unit[DOAN_KET]!, unit[BINH_LU]!],
    tasks: [
      { unitId: unit[DOAN_KET]!, title: 'Rà soát người về từ vùng dịch', dueOn: addDays(day, -1) },
      { unitId: unit[BINH_LU]!, title: 'Kiểm tra chốt kiểm soát', dueOn: addDays(day, -1) },
    ],
  });
  await s.directives.acknowledge(sys, letter.id, { unitId: unit[BINH_LU]! });
  const done = letter.tasks.find((x) => x.unit.id === unit[BINH_LU])!;
  await s.directives.reportProgress(sys, letter.id, done.id, {
    clientKey: randomUUID(),
    status: 'done',
  });
});
afterAll(async () => t.close());

const digests = async (userId: string) =>
  db()
    .selectFrom('notification_messages')
    .select(['title', 'body', 'channel', 'link'])
    .where('recipient_user_id', '=', userId)
    .where('kind', '=', 'escalation_digest')
    .execute();

describe('the daily digest of escalations', () => {
  it('is not queued before 08:00, and queued once from 08:00', async () => {
    expect(await svc().escalationDigest.scheduleDue(new Date(at.getTime() - 10 * 60_000))).toBe(false);
    expect(await svc().escalationDigest.scheduleDue(at)).toBe(true);
    expect(await svc().escalationDigest.scheduleDue(new Date(at.getTime() + HOUR))).toBe(false);
    expect(await svc().escalationDigest.drain()).toBe(1);
  });

  it('gives each official one message listing what is escalated to them, and nothing to the others', async () => {
    const [mine] = await digests(cdc.user.id);
    expect(mine).toBeDefined();
    const body = (mine!.body as { vi: string }).vi;
    // The CDC supervises the communes: Đoàn Kết is late (second day), Bình Lư reported.
    expect(body).toContain('Đoàn Kết chưa gửi báo cáo');
    expect(body).toContain('quá hạn 2 ngày');
    expect(body).not.toContain('Bình Lư chưa gửi');
    const [issuer] = await digests(bcd.user.id);
    const issuerBody = (issuer!.body as { vi: string; en: string }).vi;
    expect(issuerBody).toContain('Đoàn Kết chưa xác nhận đã nhận văn bản 77/UBND-VX');
    expect(issuerBody).toContain('Nhiệm vụ "Rà soát người về từ vùng dịch" của Phường Đoàn Kết');
    expect(issuerBody).not.toContain('Bình Lư chưa xác nhận');
    expect(issuerBody).not.toContain('Kiểm tra chốt kiểm soát');
    expect((issuer!.title as { vi: string }).vi).toMatch(/^Tổng hợp việc quá hạn ngày/);
    // The commune's officer has nothing escalated to them (their own reminders are the reminders').
    expect(await digests(officer.user.id)).toEqual([]);
    const sent = await svc().escalationDigest.sentOn(day);
    expect(sent.map((r) => r.user_id).sort()).toEqual([cdc.user.id, bcd.user.id].sort());
  });

  it('sends nobody a second digest when the day runs again, twice at once', async () => {
    const runs = await Promise.all([svc().escalationDigest.run(day, at), svc().escalationDigest.run(day, at)]);
    expect(runs).toEqual([0, 0]);
    expect(await digests(cdc.user.id)).toHaveLength(1);
    expect(await digests(bcd.user.id)).toHaveLength(1);
  });

  it('on a fresh day, two runs at once send each official exactly one digest', async () => {
    const next = addDays(day, 1);
    const later = new Date(at.getTime() + 24 * HOUR);
    const runs = await Promise.all([svc().escalationDigest.run(next, later), svc().escalationDigest.run(next, later)]);
    expect(runs[0]! + runs[1]!).toBe(2);
    expect((await svc().escalationDigest.sentOn(next)).map((r) => r.user_id).sort()).toEqual(
      [cdc.user.id, bcd.user.id].sort(),
    );
    expect(await digests(cdc.user.id)).toHaveLength(2);
  });
});
