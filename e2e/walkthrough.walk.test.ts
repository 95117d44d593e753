import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { citizenPages, matchPath, staffPages } from '../core/pages.ts';
import type { Role } from '../core/roles.ts';
import { demoFacilityIds, seedDemoOutbreak } from '../server/cli/demo-outbreak.ts';
import { systemActor } from '../server/shared/actor.ts';
import { testPassword } from '../server/testing/test-platform.ts';
import { chromiumOrSkip } from './support/chromium.ts';
import { useE2e } from './support/fixture.ts';
import { artefactsDir, signIn, type E2eUser } from './support/e2e-server.ts';
import {
  accessibilityProblems,
  properNouns,
  settle,
  textProblems,
  watchTraffic,
  type WalkFinding,
} from './support/walk.ts';

const { path: chromiumPath, available: hasChromium } = chromiumOrSkip();
const shots = path.join(artefactsDir, 'walkthrough');

/**
 * Every page of every role on the demo province, as a new user walks it: the pages its navigation
 * offers and one record of each kind those pages link to. Each page in Vietnamese, then in English:
 * no raw code where a name belongs, no undefined/null/NaN, no page left loading, no Vietnamese in
 * the English interface, and no serious or critical accessibility violation (axe-core). One
 * screenshot per page and language under test-artifacts/e2e/walkthrough.
 */
describe.runIf(hasChromium)('end-to-end in Chromium: the walk-through of every role', () => {
  const e2e = useE2e(chromiumPath);
  let nouns: string[];
  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true });
    await seedDemoOutbreak(e2e.server.platform);
  }, 180_000);

  const staffRoles: [Role, string][] = [
    ['commune_officer', '03388'],
    ['health_department', '12'],
    ['steering_committee', '12'],
    ['facility_staff', '12'],
    ['system_admin', '12'],
  ];

  for (const [role, locality] of staffRoles) {
    it(`${role}: every page reads as words, in both languages, accessibly`, { timeout: 600_000 }, async () => {
      const user = await staffUser(role, locality);
      // Read after the account exists: its own name is a proper noun on every page.
      nouns = await properNouns(e2e.server.platform.database.db);
      const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
      const page = await context.newPage();
      watchTraffic(page);
      await signIn(page, e2e.server.url, user);
      const findings: WalkFinding[] = [];
      // Vietnamese first: the navigation's pages, collecting one record of each kind they link to.
      await setStaffLanguage(page, 'vi');
      const top = await navigationPaths(page);
      const details = new Map<string, string>();
      for (const p of top) {
        findings.push(...(await inspect(page, `${e2e.server.url}${p}`, `${role}${p}`, 'vi')));
        for (const href of await linksOn(page)) {
          const pattern = staffPages.find((sp) => sp.includes(':') && matchPath(sp, href));
          if (pattern && !details.has(pattern)) details.set(pattern, href);
        }
      }
      for (const p of details.values())
        findings.push(...(await inspect(page, `${e2e.server.url}${p}`, `${role}${p}`, 'vi')));
      await setStaffLanguage(page, 'en');
      for (const p of [...top, ...details.values()])
        findings.push(...(await inspect(page, `${e2e.server.url}${p}`, `${role}${p}`, 'en')));
      await context.close();
      expect(findings).toEqual([]);
    });
  }

  it(
    'a citizen on a phone: every public page reads as words, in both languages, accessibly',
    { timeout: 300_000 },
    async () => {
      const venue = await e2e.server.platform.database.db
        .selectFrom('venues')
        .select('public_code')
        .where('status', '=', 'approved')
        .executeTakeFirstOrThrow();
      nouns = await properNouns(e2e.server.platform.database.db);
      const paths: string[] = [...citizenPages.filter((p) => !p.includes(':')), `/v/${venue.public_code}`];
      const context = await e2e.browser.newContext({
        viewport: { width: 390, height: 844 },
        locale: 'vi-VN',
        isMobile: true,
      });
      const page = await context.newPage();
      watchTraffic(page);
      const findings: WalkFinding[] = [];
      for (const lang of ['vi', 'en'] as const) {
        await page.goto(`${e2e.server.url}/c`);
        await page.getByTestId(`lang-${lang}`).click();
        for (const p of paths) findings.push(...(await inspect(page, `${e2e.server.url}${p}`, `citizen${p}`, lang)));
      }
      await context.close();
      expect(findings).toEqual([]);
    },
  );

  async function staffUser(role: Role, locality: string): Promise<E2eUser> {
    const username = `walk.${role.replaceAll('_', '.')}`;
    if (role !== 'facility_staff') return e2e.server.createUser(username, role, locality);
    const password = testPassword();
    await e2e.server.platform.services.users.create(systemActor('e2e'), {
      username,
      fullName: 'Nhân viên cơ sở (walk)',
      role,
      localityCode: locality,
      password,
      facilityIds: await demoFacilityIds(e2e.server.platform),
    });
    return { username, password };
  }

  /** The pages the navigation offers, each once. */
  async function navigationPaths(page: Page): Promise<string[]> {
    const all = await page
      .locator('#main-nav a[href^="/"]')
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    return all.filter((p, i) => all.indexOf(p) === i);
  }

  function linksOn(page: Page): Promise<string[]> {
    return page
      .locator('a[href^="/"]')
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  }

  async function setStaffLanguage(page: Page, lang: 'vi' | 'en') {
    await page.goto(`${e2e.server.url}/`);
    await page.getByTestId(`lang-${lang}`).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
  }

  async function inspect(page: Page, url: string, label: string, lang: 'vi' | 'en'): Promise<WalkFinding[]> {
    await page.goto(url);
    await settle(page);
    const file = `${label.replace(/[^a-z0-9.]+/gi, '_')}-${lang}.png`;
    await page.screenshot({ path: path.join(shots, file), fullPage: true });
    const problems = [
      ...(await textProblems(page, lang, nouns)),
      ...(lang === 'vi' ? await accessibilityProblems(page) : []),
    ];
    // A record of the walk beside the screenshots, page by page, for whoever reads the artefacts.
    fs.appendFileSync(path.join(shots, 'walk.log'), `${label} ${lang}: ${problems.join(' | ') || 'ok'}\n`);
    return problems.map((problem) => ({ page: label, lang, problem }));
  }
});
