import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestPlatform } from '../testing/test-platform.ts';
import {
  appears,
  clients,
  eventsBy,
  lastAuditId,
  readable,
  seeded,
  setUpAuditCoverage,
} from './audit-coverage-fixtures.ts';
import { routes } from './audit-coverage-routes.ts';

/**
 * Every GET route, called by an official entitled to it over data where seeded people appear.
 * Whenever an answer shows a seeded person's name, ID number or phone, the same call must have
 * written an access record by that account naming the person (audit_event_subjects); every export
 * of personal data must write an export record. A route without an entry in audit-coverage-routes.ts fails the last test.
 */
let t: TestPlatform;
beforeAll(async () => {
  t = await setUpAuditCoverage();
});
afterAll(async () => t.close());

describe('every read of personal data is written to the audit log, naming the people read', () => {
  for (const [route, entry] of Object.entries(routes)) {
    it(route, async () => {
      if ('public' in entry) {
        const res = await t.app.inject({ method: 'GET', url: entry.public() });
        expect(res.statusCode).toBe(200);
        expect(seeded.filter((p) => appears(res.body, p)).map((p) => p.fullName)).toEqual([]);
        return;
      }
      const client = clients[entry.as];
      const before = await lastAuditId();
      const res = await client.get(entry.url());
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      const text = await readable(res);
      const shown = seeded.filter((p) => appears(text, p));
      const { actions, named } = await eventsBy(client.user.id, before);
      if (entry.shows === 'people') expect(shown.length, 'the fixtures show nobody here').toBeGreaterThan(0);
      expect(
        shown.filter((p) => !named.has(p.id!)).map((p) => p.fullName),
        'shown but not named in an access record',
      ).toEqual([]);
      if (route.endsWith('export.xlsx') && entry.shows !== 'none') expect(actions).toContain('export');
    });
  }

  it('covers every GET route that exists', () => {
    const gets = t.app.routeCatalogue
      .filter((r) => r.method === 'GET' && r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'))
      .map((r) => `GET ${r.url}`);
    expect(gets.filter((r) => !(r in routes))).toEqual([]);
    expect(Object.keys(routes).filter((r) => !gets.includes(r))).toEqual([]);
  });
});
