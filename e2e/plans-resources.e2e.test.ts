import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { LEVEL_IN_FORCE_QUEUE } from '../server/modules/plans/activation.service.ts';
import { systemActor } from '../server/shared/actor.ts';
import { chromiumOrSkip } from './support/chromium.ts';
import { artefactsDir, signIn, type E2eUser } from './support/e2e-server.ts';
import { useE2e } from './support/fixture.ts';

const { path: chromiumPath, available: hasChromium } = chromiumOrSkip();
const shots = path.join(artefactsDir, 'plans-resources');
/** The test clock: Tuesday 1 December 2026, 10:00 in Viet Nam. */
const now = new Date('2026-12-01T10:00:00+07:00');
const DOAN_KET = '03388';

/**
 * Issue 18 in Chromium: Đoàn Kết's approved plan has a level-3 section needing 500 rapid antigen
 * kits; the steering committee decided level 3 three days ago (past the notice) and the plans job
 * ran. Đoàn Kết's officer sees the activated tasks; the province's readiness view shows the kits
 * short; the province transfers 500 kits from the CDC's store and the shortfall disappears; the
 * commune records a donation and the public page shows it. Screenshots under
 * test-artifacts/e2e/plans-resources.
 */
describe.runIf(hasChromium)(
  'end-to-end in Chromium: a level-3 plan activates and the province fills its shortfall',
  () => {
    const e2e = useE2e(chromiumPath, { clock: () => now });
    let officer: E2eUser;
    let province: E2eUser;

    beforeAll(async () => {
      fs.mkdirSync(shots, { recursive: true });
      const { platform } = e2e.server;
      const s = platform.services;
      const sys = systemActor('e2e');
      await s.units.ensureProvinceUnits(sys, '12');
      officer = await e2e.server.createUser('kh.doanket', 'commune_officer', DOAN_KET);
      province = await e2e.server.createUser('kh.cdc', 'health_department', '12');
      const db = platform.database.db;
      const idOf = async (table: 'users' | 'reporting_units', column: 'username' | 'code', value: string) =>
        (
          await db
            .selectFrom(table)
            .select('id')
            .where(column as never, '=', value as never)
            .executeTakeFirstOrThrow()
        ).id;
      await s.units.addOfficer(sys, DOAN_KET, await idOf('users', 'username', officer.username), '0912000003');
      await s.units.addOfficer(sys, '12-CDC', await idOf('users', 'username', province.username), '0912000002');
      const commune = await idOf('reporting_units', 'code', DOAN_KET);
      const cdc = await idOf('reporting_units', 'code', '12-CDC');
      await s.resourceForces.add(sys, {
        clientKey: randomUUID(),
        unitId: commune,
        kind: 'militia',
        fullName: 'Lò Văn Dũng',
        skills: [],
        availability: 'standby',
      });

      // The stores: the CDC's holds 1,000 kits, the commune's none.
      const cdcStore = await s.resourceStock.createStore(sys, {
        clientKey: randomUUID(),
        unitId: cdc,
        name: 'Kho CDC tỉnh',
      });
      await s.resourceStock.createStore(sys, {
        clientKey: randomUUID(),
        unitId: commune,
        name: 'Kho Trạm y tế Đoàn Kết',
      });
      await s.resourceMovements.receive(sys, cdcStore.id, {
        clientKey: randomUUID(),
        item: 'rapid_antigen_kit',
        quantity: 1000,
        lot: 'AG-2611',
        expiresOn: '2027-06-30',
        source: 'Bộ Y tế cấp',
      });

      // Đoàn Kết's plan, approved: at level 3, a checkpoint within 4 days and 500 kits.
      const v = await s.plans.save(sys, commune, {
        clientKey: randomUUID(),
        sections: [
          {
            levelKey: 'level_3',
            ownMeasures: ['Lập chốt kiểm soát tại cầu Đoàn Kết'],
            tasks: [{ title: 'Lập chốt kiểm soát ra vào phường', responsibleUnitId: commune, dueAfterHours: 96 }],
            requirements: [{ kind: 'item', code: 'rapid_antigen_kit', quantity: 500 }],
          },
        ],
      });
      await s.plans.submit(sys, v.id);
      await s.plans.review(sys, v.id, { decision: 'approve' });

      // Level 3 decided three days before the clock: the notice has passed, the queued job is due.
      await s.riskDecisions.decide(
        sys,
        {
          locality: DOAN_KET,
          levelKey: 'level_3',
          reason: 'Ổ dịch tại tổ dân phố 5',
          signerName: 'Trần Văn Chủ',
          signerCapacity: 'chair',
          clientKey: randomUUID(),
        },
        new Date(now.getTime() - 3 * 86_400_000),
      );
      expect(await s.jobQueue.drain(LEVEL_IN_FORCE_QUEUE)).toBe(1);
    }, 180_000);

    const shot = (page: Page, file: string) => page.screenshot({ path: path.join(shots, file), fullPage: true });
    const open = async (browser: Browser, user: E2eUser | null) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
      const page = await context.newPage();
      if (user) await signIn(page, e2e.server.url, user);
      return page;
    };
    const doanKetRow = (page: Page) => page.getByTestId('readiness-table').locator('tr', { hasText: 'Đoàn Kết' });

    it("Đoàn Kết's officer sees the level-3 section activated with its task, and keeps the committee and duty roster", async () => {
      const page = await open(e2e.browser, officer);
      await page.getByTestId('nav-plans').click();
      await page.getByTestId('plans-table').getByText('Đoàn Kết').click();
      const activation = page.locator('[data-testid="activation"][data-level="level_3"]');
      await expect.poll(() => activation.getAttribute('data-open')).toBe('true');
      expect(await activation.getByTestId('activation-tasks').textContent()).toContain(
        'Lập chốt kiểm soát ra vào phường',
      );
      expect(await activation.getByTestId('task-standing').getAttribute('data-standing')).toBe('open');
      await shot(page, '1-commune-activated.png');

      // The committee's members and duty roster, then a militiaman put on duty at the checkpoint.
      await page.getByTestId('committee-edit').click();
      await page.getByTestId('member-name').fill('Nguyễn Thị Hoa');
      await page.getByTestId('member-role').selectOption('head');
      await page.getByTestId('member-phone').fill('0912 345 678');
      await page.getByTestId('member-duty').fill('Thứ 2, thứ 4 — trực đêm');
      await page.getByTestId('committee-save').click();
      await expect.poll(() => page.getByTestId('committee-table').textContent()).toContain('Thứ 2, thứ 4 — trực đêm');
      await page.getByTestId('nav-resources').click();
      await page.getByTestId('resources-tab-forces').click();
      await page.getByTestId('duty-from').fill('2026-12-01');
      await page.getByTestId('duty-add').click();
      await page.getByTestId('duty-post').fill('Chốt cầu Đoàn Kết');
      await page.getByTestId('duty-starts').fill('2026-12-01T19:00');
      await page.getByTestId('duty-ends').fill('2026-12-02T07:00');
      await page.getByTestId('duty-save').click();
      await expect.poll(() => page.getByTestId('duty-table').textContent()).toContain('Chốt cầu Đoàn Kết');
      expect(await page.getByTestId('duty-table').textContent()).toContain('Lò Văn Dũng');
      await shot(page, '1b-committee-and-duty.png');
      await page.context().close();
    });

    it('the province sees the kits short, transfers them from the CDC store, and the shortfall is gone', async () => {
      const page = await open(e2e.browser, province);
      await page.getByTestId('nav-plans').click();
      await page.getByTestId('plans-tab-readiness').click();
      await expect.poll(() => doanKetRow(page).getByTestId('shortfall-rapid_antigen_kit').count()).toBe(1);
      expect(await doanKetRow(page).getByTestId('shortfall-rapid_antigen_kit').textContent()).toContain('thiếu 500');
      await page.locator('path.commune-03388').waitFor();
      await shot(page, '2-province-shortfall.png');

      await page.getByTestId('nav-resources').click();
      await page.getByTestId('stores-table').getByText('Kho CDC tỉnh').click();
      await page.getByTestId('movement-kind').selectOption('transfer');
      await page.getByTestId('movement-item').selectOption('rapid_antigen_kit');
      await page.getByTestId('movement-to-store').selectOption({ label: 'Kho Trạm y tế Đoàn Kết — Phường Đoàn Kết' });
      await page.getByTestId('movement-quantity').fill('500');
      await page.getByTestId('movement-text').fill('Tăng cường cho phường Đoàn Kết (cấp độ 3)');
      await page.getByTestId('movement-save').click();
      await expect.poll(() => page.getByTestId('stock-rapid_antigen_kit').textContent()).toContain('500');
      await expect.poll(() => page.getByTestId('ledger-table').textContent()).toContain('Điều chuyển đi');
      await shot(page, '3-province-transfer.png');

      await page.getByTestId('nav-plans').click();
      await page.getByTestId('plans-tab-readiness').click();
      await expect.poll(() => doanKetRow(page).getByTestId('no-shortfall').count()).toBe(1);
      expect(await doanKetRow(page).getByTestId('readiness-percent').textContent()).toContain('100');
      await shot(page, '4-province-ready.png');
      await page.context().close();
    });

    it('Đoàn Kết records a donation and the public page shows it, naming no recipient', async () => {
      const page = await open(e2e.browser, officer);
      await page.getByTestId('nav-resources').click();
      await page.getByTestId('resources-tab-support').click();
      await page.getByTestId('donation-new').click();
      await page.getByTestId('donation-donor').fill('Công ty TNHH Minh Phát');
      await page.getByTestId('donation-amount').fill('50000000');
      await page.getByTestId('donation-purpose').selectOption('lockdown_households');
      await page.getByTestId('donation-received-on').fill('2026-11-30');
      await page.getByTestId('donation-save').click();
      await expect.poll(() => page.getByTestId('donations-table').textContent()).toContain('Minh Phát');
      await shot(page, '5-commune-donation.png');
      await page.context().close();

      const citizen = await open(e2e.browser, null);
      await citizen.goto(`${e2e.server.url}/c/ho-tro?tinh=12`);
      const row = citizen.locator('[data-testid="support-table"] tr[data-commune="03388"]');
      await expect.poll(() => row.textContent()).toContain('50.000.000');
      expect(await row.textContent()).toContain('Hộ gia đình trong vùng phong tỏa');
      expect(await citizen.getByTestId('support-cash-received').textContent()).toContain('50.000.000');
      await shot(citizen, '6-public-support.png');
      await citizen.context().close();
    });
  },
);
