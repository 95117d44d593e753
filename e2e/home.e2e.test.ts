import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { vietnamToday } from '../core/vietnam-calendar.ts';
import { registerCase } from '../server/commands/register-case.ts';
import { systemActor } from '../server/shared/actor.ts';
import { personRef } from '../server/testing/factories.ts';
import { chromiumOrSkip } from './support/chromium.ts';
import { useE2e } from './support/fixture.ts';
import { artefactsDir, signIn } from './support/e2e-server.ts';

const { path: chromiumPath, available: hasChromium } = chromiumOrSkip();

describe.runIf(hasChromium)("end-to-end in Chromium: the home page's situation room", () => {
  const e2e = useE2e(chromiumPath);
  const today = vietnamToday();
  beforeAll(async () => {
    await registerCase(e2e.server.platform.services, systemActor('e2e'), {
      clientKey: randomUUID(),
      subject: personRef('Ca trang chủ', { birthYear: 1975 }),
      sampleDate: today,
      confirmedDate: today,
      classification: 'community',
      sourceCaseIds: [],
    });
  });

  it('shows the health department its figures with links, the coloured level map and today’s work', async () => {
    const cdc = await e2e.server.createUser('cdc.home', 'health_department', '12');
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await signIn(page, e2e.server.url, cdc);

    // Figures: today's community case, beside yesterday's, each a link to its filtered list.
    const community = page.getByTestId('figure-cases_community');
    await community.waitFor();
    expect(await page.getByTestId('figure-value-cases_community').textContent()).toBe('1');
    expect(await page.getByTestId('figure-change-cases_community').textContent()).toContain('tăng 1');
    for (const kind of ['people_in_quarantine', 'tests_pending', 'beds_occupied', 'contacts_to_confirm']) {
      expect(await page.getByTestId(`figure-${kind}`).getAttribute('href')).toMatch(/^\/[a-z]/);
    }
    await page.getByTestId('today-panel').waitFor();

    // The map: every one of the 38 communes filled with its level's colour.
    await expect
      .poll(() => page.locator('[data-testid="map"] path.commune[data-level]').count(), { timeout: 20_000 })
      .toBe(38);
    const fills = await page
      .locator('[data-testid="map"] path.commune[data-level]')
      .evaluateAll((paths) => [...new Set(paths.map((p) => p.getAttribute('fill')))]);
    expect(fills.every((f) => f !== null && f !== '#e5e7eb' && f !== '#fecaca')).toBe(true);
    await page.getByTestId('situation-legend').waitFor();
    await page.screenshot({ path: path.join(artefactsDir, 'home-situation-room.png'), fullPage: true });

    // A figure opens its list, filtered to what it counts.
    await community.click();
    await page.waitForURL(/\/cases\?classification=community/);
    await expect.poll(() => page.locator('[data-testid^="case-link-"]').count()).toBe(1);
    await context.close();
  });

  it('shows an inspector no case figure, only aggregates', async () => {
    const inspector = await e2e.server.createUser('thanhtra.home', 'inspector', '12');
    const context = await e2e.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await signIn(page, e2e.server.url, inspector);
    await page.getByTestId('figure-beds_occupied').waitFor();
    expect(await page.getByTestId('figure-cases_community').count()).toBe(0);
    expect(await page.getByTestId('figure-people_in_quarantine').count()).toBe(0);
    await page.locator('[data-testid="map"] path.commune[data-level]').first().waitFor();
    await context.close();
  });
});
