import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemActor } from '../server/shared/actor.ts';
import { chromiumOrSkip } from './support/chromium.ts';
import { artefactsDir } from './support/e2e-server.ts';
import { declareOnPhone, openPhone } from './support/citizen-phone.ts';
import { useE2e } from './support/fixture.ts';

const { path: chromiumPath, available: hasChromium } = chromiumOrSkip();

/** The installable citizens' app (issue 20): check-ins kept on the phone, the QR without a network. */
describe.runIf(hasChromium)('end-to-end in Chromium: the citizens’ app on the phone, offline', () => {
  const e2e = useE2e(chromiumPath);

  it('keeps a check-in on the phone, and shows the personal QR after an offline reload', async () => {
    const venues = e2e.server.platform.services.venues;
    const registered = await venues.register(systemActor(), {
      organisationName: 'Ban quản lý chợ',
      name: 'Chợ Tân Phong',
      type: 'market',
      addressLine: 'Đường Trần Hưng Đạo',
      communeCode: '03388',
      contactPhone: '0912000998',
      gatePolicy: 'open',
    });
    const venue = await venues.decide(systemActor(), registered.id, { decision: 'approve' });

    const page = await openPhone(e2e.browser);
    const context = page.context();
    const shot = (name: string) => page.screenshot({ path: path.join(artefactsDir, name), fullPage: true });

    // Declares: the QR, its status and the phone's session are kept on the phone.
    const phone = '0912000333';
    await declareOnPhone(page, e2e.server, {
      phone,
      idNumber: '012085000333',
      fullName: 'Hà Văn Cúc',
      birthYear: '1985',
      gender: 'male',
      address: 'Tổ 2, phường Tân Phong',
    });

    // Checks in from the venue's page (what the poster's QR opens), then finds it kept on the phone.
    await page.goto(`${e2e.server.url}/v/${venue.publicCode}`);
    await page.getByTestId('checkin-button').click();
    await expect.poll(() => page.getByTestId('checkin-done').textContent()).toContain('Chợ Tân Phong');
    await page.getByTestId('venue-visits').click();
    const kept = page.getByTestId('visit-item');
    await expect.poll(() => kept.count()).toBe(1);
    expect(await kept.getAttribute('data-code')).toBe(venue.publicCode);
    expect(await kept.textContent()).toContain('Chợ Tân Phong');
    await shot('citizen-visits-on-phone.png');

    // The home page's address is /c/ (the worker's scope); the worker has cached the app once active.
    await page.goto(`${e2e.server.url}/c`);
    expect(new URL(page.url()).pathname).toBe('/c/');
    // (`serviceWorker.ready` would wait for a worker of the address the page was opened at, /c.)
    const worker = () =>
      page.evaluate(async () => (await navigator.serviceWorker.getRegistration('/c/'))?.active?.state ?? 'none');
    await expect.poll(worker, { timeout: 20_000 }).toBe('activated');
    await page.getByTestId('qr-code').waitFor();

    await context.setOffline(true);
    await page.reload();
    await page.getByTestId('qr-code').waitFor();
    await expect.poll(() => page.getByTestId('qr-offline').textContent()).toContain('Ngoại tuyến');
    expect(await page.getByTestId('qr-status').getAttribute('data-colour')).toBe('green');
    // The list on the phone needs no network either.
    await page.getByTestId('home-visits').click();
    await expect.poll(() => page.getByTestId('visit-item').count()).toBe(1);
    await page.locator('a.brand').click();
    await page.getByTestId('qr-offline').waitFor();
    await shot('citizen-qr-offline.png');

    // Deleting on the phone, offline too.
    await page.getByTestId('home-visits').click();
    await page.getByTestId('visit-delete').click();
    await page.getByTestId('visits-empty').waitFor();
    await context.close();
  }, 90_000);
});
