import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../server/shared/actor.ts';
import { personRef } from '../server/testing/factories.ts';
import { chromiumOrSkip } from './support/chromium.ts';
import { useE2e } from './support/fixture.ts';
import { artefactsDir, signIn } from './support/e2e-server.ts';

const { path: chromiumPath, available: hasChromium } = chromiumOrSkip();

/** Issue 11, least privilege: the administrator binds a facility staff account to its facilities in the users page. */
describe.runIf(hasChromium)('end-to-end in Chromium: facility staff bound to their facility', () => {
  const e2e = useE2e(chromiumPath);
  const facilities: Record<'ours' | 'theirs', string> = { ours: '', theirs: '' };
  beforeAll(async () => {
    const sys = systemActor('e2e');
    const s = e2e.server.platform.services;
    for (const [key, name, commune, person] of [
      ['ours', 'Khách sạn cách ly Đoàn Kết', '03388', 'Hà Thị Trong'],
      ['theirs', 'Khu cách ly Bình Lư', '03390', 'Sùng Văn Ngoài'],
    ] as const) {
      const f = await s.facilities.create(sys, {
        name,
        kind: 'hotel',
        communeCode: commune,
        addressLine: 'Đường thử',
        capacity: { quarantine_place: 10 },
        occupancyAlertPercent: 80,
      });
      facilities[key] = f.id;
      await s.quarantine.admit(sys, {
        clientKey: randomUUID(),
        subject: personRef(person, { communeCode: commune }),
        reason: 'f1',
        facilityId: f.id,
        vaccinatedOrRecovered: false,
      });
    }
  });

  it('the administrator ticks the account’s facility; the account then lists the people of that facility only', async () => {
    const admin = await e2e.server.createUser('admin.coso', 'system_admin', '12');
    const adminContext = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await adminContext.newPage();
    await signIn(page, e2e.server.url, admin);
    await page.getByTestId('nav-admin-users').click();
    await page.getByTestId('user-create-toggle').click();
    await page.getByTestId('user-create-username').fill('coso.e2e');
    await page.getByTestId('user-create-fullname').fill('Nhân viên khách sạn cách ly');
    await page.getByTestId('user-create-role').selectOption('facility_staff');
    await page.getByTestId(`user-create-facility-${facilities.ours}`).check();
    expect(await page.getByTestId(`user-create-facility-${facilities.theirs}`).isChecked()).toBe(false);
    await page.getByTestId('user-create-password').fill('a-long-facility-password');
    await page.screenshot({ path: path.join(artefactsDir, 'admin-user-facilities.png'), fullPage: true });
    await page.getByTestId('user-create-submit').click();
    await expect.poll(() => page.getByTestId('users-table').textContent()).toContain('coso.e2e');
    await adminContext.close();

    const staffContext = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const staffPage = await staffContext.newPage();
    await signIn(staffPage, e2e.server.url, { username: 'coso.e2e', password: 'a-long-facility-password' });
    await staffPage.goto(`${e2e.server.url}/quarantine`);
    await expect.poll(() => staffPage.getByTestId('stays-table').textContent()).toContain('Hà Thị Trong');
    expect(await staffPage.getByTestId('stays-table').textContent()).not.toContain('Sùng Văn Ngoài');
    await staffContext.close();
  });
});
