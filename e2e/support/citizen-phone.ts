import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';

/** A cheap phone's screen, as the citizens' tests use it. */
export async function openPhone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  return context.newPage();
}

export interface PhoneDeclarant {
  phone: string;
  idNumber: string;
  fullName: string;
  birthYear: string;
  gender: 'male' | 'female';
  address: string;
}

/**
 * Declares in Đoàn Kết (Lai Châu) from the citizens' form, confirming the phone with the code the
 * server sent: the QR, its status and the phone's session are then kept on the phone.
 */
export async function declareOnPhone(
  page: Page,
  server: { url: string; otpFor(phone: string): string | null },
  who: PhoneDeclarant,
): Promise<void> {
  await page.goto(`${server.url}/c/khai-bao`);
  await page.getByTestId('decl-id-type').selectOption('cccd');
  await page.getByTestId('decl-id-number').fill(who.idNumber);
  await page.getByTestId('decl-full-name').fill(who.fullName);
  await page.getByTestId('decl-birth-year').fill(who.birthYear);
  await page.getByTestId('decl-gender').selectOption(who.gender);
  await page.getByTestId('decl-phone').fill(who.phone);
  await page.getByTestId('decl-province').selectOption('12');
  await expect.poll(() => page.getByTestId('decl-commune').locator('option').count()).toBeGreaterThan(30);
  await page.getByTestId('decl-commune').selectOption('03388');
  await page.getByTestId('decl-address').fill(who.address);
  await page.getByTestId('decl-consent').check();
  await page.getByTestId('otp-send').click();
  await expect.poll(() => server.otpFor(who.phone)).not.toBeNull();
  await page.getByTestId('otp-code').fill(server.otpFor(who.phone)!);
  await page.getByTestId('decl-submit').click();
  await page.getByTestId('qr-status').waitFor();
}
