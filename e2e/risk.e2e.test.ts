import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, vietnamToday } from '../core/vietnam-calendar.ts';
import { systemActor } from '../server/shared/actor.ts';
import { personRef } from '../server/testing/factories.ts';
import { chromiumOrSkip } from './support/chromium.ts';
import { useE2e } from './support/fixture.ts';
import { artefactsDir, signIn } from './support/e2e-server.ts';
import { registerCase } from '../server/commands/register-case.ts';

const { path: chromiumPath, available: hasChromium } = chromiumOrSkip();
const DOAN_KET = '03388';
const BINH_LU = '03390';
const TAN_PHONG = '03408';
const SIN_SUOI_HO = '03394';
const today = vietnamToday();
const names = ['Lò Thị Mai', 'Điêu Văn Khánh', 'Tòng Thị Lan', 'Quàng Văn Tính', 'Vàng Thị Sua', 'Lường Văn Phong'];

/**
 * Issue 6's proof in a browser: the steering committee's map colours every commune of the province
 * (screenshot), an override with its reason shows in the commune's history, and the public page
 * shows the map and counts without one name of a case.
 */
describe.runIf(hasChromium)('end-to-end in Chromium: the risk map, a level override and the public page', () => {
  const e2e = useE2e(chromiumPath);
  let context: BrowserContext;
  let page: Page;
  let communes: string[];

  const shoot = (p: Page, name: string) =>
    p.screenshot({ path: path.join(artefactsDir, `${name}.png`), fullPage: true });
  const coloured = (p: Page) => p.locator('path.commune[data-level]');

  beforeAll(async () => {
    const sys = systemActor('e2e');
    const { services, database } = e2e.server.platform;
    await database.db.updateTable('localities').set({ population: 3000 }).where('code', '=', DOAN_KET).execute();
    for (const [i, fullName] of names.entries()) {
      await registerCase(services, sys, {
        clientKey: crypto.randomUUID(),
        subject: personRef(fullName, { communeCode: DOAN_KET, birthYear: 1960 + i }),
        sampleDate: addDays(today, -i - 1),
        confirmedDate: addDays(today, -i),
        classification: 'community',
        sourceCaseIds: [],
        localityCode: DOAN_KET,
      });
    }
    // A larger town's steady outbreak of the last three weeks, for the dashboard's Rt and projection.
    await database.db.updateTable('localities').set({ population: 500_000 }).where('code', '=', TAN_PHONG).execute();
    for (let d = 20; d >= 0; d--) {
      for (let k = 0; k < 3; k++) {
        await registerCase(services, sys, {
          clientKey: crypto.randomUUID(),
          subject: personRef(`Người Tân Phong ${d}-${k}`, { communeCode: TAN_PHONG, birthYear: 1970 + k }),
          sampleDate: addDays(today, -d),
          confirmedDate: addDays(today, -d),
          classification: 'community',
          sourceCaseIds: [],
          localityCode: TAN_PHONG,
        });
      }
    }
    communes = (
      await database.db
        .selectFrom('localities')
        .select('code')
        .where('province_code', '=', '12')
        .where('level', '=', 'commune')
        .where('status', '=', 'active')
        .execute()
    ).map((c) => c.code);
    const steering = await e2e.server.createUser('bcd.risk', 'steering_committee', '12');
    context = await e2e.browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    page = await context.newPage();
    await signIn(page, e2e.server.url, steering);
  }, 120_000);

  afterAll(async () => {
    await context?.close();
  });

  it('colours every commune of the province by its level, with a legend', async () => {
    await page.goto(`${e2e.server.url}/risk?ruleSet=nq128_qd4800_2021`);
    await expect.poll(() => coloured(page).count(), { timeout: 20_000 }).toBe(communes.length);
    const paint = await coloured(page).evaluateAll((els) =>
      els.map((e) => ({
        code: [...e.classList].find((c) => /^commune-\d+$/.test(c)),
        level: e.getAttribute('data-level'),
        fill: e.getAttribute('fill'),
      })),
    );
    expect(new Set(paint.map((p) => p.code?.slice(8)))).toEqual(new Set(communes));
    // Six community cases in a week among 3,000 people: 200 per 100,000, level 4 under Decision 4800.
    expect(paint.find((p) => p.code === `commune-${DOAN_KET}`)?.level).toBe('level_4');
    expect(paint.every((p) => p.fill && p.fill !== 'none' && /^#[0-9a-f]{6}$/i.test(p.fill))).toBe(true);
    await expect.poll(() => page.getByTestId('risk-legend').innerText()).toContain('Cấp 4');
    const firstColourMs = await page.evaluate(
      () => (window as unknown as { __riskMapFirstColour?: number }).__riskMapFirstColour ?? null,
    );
    expect(firstColourMs).not.toBeNull();
    await shoot(page, 'risk-map');
  });

  it('overrides a commune’s level with a reason, and the reason shows in its history', async () => {
    await page.locator(`path.commune-${BINH_LU}`).dispatchEvent('click');
    const panel = page.getByTestId('risk-commune-panel');
    await expect.poll(() => panel.getAttribute('data-locality')).toBe(BINH_LU);
    await panel.getByTestId('risk-override-level').selectOption('level_3');
    const reason = 'Giáp ranh ổ dịch Đoàn Kết, nhiều người qua lại chợ';
    await panel.getByTestId('risk-override-reason').fill(reason);
    await panel.getByTestId('risk-override-submit').click();
    // A decision is an act: nothing is recorded before its confirmation, with a number and a signer.
    const dialog = page.getByTestId('risk-act-dialog');
    await expect.poll(() => dialog.getByTestId('risk-act-number').inputValue(), { timeout: 10_000 }).toBe('1');
    expect(await dialog.getByTestId('risk-act-summary').innerText()).toContain(reason);
    expect(
      await e2e.server.platform.database.db.selectFrom('risk_level_decisions').select('id').execute(),
    ).toHaveLength(0);
    await dialog.getByTestId('risk-act-signer').fill('Lò Văn Thành');
    await dialog.getByTestId('risk-act-capacity').selectOption('vice_chair');
    await dialog.getByTestId('risk-act-confirm').click();
    const history = panel.getByTestId('risk-history');
    await expect.poll(() => history.innerText(), { timeout: 10_000 }).toContain(reason);
    // A raise takes effect after the 48-hour notice of Resolution 128: the decision says when.
    await expect.poll(() => panel.getByTestId('risk-decision-notice').innerText()).toMatch(/hiệu lực/i);
    const stored = await e2e.server.platform.database.db
      .selectFrom('risk_level_decisions')
      .select(['kind', 'level_key', 'reason'])
      .where('locality_code', '=', BINH_LU)
      .execute();
    expect(stored).toEqual([{ kind: 'override', level_key: 'level_3', reason }]);
    await shoot(page, 'risk-override');
    // The province's register of decisions downloads as a workbook with that decision and its reason.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('risk-register-export').click(),
    ]);
    expect(download.suggestedFilename()).toBe('quyet-dinh-cap-do-12.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    const rows = book.worksheets[0]!.getSheetValues().slice(2) as unknown[][];
    expect(rows.map((r) => [r[1], r[7]])).toEqual([[BINH_LU, reason]]);
  });

  it('approves a level through the confirmation dialog: the decision gets its number, and its PDF downloads', async () => {
    await page.locator(`path.commune-${SIN_SUOI_HO}`).dispatchEvent('click');
    const panel = page.getByTestId('risk-commune-panel');
    await expect.poll(() => panel.getAttribute('data-locality')).toBe(SIN_SUOI_HO);
    await panel.getByTestId('risk-approve').click();
    const dialog = page.getByTestId('risk-act-dialog');
    // The next number of the committee's register, and the last signer, are proposed.
    await expect.poll(() => dialog.getByTestId('risk-act-number').inputValue(), { timeout: 10_000 }).toBe('2');
    expect(await dialog.getByTestId('risk-act-signer').inputValue()).toBe('Lò Văn Thành');
    const summary = await dialog.getByTestId('risk-act-summary').innerText();
    expect(summary).toContain('Ủy ban nhân dân tỉnh Lai Châu');
    expect(summary).toContain('Quyết định số 4800/QĐ-BYT');
    await shoot(page, 'risk-decision-confirm');
    // Cancelling records nothing.
    await dialog.getByTestId('risk-act-cancel').click();
    expect(await dialog.isVisible()).toBe(false);
    expect(
      await e2e.server.platform.database.db
        .selectFrom('risk_level_decisions')
        .select('id')
        .where('locality_code', '=', SIN_SUOI_HO)
        .execute(),
    ).toHaveLength(0);
    await panel.getByTestId('risk-approve').click();
    await expect.poll(() => dialog.getByTestId('risk-act-number').inputValue(), { timeout: 10_000 }).toBe('2');
    await dialog.getByTestId('risk-act-number').fill('131');
    await dialog
      .getByTestId('risk-act-local-basis')
      .fill('Kế hoạch số 349/KH-UBND ngày 13 tháng 5 năm 2021 của Ủy ban nhân dân tỉnh Lai Châu');
    await dialog.getByTestId('risk-act-confirm').click();
    const notice = panel.getByTestId('risk-decision-notice');
    await expect.poll(() => notice.innerText(), { timeout: 10_000 }).toContain('Quyết định số 131/QĐ-UBND');
    expect(await dialog.isVisible()).toBe(false);
    await expect.poll(() => panel.getByTestId('risk-history').innerText()).toContain('131/QĐ-UBND');
    expect(await panel.getByTestId('risk-history').innerText()).toContain('Lò Văn Thành');
    await shoot(page, 'risk-decision-recorded');
    const href = await notice.getByTestId('risk-decision-pdf').getAttribute('href');
    const pdf = await page.request.get(new URL(href!, e2e.server.url).toString());
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const body = await pdf.body();
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    const pdftotext = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((p) => fs.existsSync(p));
    if (pdftotext) {
      const file = path.join(artefactsDir, 'risk-decision.pdf');
      fs.writeFileSync(file, body);
      const text = execFileSync(pdftotext, ['-layout', file, '-'], { encoding: 'utf8' });
      for (const phrase of ['Số: 131/QĐ-UBND', 'QUYẾT ĐỊNH', 'Căn cứ Kế hoạch số 349/KH-UBND', 'Lò Văn Thành'])
        expect(text).toContain(phrase);
    }
  });

  it('draws the dashboard: epidemic curve, Rt with its band, the projection and the communes by level', async () => {
    await page.goto(`${e2e.server.url}/risk?tab=dashboard`);
    for (const id of ['epicurve-svg', 'rt-chart-svg', 'projection-chart-svg', 'level-trend-svg']) {
      await expect.poll(() => page.getByTestId(id).count(), { timeout: 15_000 }).toBe(1);
    }
    await page.getByTestId('projection-chart-table-toggle').click();
    // 28 observed days and 14 projected ones.
    await expect.poll(() => page.getByTestId('projection-table').locator('tbody tr').count()).toBe(42);
    const api = await (await page.request.get(`${e2e.server.url}/api/risk/dashboard?province=12`)).json();
    expect(api.projection).toHaveLength(14);
    expect(api.rt.length).toBeGreaterThan(0);
    await shoot(page, 'risk-dashboard');
  });

  it("names the province on a commune officer's risk page, not its code", async () => {
    const officer = await e2e.server.createUser('xa.risk', 'commune_officer', DOAN_KET);
    const own = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const officerPage = await own.newPage();
    await signIn(officerPage, e2e.server.url, officer);
    await officerPage.goto(`${e2e.server.url}/risk`);
    await expect
      .poll(() => officerPage.locator('main').textContent(), { timeout: 15_000 })
      .toContain('tại Tỉnh Lai Châu');
    expect(await officerPage.locator('main').textContent()).not.toContain('tại 12');
    await own.close();
  });

  it('shows the public map and counts to anyone, and never a name', async () => {
    const visitor = await e2e.browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    const phone = await visitor.newPage();
    const bodies: string[] = [];
    phone.on('response', (r) => {
      if (r.url().includes('/api/'))
        void r.text().then(
          (b) => bodies.push(b),
          () => {},
        );
    });
    // A raise under the active rule set, waiting out its notice: the public is told ahead.
    const reason = 'Lý do nội bộ: chợ đầu mối';
    await e2e.server.platform.services.riskDecisions.decide(systemActor('e2e'), {
      locality: TAN_PHONG,
      ruleSet: 'qd218_2022',
      levelKey: 'level_4',
      reason,
      signerName: 'Nguyễn Văn Ký',
      signerCapacity: 'vice_chair',
    });
    await phone.goto(`${e2e.server.url}/c/ban-do?tinh=12`);
    await expect.poll(() => coloured(phone).count(), { timeout: 20_000 }).toBe(communes.length);
    const announced = phone.getByTestId('risk-map-announced');
    expect(await announced.locator('li').getAttribute('data-code')).toBe(TAN_PHONG);
    expect(await announced.innerText()).toMatch(/Tân Phong[\s\S]*Cấp 4[\s\S]*Áp dụng từ/);
    // The public page applies the active rule set (Decision 218): 200 per 100,000 in a week is level 3 there.
    expect(await phone.locator(`path.commune[data-code="${DOAN_KET}"]`).getAttribute('data-level')).toBe('level_3');
    const text = await phone.locator('body').innerText();
    expect(text).not.toContain(reason);
    for (const name of names) {
      expect(text).not.toContain(name);
      for (const body of bodies) expect(body).not.toContain(name);
    }
    await shoot(phone, 'risk-public');
    await visitor.close();
  });
});
