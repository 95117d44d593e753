import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumOrSkip } from './support/chromium.ts';
import { useE2e } from './support/fixture.ts';
import { systemActor } from '../server/shared/actor.ts';
import { artefactsDir, launchWithFakeCamera, signIn } from './support/e2e-server.ts';
import { writeQrVideo } from './support/y4m.ts';

const { path: chromiumPath, available: hasChromium } = chromiumOrSkip();
const tool = (name: string) =>
  ['/usr/bin', '/usr/local/bin'].map((d) => path.join(d, name)).find((p) => fs.existsSync(p));
const zbarimg = tool('zbarimg');
const pdftoppm = tool('pdftoppm');

describe.runIf(hasChromium)('end-to-end in Chromium: declaration, poster, check-in, gate', () => {
  const e2e = useE2e(chromiumPath, { demo: true });
  const phoneViewport = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

  async function declareOnPhone(page: Page, who: { idNumber: string; name: string; phone: string; symptom?: string }) {
    await page.goto(`${e2e.server.url}/c/khai-bao`);
    await page.getByTestId('decl-id-type').selectOption('cccd');
    await page.getByTestId('decl-id-number').fill(who.idNumber);
    await page.getByTestId('decl-full-name').fill(who.name);
    await page.getByTestId('decl-birth-year').fill('1985');
    await page.getByTestId('decl-gender').selectOption('male');
    await page.getByTestId('decl-phone').fill(who.phone);
    await page.getByTestId('decl-province').selectOption('12');
    await expect.poll(() => page.getByTestId('decl-commune').locator('option').count()).toBeGreaterThan(30);
    await page.getByTestId('decl-commune').selectOption('03388');
    await page.getByTestId('decl-address').fill('Tổ 5, phường Đoàn Kết');
    if (who.symptom) await page.getByTestId(`decl-symptom-${who.symptom}`).check();
    await page.getByTestId('decl-consent').check();
    await page.getByTestId('otp-send').click();
    await expect.poll(() => e2e.server.otpFor(who.phone)).not.toBeNull();
    await page.getByTestId('otp-code').fill(e2e.server.otpFor(who.phone)!);
    await page.getByTestId('decl-submit').click();
    await page.getByTestId('qr-status').waitFor();
    return page.evaluate(() => JSON.parse(localStorage.getItem('pd.qr') ?? '{}') as { qrToken: string });
  }

  let venue: { id: string; publicCode: string };
  let ownerLogin: { username: string; password: string };

  it('a citizen declares on a phone and gets a green personal QR', async () => {
    const context = await e2e.browser.newContext(phoneViewport);
    const page = await context.newPage();
    const { qrToken } = await declareOnPhone(page, {
      idNumber: '012085000111',
      name: 'Nguyễn Văn An',
      phone: '0912000111',
    });
    expect(qrToken).toMatch(/^P1\./);
    expect(await page.getByTestId('qr-status').getAttribute('data-colour')).toBe('green');
    await page.screenshot({ path: path.join(artefactsDir, 'citizen-qr.png'), fullPage: true });
    await context.close();
  });

  it('a venue poster is generated, its QR decodes to the check-in page, and the check-in succeeds', async () => {
    ownerLogin = await e2e.server.createUser('chu.quan', 'organisation_admin', '03388');
    const owner = (await e2e.server.platform.services.users.list(systemActor(), { q: 'chu.quan', limit: 1 })).items[0]!;
    const venues = e2e.server.platform.services.venues;
    const actor = {
      ...systemActor(),
      userId: owner.id,
      role: 'organisation_admin' as const,
      scope: { code: '03388', path: 'VN/12/03388' },
    };
    const registered = await venues.register(actor, {
      organisationName: 'Hợp tác xã Đoàn Kết',
      name: 'Chợ Trung tâm Lai Châu',
      type: 'market',
      addressLine: 'Đường Trần Phú',
      communeCode: '03388',
      contactPhone: '0912000999',
      gatePolicy: 'require_declaration',
    });
    venue = await venues.decide(systemActor(), registered.id, { decision: 'approve' });

    const context = await e2e.browser.newContext(phoneViewport);
    const page = await context.newPage();
    const { qrToken } = await declareOnPhone(page, {
      idNumber: '012085000222',
      name: 'Lò Văn Bình',
      phone: '0912000222',
    });
    expect(qrToken).toBeTruthy();

    // The official prints the poster; an independent decoder reads its QR.
    const res = await page.request.post(`${e2e.server.url}/api/auth/login`, { data: ownerLogin });
    expect(res.status()).toBe(200);
    const pdf = await page.request.get(`${e2e.server.url}/api/venues/${venue.id}/poster.pdf`);
    expect(pdf.status()).toBe(200);
    const pdfFile = path.join(artefactsDir, 'venue-poster.pdf');
    fs.writeFileSync(pdfFile, await pdf.body());
    let url = `${e2e.server.url}/v/${venue.publicCode}`;
    if (zbarimg && pdftoppm) {
      execFileSync(pdftoppm, ['-png', '-r', '100', '-singlefile', pdfFile, path.join(artefactsDir, 'venue-poster')]);
      url = execFileSync(zbarimg, ['--raw', '-q', path.join(artefactsDir, 'venue-poster.png')])
        .toString()
        .trim();
      // The venue's exposure key rides in the fragment, which the browser never sends to the server.
      expect(url).toMatch(new RegExp(`^${e2e.server.url}/v/${venue.publicCode}#k=[A-Za-z0-9_-]{22}$`));
    }

    // A phone that keeps its QR but whose session ended (30 days, or an older app): the QR alone does
    // not check in; the phone confirms itself with a code, then checks in.
    await page.evaluate(() => localStorage.removeItem('pd.session'));
    await page.goto(url);
    await expect.poll(() => page.getByTestId('venue-name').textContent()).toContain('Chợ Trung tâm Lai Châu');
    await page.getByTestId('session-open').waitFor();
    await page.screenshot({ path: path.join(artefactsDir, 'citizen-venue-session.png'), fullPage: true });
    const declarationCode = e2e.server.otpFor('0912000222');
    await page.getByTestId('otp-send').click();
    await expect.poll(() => e2e.server.otpFor('0912000222')).not.toBe(declarationCode);
    await page.getByTestId('otp-code').fill(e2e.server.otpFor('0912000222')!);
    await page.getByTestId('session-submit').click();
    await page.getByTestId('checkin-button').click();
    await expect.poll(() => page.getByTestId('checkin-done').textContent()).toContain('Chợ Trung tâm Lai Châu');
    await page.screenshot({ path: path.join(artefactsDir, 'citizen-checkin.png'), fullPage: true });
    await context.close();
  });

  it('the gate scanner reads personal QR codes from the camera: admits green, refuses red', async () => {
    const greenPage = await (await e2e.browser.newContext(phoneViewport)).newPage();
    const green = await declareOnPhone(greenPage, {
      idNumber: '012085000333',
      name: 'Hoàng Văn Cường',
      phone: '0912000333',
    });
    const redPage = await (await e2e.browser.newContext(phoneViewport)).newPage();
    const red = await declareOnPhone(redPage, { idNumber: '012085000444', name: 'Đèo Thị Dung', phone: '0912000444' });
    const redHolder = await e2e.server.platform.services.people.holderOf(red.qrToken);
    await e2e.server.platform.database.db
      .updateTable('people')
      .set({ under_quarantine: true })
      .where('id', '=', redHolder!.personId)
      .execute();

    for (const [who, token, allowed] of [
      ['green', green.qrToken, 'true'],
      ['red', red.qrToken, 'false'],
    ] as const) {
      const video = path.join(artefactsDir, `gate-${who}.y4m`);
      writeQrVideo(video, token);
      const camera = await launchWithFakeCamera(chromiumPath, video);
      try {
        const page = await camera.newPage({ viewport: { width: 390, height: 844 } });
        await signIn(page, e2e.server.url, ownerLogin);
        await page.goto(`${e2e.server.url}/venues/${venue.id}/gate`);
        const result = page.getByTestId('gate-result');
        await result.waitFor({ timeout: 30_000 });
        expect(await result.getAttribute('data-allowed')).toBe(allowed);
        await page.screenshot({ path: path.join(artefactsDir, `gate-${who}.png`) });
      } finally {
        await camera.close();
      }
    }
    const entries = await e2e.server.platform.database.db
      .selectFrom('checkins')
      .select('person_id')
      .where('venue_id', '=', venue.id)
      .execute();
    expect(entries.map((e) => e.person_id)).not.toContain(redHolder!.personId);
  });
});
