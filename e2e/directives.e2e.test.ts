import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../server/shared/actor.ts';
import { chromiumOrSkip } from './support/chromium.ts';
import { useE2e } from './support/fixture.ts';
import { artefactsDir, signIn, type E2eUser } from './support/e2e-server.ts';

const { path: chromiumPath, available: hasChromium } = chromiumOrSkip();
const shots = path.join(artefactsDir, 'directives');
/** The test clock: Tuesday 1 December 2026, 10:00 in Viet Nam. */
const now = new Date('2026-12-01T10:00:00+07:00');

/**
 * Issue 16 in Chromium: the province records a công văn to Đoàn Kết and Bình Lư with a task for
 * Đoàn Kết; Đoàn Kết's officer acknowledges it and reports the task done; the province sees Đoàn
 * Kết acknowledged, Bình Lư not, and the task done. Screenshots under test-artifacts/e2e/directives.
 */
describe.runIf(hasChromium)('end-to-end in Chromium: a directive acknowledged by one commune, not the other', () => {
  const e2e = useE2e(chromiumPath, { clock: () => now });
  let officer: E2eUser;
  let province: E2eUser;

  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true });
    const { platform } = e2e.server;
    const s = platform.services;
    const sys = systemActor('e2e');
    await s.units.ensureProvinceUnits(sys, '12');
    officer = await e2e.server.createUser('chidao.doanket', 'commune_officer', '03388');
    province = await e2e.server.createUser('chidao.tinh', 'steering_committee', '12');
    const idOf = async (username: string) =>
      (
        await platform.database.db
          .selectFrom('users')
          .select('id')
          .where('username', '=', username)
          .executeTakeFirstOrThrow()
      ).id;
    await s.units.addOfficer(sys, '03388', await idOf(officer.username), '0912000003');
    await s.units.addOfficer(sys, '12-UBND', await idOf(province.username), '0912000001');
  }, 180_000);

  const shot = (page: Page, file: string) => page.screenshot({ path: path.join(shots, file), fullPage: true });
  const open = async (user: E2eUser) => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await signIn(page, e2e.server.url, user);
    return page;
  };
  let directiveUrl = '';

  it('the province records a công văn with a task, and the communes are told', async () => {
    const page = await open(province);
    await page.getByTestId('nav-directives').click();
    await page.getByTestId('directive-new-toggle').click();
    await page.getByTestId('directive-number').fill('2811/UBND-KGVX');
    await page.getByTestId('directive-issued-on').fill('2026-11-30');
    await page.getByTestId('directive-summary').fill('Về việc tăng cường công tác phòng, chống dịch COVID-19');
    const recipients = page.getByTestId('directive-recipients');
    await recipients.getByLabel('(03388)', { exact: false }).check();
    await recipients.getByLabel('(03390)', { exact: false }).check();
    await page.getByTestId('directive-add-task').click();
    await page.getByTestId('task-unit-0').selectOption({ label: 'Phường Đoàn Kết' });
    await page.getByTestId('task-title-0').fill('Rà soát người về từ vùng có dịch');
    await page.getByTestId('task-due-0').fill('2026-12-04');
    await shot(page, '1-province-new.png');
    await page.getByTestId('directive-save').click();
    await expect.poll(() => page.getByTestId('directive-tally').textContent()).toContain('Đã xác nhận 0/2');
    directiveUrl = page.url();
    await page.context().close();
  });

  it('Đoàn Kết acknowledges it and reports its task done', async () => {
    const page = await open(officer);
    await page.goto(directiveUrl);
    await page.getByTestId('ack-button').click();
    await expect.poll(() => page.getByTestId('directive-tally').textContent()).toContain('Đã xác nhận 1/2');
    await page.getByTestId('task-status').selectOption('done');
    await page.getByTestId('task-evidence').fill('Danh sách 14 người, gửi kèm báo cáo tuần');
    await page.getByTestId('task-progress-save').click();
    await expect.poll(() => page.getByTestId('task-standing').getAttribute('data-standing')).toBe('done');
    await shot(page, '2-commune-acknowledged.png');
    await page.context().close();
  });

  it('the province sees Đoàn Kết acknowledged, Bình Lư not, and the task done', async () => {
    const page = await open(province);
    await page.goto(directiveUrl);
    const rows = page.getByTestId('directive-recipients');
    await expect
      .poll(() =>
        rows.locator('tr', { hasText: 'Đoàn Kết' }).getByTestId('ack-state').getAttribute('data-acknowledged'),
      )
      .toBe('true');
    expect(
      await rows.locator('tr', { hasText: 'Bình Lư' }).getByTestId('ack-state').getAttribute('data-acknowledged'),
    ).toBe('false');
    expect(await page.getByTestId('directive-tally').textContent()).toContain('1 hoàn thành');
    await shot(page, '3-province-follow-up.png');
    await page.context().close();
  });
});
