import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { vietnameseIn } from '../../web/src/i18n/vietnamese-text.ts';
import type { Db } from '../../server/db/database.ts';
import { maskName } from '../../server/modules/people/people.service.ts';
import { leaves } from '../../web/src/i18n/catalogue-checks.ts';
import { vi as staffVi } from '../../web/src/i18n/vi.ts';
import { vi as citizenVi } from '../../web/src/citizen/i18n/vi.ts';
import { viPages as citizenViPages } from '../../web/src/citizen/i18n/vi-pages.ts';

/**
 * What a walk-through reads on a page: the problems a new user would see. Proper nouns (people,
 * places, venues, facilities, clusters, accounts, organisations) are Vietnamese in both languages: they are taken
 * out before looking for Vietnamese in the English interface.
 */
export interface WalkFinding {
  page: string;
  lang: 'vi' | 'en';
  problem: string;
}

const loadingWords = /Đang tải|Loading…/;
const rawCode = [
  { name: 'an "undefined", "null" or "NaN"', re: /\b(undefined|null|NaN)\b/ },
  { name: 'a locality path', re: /\bVN\/\d{2}/ },
  { name: 'an internal id', re: /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/ },
  { name: 'a raw code (snake_case)', re: /\b[a-z]+(?:_[a-z0-9]+)+\b/ },
];

/** Every message key of both applications (plural keys by their base name): a key on screen is a missing message. */
const messageKeys = new Set(
  [staffVi, { ...citizenVi, ...citizenViPages }].flatMap((c) =>
    [...leaves(c).keys()].map((k) => k.replace(/_other$/, '')),
  ),
);

/** Requests in flight per page and when that last changed, counted from the page's own events. */
const traffic = new WeakMap<Page, { inFlight: number; changedAt: number }>();

function trafficOf(page: Page): { inFlight: number; changedAt: number } {
  let t = traffic.get(page);
  if (!t) {
    const state = { inFlight: 0, changedAt: Date.now() };
    page.on('request', () => {
      state.inFlight++;
      state.changedAt = Date.now();
    });
    const done = () => {
      state.inFlight = Math.max(0, state.inFlight - 1);
      state.changedAt = Date.now();
    };
    page.on('requestfinished', done);
    page.on('requestfailed', done);
    traffic.set(page, state);
    t = state;
  }
  return t;
}

/** Starts counting a page's requests; call before its first navigation. */
export function watchTraffic(page: Page): void {
  trafficOf(page);
}

/**
 * Waits until the page has stopped loading: nothing in flight for 150 ms and no "loading" line
 * left. (Playwright's networkidle waits a fixed 500 ms after the last request, which over the
 * walk's ~400 page views was most of its time.)
 */
export async function settle(page: Page): Promise<void> {
  const t = trafficOf(page);
  await page.waitForLoadState('load');
  for (let i = 0; i < 300; i++) {
    if (t.inFlight === 0 && Date.now() - t.changedAt >= 150) {
      if (!loadingWords.test(await page.locator('body').innerText())) return;
    }
    await page.waitForTimeout(50);
  }
}

/** The proper nouns of the demo database, longest first, so "Phường Đoàn Kết" goes before "Đoàn Kết". */
export async function properNouns(db: Db): Promise<string[]> {
  const addresses = await Promise.all([
    db.selectFrom('venues').select('address_line as n').execute(),
    db.selectFrom('facilities').select('address_line as n').execute(),
    db.selectFrom('organisations').select('address_line as n').execute(),
  ]);
  const lists = await Promise.all([
    db.selectFrom('localities').select('name as n').execute(),
    db.selectFrom('localities').select('full_name as n').execute(),
    db.selectFrom('people').select('full_name as n').execute(),
    db.selectFrom('cases').select('full_name as n').execute(),
    db.selectFrom('venues').select(['name as n']).execute(),
    db.selectFrom('facilities').select('name as n').execute(),
    db.selectFrom('venues').select('organisation_name as n').execute(),
    db.selectFrom('epidemic_zones').select('name as n').execute(),
    db.selectFrom('cases').select('notes as n').execute(),
    db.selectFrom('clusters').select('notes as n').execute(),
    db.selectFrom('clusters').select('name as n').execute(),
    db.selectFrom('users').select('full_name as n').execute(),
    db.selectFrom('organisations').select('name as n').execute(),
    db.selectFrom('organisations').select('sector as n').execute(),
    db.selectFrom('organisations').select('head_name as n').execute(),
    db.selectFrom('organisations').select('contact_name as n').execute(),
    // A roster's departments and shifts are the organisation's own words ("Bảo vệ", "Ca sáng").
    db.selectFrom('roster_workers').select('department as n').execute(),
    db.selectFrom('roster_workers').select('shift as n').execute(),
    db.selectFrom('roster_workers').select('full_name as n').execute(),
  ]);
  const names = new Set<string>();
  for (const rows of lists) for (const r of rows) if (r.n) names.add(String(r.n));
  // Gates and entries show a person as "T. V. Thắng": the masked form is a name too.
  for (const r of await db.selectFrom('people').select('full_name as n').execute()) names.add(maskName(r.n));
  // An address's parts are names too: pages show the street without the commune already shown beside it.
  for (const rows of addresses)
    for (const r of rows) for (const part of String(r.n ?? '').split(',')) if (part.trim()) names.add(part.trim());
  // A zone's measures are the officials' own words, shown as they wrote them in both languages.
  for (const z of await db.selectFrom('epidemic_zones').select('measures').execute())
    if (Array.isArray(z.measures)) for (const m of z.measures) if (typeof m === 'string') names.add(m);
  return [...names].sort((a, b) => b.length - a.length);
}

/** The text problems of the page as it is now. */
export async function textProblems(page: Page, lang: 'vi' | 'en', nouns: readonly string[]): Promise<string[]> {
  const text = await page.locator('body').innerText();
  const out: string[] = [];
  if (loadingWords.test(text)) out.push('still loading');
  // Quoted text is what a user must type or a file must carry (a column header), not a label.
  const unquoted = text.replace(/"[^"]*"|“[^”]*”/g, '""');
  for (const { name, re } of rawCode) {
    const m = re.exec(unquoted);
    if (m) out.push(`${name}: "${around(unquoted, m.index)}"`);
  }
  const key = (text.match(/\b[a-z][A-Za-z]*(?:\.[A-Za-z_]+)+\b/g) ?? []).find((w) => messageKeys.has(w));
  if (key) out.push(`a message key instead of its text: "${key}"`);
  if (lang === 'en') {
    let rest = text;
    for (const n of nouns) if (rest.includes(n)) rest = rest.split(n).join(' ');
    // Document symbols are identifiers, not language: 128/NQ-CP, 4800/QĐ-BYT, 1/QĐ-BCĐ.
    rest = rest.replace(/\b\d+\/[A-ZĐ]+(?:-[A-ZĐ]+)*/gu, ' ');
    for (const line of rest.split('\n')) {
      const letter = vietnameseIn(line);
      if (letter) {
        out.push(`Vietnamese in English: "${line.trim().slice(0, 120)}"`);
        break;
      }
    }
  }
  return out;
}

/** axe-core's serious and critical violations (WCAG 2.1 A and AA rules), one line each. */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `axe ${v.impact} ${v.id}: ${v.nodes.length}× e.g. ${v.nodes[0]?.target.join(' ') ?? ''}`);
}

function around(text: string, at: number): string {
  return text
    .slice(Math.max(0, at - 40), at + 40)
    .replace(/\s+/g, ' ')
    .trim();
}
