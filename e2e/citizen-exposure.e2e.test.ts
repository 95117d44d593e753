import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { vietnamToday } from '../core/vietnam-calendar.ts';
import { registerCase } from '../server/commands/register-case.ts';
import { systemActor } from '../server/shared/actor.ts';
import { declarationBody } from '../server/testing/factories.ts';
import { chromiumOrSkip } from './support/chromium.ts';
import { artefactsDir, signIn } from './support/e2e-server.ts';
import { declareOnPhone, openPhone } from './support/citizen-phone.ts';
import { useE2e } from './support/fixture.ts';

const { path: chromiumPath, available: hasChromium } = chromiumOrSkip();

/**
 * Exposure alerts and self-reports (issue 20): a visitor checks in from a market's poster, a case who
 * was there at the same time is registered, the visitor's phone finds the warning in the signed feed,
 * then self-reports a positive rapid test, which the commune finds in its today's work.
 */
describe.runIf(hasChromium)('end-to-end in Chromium: exposure warning and self-report', () => {
  const e2e = useE2e(chromiumPath);

  it('warns a visitor who was at the market with a case, and takes their self-report to the commune', async () => {
    const { services, database } = e2e.server.platform;
    const sys = systemActor();
    const registered = await services.venues.register(sys, {
      organisationName: 'Ban quản lý chợ',
      name: 'Chợ Đoàn Kết',
      type: 'market',
      addressLine: 'Đường Trần Phú',
      communeCode: '03388',
      contactPhone: '0912000997',
      gatePolicy: 'open',
    });
    const venue = await services.venues.decide(sys, registered.id, { decision: 'approve' });
    // What the poster's QR encodes (venues.service.ts): the key travels in the fragment.
    const { exposure_key: key } = await database.db
      .selectFrom('venues')
      .select('exposure_key')
      .where('id', '=', registered.id)
      .executeTakeFirstOrThrow();
    const officer = await e2e.server.createUser('tyt.doanket', 'commune_officer', '03388');

    const page = await openPhone(e2e.browser);
    const context = page.context();
    const shot = (name: string) => page.screenshot({ path: path.join(artefactsDir, name), fullPage: true });

    // The visitor declares (QR and session kept on the phone), then scans the market's poster.
    const phone = '0912000444';
    await declareOnPhone(page, e2e.server, {
      phone,
      idNumber: '012190000444',
      fullName: 'Lò Thị Mai',
      birthYear: '1990',
      gender: 'female',
      address: 'Tổ 3, phường Đoàn Kết',
    });
    await page.goto(`${e2e.server.url}/v/${venue.publicCode}#k=${key}`);
    await page.getByTestId('checkin-button').click();
    await expect.poll(() => page.getByTestId('checkin-done').textContent()).toContain('Chợ Đoàn Kết');

    // A case was at the market at the same time: declared and checked in through the API, registered by the services.
    const api = <T = Record<string, string>>(url: string, body: object, token?: string) =>
      fetch(`${e2e.server.url}/api${url}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      }).then((r) => r.json() as Promise<T>);
    const caseBody = declarationBody({ person: { phone: '0912000555', fullName: 'Vàng A Dính' } });
    const { challengeId } = await api('/public/otp', { phone: '0912000555', purpose: 'declaration' });
    const declared = await api<{ qrToken: string; session: { token: string } }>('/public/declarations', {
      ...caseBody,
      otp: { challengeId, code: e2e.server.otpFor('0912000555') },
    });
    await api('/public/checkins', { venueCode: venue.publicCode }, declared.session.token);
    const holder = await services.people.holderOf(declared.qrToken);
    await registerCase(services, sys, {
      clientKey: randomUUID(),
      subject: { personId: holder!.personId },
      sampleDate: vietnamToday(),
      confirmedDate: vietnamToday(),
      classification: 'community',
      sourceCaseIds: [],
    });

    // The visitor's home page fetches the signed feed once and matches it on the phone.
    await page.goto(`${e2e.server.url}/c`);
    await page.getByTestId('exposure-warning').waitFor();
    expect(await page.getByTestId('exposure-item').textContent()).toContain('Chợ Đoàn Kết');
    expect(await page.getByTestId('exposure-advice').textContent()).toContain('Xét nghiệm');
    await shot('citizen-exposure-warning.png');

    // Self-report of a positive rapid test, publishing the phone's check-ins anonymously.
    await page.getByTestId('exposure-self-report').click();
    await page.getByTestId('self-report-kind-positive_test').check();
    await page.getByTestId('self-report-photo').setInputFiles({
      name: 'test.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]),
    });
    await page.getByTestId('self-report-submit').click();
    await page.getByTestId('field-error-consent').waitFor();
    await page.getByTestId('self-report-consent').check();
    await page.getByTestId('self-report-submit').click();
    await expect.poll(() => page.getByTestId('self-report-done').textContent()).toContain('khung giờ');
    await shot('citizen-self-report-done.png');
    await context.close();

    // The commune health station finds it in today's work.
    const staff = await e2e.browser.newContext({ viewport: { width: 390, height: 844 } });
    const desk = await staff.newPage();
    await signIn(desk, e2e.server.url, officer);
    await desk.goto(`${e2e.server.url}/today`);
    await expect.poll(() => desk.getByTestId('today-item-self_reports').textContent()).toContain('Lò Thị Mai');
    await desk.screenshot({ path: path.join(artefactsDir, 'commune-self-report-today.png'), fullPage: true });
    // Her published check-ins wait as pending entries: the commune confirms them.
    await desk.goto(`${e2e.server.url}/exposure/pending`);
    await expect.poll(() => desk.getByTestId('exposure-pending').textContent()).toContain('Lò Thị Mai');
    await desk.locator('[data-testid^="pending-confirm-"]').first().click();
    await expect.poll(() => desk.getByTestId('exposure-pending').textContent()).toContain('Không có tự báo');
    await staff.close();
  }, 60_000);
});
