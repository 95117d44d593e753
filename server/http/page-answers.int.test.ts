import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.ts';
import { IMMUTABLE } from './page-answers.ts';
import { hasWebBuild } from './server.ts';

/** Issue 13 (HTTP details): what monitors, crawlers and a client left over from the last deploy get. */
let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(async () => t.close());

const call = (method: 'GET' | 'HEAD' | 'POST' | 'DELETE' | 'PUT', url: string) => t.app.inject({ method, url });

describe.runIf(hasWebBuild())('pages, files and methods', () => {
  it('answers HEAD like GET on the citizens’ and officials’ pages', async () => {
    for (const url of ['/c', '/c/ban-do', '/login', '/cases/123']) {
      const [get, head] = [await call('GET', url), await call('HEAD', url)];
      expect([url, get.statusCode, head.statusCode]).toEqual([url, 200, 200]);
      expect(head.headers['content-type']).toMatch(/text\/html/);
      expect(head.body).toBe('');
      expect(get.headers['cache-control']).toBe('no-cache');
    }
  });

  it('answers a path that no page has with 404 (the application’s own page), a missing script with no HTML', async () => {
    const page = await call('GET', '/khong-co-trang-nay');
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const script = await call('GET', '/assets/index-00000000.js');
    expect(script.statusCode).toBe(404);
    expect(script.headers['content-type']).toMatch(/json/);
    expect(script.json()).toMatchObject({ error: { code: 'ROUTE_NOT_FOUND' } });
  });

  it('serves robots.txt, and keeps built files a year (their names change with their content)', async () => {
    const robots = await call('GET', '/robots.txt');
    expect(robots.statusCode).toBe(200);
    expect(robots.body).toMatch(/Disallow: \//);
    const html = (await call('GET', '/c')).body;
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const file = await call('GET', asset!);
    expect(file.statusCode).toBe(200);
    expect(file.headers['cache-control']).toBe(IMMUTABLE);
  });

  it('answers 405 with Allow to a method a path does not take, in the caller’s language', async () => {
    const page = await call('POST', '/c/khai-bao');
    expect(page.statusCode).toBe(405);
    expect(page.headers.allow).toBe('GET, HEAD');
    const api = await t.app.inject({ method: 'DELETE', url: '/api/health', headers: { 'accept-language': 'en' } });
    expect(api.statusCode).toBe(405);
    expect(api.headers.allow).toBe('GET, HEAD');
    expect(api.json()).toEqual({
      error: { code: 'METHOD_NOT_ALLOWED', message: 'This address does not accept that method.' },
    });
  });
});
