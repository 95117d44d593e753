import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumOrSkip } from './support/chromium.ts';
import { useE2e } from './support/fixture.ts';
import { artefactsDir, signIn } from './support/e2e-server.ts';

const { path: chromiumPath, available: hasChromium } = chromiumOrSkip();

describe.runIf(hasChromium)('end-to-end in Chromium: audit alerts and the breach register', () => {
  const e2e = useE2e(chromiumPath);

  it('an administrator sees an export among the alerts, records a breach, follows its 72 hours and prints the notification', async () => {
    const admin = await e2e.server.createUser('admin.audit', 'system_admin', '12');
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await signIn(page, e2e.server.url, admin);
    // An export made through the API by the same session: it must show up as an alert.
    expect(await page.evaluate(async () => (await fetch('/api/users/export.xlsx')).status)).toBe(200);

    await page.getByTestId('nav-admin-audit').click();
    await page.getByTestId('audit-tab-alerts').click();
    await expect.poll(() => page.getByTestId('audit-alerts-table').textContent()).toContain('Xuất dữ liệu');
    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.getByTestId('audit-alerts-table').textContent()).toContain('Export');
    await page.screenshot({ path: path.join(artefactsDir, 'audit-alerts-en.png'), fullPage: true });
    await page.getByTestId('lang-vi').click();

    await page.getByTestId('nav-admin-breaches').click();
    await page.getByTestId('breach-new').click();
    const now = new Date(Date.now() - 2 * 3_600_000 - new Date().getTimezoneOffset() * 60_000)
      .toISOString()
      .slice(0, 16);
    await page.getByTestId('breach-detectedAt').fill(now);
    await page
      .getByTestId('breach-nature')
      .fill('Tài khoản cán bộ bị lộ mật khẩu, danh sách tiếp xúc bị xuất ra ngoài.');
    await page.getByTestId('breach-category-contact_tracing').check();
    await page.getByTestId('breach-peopleAffected').fill('300');
    await page.getByTestId('breach-consequences').fill('Người tiếp xúc có thể bị kỳ thị.');
    await page.getByTestId('breach-measuresTaken').fill('Khoá tài khoản.');
    await page.getByTestId('breach-measuresProposed').fill('Bật xác thực hai lớp.');
    await page.getByTestId('breach-contactName').fill('Lò Văn Quản');
    await page.getByTestId('breach-contactTitle').fill('Phó Giám đốc');
    await page.getByTestId('breach-contactPhone').fill('0213 3876 543');
    await page.getByTestId('breach-submit').click();
    await expect.poll(() => page.getByTestId('breach-deadline').first().textContent()).toMatch(/^Còn (69|70) giờ$/);
    await page.screenshot({ path: path.join(artefactsDir, 'breach-recorded-vi.png'), fullPage: true });

    const pdfHref = await page.getByTestId('breach-pdf').getAttribute('href');
    const pdf = await page.evaluate(async (url) => {
      const r = await fetch(url!);
      return {
        status: r.status,
        type: r.headers.get('content-type'),
        head: new TextDecoder().decode((await r.arrayBuffer()).slice(0, 5)),
      };
    }, pdfHref);
    expect(pdf).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-' });

    await page.getByTestId('breach-notify').click();
    await expect.poll(() => page.getByTestId('breach-deadline').first().textContent()).toBe('Thông báo đúng hạn');
    await page.getByTestId('breach-close').click();
    await expect.poll(() => page.getByTestId('breaches-table').textContent()).toContain('Đã khắc phục, đóng');
    await context.close();
  });
});
