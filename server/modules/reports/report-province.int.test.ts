import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatClock } from '../../../core/rules/notification-delivery.ts';
import type { ReportView } from '../../../core/schemas/reports.ts';
import { adjacentPeriod, currentReportingPeriod, dueOf } from '../../../core/rules/reporting-periods.ts';
import { reportTemplatePreset } from '../../../core/rules/reports/templates.ts';
import { vietnamWallClock } from '../../../core/vietnam-calendar.ts';
import { loadConfig } from '../../config.ts';
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
 * The province's side of the weekly cycle (issue 16): reminders of missing reports (inbox and SMS,
 * escalated to the supervisor unit) and the consolidated provincial report.
 */
const weekly = reportTemplatePreset('weekly-covid')!.period;
const current = currentReportingPeriod(weekly, new Date());
/** Three weeks back: its deadline and its whole late window are in the past, whenever the suite runs. */
const past = adjacentPeriod(adjacentPeriod(adjacentPeriod(current, -1), -1), -1);
const pastDue = dueOf(past, weekly.due);

/** A local SMS gateway that records each request (as the delivery tests do). */
const sms: { to: string; text: string }[] = [];
const smsServer = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString()));
  req.on('end', () => {
    sms.push(JSON.parse(body) as { to: string; text: string });
    res.end();
  });
});
/** Quiet hours that never hold now, wherever in the day the suite runs. */
const quietAway = () => {
  const wall = vietnamWallClock(new Date());
  const m = wall.getUTCHours() * 60 + wall.getUTCMinutes() + 120;
  return { start: formatClock(m % 1440), end: formatClock((m + 60) % 1440) };
};

let t: TestPlatform;
let officer: TestClient;
let neighbour: TestClient;
let cdc: TestClient;
const sys = systemActor('test');
const unit: Record<string, string> = {};
let officeUnit: { id: string; code: string; name: string };
const svc = () => t.platform.services;
const db = () => t.platform.database.db;

beforeAll(async () => {
  const port = await new Promise<number>((resolve) =>
    smsServer.listen(0, '127.0.0.1', () => resolve((smsServer.address() as AddressInfo).port)),
  );
  const defaults = loadConfig({});
  t = await createTestPlatform({
    sms: { webhookUrl: `http://127.0.0.1:${port}/sms` },
    notifications: { ...defaults.notifications, quietHours: quietAway() },
  });
  const s = svc();
  await s.units.ensureProvinceUnits(sys, LAI_CHAU);
  officer = await t.signIn('commune_officer', DOAN_KET);
  neighbour = await t.signIn('commune_officer', BINH_LU);
  cdc = await t.signIn('health_department', LAI_CHAU);
  await s.units.addOfficer(sys, DOAN_KET, officer.user.id, '0912000003');
  await s.units.addOfficer(sys, BINH_LU, neighbour.user.id, '0912000004');
  await s.units.addOfficer(sys, `${LAI_CHAU}-CDC`, cdc.user.id, '0912000002');
  for (const code of [DOAN_KET, BINH_LU, `${LAI_CHAU}-CDC`])
    unit[code] = (await db()
      .selectFrom('reporting_units')
      .select('id')
      .where('code', '=', code)
      .executeTakeFirstOrThrow())!.id;
  // A third commune has no officer yet, only its office's contacts (0041): its reminders reach them.
  const office = await db()
    .selectFrom('reporting_units')
    .select(['id', 'code', 'name'])
    .where('supervisor_unit_id', '=', unit[`${LAI_CHAU}-CDC`]!)
    .where('code', 'not in', [DOAN_KET, BINH_LU])
    .orderBy('code')
    .executeTakeFirstOrThrow();
  officeUnit = office;
  await db()
    .updateTable('reporting_units')
    .set({ contact_phone: '0912999888', contact_email: 'vanphong@example.vn' })
    .where('id', '=', office.id)
    .execute();
  const prefs = await officer.request({
    method: 'PUT',
    url: '/api/notification-preferences',
    payload: { sms: true, phone: '0912000003', email: false, emailAddress: null, quietHours: null },
  });
  expect(prefs.statusCode, prefs.body).toBe(200);
});
afterAll(async () => {
  await t.close();
  smsServer.close();
});

const inboxTitles = async (c: TestClient) =>
  (await c.get('/api/inbox?limit=100')).json<{ items: { title: string }[] }>().items.map((i) => i.title);

describe('reminders of missing reports', () => {
  it('remind a missing commune in its inbox and by SMS, escalate to the CDC, spare the commune that submitted', async () => {
    await svc().reports.submit(sys, {
      unitId: unit[BINH_LU]!,
      periodId: past.id,
      template: 'weekly-covid',
      values: {},
      reasons: {},
      clientKey: randomUUID(),
    });
    // The job's scan on the second late day, 10:00: the morning's reminder (late-2) is scheduled.
    const scan = new Date(pastDue.getTime() + 34 * 3_600_000);
    expect(await svc().reportReminders.scheduleDue(scan)).toBeGreaterThanOrEqual(1);
    expect(await svc().reportReminders.scheduleDue(scan)).toBe(0);
    expect(await svc().reminders.drain()).toBeGreaterThanOrEqual(1);
    await svc().notificationDelivery.drain();

    const mine = await inboxTitles(officer);
    expect(mine.filter((x) => x.startsWith('Quá hạn báo cáo') && x.includes('Đoàn Kết'))).toHaveLength(1);
    const overdue = (titles: string[]) => titles.filter((x) => x.startsWith('Quá hạn báo cáo'));
    expect(overdue(await inboxTitles(cdc)).filter((x) => x.includes('Đoàn Kết'))).toHaveLength(1);
    expect(overdue(await inboxTitles(cdc)).some((x) => x.includes('Bình Lư'))).toBe(false);
    expect(overdue(await inboxTitles(neighbour))).toEqual([]);
    expect(sms.filter((m) => m.text.includes('Đoàn Kết'))).toHaveLength(1);
    expect(sms.some((m) => m.text.includes('Bình Lư'))).toBe(false);
    // The commune without officers: its office phone gets the reminder (no SMTP here: no e-mail).
    const office = sms.filter((m) => m.to === '+84912999888');
    expect(office).toHaveLength(1);
    expect(office[0]!.text).toContain(officeUnit.name);
    const rows = await db()
      .selectFrom('notification_messages')
      .select(['channel', 'status', 'recipient_user_id'])
      .where('address', '=', '+84912999888')
      .execute();
    expect(rows).toEqual([{ channel: 'sms', status: 'sent', recipient_user_id: null }]);
  });

  it('drop a reminder whose report was submitted before it fell due', async () => {
    // The scan of the evening before the deadline schedules the 2-hour reminder of the week before.
    const previous = adjacentPeriod(past, 1);
    const scan = new Date(dueOf(previous, weekly.due).getTime() - 3 * 3_600_000);
    await svc().reportReminders.scheduleDue(scan);
    await svc().reports.submit(sys, {
      unitId: unit[DOAN_KET]!,
      periodId: previous.id,
      template: 'weekly-covid',
      values: {},
      reasons: {},
      clientKey: randomUUID(),
    });
    await svc().reminders.drain();
    const key = `report:weekly-covid:${previous.id}:${unit[DOAN_KET]}:before-2h`;
    expect((await svc().reminders.find(db(), key))?.status).toBe('skipped');
  });
});

describe('the consolidated provincial report', () => {
  /** Four weeks back: Đoàn Kết and Bình Lư report, the province accepts both; a third unit's submission awaits review. */
  const week = adjacentPeriod(past, -1);
  const span = `tuần từ ngày ${week.from.split('-').reverse().join('/')} đến ngày ${week.to.split('-').reverse().join('/')}`;
  const query = `period=${encodeURIComponent(week.id)}&locality=${LAI_CHAU}`;

  beforeAll(async () => {
    const s = svc();
    const submitted: Record<string, ReportView> = {};
    for (const [code, values] of [
      [DOAN_KET, { inspections_done: 2, difficulties: 'Thiếu sinh phẩm xét nghiệm nhanh' }],
      [BINH_LU, { inspections_done: 3, proposals: 'Đề nghị bổ sung kinh phí cho chốt kiểm soát' }],
      [`${LAI_CHAU}-CDC`, { inspections_done: 100, difficulties: 'Chưa duyệt: không được tính' }],
    ] as const) {
      submitted[code] = await s.reports.submit(sys, {
        unitId: unit[code]!,
        periodId: week.id,
        template: 'weekly-covid',
        values,
        reasons: {},
        clientKey: randomUUID(),
      });
    }
    for (const code of [DOAN_KET, BINH_LU]) await s.reports.review(sys, submitted[code]!.id!, { decision: 'accept' });
  });

  it('as a workbook: the accepted reports summed, their texts by unit, the completeness table', async () => {
    const res = await cdc.get(`/api/reports/consolidated.xlsx?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Số liệu tổng hợp', 'Khó khăn, đề xuất', 'Tiến độ báo cáo']);
    const rows = (i: number) =>
      book.worksheets[i]!.getSheetValues().flatMap((r) => (Array.isArray(r) ? [r.slice(1) as unknown[]] : []));
    expect(rows(0).find((r) => r[1] === 'inspections_done')?.[3]).toBe(5);
    expect(
      rows(0)
        .find((r) => r[1] === 'cases_new_community')
        ?.slice(3),
    ).toEqual([0, 0]);
    const texts = rows(1).map((r) => r.slice(1, 4).join(' | '));
    expect(texts.some((x) => x.includes('Thiếu sinh phẩm xét nghiệm nhanh'))).toBe(true);
    expect(texts.some((x) => x.startsWith(BINH_LU) && x.includes('bổ sung kinh phí'))).toBe(true);
    expect(texts.some((x) => x.includes('Chưa duyệt'))).toBe(false);
    const statuses = new Map(rows(2).map((r) => [r[0], r[2]]));
    expect(statuses.get(DOAN_KET)).toBe('Đã chấp nhận');
    expect(statuses.get(`${LAI_CHAU}-CDC`)).toBe('Đã gửi, chờ duyệt');
    const exported = await db()
      .selectFrom('audit_events')
      .select(['action', 'entity_type'])
      .where('entity_type', '=', 'consolidated_report')
      .execute();
    expect(exported).toContainEqual({ action: 'export', entity_type: 'consolidated_report' });
  });

  it('as a Decree 30 PDF with its title in correct Vietnamese; refused to a commune officer, a bad period explained', async () => {
    const res = await cdc.get(
      `/api/reports/consolidated.pdf?${query}&number=15/BC-BCĐ&signer=${encodeURIComponent('Nguyễn Văn An')}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect((await officer.get(`/api/reports/consolidated.pdf?${query}`)).statusCode).toBe(403);
    const bad = await cdc.get(`/api/reports/consolidated.pdf?period=monthly:2026-01&locality=${LAI_CHAU}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Kỳ báo cáo không đúng loại kỳ');
    const pdftotext = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((p) => fs.existsSync(p));
    if (!pdftotext) return;
    const file = path.join(os.tmpdir(), `consolidated-${randomUUID()}.pdf`);
    fs.writeFileSync(file, res.rawPayload);
    const text = execFileSync(pdftotext, [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    fs.rmSync(file);
    for (const phrase of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'BAN CHỈ ĐẠO PHÒNG, CHỐNG DỊCH COVID-19',
      'Số: 15/BC-BCĐ',
      'BÁO CÁO',
      `Tình hình, kết quả công tác phòng, chống dịch COVID-19 ${span}`,
      'Thiếu sinh phẩm xét nghiệm nhanh',
      'Nơi nhận:',
      'TRƯỞNG BAN',
      'Nguyễn Văn An',
    ])
      expect(text).toContain(phrase);
  });
});
