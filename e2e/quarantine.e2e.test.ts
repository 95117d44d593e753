import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, vietnamToday } from '../core/vietnam-calendar.ts';
import type { PersonRef } from '../core/schemas/cases.ts';
import { systemActor } from '../server/shared/actor.ts';
import { chromiumOrSkip } from './support/chromium.ts';
import { useE2e } from './support/fixture.ts';
import { cccd, personRef } from '../server/testing/factories.ts';
import { artefactsDir, signIn } from './support/e2e-server.ts';
import { registerCase } from '../server/commands/register-case.ts';

const { path: chromiumPath, available: hasChromium } = chromiumOrSkip();
const DOAN_KET = '03388';
const today = vietnamToday();
const someone = (fullName: string, birthYear = 1988): PersonRef =>
  personRef(fullName, { communeCode: DOAN_KET, birthYear, addressLine: `Nhà của ${fullName}, phường Đoàn Kết` });

/**
 * Issue 5's proof: a confirmed F1 is admitted to a quarantine hotel, their day-7 test is recorded
 * and found negative in the UI, they are released and the certificate prints in Vietnamese; a
 * positive pool orders individual re-tests, and a positive re-test proposes a case that opens.
 * The case, its F1 and the hotel are made through the services; everything else in Chromium.
 */
describe.runIf(hasChromium)('end-to-end in Chromium: quarantine, testing, pools and case proposals', () => {
  const e2e = useE2e(chromiumPath);
  let context: BrowserContext;
  let page: Page;
  const sys = systemActor('e2e');
  const f1 = { name: 'Trần Văn Hùng', personId: '', contactId: '' };
  let hotelId = '';

  async function shoot(p: Page, name: string) {
    await p.evaluate(() => window.scrollTo(0, 0));
    await p.screenshot({ path: path.join(artefactsDir, `${name}.png`), fullPage: true });
  }

  beforeAll(async () => {
    const services = e2e.server.platform.services;
    const hotel = await services.facilities.create(sys, {
      name: 'Khách sạn Mường Thanh Lai Châu',
      kind: 'hotel',
      communeCode: DOAN_KET,
      addressLine: 'Đường Trần Hưng Đạo, phường Đoàn Kết',
      capacity: { quarantine_place: 20 },
      occupancyAlertPercent: 80,
    });
    hotelId = hotel.id;
    await services.facilities.create(sys, {
      name: 'Cách ly tại nhà phường Đoàn Kết',
      kind: 'home',
      communeCode: DOAN_KET,
      addressLine: 'Các hộ gia đình phường Đoàn Kết',
      capacity: { quarantine_place: 50 },
      occupancyAlertPercent: 80,
    });
    // The index case, sampled a week ago; its F1 declared by the tracer and confirmed.
    const c = await registerCase(services, sys, {
      clientKey: crypto.randomUUID(),
      subject: someone('Lò Văn Phát', 1980),
      sampleDate: addDays(today, -8),
      confirmedDate: addDays(today, -7),
      classification: 'community',
      sourceCaseIds: [],
    });
    const k = await services.tracing.declare(sys, c.id, { subject: someone(f1.name) });
    await services.tracing.decide(sys, k.id, { decision: 'confirm' });
    f1.personId = k.personId;
    f1.contactId = k.id;
    const cdc = await e2e.server.createUser('cdc.quarantine', 'health_department', '12');
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

  it('admits the confirmed F1 to a hotel, takes the daily report, records a negative day-7 test, releases and prints the certificate', async () => {
    // Admission from the confirmed contacts list. Vaccinated, Dec 2021 profile: 7 days, tests on
    // days 1 and 7. Day 1 a week ago: day 7 was yesterday, so the release can happen today (the
    // rule releases the day after the last day, with a negative sample from day 6 on).
    await page.getByTestId('nav-quarantine').click();
    await page.getByTestId('admit-toggle').click();
    await page.getByTestId(`admit-contact-${f1.personId}`).check();
    await page.getByTestId('admit-facility').selectOption(hotelId);
    await page.getByTestId('admit-room').fill('305');
    await page.getByTestId('admit-reason').selectOption('f1');
    await page.getByTestId('admit-starts-on').fill(addDays(today, -7));
    await page.getByTestId('admit-vaccinated').check();
    await shoot(page, 'quarantine-admit-form');
    await page.getByTestId('admit-submit').click();

    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/quarantine\/[0-9a-f-]{36}$/);
    const stayUrl = page.url();
    await expect.poll(() => page.getByTestId('stay-status').getAttribute('data-status')).toBe('active');
    expect(await page.getByTestId('stay-facility').textContent()).toContain(
      'Khách sạn Mường Thanh Lai Châu · phòng 305',
    );
    expect(await page.getByTestId('release-check').getAttribute('data-allowed')).toBe('false');
    expect(await page.getByTestId('release-blocker-release_test_missing').textContent()).toBe(
      'Chưa có kết quả xét nghiệm âm tính của lần xét nghiệm cuối.',
    );
    expect(await page.getByTestId('release-blocker-too_early').count()).toBe(0);
    for (const d of [addDays(today, -7), addDays(today, -1)]) await page.getByTestId(`stay-test-day-${d}`).waitFor();
    const monitorUrl = (await page.getByTestId('monitor-url').getAttribute('href'))!;
    expect(monitorUrl).toMatch(/\/c\/theo-doi\/.+/);
    await page.getByTestId('monitor-qr').waitFor();
    // Releasing now is refused by the server, and it says why.
    await page.getByTestId('stay-action-release').click();
    await page.getByTestId('release-submit').click();
    await expect
      .poll(() => page.getByTestId('release-refused').textContent())
      .toContain('Chưa có kết quả xét nghiệm âm tính trước khi kết thúc cách ly');
    await shoot(page, 'quarantine-release-refused');
    const decision = await page.request.get(
      `${e2e.server.url}${(await page.getByTestId('stay-decision-pdf').getAttribute('href'))!}`,
    );
    expect(decision.headers()['content-type']).toBe('application/pdf');
    await shoot(page, 'quarantine-stay-admitted');

    // Nobody has reported yet: the F1 is on the calling list.
    await page.getByTestId('stay-back').click();
    await page.getByTestId('quarantine-tab-calls').click();
    await page.getByTestId(`stay-link-${f1.personId}`).waitFor();
    await shoot(page, 'quarantine-calls');

    // The F1's phone: the daily report link, no login.
    const phone = await e2e.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    const citizen = await phone.newPage();
    await citizen.goto(monitorUrl);
    await expect.poll(() => citizen.getByTestId('monitoring-name').textContent()).toBe('T. V. Hùng');
    expect(await citizen.getByTestId('monitoring-ends-on').textContent()).toContain('Kết thúc cách ly');
    expect(await citizen.getByTestId('monitoring-test-due').count()).toBe(0);
    await citizen.getByTestId('monitoring-temperature').fill('36,8');
    await shoot(citizen, 'monitoring-phone-form');
    await citizen.getByTestId('monitoring-submit').click();
    await expect.poll(() => citizen.getByTestId('monitoring-done').textContent()).toContain('Đã ghi nhận hôm nay');
    await shoot(citizen, 'monitoring-phone-done');
    // Someone at home whose day 1 is today: the page says a test is due today.
    const home = await e2e.server.platform.services.quarantine.admit(sys, {
      clientKey: crypto.randomUUID(),
      subject: someone('Vàng A Dơ', 1990),
      reason: 'arrival',
      facilityId: (await facilityIdByKind('home'))!,
      vaccinatedOrRecovered: false,
    });
    await citizen.goto(`${e2e.server.url}/c/theo-doi/${encodeURIComponent(home.monitorToken!)}`);
    await expect
      .poll(() => citizen.getByTestId('monitoring-test-due').textContent())
      .toContain('Hôm nay bạn có lịch xét nghiệm');
    await citizen.getByTestId('monitoring-symptom-cough').check();
    await citizen.getByTestId('monitoring-temperature').fill('38,2');
    await citizen.getByTestId('monitoring-submit').click();
    await citizen.getByTestId('monitoring-done').waitFor();
    await shoot(citizen, 'monitoring-phone-test-due');
    await phone.close();

    // Reported: the F1 leaves the calling list (the one at home who reported too).
    await page.reload();
    await page.getByTestId('calls-table').waitFor();
    await expect.poll(() => page.getByTestId(`stay-link-${f1.personId}`).count()).toBe(0);

    // Testing: the day-7 order (due yesterday) gets its sample, then a negative result.
    await page.getByTestId('nav-testing').click();
    await page.getByTestId('orders-reason-schedule').click();
    await page.getByTestId(`order-sample-${f1.personId}-${addDays(today, -1)}`).click();
    await page.getByTestId('sample-code').fill('Q-D7-0001');
    await shoot(page, 'testing-orders-sample');
    await page.getByTestId('sample-submit').click();
    await expect.poll(() => page.locator('.alert-ok').first().textContent()).toContain('Đã ghi nhận mẫu Q-D7-0001');
    await page.getByTestId('testing-tab-results').click();
    await page.getByTestId('result-code-0').fill('Q-D7-0001');
    await page.getByTestId('result-value-0').selectOption('negative');
    await page.getByTestId('result-submit').click();
    await expect
      .poll(() => page.getByTestId('result-outcome').textContent())
      .toContain('Đã cập nhật 1 kết quả, 0 dương tính.');
    await shoot(page, 'testing-results-negative');

    // Back on the stay: release allowed, released, certificate.
    await page.goto(stayUrl);
    await expect.poll(() => page.getByTestId('release-check').getAttribute('data-allowed')).toBe('true');
    expect(await page.getByTestId('stay-test-result-Q-D7-0001').textContent()).toBe('Âm tính');
    await page.getByTestId('stay-action-release').click();
    await page.getByTestId('release-submit').click();
    await expect.poll(() => page.getByTestId('stay-status').getAttribute('data-status')).toBe('released');
    expect(await page.getByTestId('stay-released-on').textContent()).toBeTruthy();
    expect(await page.getByTestId(`stay-test-day-${addDays(today, -1)}`).textContent()).toContain('Âm tính');
    await shoot(page, 'quarantine-stay-released');
    const certHref = (await page.getByTestId('stay-certificate-pdf').getAttribute('href'))!;
    const cert = await page.request.get(`${e2e.server.url}${certHref}`);
    expect(cert.status()).toBe(200);
    expect(cert.headers()['content-type']).toBe('application/pdf');
    const pdf = path.join(artefactsDir, 'quarantine-certificate.pdf');
    fs.writeFileSync(pdf, await cert.body());
    // Words as a reader reads them: a phrase may wrap onto the next line of the paragraph.
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const phrase of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'GIẤY XÁC NHẬN',
      'Hoàn thành thời gian cách ly y tế',
      f1.name,
      'âm tính',
    ]) {
      expect(text).toContain(phrase);
    }
    // A picture of page 1, to look at the diacritics (quarantine-certificate-1.png).
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-f',
      '1',
      '-l',
      '1',
      pdf,
      path.join(artefactsDir, 'quarantine-certificate'),
    ]);
  });

  it('a positive pool orders individual re-tests; a positive re-test proposes a case that opens once accepted', async () => {
    // A campaign planned in the UI, pooled by 10.
    await page.getByTestId('nav-testing').click();
    await page.getByTestId('testing-tab-campaigns').click();
    await page.getByTestId('campaign-create-toggle').click();
    await page.getByTestId('campaign-name').fill('Xét nghiệm diện rộng phường Đoàn Kết');
    await page.getByTestId('campaign-area').selectOption(DOAN_KET);
    await page.getByTestId('campaign-target').fill('12000');
    await page.getByTestId('campaign-pool-size').selectOption('10');
    await page.getByTestId('campaign-submit').click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/testing\/campaigns\/[0-9a-f-]{36}$/);
    const campaignId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByTestId('batch-form').waitFor();

    // Two samples typed in the batch form (they make a pool of their own)…
    for (const [i, name] of ['Lò Thị Hoa', 'Tòng Văn Minh'].entries()) {
      if (i > 0) await page.getByTestId('batch-add-row').click();
      await page.getByTestId(`batch-code-${i}`).fill(`DK-UI-${i + 1}`);
      await page.getByTestId(`batch-id-${i}`).fill(cccd(1992));
      await page.getByTestId(`batch-name-${i}`).fill(name);
      await page.getByTestId(`batch-year-${i}`).fill('1992');
      await page.getByTestId(`batch-gender-${i}`).selectOption('male');
    }
    await page.getByTestId('batch-submit').click();
    await expect.poll(() => page.getByTestId('batch-outcome').textContent()).toContain('Đã ghi nhận 2 mẫu, 1 mẫu gộp');
    // …and ten more from the sampling team's list, through the API: one pool of ten.
    const batch = await e2e.server.platform.services.campaigns.addSamples(sys, campaignId, {
      collectedAt: new Date().toISOString(),
      samples: Array.from({ length: 10 }, (_, i) => ({
        code: `DK-${String(i + 1).padStart(4, '0')}`,
        subject: someone(`Người dân số ${i + 1}`, 1970 + i),
      })),
    });
    expect(batch.pools).toHaveLength(1);
    const pool = batch.pools[0]!;
    expect(pool.members).toHaveLength(10);
    await page.reload();
    await expect.poll(() => page.getByTestId('campaign-coverage').textContent()).toContain('12 / 12.000');

    // The pool of ten is positive: each member is ordered an individual re-test.
    await page.getByTestId('pool-code-0').fill(pool.code);
    await page.getByTestId('pool-value-0').selectOption('positive');
    await page.getByTestId('pool-submit').click();
    await expect
      .poll(() => page.getByTestId('pool-outcome').textContent())
      .toContain('Đã chỉ định xét nghiệm lại 10 người.');
    await shoot(page, 'testing-campaign-pool-positive');

    const first = await e2e.server.platform.services.testing.getSample(sys, pool.members[0]!);
    await page.getByTestId('campaign-back').click();
    await page.getByTestId('testing-tab-orders').click();
    await page.getByTestId('orders-reason-pool_retest').click();
    await expect.poll(() => page.locator('[data-testid^="order-sample-"]').count()).toBe(10);
    await shoot(page, 'testing-orders-pool-retests');

    // One re-test sample, positive: a case proposal.
    await page.getByTestId(`order-sample-${first.personId}-${today}`).click();
    await page.getByTestId('sample-code').fill('RT-0001');
    await page.getByTestId('sample-submit').click();
    await expect.poll(() => page.locator('[data-testid^="order-sample-"]').count()).toBe(9);
    await page.getByTestId('testing-tab-results').click();
    await page.getByTestId('result-code-0').fill('RT-0001');
    await page.getByTestId('result-value-0').selectOption('positive');
    await page.getByTestId('result-ct-0').fill('22.5');
    await page.getByTestId('result-submit').click();
    await expect.poll(() => page.getByTestId('result-outcome').textContent()).toContain('Có 1 đề xuất ca bệnh mới.');

    await page.getByTestId('testing-tab-proposals').click();
    await page.getByTestId(`proposal-accept-${first.personId}`).waitFor();
    await shoot(page, 'testing-case-proposals');
    await page.getByTestId(`proposal-accept-${first.personId}`).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('case-full-name').textContent()).toBe(first.fullName);
    await shoot(page, 'testing-proposal-case');
  });

  it('adds a facility, flags it when full, edits its capacity, and finds places near a commune', async () => {
    await page.getByTestId('nav-facilities').click();
    await page.getByTestId(`facility-capacity-${hotelId}-quarantine_place`).waitFor();
    // The F1 left: the hotel is empty again.
    expect(await page.getByTestId(`facility-capacity-${hotelId}-quarantine_place`).textContent()).toContain('0/20');

    const name = 'Khu cách ly tập trung Trường Cao đẳng Cộng đồng';
    await page.getByTestId('facility-create-toggle').click();
    await page.getByTestId('facility-name').fill(name);
    await page.getByTestId('facility-kind').selectOption('concentrated');
    await page.getByTestId('facility-commune').selectOption(DOAN_KET);
    await page.getByTestId('facility-address').fill('Tổ 12, phường Đoàn Kết');
    await page.getByTestId('facility-capacity-quarantine_place').fill('1');
    await page.getByTestId('facility-submit').click();
    await expect.poll(() => page.locator('.alert-ok').first().textContent()).toContain(`Đã thêm cơ sở ${name}`);
    const created = await e2e.server.platform.database.db
      .selectFrom('facilities')
      .select('id')
      .where('name', '=', name)
      .executeTakeFirstOrThrow();
    // One person fills its only place: the list flags it.
    await e2e.server.platform.services.quarantine.admit(sys, {
      clientKey: crypto.randomUUID(),
      subject: someone('Giàng A Lử', 1991),
      reason: 'arrival',
      facilityId: created.id,
      vaccinatedOrRecovered: false,
    });
    await page.reload();
    await page.getByTestId(`facility-alert-${created.id}`).waitFor();
    expect(await page.getByTestId(`facility-capacity-${created.id}-quarantine_place`).textContent()).toContain('1/1');
    await shoot(page, 'facilities-alert');
    // Ten places: no longer flagged.
    await page.getByTestId(`facility-edit-${created.id}`).click();
    await page.getByTestId('facility-capacity-quarantine_place').fill('10');
    await page.getByTestId('facility-submit').click();
    await expect
      .poll(() => page.getByTestId(`facility-capacity-${created.id}-quarantine_place`).textContent())
      .toContain('1/10');
    expect(await page.getByTestId(`facility-alert-${created.id}`).count()).toBe(0);

    await page.getByTestId('placement-people').fill('30');
    await page.getByTestId('placement-near').selectOption(DOAN_KET);
    await page.getByTestId('placement-submit').click();
    await expect.poll(() => page.getByTestId('placement-summary').textContent()).toContain('Cần chỗ cho 30 người gần');
    await shoot(page, 'facilities-placement');
    // English: the page and the quarantine list follow the switch.
    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('Quarantine and treatment facilities');
    await page.getByTestId('nav-quarantine').click();
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('Quarantine');
    await shoot(page, 'quarantine-list-en');
    await page.getByTestId('lang-vi').click();
  });

  async function facilityIdByKind(kind: 'home' | 'hotel') {
    const row = await e2e.server.platform.database.db
      .selectFrom('facilities')
      .select('id')
      .where('kind', '=', kind)
      .executeTakeFirst();
    return row?.id;
  }
});
