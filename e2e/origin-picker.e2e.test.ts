import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { vietnamToday } from '../core/vietnam-calendar.ts';
import { chromiumOrSkip } from './support/chromium.ts';
import { useE2e } from './support/fixture.ts';
import { artefactsDir, signIn } from './support/e2e-server.ts';

const { path: chromiumPath, available: hasChromium } = chromiumOrSkip();

describe.runIf(hasChromium)("end-to-end in Chromium: an arrival's origin picked by name", () => {
  const e2e = useE2e(chromiumPath);

  it('a traveller from Hà Nội types "ha noi" and "ba dinh" on a phone, and the commune officer reads the names', async () => {
    const context = await e2e.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/public/places/')) asked.push(new URL(r.url()).pathname);
    });

    // A health declaration first: it opens the phone's session.
    await page.goto(`${e2e.server.url}/c/khai-bao`);
    await page.getByTestId('decl-id-type').selectOption('cccd');
    await page.getByTestId('decl-id-number').fill('001090000321');
    await page.getByTestId('decl-full-name').fill('Trần Văn Minh');
    await page.getByTestId('decl-birth-year').fill('1990');
    await page.getByTestId('decl-gender').selectOption('male');
    await page.getByTestId('decl-phone').fill('0912000321');
    await page.getByTestId('decl-province').selectOption('12');
    await expect.poll(() => page.getByTestId('decl-commune').locator('option').count()).toBeGreaterThan(30);
    await page.getByTestId('decl-commune').selectOption('03388');
    await page.getByTestId('decl-address').fill('Tổ 2');
    await page.getByTestId('decl-consent').check();
    await page.getByTestId('otp-send').click();
    await expect.poll(() => e2e.server.otpFor('0912000321')).not.toBeNull();
    await page.getByTestId('otp-code').fill(e2e.server.otpFor('0912000321')!);
    await page.getByTestId('decl-submit').click();
    await page.getByTestId('qr-status').waitFor();

    await page.goto(`${e2e.server.url}/c/di-chuyen`);
    await page.getByTestId('arr-origin-kind').selectOption('commune');
    const province = page.getByTestId('arr-origin-province');
    await province.click();
    await province.pressSequentially('ha noi');
    const provinceOptions = page.getByTestId('arr-origin-province-options').getByRole('option');
    await expect.poll(() => provinceOptions.first().textContent()).toBe('Thành phố Hà Nội');
    await province.press('Enter');
    expect(await province.inputValue()).toBe('Thành phố Hà Nội');

    const commune = page.getByTestId('arr-origin-commune');
    await commune.click();
    await commune.pressSequentially('ba dinh');
    const communeOptions = page.getByTestId('arr-origin-commune-options').getByRole('option');
    await expect.poll(() => communeOptions.first().textContent()).toBe('Phường Ba Đình');
    await page.screenshot({ path: path.join(artefactsDir, 'citizen-origin-picker.png'), fullPage: true });
    await communeOptions.first().click();
    expect(await commune.inputValue()).toBe('Phường Ba Đình');

    const today = vietnamToday();
    await page.getByTestId('arr-vehicle-type').selectOption('bus');
    await page.getByTestId('arr-departed-on').fill(today);
    await page.getByTestId('arr-arrived-on').fill(today);
    await expect.poll(() => page.getByTestId('arr-dest-commune').locator('option').count()).toBeGreaterThan(30);
    await page.getByTestId('arr-dest-commune').selectOption('03388');
    await page.getByTestId('arr-submit').click();
    await page.getByTestId('arrival-result').waitFor();

    // The provinces once, then the communes of the one picked: never the whole country's communes.
    expect([...new Set(asked)]).toEqual(['/api/public/places/provinces', '/api/public/places/provinces/01/communes']);

    const officer = await e2e.server.createUser('xa.doanket.origin', 'commune_officer', '03388');
    const staffPage = await (await e2e.browser.newContext()).newPage();
    await signIn(staffPage, e2e.server.url, officer);
    const arrivals = await staffPage.request.get(`${e2e.server.url}/api/arrivals?limit=50`);
    expect(arrivals.status()).toBe(200);
    const items = ((await arrivals.json()) as { items: { fullName: string; origin: string; originName: string }[] })
      .items;
    expect(items.find((a) => a.fullName === 'Trần Văn Minh')).toMatchObject({
      origin: '00004',
      originName: 'Phường Ba Đình, Thành phố Hà Nội',
    });
    await staffPage.goto(`${e2e.server.url}/declarations?tab=arrivals`);
    await staffPage.getByTestId('arrivals-table').waitFor();
    await context.close();
  });
});
