import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, vietnamToday } from '../core/vietnam-calendar.ts';
import { systemActor } from '../server/shared/actor.ts';
import { personRef } from '../server/testing/factories.ts';
import { registerCase } from '../server/commands/register-case.ts';
import { dischargeCase } from '../server/commands/case-care.ts';
import { chromiumOrSkip } from './support/chromium.ts';
import { useE2e } from './support/fixture.ts';
import { artefactsDir, signIn } from './support/e2e-server.ts';

const { path: chromiumPath, available: hasChromium } = chromiumOrSkip();
const DOAN_KET = '03388';
const today = vietnamToday();

/**
 * Issue 13, item 3 in the interface: a case is admitted to a bed, transferred to another hospital
 * and discharged from its own page, each through its confirmation dialog; a refused move shows its
 * code's sentence and changes nothing; the history lists every step in words. The hospitals and the
 * case are made through the services.
 */
describe.runIf(hasChromium)('end-to-end in Chromium: a case’s care from its page', () => {
  const e2e = useE2e(chromiumPath);
  let context: BrowserContext;
  let page: Page;
  const sys = systemActor('e2e');
  const first = { id: '', name: 'Bệnh viện Đa khoa tỉnh Lai Châu' };
  const second = { id: '', name: 'Trung tâm Y tế thành phố Lai Châu' };
  const patient = { id: '', number: '', name: 'Vàng Thị Dung' };

  async function shoot(name: string) {
    await page.screenshot({ path: path.join(artefactsDir, `${name}.png`), fullPage: true });
  }
  const status = () => page.getByTestId('case-status').getAttribute('data-status');
  const kinds = () =>
    page.getByTestId('case-care-entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')).join(','));

  beforeAll(async () => {
    const services = e2e.server.platform.services;
    for (const h of [first, second]) {
      const f = await services.facilities.create(sys, {
        name: h.name,
        kind: 'hospital',
        communeCode: DOAN_KET,
        addressLine: 'Đường 30 tháng 4, phường Đoàn Kết',
        capacity: { regular_bed: 10, oxygen_bed: 2 },
        occupancyAlertPercent: 80,
      });
      h.id = f.id;
    }
    const c = await registerCase(services, sys, {
      clientKey: crypto.randomUUID(),
      subject: personRef(patient.name, { communeCode: DOAN_KET, birthYear: 1962, gender: 'female' }),
      sampleDate: addDays(today, -2),
      confirmedDate: addDays(today, -1),
      classification: 'community',
      sourceCaseIds: [],
    });
    patient.id = c.id;
    patient.number = c.caseNumber;
    const cdc = await e2e.server.createUser('cdc.care', 'health_department', '12');
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

  it('admits, transfers and discharges a case through its buttons, each confirmed, with the history in words', async () => {
    await page.goto(`${e2e.server.url}/cases/${patient.id}`);
    await expect.poll(status).toBe('awaiting_treatment');
    expect(await page.getByTestId('case-care-now').textContent()).toContain('Không ở cơ sở điều trị nào');
    // Awaiting treatment: a bed or home, nothing to transfer or discharge yet.
    await page.getByTestId('care-action-admit').waitFor();
    expect(await page.getByTestId('care-action-home').count()).toBe(1);
    expect(await page.getByTestId('care-action-transfer').count()).toBe(0);
    expect(await page.getByTestId('care-action-discharge').count()).toBe(0);

    // A dialog closed without confirming changes nothing.
    await page.getByTestId('care-action-admit').click();
    await page.getByTestId('care-dialog').getByRole('button', { name: 'Huỷ' }).click();
    expect(await page.getByTestId('care-dialog').isVisible()).toBe(false);
    expect(await status()).toBe('awaiting_treatment');

    // Admission: the dialog says what will happen, the bed and facility are chosen, then confirmed.
    await page.getByTestId('care-action-admit').click();
    const dialog = page.getByTestId('care-dialog');
    await dialog.waitFor();
    expect(await page.getByTestId('care-dialog-after').textContent()).toContain('Đang điều trị');
    await page.getByTestId('care-bed-kind').selectOption('oxygen_bed');
    await expect.poll(() => page.locator('[data-testid="care-facility"] option').count()).toBe(2);
    await page.getByTestId('care-facility').selectOption(first.id);
    await shoot('case-care-admit-dialog');
    await page.getByTestId('care-confirm').click();
    await expect
      .poll(() => page.locator('.alert-ok').first().textContent())
      .toContain(`Đã tiếp nhận ca ${patient.number} tại ${first.name}`);
    await expect.poll(status).toBe('treating');
    expect(await page.getByTestId('case-care-now').textContent()).toContain(`${first.name} · Giường có ô xy`);

    // A transfer to the place it is in already is refused with its own sentence, and nothing moves.
    await page.getByTestId('care-action-transfer').click();
    await expect.poll(() => page.getByTestId('care-bed-kind').inputValue()).toBe('oxygen_bed');
    await page.getByTestId('care-facility').selectOption(first.id);
    await page.getByTestId('care-confirm').click();
    await expect
      .poll(() => page.getByTestId('care-error').textContent())
      .toContain('Người này đã ở đúng cơ sở (và loại giường) được chọn.');
    await shoot('case-care-transfer-refused');
    expect(await page.getByTestId('case-care-now').textContent()).toContain(first.name);

    // The same dialog, another hospital: transferred, with its reason kept in the history.
    await page.getByTestId('care-facility').selectOption(second.id);
    await page.getByTestId('care-reason').fill('Cần theo dõi chuyên khoa hô hấp');
    await page.getByTestId('care-confirm').click();
    await expect
      .poll(() => page.locator('.alert-ok').first().textContent())
      .toContain(`Đã chuyển ca ${patient.number} đến ${second.name}`);
    await expect.poll(() => page.getByTestId('case-care-now').textContent()).toContain(second.name);
    expect(await status()).toBe('treating');

    // Discharge, recovered: the case is closed and offers no more care moves.
    await page.getByTestId('care-action-discharge').click();
    await page.getByTestId('care-outcome').selectOption('recovered');
    expect(await page.getByTestId('care-dialog-after').textContent()).toContain('Khỏi bệnh');
    await shoot('case-care-discharge-dialog');
    await page.getByTestId('care-confirm').click();
    await expect.poll(status).toBe('recovered');
    expect(await page.locator('.alert-ok').first().textContent()).toContain(
      `Ca ${patient.number} đã kết thúc điều trị: Khỏi bệnh.`,
    );
    expect(await page.getByTestId('case-care-actions').count()).toBe(0);
    await expect.poll(kinds).toBe('registered,admitted,transferred,discharged');
    const history = (await page.getByTestId('case-care-history').textContent()) ?? '';
    expect(history).toContain(`Tiếp nhận điều trị: Chờ tiếp nhận điều trị → Đang điều trị (${first.name}`);
    expect(history).toContain(`(${second.name} · Giường có ô xy)`);
    expect(history).toContain('Lý do: Cần theo dõi chuyên khoa hô hấp');
    expect(history).toContain('Ra viện / kết thúc điều trị: Đang điều trị → Khỏi bệnh');
    expect(history).toContain('bởi E2E cdc.care');
    await shoot('case-care-history');

    // The beds followed: both hospitals' oxygen beds are free again.
    const occupancy = await e2e.server.platform.services.facilities.get(sys, second.id);
    expect(occupancy.capacity.find((l) => l.kind === 'oxygen_bed')?.occupied).toBe(0);
  });

  it('in English, the buttons, the dialog and a refusal read in English', async () => {
    const c = await registerCase(e2e.server.platform.services, sys, {
      clientKey: crypto.randomUUID(),
      subject: personRef('Lò Văn Pọm', { communeCode: DOAN_KET, birthYear: 1990, gender: 'male' }),
      confirmedDate: today,
      classification: 'community',
      sourceCaseIds: [],
    });
    await page.goto(`${e2e.server.url}/cases/${c.id}`);
    await page.getByTestId('lang-en').click();
    await page.getByTestId('care-action-home').click();
    expect(await page.getByTestId('care-dialog-after').textContent()).toContain('Under treatment — at home');
    await page.getByTestId('care-confirm').click();
    await expect.poll(() => page.getByTestId('case-care-now').textContent()).toContain('Treated at home');
    // Someone else discharges it meanwhile: the open dialog's confirmation is refused with the sentence.
    await page.getByTestId('care-action-discharge').click();
    await dischargeCase(e2e.server.platform.services, sys, c.id, { outcome: 'recovered' });
    await page.getByTestId('care-confirm').click();
    await expect
      .poll(() => page.getByTestId('care-error').textContent())
      .toContain('The case is not under treatment, so it cannot be transferred or discharged.');
    await shoot('case-care-refused-en');
    // Closing the dialog shows the case as it is now: recovered, nothing more to do.
    await page.getByTestId('care-dialog').getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(status).toBe('recovered');
    expect(await page.getByTestId('case-care-actions').count()).toBe(0);
    await page.getByTestId('lang-vi').click();
  });
});
