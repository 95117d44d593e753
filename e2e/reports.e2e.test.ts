import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerCase } from '../server/commands/register-case.ts';
import { systemActor } from '../server/shared/actor.ts';
import { chromiumOrSkip } from './support/chromium.ts';
import { useE2e } from './support/fixture.ts';
import { artefactsDir, signIn, type E2eUser } from './support/e2e-server.ts';

const { path: chromiumPath, available: hasChromium } = chromiumOrSkip();
const shots = path.join(artefactsDir, 'reports');

/** The test clock: Tuesday 1 December 2026, 20:00 in Viet Nam, reporting week 48 (due Wednesday 00:00). */
const tuesday = new Date('2026-12-01T20:00:00+07:00');
const week = 'weekly:2026-W48';

/**
 * Issue 16 in Chromium: Đoàn Kết's officer opens the week's report prefilled (one community case),
 * changes a figure with its reason and submits on Tuesday; the CDC returns it with a comment; the
 * officer resubmits with a reason; the province accepts it. The completeness table shows Đoàn Kết
 * on time and Bình Lư missing with its officer's phone; the province gives Bình Lư's unit its contacts
 * on the units page. Screenshots under test-artifacts/e2e/reports.
 */
describe.runIf(hasChromium)('end-to-end in Chromium: a commune’s weekly report, returned and accepted', () => {
  const e2e = useE2e(chromiumPath, { clock: () => tuesday });
  let officer: E2eUser;
  let cdc: E2eUser;
  let province: E2eUser;

  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true });
    const { platform } = e2e.server;
    const s = platform.services;
    const sys = systemActor('e2e');
    await s.units.ensureProvinceUnits(sys, '12');
    officer = await e2e.server.createUser('baocao.doanket', 'commune_officer', '03388');
    const neighbour = await e2e.server.createUser('baocao.binhlu', 'commune_officer', '03390');
    cdc = await e2e.server.createUser('baocao.cdc', 'health_department', '12');
    province = await e2e.server.createUser('baocao.tinh', 'steering_committee', '12');
    const idOf = async (username: string) =>
      (
        await platform.database.db
          .selectFrom('users')
          .select('id')
          .where('username', '=', username)
          .executeTakeFirstOrThrow()
      ).id;
    await s.units.addOfficer(sys, '03388', await idOf(officer.username), '0912000003');
    await s.units.addOfficer(sys, '03390', await idOf(neighbour.username), '0912000004');
    await s.units.addOfficer(sys, '12-CDC', await idOf(cdc.username), '0912000002');
    await s.units.addOfficer(sys, '12-UBND', await idOf(province.username), '0912000001');
    await registerCase(s, sys, {
      clientKey: randomUUID(),
      subject: {
        person: {
          idType: 'cccd',
          idNumber: '012085900888',
          fullName: 'Ca bệnh tuần 48',
          birthYear: 1985,
          gender: 'male',
          nationality: 'VN',
          communeCode: '03388',
        },
      },
      sampleDate: '2026-11-25',
      confirmedDate: '2026-11-25',
      classification: 'community',
      sourceCaseIds: [],
    });
  }, 180_000);

  const shot = (page: Page, file: string) => page.screenshot({ path: path.join(shots, file), fullPage: true });
  const open = async (user: E2eUser) => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await signIn(page, e2e.server.url, user);
    return page;
  };
  const status = (page: Page) => page.getByTestId('report-status').getAttribute('data-status');
  let reportUrl = '';

  it('the officer opens the prefilled report, changes a figure with its reason and submits on Tuesday', async () => {
    const page = await open(officer);
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('open-report-03388').click();
    await expect.poll(() => status(page)).toBe('new');
    await expect.poll(() => page.getByTestId('value-cases_new_community').inputValue()).toBe('1');
    await page.getByTestId('value-cases_new_community').fill('2');
    await page.getByTestId('report-submit').click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('cần ghi lý do');
    await page.getByTestId('reason-cases_new_community').fill('Một ca xác định ngày Chủ nhật chưa nhập');
    await page.getByTestId('value-inspections_done').fill('3');
    await page.getByTestId('value-results').fill('Kiểm soát tốt tình hình dịch trên địa bàn');
    await shot(page, '1-officer-form.png');
    await page.getByTestId('report-submit').click();
    await expect.poll(() => status(page)).toBe('submitted');
    await expect.poll(() => page.getByTestId('report-history').textContent()).toContain('Đúng hạn');
    const report = await e2e.server.platform.database.db
      .selectFrom('unit_reports')
      .select('id')
      .executeTakeFirstOrThrow();
    reportUrl = `${e2e.server.url}/reports/${report.id}`;
    await shot(page, '2-officer-submitted.png');
    await page.context().close();
  });

  it('the CDC sees it on time, Bình Lư missing with its officer’s phone, and returns it with a comment', async () => {
    const page = await open(cdc);
    await page.goto(`${e2e.server.url}/reports?period=${encodeURIComponent(week)}`);
    const table = page.getByTestId('completeness-table');
    await expect.poll(() => table.locator('tr', { hasText: 'Đoàn Kết' }).textContent()).toContain('Đúng hạn');
    await expect.poll(() => table.locator('tr', { hasText: 'Bình Lư' }).textContent()).toContain('0912000004');
    expect(await table.locator('tr', { hasText: 'Bình Lư' }).textContent()).toContain('Chưa nộp');
    await expect.poll(() => page.getByTestId('completeness-totals').textContent()).toContain('đã nộp 1');
    // Đoàn Kết's commune is green on the map; the trend's last week counts its report.
    await expect
      .poll(() => page.getByTestId('completeness-map').locator('[data-report-state="on_time"]').count())
      .toBe(1);
    expect(await page.getByTestId('completeness-trend').isVisible()).toBe(true);
    await shot(page, '3-cdc-completeness.png');
    await page.goto(reportUrl);
    await page.getByTestId('review-return').click();
    await expect.poll(() => page.getByTestId('report-review').textContent()).toContain('Cần ghi nhận xét');
    await page.getByTestId('review-comment').fill('Bổ sung số mẫu xét nghiệm đã lấy trong tuần');
    await page.getByTestId('review-return').click();
    await expect.poll(() => status(page)).toBe('returned');
    await shot(page, '4-cdc-returned.png');
    await page.context().close();
  });

  it('the officer resubmits with a reason, and the province accepts it', async () => {
    const page = await open(officer);
    await page.goto(reportUrl);
    await expect.poll(() => status(page)).toBe('returned');
    await page.getByTestId('value-tests_taken').fill('12');
    await page.getByTestId('reason-tests_taken').fill('Mẫu lấy tại trạm y tế chưa nhập hệ thống');
    await page.getByTestId('amendment-reason').fill('Bổ sung số mẫu theo yêu cầu của CDC');
    await page.getByTestId('report-submit').click();
    await expect.poll(() => status(page)).toBe('submitted');
    await page.context().close();

    const boss = await open(province);
    await boss.goto(reportUrl);
    // The reviewer reads the figures, with phongdich's count and the reason beside a changed one.
    await expect.poll(() => boss.getByTestId('value-tests_taken').textContent()).toBe('12');
    expect(await boss.getByTestId('field-cases_new_community').textContent()).toContain('Hệ thống tính: 1');
    expect(await boss.getByTestId('field-cases_new_community').textContent()).toContain('Một ca xác định');
    await boss.getByTestId('review-accept').click();
    await expect.poll(() => status(boss)).toBe('accepted');
    const history = await boss.getByTestId('report-history').textContent();
    expect(history).toContain('Bổ sung số mẫu theo yêu cầu của CDC');
    expect(history).toContain('Bổ sung số mẫu xét nghiệm đã lấy trong tuần');
    await shot(boss, '5-province-accepted.png');
    await boss.context().close();
  });

  it('the province downloads the consolidated report of the week, a Decree 30 PDF with correct diacritics', async () => {
    const boss = await open(province);
    await boss.goto(`${e2e.server.url}/reports?period=${encodeURIComponent(week)}`);
    const link = boss.getByTestId('consolidated-pdf');
    await link.waitFor();
    await shot(boss, '6-completeness-consolidated-button.png');
    const href = await link.getAttribute('href');
    expect(decodeURIComponent(href ?? '')).toContain(week);
    const res = await boss.request.get(new URL(href!, e2e.server.url).toString());
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    const file = path.join(shots, '7-consolidated-report.pdf');
    fs.writeFileSync(file, await res.body());
    await boss.context().close();
    const tools = ['/usr/bin/pdftotext', '/usr/bin/pdftoppm'];
    if (!tools.every((t) => fs.existsSync(t))) return;
    const text = execFileSync(tools[0]!, [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(
      'Tình hình, kết quả công tác phòng, chống dịch COVID-19 tuần từ ngày 23/11/2026 đến ngày 29/11/2026',
    );
    expect(text).toContain('Lai Châu, ngày 01 tháng 12 năm 2026');
    // The first page as an image, to look at the layout and the diacritics.
    execFileSync(tools[1]!, [
      '-png',
      '-r',
      '80',
      '-f',
      '1',
      '-l',
      '1',
      file,
      path.join(shots, '7-consolidated-report'),
    ]);
  });

  it('the province gives xã Bình Lư’s unit the phone and e-mail its reminders go to', async () => {
    const boss = await open(province);
    await boss.goto(`${e2e.server.url}/admin/units`);
    const row = boss.getByTestId('units-table').locator('tr', { hasText: '03390' });
    await row.getByTestId('unit-edit').click();
    await boss.getByTestId('unit-phone').fill('0912 000 099');
    await boss.getByTestId('unit-email').fill('ubnd.binhlu@laichau.gov.vn');
    await boss.getByTestId('unit-save').click();
    await expect.poll(() => row.textContent()).toContain('+84912000099 · ubnd.binhlu@laichau.gov.vn');
    await shot(boss, '8-units-contacts.png');
    await boss.context().close();
  });
});
