import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumOrSkip } from './support/chromium.ts';
import { useE2e } from './support/fixture.ts';
import { artefactsDir, signIn } from './support/e2e-server.ts';

const { path: chromiumPath, available: hasChromium } = chromiumOrSkip();

describe.runIf(hasChromium)('end-to-end in Chromium: foundation', () => {
  const e2e = useE2e(chromiumPath);

  const signInAs = (page: Page, username: string, password: string) =>
    signIn(page, e2e.server.url, { username, password });

  it('a commune officer sees only their commune, switches language and opens the map', async () => {
    const officer = await e2e.server.createUser('xa.doanket', 'commune_officer', '03388');
    const context = await e2e.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await signInAs(page, officer.username, officer.password);

    // The picker offers the officer's own commune and nothing else (once loaded: it is disabled until then).
    await page.locator('[data-testid="locality-picker"]:enabled').waitFor();
    const options = await page.getByTestId('locality-picker').locator('option').allTextContents();
    expect(options).toHaveLength(1);
    expect(options[0]).toContain('Đoàn Kết');

    // The map draws exactly one commune: theirs.
    await page.locator('[data-testid="map"] path.commune-03388').waitFor();
    expect(await page.locator('[data-testid="map"] path[class*="commune-"]').count()).toBe(1);
    await page.locator('[data-testid="map"] path.commune-03388').click({ force: true });
    await expect.poll(() => page.getByTestId('map-panel').textContent()).toContain('Đoàn Kết');
    const viTitle = await page.getByTestId('page-title').textContent();
    await page.screenshot({ path: path.join(artefactsDir, 'commune-officer-map-vi.png'), fullPage: true });

    // English everywhere after the switch, kept after a reload.
    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.getByTestId('page-title').textContent()).not.toBe(viTitle);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await page.getByTestId('user-menu').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.screenshot({ path: path.join(artefactsDir, 'commune-officer-map-en.png'), fullPage: true });
    // Downloads (plain links, no header of ours) follow the chosen language through a cookie.
    expect(await page.evaluate(() => document.cookie)).toContain('pd_lang=en');

    // The admin pages are not offered, and the API refuses them anyway.
    expect(await page.getByTestId('nav-admin-users').count()).toBe(0);
    const status = await page.evaluate(async () => (await fetch('/api/users')).status);
    expect(status).toBe(403);
    await context.close();
  });

  it('a provincial administrator sees the 38 communes of Lai Châu on the map', async () => {
    const admin = await e2e.server.createUser('admin.e2e', 'system_admin', '12');
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInAs(page, admin.username, admin.password);
    await page.locator('[data-testid="map"] path.commune-03388').waitFor();
    expect(await page.locator('[data-testid="map"] path[class*="commune-"]').count()).toBe(38);
    await page.screenshot({ path: path.join(artefactsDir, 'province-map.png') });
    await page.getByTestId('nav-admin-users').click();
    await expect.poll(() => page.locator('table').first().textContent()).toContain('xa.doanket');
    await page.screenshot({ path: path.join(artefactsDir, 'admin-users.png') });
    await context.close();
  });

  it('refuses a wrong password with a visible message', async () => {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${e2e.server.url}/login`);
    await page.getByTestId('login-username').fill('admin.e2e');
    await page.getByTestId('login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('không đúng');
    await context.close();
  });
});
