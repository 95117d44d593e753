import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, vietnamToday } from '../core/vietnam-calendar.ts';
import type { PersonRef } from '../core/schemas/cases.ts';
import { systemActor } from '../server/shared/actor.ts';
import { chromiumOrSkip } from './support/chromium.ts';
import { useE2e } from './support/fixture.ts';
import { personRef } from '../server/testing/factories.ts';
import { artefactsDir, signIn } from './support/e2e-server.ts';
import { registerCase } from '../server/commands/register-case.ts';
import { admitToBed } from '../server/commands/case-care.ts';

const { path: chromiumPath, available: hasChromium } = chromiumOrSkip();
const DOAN_KET = '03388';
const today = vietnamToday();
const someone = (fullName: string, birthYear: number): PersonRef =>
  personRef(fullName, {
    communeCode: DOAN_KET,
    birthYear,
    gender: 'female',
    addressLine: `Nhà của ${fullName}, phường Đoàn Kết`,
  });

/**
 * Issue 5's treatment proof: a hospital with 2 ICU beds fills up in the UI, the occupancy board
 * shows 2/2 with an alert, a third ICU admission is refused with the server's own sentence, a
 * discharge frees a bed; the home page's today's-work panel links to the pages where work is done.
 * The hospital, the cases and one undecided contact are made through the services.
 */
describe.runIf(hasChromium)('end-to-end in Chromium: treatment beds, admissions, discharges and today’s work', () => {
  const e2e = useE2e(chromiumPath);
  let context: BrowserContext;
  let page: Page;
  const sys = systemActor('e2e');
  const hospital = { id: '', name: 'Bệnh viện Đa khoa tỉnh Lai Châu' };
  const patients: { id: string; number: string; name: string }[] = [];

  async function shoot(p: Page, name: string) {
    await p.evaluate(() => window.scrollTo(0, 0));
    await p.screenshot({ path: path.join(artefactsDir, `${name}.png`), fullPage: true });
  }

  /** Admit through the form: find the case (by number or by name), pick the bed kind and the hospital. */
  async function admit(search: string, caseNumber: string) {
    await page.getByTestId('stay-case-search').fill(search);
    await page.getByTestId(`stay-case-option-${caseNumber}`).click();
    await page.getByTestId('stay-bed-kind').selectOption('icu_bed');
    await page.getByTestId('stay-facility').selectOption(hospital.id);
    await page.getByTestId('stay-admit-submit').click();
  }

  beforeAll(async () => {
    const services = e2e.server.platform.services;
    const h = await services.facilities.create(sys, {
      name: hospital.name,
      kind: 'hospital',
      communeCode: DOAN_KET,
      addressLine: 'Đường 30 tháng 4, phường Đoàn Kết',
      capacity: { icu_bed: 2, regular_bed: 20 },
      occupancyAlertPercent: 80,
    });
    hospital.id = h.id;
    for (const [name, year] of [
      ['Lò Thị Mai', 1956],
      ['Điêu Văn Khánh', 1961],
      ['Tòng Thị Lan', 1949],
    ] as const) {
      const c = await registerCase(services, sys, {
        clientKey: crypto.randomUUID(),
        subject: someone(name, year),
        sampleDate: addDays(today, -3),
        confirmedDate: addDays(today, -2),
        classification: 'community',
        sourceCaseIds: [],
      });
      patients.push({ id: c.id, number: c.caseNumber, name });
    }
    // A contact of the first case the tracer has not decided on yet: "Người tiếp xúc chờ xác nhận".
    await services.tracing.declare(sys, patients[0]!.id, { subject: someone('Quàng Văn Tính', 1985) });
    const cdc = await e2e.server.createUser('cdc.treatment', 'health_department', '12');
    context = await e2e.browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    page = await context.newPage();
    await signIn(page, e2e.server.url, cdc);
  }, 120_000);

  afterAll(async () => {
    await context?.close();
  });

  it('fills both ICU beds, shows 2/2 with an alert, refuses a third admission with the server’s reason, and frees a bed on discharge', async () => {
    const [a, b, c] = patients as [(typeof patients)[0], (typeof patients)[0], (typeof patients)[0]];
    await page.getByTestId('nav-treatment').click();
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('Điều trị');
    await expect.poll(() => page.getByTestId('occupancy-total-icu_bed-used').textContent()).toBe('0/2');
    expect(await page.getByTestId('occupancy-alerts').textContent()).toContain(
      'Chưa có cơ sở nào vượt ngưỡng cảnh báo.',
    );

    // Two admissions to ICU: one found by case number, one by name without diacritics.
    await page.getByTestId('treatment-tab-stays').click();
    await page.getByTestId('stay-admit-toggle').click();
    await admit(a.number, a.number);
    await expect
      .poll(() => page.locator('.alert-ok').first().textContent())
      .toContain(`Đã tiếp nhận ${a.name} (${a.number}) tại ${hospital.name}`);
    await admit('dieu van khanh', b.number);
    await expect.poll(() => page.locator('.alert-ok').first().textContent()).toContain(`Đã tiếp nhận ${b.name}`);
    await expect.poll(() => page.locator(`[data-testid^="stay-outcome-"]`).count()).toBe(2);
    await shoot(page, 'treatment-stays-two-admitted');

    // The third ICU admission: refused with its own code's sentence as the headline, and the
    // 409's detail (which bed kind, how many in use) below it, in Vietnamese.
    await admit(c.number, c.number);
    await expect
      .poll(() => page.getByTestId('stay-admit-error').textContent())
      .toContain('Cơ sở không còn giường hồi sức tích cực (ICU) trống (đang dùng 2/2)');
    expect(await page.getByTestId('stay-admit-error').textContent()).toContain(
      'Cơ sở không còn giường loại này trống.',
    );
    await shoot(page, 'treatment-admit-refused');

    // The board: 2 of 2 ICU beds in use, the hospital flagged and listed among the alerts.
    await page.getByTestId('treatment-tab-beds').click();
    await expect.poll(() => page.getByTestId('occupancy-total-icu_bed-used').textContent()).toBe('2/2');
    expect(await page.getByTestId(`occupancy-cell-${hospital.id}-icu_bed`).textContent()).toBe('2/2');
    await page.getByTestId(`occupancy-facility-alert-${hospital.id}`).waitFor();
    const alert = await page.getByTestId(`occupancy-alert-${hospital.id}-icu_bed`).textContent();
    expect(alert).toContain(hospital.name);
    expect(alert).toContain('2/2');
    expect(alert).toContain('ngưỡng 80%');
    await shoot(page, 'treatment-board-full');

    // One recovers: discharged, the row leaves "still admitted", the board shows 1/2 and no alert.
    await page.getByTestId('treatment-tab-stays').click();
    await page.getByTestId(`stay-discharge-${a.number}`).click();
    await page.getByTestId('discharge-outcome').selectOption('recovered');
    await shoot(page, 'treatment-discharge-form');
    await page.getByTestId('discharge-submit').click();
    await expect
      .poll(() => page.locator('.alert-ok').first().textContent())
      .toContain(`Đã cho ${a.name} ra viện: Khỏi bệnh.`);
    await expect.poll(() => page.getByTestId(`stay-outcome-${a.number}`).count()).toBe(0);
    await page.getByTestId('stays-filter-open').selectOption('');
    await expect
      .poll(() => page.getByTestId(`stay-outcome-${a.number}`).getAttribute('data-outcome'))
      .toBe('recovered');
    expect(await page.getByTestId('stays-export').getAttribute('href')).toContain('/api/treatment/stays/export.xlsx');
    await shoot(page, 'treatment-stays-all');
    await page.getByTestId('treatment-tab-beds').click();
    await expect.poll(() => page.getByTestId('occupancy-total-icu_bed-used').textContent()).toBe('1/2');
    expect(await page.getByTestId(`occupancy-facility-alert-${hospital.id}`).count()).toBe(0);
    await shoot(page, 'treatment-board-after-discharge');

    // English follows the switch, the server's refusal too.
    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('Treatment');
    await page.getByTestId('treatment-tab-stays').click();
    await page.getByTestId('stay-admit-toggle').click();
    await admitToBed(e2e.server.platform.services, sys, { caseId: c.id, facilityId: hospital.id, bedKind: 'icu_bed' });
    const d = await registerCase(e2e.server.platform.services, sys, {
      clientKey: crypto.randomUUID(),
      subject: someone('Lường Thị Nga', 1958),
      confirmedDate: today,
      classification: 'community',
      sourceCaseIds: [],
    });
    await admit(d.caseNumber, d.caseNumber);
    await expect
      .poll(() => page.getByTestId('stay-admit-error').textContent())
      .toContain('No free ICU beds at this facility (2 of 2 in use)');
    expect(await page.getByTestId('stay-admit-error').textContent()).toContain(
      'The facility has no free bed of this kind.',
    );
    await shoot(page, 'treatment-admit-refused-en');
    await page.getByTestId('lang-vi').click();
  });

  it('the home page’s today’s-work panel lists groups whose items open their pages', async () => {
    await page.getByTestId('nav-home').click();
    await page.getByTestId('today-panel').waitFor();
    // The undecided contact, and the hospital full again (the last test admitted a third case).
    await page.getByTestId('today-group-contacts_to_decide').waitFor();
    await page.getByTestId('today-group-capacity_alerts').waitFor();
    expect(await page.getByTestId('today-group-contacts_to_decide').textContent()).toContain(
      'Người tiếp xúc chờ xác nhận',
    );
    expect(await page.getByTestId('today-group-capacity_alerts').textContent()).toContain(
      `${hospital.name} · Giường hồi sức (ICU)`,
    );
    await shoot(page, 'today-home-panel');

    // A contact to decide opens its case; a capacity alert opens the occupancy board.
    const contactLink = page.getByTestId('today-item-contacts_to_decide').first();
    expect(await contactLink.getAttribute('href')).toBe(`/cases/${patients[0]!.id}`);
    await contactLink.click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/cases/${patients[0]!.id}`);
    await expect.poll(() => page.getByTestId('case-full-name').textContent()).toBe(patients[0]!.name);
    await page.goBack();
    await page.getByTestId('today-item-capacity_alerts').first().click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/treatment');
    await page.getByTestId(`occupancy-alert-${hospital.id}-icu_bed`).waitFor();

    // The full page: every group of the role, the same items.
    await page.getByTestId('nav-today').click();
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('Việc cần làm hôm nay');
    await page.getByTestId('today-group-capacity_alerts').waitFor();
    await shoot(page, 'today-page');
  });
});
