import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { vietnamToday } from '../core/vietnam-calendar.ts';
import { registerCase } from '../server/commands/register-case.ts';
import { systemActor } from '../server/shared/actor.ts';
import { personRef, phone } from '../server/testing/factories.ts';
import { chromiumOrSkip } from './support/chromium.ts';
import { useE2e } from './support/fixture.ts';
import { artefactsDir, signIn } from './support/e2e-server.ts';

const { path: chromiumPath, available: hasChromium } = chromiumOrSkip();
const DOAN_KET = '03388';

describe.runIf(hasChromium)('end-to-end in Chromium: declaring a contact already registered', () => {
  const e2e = useE2e(chromiumPath);

  it('a commune officer finds the person typed without diacritics, picks her, and the audit log says so in words', async () => {
    const services = e2e.server.platform.services;
    const db = e2e.server.platform.database.db;
    const sys = systemActor('e2e');
    const today = vietnamToday();
    const ref = personRef('Hoàng Thị Ngọc Ánh', { communeCode: DOAN_KET, birthYear: 1991, gender: 'female' });
    if (!('person' in ref)) throw new Error('unreachable');
    const anhPhone = phone();
    const anh = await services.peopleRegistry.resolve(
      db,
      sys,
      { person: { ...ref.person, phone: anhPhone } },
      'subject',
    );
    const c = await registerCase(services, sys, {
      clientKey: crypto.randomUUID(),
      subject: personRef('Lò Văn Nguồn', { communeCode: DOAN_KET }),
      sampleDate: today,
      confirmedDate: today,
      classification: 'community',
      sourceCaseIds: [],
    });

    const officer = await e2e.server.createUser('xa.doanket.search', 'commune_officer', DOAN_KET);
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await signIn(page, e2e.server.url, officer);
    await page.goto(`${e2e.server.url}/cases/${c.id}`);
    await page.getByTestId('contact-declare-toggle').click();
    await page.getByTestId('contact-search-input').fill('hoang thi ngoc anh');
    const result = page.getByTestId('contact-search-result');
    await expect.poll(() => result.count()).toBe(1);
    const shown = (await result.textContent()) ?? '';
    expect(shown).toContain('Hoàng Thị Ngọc Ánh');
    expect(shown).toContain('1991');
    expect(shown).toContain(anhPhone.slice(-3));
    expect(shown).not.toContain(anhPhone);
    expect(shown).not.toContain(ref.person.idNumber);
    await page.screenshot({ path: path.join(artefactsDir, 'contact-people-search.png'), fullPage: true });
    await page.getByTestId('contact-search-pick').click();
    await page.getByTestId('contact-search-picked').waitFor();
    // Picked: no identity to retype.
    expect(await page.getByTestId('contact-person-full-name').count()).toBe(0);
    await page.getByTestId('contact-declare-submit').click();
    await page.getByTestId(`contact-row-${anh.id}`).waitFor();

    // The same person, not a second record of her.
    const records = await db.selectFrom('people').select('id').where('name_key', '=', 'hoang thi ngoc anh').execute();
    expect(records.map((r) => r.id)).toEqual([anh.id]);

    // The administrator reads the search and the declaration in words, by the officer's name.
    const admin = await e2e.server.createUser('admin.search', 'system_admin', '12');
    const adminPage = await (
      await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' })
    ).newPage();
    await signIn(adminPage, e2e.server.url, admin);
    await adminPage.goto(`${e2e.server.url}/admin/audit`);
    await adminPage.getByTestId('audit-filter-action').selectOption('search');
    await expect.poll(() => adminPage.getByTestId('audit-table').textContent()).toContain('Tìm kiếm người');
    const log = (await adminPage.getByTestId('audit-table').textContent()) ?? '';
    expect(log).toContain('E2E xa.doanket.search');
    expect(log).toContain('Đoàn Kết');
    expect(log).not.toContain('read_list');
    await adminPage.getByTestId('audit-filter-action').selectOption('declare_contact');
    await expect.poll(() => adminPage.getByTestId('audit-table').textContent()).toContain('Khai báo người tiếp xúc');
    await adminPage.screenshot({ path: path.join(artefactsDir, 'audit-log-in-words.png'), fullPage: true });
    await adminPage.getByTestId('lang-en').click();
    await expect.poll(() => adminPage.getByTestId('audit-table').textContent()).toContain('Declared a contact');
  });
});
