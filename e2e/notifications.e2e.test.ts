import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumOrSkip } from './support/chromium.ts';
import { useE2e } from './support/fixture.ts';
import { artefactsDir, signIn } from './support/e2e-server.ts';

const { path: chromiumPath, available: hasChromium } = chromiumOrSkip();

/**
 * Issue 16 in Chromium: an official sets where notifications reach them (phone, e-mail, their own
 * quiet hours) on the account page; an installation without an SMS gateway says so, and refuses
 * SMS with a clear message instead of saving a channel that cannot work.
 */
describe.runIf(hasChromium)('end-to-end in Chromium: notification channels and quiet hours', () => {
  const e2e = useE2e(chromiumPath);

  it('a commune officer saves a phone and quiet hours, and is told SMS cannot be turned on here', async () => {
    const officer = await e2e.server.createUser('xa.thongbao.e2e', 'commune_officer', '03388');
    const context = await e2e.browser.newContext({ viewport: { width: 390, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await signIn(page, e2e.server.url, officer);
    await page.goto(`${e2e.server.url}/account`);
    const section = page.getByTestId('account-notifications');
    await section.getByTestId('notification-settings-form').waitFor();
    expect(await section.textContent()).toContain('Giờ yên lặng mặc định: 22:00–06:00.');
    expect(await section.textContent()).toContain('hệ thống chưa cấu hình gửi SMS');

    await page.getByTestId('notify-phone').fill('0912 345 678');
    await page.getByTestId('notify-own-quiet').check();
    await page.getByTestId('notify-quiet-start').fill('21:30');
    await page.getByTestId('notify-quiet-end').fill('07:00');
    await page.getByTestId('notify-submit').click();
    await section.getByText('Đã lưu cách nhận thông báo.').waitFor();
    expect(await page.getByTestId('notify-phone').inputValue()).toBe('+84912345678');

    await page.reload();
    await page.getByTestId('notify-quiet-start').waitFor();
    expect(await page.getByTestId('notify-quiet-start').inputValue()).toBe('21:30');
    expect(await page.getByTestId('notify-quiet-end').inputValue()).toBe('07:00');

    await page.getByTestId('notify-sms').check();
    await page.getByTestId('notify-submit').click();
    await page.getByTestId('notify-error').waitFor();
    expect(await page.getByTestId('notify-error').textContent()).toContain('Hệ thống chưa được cấu hình để gửi SMS');
    fs.mkdirSync(artefactsDir, { recursive: true });
    await page.screenshot({ path: path.join(artefactsDir, 'notification-settings.png'), fullPage: true });
    await context.close();
  });
});
