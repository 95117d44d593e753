import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumOrSkip } from './support/chromium.ts';
import { useE2e } from './support/fixture.ts';
import { systemActor } from '../server/shared/actor.ts';
import { artefactsDir, signIn } from './support/e2e-server.ts';

const { path: chromiumPath, available: hasChromium } = chromiumOrSkip();
const pdftotext = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((p) => fs.existsSync(p));

/**
 * Issue 11, holes 1 and 2, in the browser: a declaration with the document of a record officials
 * keep, from another phone, gets a grey QR "awaiting verification"; the commune officer links it
 * from today's work; the citizen's own data opens with the session of their phone (and a fresh
 * code for a copy), never with the QR alone.
 */
describe.runIf(hasChromium)("end-to-end in Chromium: citizens' records, link requests, my data", () => {
  const e2e = useE2e(chromiumPath);
  let phone: BrowserContext;
  let citizen: Page;
  const phoneViewport = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'vi-VN' };
  const shoot = async (page: Page, name: string) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(artefactsDir, `${name}.png`), fullPage: true });
  };

  /** Officials' record of someone (an F1 here), with the phone they wrote down. */
  async function officialRecord(
    idNumber: string,
    fullName: string,
    recordedPhone: string | undefined,
    fLevel: number | null,
  ) {
    const db = e2e.server.platform.database.db;
    const { id } = await e2e.server.platform.services.peopleRegistry.resolve(
      db,
      systemActor('e2e'),
      {
        person: {
          idType: 'cccd',
          idNumber,
          fullName,
          birthYear: 1990,
          gender: 'female',
          nationality: 'VN',
          communeCode: '03388',
          addressLine: 'Bản Cư Nhà La',
          ...(recordedPhone ? { phone: recordedPhone } : {}),
        },
      },
      'subject',
    );
    if (fLevel !== null) await db.updateTable('people').set({ f_level: fLevel }).where('id', '=', id).execute();
    return id;
  }

  async function declareOnPhone(page: Page, who: { idNumber: string; name: string; phone: string }) {
    await page.goto(`${e2e.server.url}/c/khai-bao`);
    await page.getByTestId('decl-id-type').selectOption('cccd');
    await page.getByTestId('decl-id-number').fill(who.idNumber);
    await page.getByTestId('decl-full-name').fill(who.name);
    await page.getByTestId('decl-birth-year').fill('1990');
    await page.getByTestId('decl-gender').selectOption('female');
    await page.getByTestId('decl-phone').fill(who.phone);
    await page.getByTestId('decl-province').selectOption('12');
    await expect.poll(() => page.getByTestId('decl-commune').locator('option').count()).toBeGreaterThan(30);
    await page.getByTestId('decl-commune').selectOption('03388');
    await page.getByTestId('decl-address').fill('Tổ 9, phường Đoàn Kết');
    await page.getByTestId('decl-consent').check();
    await page.getByTestId('otp-send').click();
    await expect.poll(() => e2e.server.otpFor(who.phone)).not.toBeNull();
    await page.getByTestId('otp-code').fill(e2e.server.otpFor(who.phone)!);
    await page.getByTestId('decl-submit').click();
    await page.getByTestId('qr-status').waitFor();
  }

  it('a declaration from a new phone with the document of an F1 gets a grey QR awaiting verification', async () => {
    await officialRecord('012190000555', 'Lò Thị Hoa', '0912000550', 1);
    phone = await e2e.browser.newContext(phoneViewport);
    citizen = await phone.newPage();
    await declareOnPhone(citizen, { idNumber: '012190000555', name: 'Lò Thị Hoa', phone: '0912000555' });
    const band = citizen.getByTestId('qr-status');
    expect(await band.getAttribute('data-colour')).toBe('none');
    expect(await band.getAttribute('data-identity')).toBe('awaiting_verification');
    expect(await band.textContent()).toContain('Chờ xác minh');
    expect(await band.textContent()).toContain('Trạm y tế xã, phường sẽ xác minh');
    await shoot(citizen, 'citizen-qr-awaiting');
  });

  it("the commune officer finds it in today's work, compares both records and links them; the citizen's QR turns yellow", async () => {
    const officer = await e2e.server.createUser('can.bo.doan.ket', 'commune_officer', '03388');
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await signIn(page, e2e.server.url, officer);
    await page.getByTestId('nav-today').click();
    await page.getByTestId('today-group-link_requests').waitFor();
    await page.getByTestId('today-item-link_requests').first().click();
    await page.getByTestId('link-official').waitFor();
    expect(await page.getByTestId('link-official-name').textContent()).toBe('Lò Thị Hoa');
    expect(await page.getByTestId('link-request-status').textContent()).toContain('+84912000555');
    await shoot(page, 'people-link-request');
    await page.getByTestId('link-accept').dblclick();
    await expect.poll(() => page.getByTestId('link-request-status').getAttribute('data-status')).toBe('accepted');
    await page.getByTestId('nav-people-links').click();
    await page.getByTestId('link-requests-table').waitFor();
    await shoot(page, 'people-links-list');
    await context.close();

    await citizen.goto(`${e2e.server.url}/c/qr`);
    await expect.poll(() => citizen.getByTestId('qr-status').getAttribute('data-colour')).toBe('yellow');
  });

  it('my data: a PDF and a JSON copy after a fresh code, and which agency accessed my record', async () => {
    await citizen.goto(`${e2e.server.url}/c`);
    await citizen.getByTestId('home-my-data').click();
    const box = citizen.getByTestId('my-data-download');
    await box.waitFor();
    await citizen.getByTestId('access-item').first().waitFor();
    expect(await citizen.getByTestId('my-data-accesses').textContent()).toContain('UBND, Trạm Y tế cấp xã');
    expect(await citizen.getByTestId('my-data-accesses').textContent()).not.toContain('can.bo.doan.ket');

    for (const format of ['pdf', 'json'] as const) {
      await citizen.getByTestId('my-data-format').selectOption(format);
      const before = e2e.server.otpFor('0912000555');
      await box.getByTestId('otp-send').click();
      await expect.poll(() => e2e.server.otpFor('0912000555')).not.toBe(before);
      await box.getByTestId('otp-code').fill(e2e.server.otpFor('0912000555')!);
      const download = citizen.waitForEvent('download');
      await citizen.getByTestId('my-data-submit').click();
      const file = path.join(artefactsDir, `my-data.${format}`);
      await (await download).saveAs(file);
      if (format === 'json') expect(JSON.parse(fs.readFileSync(file, 'utf8')).person.fullName).toBe('Lò Thị Hoa');
      else if (pdftotext)
        expect(execFileSync(pdftotext, ['-layout', file, '-'], { encoding: 'utf8' })).toContain('Lò Thị Hoa');
    }
    await citizen.getByTestId('my-data-saved').waitFor();
    await shoot(citizen, 'citizen-my-data');
  });

  it('a rejected record: the QR says "not verified, contact your commune health station"', async () => {
    const officialId = await officialRecord('012190000666', 'Tòng Thị Xuân', undefined, null);
    const page = await (await e2e.browser.newContext(phoneViewport)).newPage();
    await declareOnPhone(page, { idNumber: '012190000666', name: 'Tòng Thị Xuân', phone: '0912000666' });
    const db = e2e.server.platform.database.db;
    const request = await db
      .selectFrom('person_link_requests')
      .select('id')
      .where('official_person_id', '=', officialId)
      .executeTakeFirstOrThrow();
    const officer = (await e2e.server.platform.services.users.list(systemActor(), { q: 'can.bo.doan.ket', limit: 1 }))
      .items[0]!;
    await e2e.server.platform.services.personLinks.reject(
      { ...systemActor(), userId: officer.id, role: 'commune_officer', scope: { code: '03388', path: 'VN/12/03388' } },
      request.id,
    );
    await page.goto(`${e2e.server.url}/c/qr`);
    await expect.poll(() => page.getByTestId('qr-status').getAttribute('data-identity')).toBe('not_verified');
    expect(await page.getByTestId('qr-status').textContent()).toContain('liên hệ trạm y tế xã, phường');
    await shoot(page, 'citizen-qr-not-verified');
  });

  it('the history of a phone whose session ended opens again with a code, never with the QR', async () => {
    await citizen.evaluate(() => localStorage.removeItem('pd.session'));
    await citizen.goto(`${e2e.server.url}/c/lich-su`);
    await citizen.getByTestId('session-open').waitFor();
    expect(await citizen.getByTestId('history-item').count()).toBe(0);
    await shoot(citizen, 'citizen-session-needed');
  });
});
