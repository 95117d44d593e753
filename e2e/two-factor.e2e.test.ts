import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { totpCode } from '../server/modules/identity/totp.ts';
import { chromiumOrSkip } from './support/chromium.ts';
import { useE2e } from './support/fixture.ts';
import { artefactsDir, nextTotpCode } from './support/e2e-server.ts';

const { path: chromiumPath, available: hasChromium } = chromiumOrSkip();
const zbarimg = ['/usr/bin/zbarimg', '/usr/local/bin/zbarimg'].find((p) => fs.existsSync(p));

describe.runIf(hasChromium)('end-to-end in Chromium: two-factor sign-in', () => {
  const e2e = useE2e(chromiumPath);

  it('a CDC account enrols TOTP from the QR, signs in with a code, is refused a wrong one, and confirms itself again before an export', async () => {
    if (!zbarimg) throw new Error('zbarimg is missing: apt-get install -y zbar-tools (.ci/run installs it)');
    const cdc = await e2e.server.createUser('cdc.hai.lop', 'health_department', '12', { enrol: false });
    const context = await e2e.browser.newContext({
      viewport: { width: 1024, height: 900 },
      locale: 'vi-VN',
      acceptDownloads: true,
    });
    const page = await context.newPage();

    // The password alone leads to enrolment: the role must use a second factor.
    await page.goto(`${e2e.server.url}/login`);
    await page.getByTestId('login-username').fill(cdc.username);
    await page.getByTestId('login-password').fill(cdc.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('totp-start').click();
    const qr = page.getByTestId('totp-qr');
    await qr.waitFor();

    // The secret is read back from the QR as a phone would: a screenshot of it, decoded by zbarimg.
    const shot = path.join(os.tmpdir(), `totp-qr-${process.pid}.png`);
    await qr.screenshot({ path: shot });
    const uri = execFileSync(zbarimg, ['--raw', '-q', shot]).toString().trim();
    fs.rmSync(shot);
    const parsed = new URL(uri);
    expect(parsed.protocol).toBe('otpauth:');
    expect(parsed.host).toBe('totp');
    expect(decodeURIComponent(parsed.pathname)).toBe(`/phongdich:${cdc.username}`);
    const secret = parsed.searchParams.get('secret')!;
    expect((await page.getByTestId('totp-secret').textContent())?.replace(/\s/g, '')).toBe(secret);
    await page.screenshot({ path: path.join(artefactsDir, 'two-factor-enrolment.png'), fullPage: true });

    await page.getByTestId('totp-code').fill(await nextTotpCode(cdc.username, secret));
    await page.getByTestId('totp-confirm').click();
    await page.getByTestId('recovery-codes').waitFor();
    expect(await page.getByTestId('recovery-codes').locator('li').count()).toBe(10);
    await page.getByTestId('recovery-done').click();
    await page.getByTestId('user-menu').waitFor();

    // Signing in again asks for the code; a wrong one is refused with a message, the right one lets in.
    await page.getByTestId('logout').click();
    await page.getByTestId('login-username').fill(cdc.username);
    await page.getByTestId('login-password').fill(cdc.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-code').waitFor();
    await page.getByTestId('login-code').fill(totpCode(secret, Date.now() + 10 * 60_000));
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('Mã xác thực không đúng');
    expect(await page.getByTestId('user-menu').count()).toBe(0);
    await page.screenshot({ path: path.join(artefactsDir, 'two-factor-wrong-code.png'), fullPage: true });
    await page.getByTestId('login-code').fill(await nextTotpCode(cdc.username, secret));
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-menu').waitFor();

    // Eleven minutes later an export asks for the password and code again, then downloads.
    await e2e.server.platform.database.db
      .updateTable('sessions')
      .set({ authenticated_at: new Date(Date.now() - 11 * 60_000) })
      .execute();
    await page.goto(`${e2e.server.url}/cases`);
    await page.getByTestId('cases-export').click();
    await page.getByTestId('reauth-password').fill(cdc.password);
    await page.getByTestId('reauth-code').fill(await nextTotpCode(cdc.username, secret));
    await page.screenshot({ path: path.join(artefactsDir, 'two-factor-reauth.png') });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('reauth-submit').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(fs.statSync(await download.path()).size).toBeGreaterThan(1000);

    // The account page shows two-factor on and this session.
    await page.getByTestId('user-menu').click();
    await expect.poll(() => page.getByTestId('two-factor-status').textContent()).toContain('Đang bật');
    await expect.poll(() => page.getByTestId('sessions-table').textContent()).toContain('Phiên này');
    await page.screenshot({ path: path.join(artefactsDir, 'account-security.png'), fullPage: true });
    await context.close();
  });
});
