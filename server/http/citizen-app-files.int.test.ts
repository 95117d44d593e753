import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.ts';
import { IMMUTABLE } from './page-answers.ts';
import { hasWebBuild, webDist } from './server.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(async () => t.close());

/** The installable citizens' app (web/vite.citizen.config.ts): its worker, manifest and icons as served. */
describe.runIf(hasWebBuild())('the citizens’ app files', () => {
  it('serves the service worker revalidated on every start (never immutable), on GET and HEAD', async () => {
    for (const method of ['GET', 'HEAD'] as const) {
      const res = await t.app.inject({ method, url: '/citizen-sw.js' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['cache-control']).not.toBe(IMMUTABLE);
      if (method === 'HEAD') expect(res.body).toBe('');
    }
  });

  it('precaches the citizens’ files only, never the officials’ application', () => {
    const worker = fs.readFileSync(path.join(webDist, 'citizen-sw.js'), 'utf8');
    const urls = [...worker.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]!);
    expect(urls).toContain('citizen.html');
    expect(urls.some((u) => u.startsWith('assets/c/citizen-') && u.endsWith('.js'))).toBe(true);
    expect(urls.filter((u) => u === 'index.html' || /^assets\/(?!c\/)/.test(u))).toEqual([]);
    expect(new Set(urls).size).toBe(urls.length);
  });

  it('serves the manifest (Vietnamese first, start at /c/, icons that exist) and links it from the citizens’ page only', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/citizen.webmanifest' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/manifest\+json/);
    expect(res.headers['cache-control']).toBe('no-cache');
    const manifest = res.json<{
      lang: string;
      short_name: string;
      start_url: string;
      scope: string;
      icons: { src: string; sizes: string; type: string }[];
    }>();
    expect(manifest).toMatchObject({ lang: 'vi', short_name: 'Khai báo y tế', start_url: '/c/', scope: '/' });
    for (const size of ['192x192', '512x512']) expect(manifest.icons.some((i) => i.sizes === size)).toBe(true);
    for (const icon of manifest.icons) {
      const file = await t.app.inject({ method: 'GET', url: icon.src });
      expect(file.statusCode, icon.src).toBe(200);
      expect(file.headers['content-type']).toContain(icon.type);
    }
    const citizen = await t.app.inject({ method: 'GET', url: '/c' });
    expect(citizen.body).toContain('rel="manifest" href="/citizen.webmanifest"');
    const staff = await t.app.inject({ method: 'GET', url: '/cases' });
    expect(staff.body).not.toContain('manifest');
    expect(staff.body).not.toContain('citizen-sw');
  });
});
