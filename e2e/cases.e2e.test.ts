import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, DAY_MS, vietnamMidnight, vietnamToday } from '../core/vietnam-calendar.ts';
import { CheckinsRepository } from '../server/modules/checkins/checkins.repository.ts';
import { approvedVenue } from '../server/testing/factories.ts';
import { chromiumOrSkip } from './support/chromium.ts';
import { useE2e } from './support/fixture.ts';
import { artefactsDir, signIn } from './support/e2e-server.ts';

const { path: chromiumPath, available: hasChromium } = chromiumOrSkip();
const H = 3_600_000;
const M = 60_000;
const DOAN_KET = '03388';

interface Citizen {
  key: string;
  fullName: string;
  idNumber: string;
  phone: string;
  address: string;
  qrToken: string;
  personId: string;
}

/**
 * Issue 4's proof: an investigator opens a case, sees the F1s proposed from check-ins, confirms two,
 * sees them in the chain graph, and the confirmed F1's personal QR turns yellow.
 * The people declare through the public API (their QR tokens are real); their stays at one market
 * are written straight into `checkins`; the case itself is entered through the "new case" form.
 */
describe.runIf(hasChromium)('end-to-end in Chromium: a case, its F1s from check-ins, the chain graph', () => {
  const e2e = useE2e(chromiumPath);
  const people: Record<string, Citizen> = {};
  // The case's sample was taken two days ago: its infectious window opens two days before that.
  const sampleDate = addDays(vietnamToday(), -2);
  const base = vietnamMidnight(addDays(sampleDate, -2)).getTime();

  async function post<T>(url: string, body: unknown): Promise<{ status: number; json: T }> {
    const res = await fetch(`${e2e.server.url}${url}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as T };
  }

  async function declare(key: string, fullName: string, idNumber: string, phone: string, address: string) {
    const otp = await post<{ challengeId: string }>('/api/public/otp', { phone, purpose: 'declaration' });
    expect(otp.status).toBe(200);
    const res = await post<{ qrToken: string }>('/api/public/declarations', {
      clientKey: crypto.randomUUID(),
      kind: 'population',
      person: {
        idType: 'cccd',
        idNumber,
        fullName,
        birthYear: 1985,
        gender: 'male',
        nationality: 'VN',
        phone,
        communeCode: DOAN_KET,
        addressLine: address,
      },
      symptoms: [],
      exposures: [],
      conditions: [],
      consent: { accepted: true, noticeVersion: '2026-01' },
      otp: { challengeId: otp.json.challengeId, code: e2e.server.otpFor(phone) },
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const holder = await e2e.server.platform.services.people.holderOf(res.json.qrToken);
    people[key] = { key, fullName, idNumber, phone, address, qrToken: res.json.qrToken, personId: holder!.personId };
  }

  async function stay(key: string, venueId: string, fromH: number, toH: number) {
    await e2e.server.platform.database.db
      .insertInto('checkins')
      .values({
        venue_id: venueId,
        person_id: people[key]!.personId,
        checked_in_at: new Date(base + fromH * H),
        checked_out_at: new Date(base + toH * H),
        mode: 'visitor_scan',
        commune_code: DOAN_KET,
      })
      .execute();
  }

  async function qrColour(key: string): Promise<string> {
    const res = await post<{ colour: string }>('/api/public/status', { qrToken: people[key]!.qrToken });
    expect(res.status).toBe(200);
    return res.json.colour;
  }

  /** A full-page screenshot from the top (the sticky header would otherwise sit mid-page). */
  async function shoot(page: Page, name: string) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(artefactsDir, `${name}.png`), fullPage: true });
  }

  const signInAs = (page: Page, username: string, password: string) =>
    signIn(page, e2e.server.url, { username, password });

  beforeAll(async () => {
    const db = e2e.server.platform.database.db;
    await declare('F0', 'Nguyễn Văn Phát', '012085001001', '0912100001', 'Số 1, tổ 3, phường Đoàn Kết');
    await declare('A', 'Lò Thị Hoa', '012085001002', '0912100002', 'Số 2, tổ 4, phường Đoàn Kết');
    await declare('B', 'Tòng Văn Minh', '012085001003', '0912100003', 'Số 3, tổ 5, phường Đoàn Kết');
    await declare('C', 'Vàng Thị Mai', '012085001004', '0912100004', 'Số 4, tổ 6, phường Đoàn Kết');
    await declare('D', 'Đèo Văn Sơn', '012085001005', '0912100005', 'Số 5, tổ 7, phường Đoàn Kết');
    const market = await approvedVenue(db, { communeCode: DOAN_KET, name: 'Chợ Trung tâm Lai Châu' });
    await new CheckinsRepository().ensurePartitions(db, new Date(base - 2 * DAY_MS), new Date());
    // The case at the market 10:00–11:00 on the window's first day; A, B, C overlap by 60, 45 and 20
    // minutes; D came the day after (no overlap, must not be proposed).
    await stay('F0', market.id, 10, 11);
    await stay('A', market.id, 10, 11);
    await stay('B', market.id, 10.25, 11.5);
    await stay('C', market.id, 10 + 40 / 60, 12);
    await stay('D', market.id, 34, 35);
    for (const k of ['A', 'B', 'C', 'D']) expect(await qrColour(k)).toBe('green');
  }, 120_000);

  it('an investigator enters the case, confirms two proposed F1s, sees them in the chain graph; their QR turns yellow', async () => {
    const cdc = await e2e.server.createUser('cdc.laichau', 'health_department', '12');
    const context = await e2e.browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    const page = await context.newPage();
    await signInAs(page, cdc.username, cdc.password);

    // The new case, through the form: identity of the declared person, sample date, classification.
    await page.getByTestId('nav-cases').click();
    await page.getByTestId('case-create-toggle').click();
    const f0 = people.F0!;
    await page.getByTestId('case-person-id-type').selectOption('cccd');
    await page.getByTestId('case-person-id-number').fill('0120');
    await page.getByTestId('case-person-full-name').fill(f0.fullName);
    await page.getByTestId('case-person-birth-year').fill('1985');
    await page.getByTestId('case-person-gender').selectOption('male');
    await page.getByTestId('case-person-phone').fill(f0.phone);
    // The commune by its name, without diacritics, in the province held here (chosen already).
    await expect.poll(() => page.getByTestId('case-person-province').inputValue()).toBe('Tỉnh Lai Châu');
    const commune = page.getByTestId('case-person-commune');
    await commune.click();
    await commune.pressSequentially('doan ket');
    await page.getByTestId('case-person-commune-options').getByRole('option', { name: 'Phường Đoàn Kết' }).click();
    expect(await commune.inputValue()).toBe('Phường Đoàn Kết');
    await page.getByTestId('case-person-address').fill(f0.address);
    // Sent without a sample date and with a short document number: the server's details land under
    // the fields they are about.
    await page.getByTestId('case-create-submit').click();
    await page.getByTestId('case-create-error').waitFor();
    const fieldErrors = page.locator('[data-testid="case-create-form"] .field-error');
    await expect.poll(() => fieldErrors.count()).toBe(2);
    expect(await fieldErrors.allTextContents()).toContainEqual(
      expect.stringContaining('Cần ngày khởi phát hoặc ngày lấy mẫu'),
    );
    await shoot(page, 'case-create-errors');
    await page.getByTestId('case-person-id-number').fill(f0.idNumber);
    await page.getByTestId('case-sample-date').fill(sampleDate);
    await page.getByTestId('case-confirmed-date').fill(addDays(sampleDate, 1));
    await page.getByTestId('case-classification').selectOption('community');
    await shoot(page, 'case-create-form');
    await page.getByTestId('case-create-submit').click();

    // The case page: the three people who shared the market are proposed, ranked by minutes together.
    await page.getByTestId('contacts-section').waitFor();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
    const caseId = new URL(page.url()).pathname.split('/').pop()!;
    await expect.poll(() => page.locator('.alert-ok').first().textContent()).toContain('Đã thêm ca');
    for (const k of ['A', 'B', 'C']) {
      await page.getByTestId(`contact-row-${people[k]!.personId}`).waitFor();
      expect(await page.getByTestId(`contact-status-${people[k]!.personId}`).getAttribute('data-status')).toBe(
        'proposed',
      );
    }
    expect(await page.getByTestId(`contact-row-${people.D!.personId}`).count()).toBe(0);
    const order = await page
      .locator('[data-testid^="contact-row-"]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')));
    expect(order).toEqual(['A', 'B', 'C'].map((k) => `contact-row-${people[k]!.personId}`));
    expect(await page.getByTestId(`contact-venues-${people.A!.personId}`).textContent()).toContain(
      'Chợ Trung tâm Lai Châu',
    );
    expect(await page.getByTestId('page-title').textContent()).toMatch(/^Mã ca /);
    await shoot(page, 'case-proposed-contacts');

    // Confirm A and B (B with a note); reject C.
    for (const [k, note] of [
      ['A', ''],
      ['B', 'Ngồi cùng quầy hàng'],
    ] as const) {
      const pid = people[k]!.personId;
      await page.getByTestId(`contact-confirm-${pid}`).click();
      if (note) await page.getByTestId(`contact-note-${pid}`).fill(note);
      await page.getByTestId(`contact-submit-${pid}`).click();
      await expect.poll(() => page.getByTestId(`contact-status-${pid}`).getAttribute('data-status')).toBe('confirmed');
    }
    const c = people.C!.personId;
    await page.getByTestId(`contact-reject-${c}`).click();
    await page.getByTestId(`contact-note-${c}`).fill('Đeo khẩu trang, ở khu khác của chợ');
    await page.getByTestId(`contact-submit-${c}`).click();
    await expect.poll(() => page.getByTestId(`contact-status-${c}`).getAttribute('data-status')).toBe('rejected');
    await expect.poll(() => page.getByTestId('contact-counts').textContent()).toContain('Đã xác nhận 2');
    await shoot(page, 'case-contacts-decided');

    // The chain graph of this case: the case and its two confirmed contacts, linked to it.
    await page.getByTestId('case-chain-link').click();
    await expect.poll(() => page.url()).toContain(`/chains?caseId=${caseId}`);
    const canvas = page.getByTestId('chain-canvas');
    await canvas.waitFor();
    expect(await canvas.getAttribute('data-node-count')).toBe('3');
    expect(await canvas.getAttribute('data-edge-count')).toBe('2');
    expect(await page.getByTestId('chain-stat-contacts').textContent()).toContain('2');
    expect(await page.getByTestId('chain-legend').textContent()).toContain('Người tiếp xúc đã xác nhận');
    await shoot(page, 'chain-graph-case');
    // Fitted, the one-case chain is 1 generation × 2 rows at twice the size: the case sits at the
    // top left of that box, (48·2, 20·2) px centred in the canvas. Hovering names it.
    const box = (await canvas.boundingBox())!;
    const caseDot = { x: box.x + (box.width - 96) / 2, y: box.y + (box.height - 40) / 2 };
    await page.mouse.move(caseDot.x, caseDot.y);
    await expect.poll(() => page.getByTestId('chain-tooltip').textContent()).toContain('12-');
    await page.getByTestId('chain-view-table').click();
    const table = page.getByTestId('chain-table');
    await table.waitFor();
    const text = (await table.textContent()) ?? '';
    for (const k of ['A', 'B']) expect(text).toContain(people[k]!.fullName);
    expect(text).not.toContain(people.C!.fullName);
    expect(await page.getByTestId('chain-row-contact').count()).toBe(2);
    await shoot(page, 'chain-table-case');
    // A click on the case's dot opens the case.
    await page.getByTestId('chain-view-graph').click();
    await canvas.waitFor();
    await page.mouse.click(caseDot.x, caseDot.y);
    await expect.poll(() => page.url()).toMatch(new RegExp(`/cases/${caseId}$`));

    // The confirmed F1s' personal QR codes are yellow; the rejected one stays green, the case is red.
    expect(await qrColour('A')).toBe('yellow');
    expect(await qrColour('B')).toBe('yellow');
    expect(await qrColour('C')).toBe('green');
    expect(await qrColour('F0')).toBe('red');

    // The province's follow-up list: the two confirmed F1s (the rejected one is not listed).
    await page.goto(`${e2e.server.url}/cases?tab=follow-up`);
    await page.getByTestId(`follow-up-status-${people.A!.personId}`).waitFor();
    expect(await page.getByTestId(`follow-up-status-${people.B!.personId}`).textContent()).toBe('Đã xác nhận');
    expect(await page.getByTestId(`follow-up-status-${people.C!.personId}`).count()).toBe(0);
    await shoot(page, 'follow-up-list');

    // The case page on a phone: contacts stay readable as cards.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${e2e.server.url}/cases/${caseId}`);
    await page.getByTestId(`contact-row-${people.A!.personId}`).waitFor();
    await shoot(page, 'case-page-phone');
    await context.close();

    // And on A's phone: the personal QR page shows the yellow band.
    const phone = await e2e.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'vi-VN',
    });
    const a = people.A!;
    await phone.addInitScript((qr) => localStorage.setItem('pd.qr', JSON.stringify(qr)), {
      qrToken: a.qrToken,
      displayName: 'L. T. H.',
      birthYear: 1985,
      declaredAt: new Date().toISOString(),
    });
    const citizen = await phone.newPage();
    await citizen.goto(`${e2e.server.url}/c/qr`);
    await expect.poll(() => citizen.getByTestId('qr-status').getAttribute('data-colour')).toBe('yellow');
    await citizen.screenshot({ path: path.join(artefactsDir, 'f1-qr-yellow.png'), fullPage: true });
    await phone.close();
  });

  it('imports a line list (a bad file is refused row by row), lists the cases, and manages a cluster', async () => {
    const officer = await e2e.server.createUser('cdc.import', 'health_department', '12');
    const context = await e2e.browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    const page = await context.newPage();
    await signInAs(page, officer.username, officer.password);
    const day = (n: number) => addDays(vietnamToday(), -n);
    const header = 'Mã BN,Ngày xác định,Mã xã,Nguồn lây';
    const bad = path.join(artefactsDir, 'linelist-bad.csv');
    const good = path.join(artefactsDir, 'linelist-good.csv');
    fs.writeFileSync(bad, [header, `LC-1,${day(6)},${DOAN_KET},`, `LC-2,31/13/2026,${DOAN_KET},LC-1`, ''].join('\n'));
    fs.writeFileSync(
      good,
      [
        header,
        `LC-1,${day(6)},${DOAN_KET},`,
        `LC-2,${day(5)},${DOAN_KET},LC-1`,
        `LC-3,${day(4)},${DOAN_KET},LC-2`,
        '',
      ].join('\n'),
    );

    await page.getByTestId('nav-cases').click();
    await page.getByTestId('case-import-toggle').click();
    await page.getByTestId('case-import-file').setInputFiles(bad);
    await page.getByTestId('case-import-source').fill('cdc-laichau');
    await page.getByTestId('case-import-submit').click();
    await expect.poll(() => page.getByTestId('case-import-errors').textContent()).toContain('Dòng 3');
    await shoot(page, 'case-import-errors');

    await page.getByTestId('case-import-file').setInputFiles(good);
    await page.getByTestId('case-import-submit').click();
    await expect.poll(() => page.getByTestId('case-import-result').textContent()).toContain('3 ca mới');
    expect(await page.getByTestId('case-import-result').textContent()).toContain('2 liên kết');
    await expect.poll(() => page.getByTestId('case-link-LC-3').count()).toBe(1);
    await page.getByTestId('cases-filter-q').fill('LC-2');
    await expect.poll(() => page.locator('[data-testid^="case-link-"]').count()).toBe(1);
    await shoot(page, 'cases-list');

    // The imported chain LC-1 → LC-2 → LC-3 in the province's graph.
    await page.getByTestId('nav-chains').click();
    await page.getByTestId('chain-view-table').click();
    await expect.poll(() => page.getByTestId('chain-table').textContent()).toContain('LC-3');

    // A cluster: created, listed, closed.
    await page.getByTestId('nav-clusters').click();
    await page.getByTestId('cluster-create-toggle').click();
    await page.getByTestId('cluster-code').fill('LC-CHO-TT');
    await page.getByTestId('cluster-name').fill('Ổ dịch Chợ Trung tâm Lai Châu');
    await page.getByTestId('cluster-create-submit').click();
    await expect
      .poll(() => page.getByTestId('cluster-status-LC-CHO-TT').getAttribute('class'))
      .toContain('badge-alert');
    await page.getByTestId('cluster-toggle-LC-CHO-TT').click();
    await expect.poll(() => page.getByTestId('cluster-status-LC-CHO-TT').textContent()).toBe('Đã đóng');
    await shoot(page, 'clusters');
    await context.close();
  });
});
