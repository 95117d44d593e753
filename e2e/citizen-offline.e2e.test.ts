import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemActor } from '../server/shared/actor.ts';
import { chromiumOrSkip } from './support/chromium.ts';
import { artefactsDir } from './support/e2e-server.ts';
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

    const context = await e2e.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    const shot = (name: string) => page.screenshot({ path: path.join(artefactsDir, name), fullPage: true });

    // Declares: the QR, its status and the phone's session are kept on the phone.
    const phone = '0912000333';
    await page.goto(`${e2e.server.url}/c/khai-bao`);
    await page.getByTestId('decl-id-type').selectOption('cccd');
    await page.getByTestId('decl-id-number').fill('012085000333');
    await page.getByTestId('decl-full-name').fill('Hà Văn Cúc');
    await page.getByTestId('decl-birth-year').fill('1985');
    await page.getByTestId('decl-gender').selectOption('male');
    await page.getByTestId('decl-phone').fill(phone);
    await page.getByTestId('decl-province').selectOption('12');
    await expect.poll(() => page.getByTestId('decl-commune').locator('option').count()).toBeGreaterThan(30);
    await page.getByTestId('decl-commune').selectOption('03388');
    await page.getByTestId('decl-address').fill('Tổ 2, phường Tân Phong');
    await page.getByTestId('decl-consent').check();
    await page.getByTestId('otp-send').click();
    await expect.poll(() => e2e.server.otpFor(phone)).not.toBeNull();
    await page.getByTestId('otp-code').fill(e2e.server.otpFor(phone)!);
    await page.getByTestId('decl-submit').click();
    await page.getByTestId('qr-status').waitFor();

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
