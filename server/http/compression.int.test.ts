import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, LAI_CHAU, type TestClient, type TestPlatform } from '../testing/test-platform.ts';
import { hasWebBuild, webDist } from './server.ts';

let t: TestPlatform;
let admin: TestClient;
beforeAll(async () => {
  t = await createTestPlatform();
  admin = await t.signIn('system_admin', LAI_CHAU);
});
afterAll(async () => t.close());

const get = (url: string, acceptEncoding?: string) =>
  t.app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

describe('compressed answers, for phones on slow networks', () => {
  it('sends a province’s boundaries in Brotli when the client takes it, gzip otherwise, identical once decoded', async () => {
    const plain = await get(`/api/public/boundaries/${LAI_CHAU}`);
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();

    const br = await get(`/api/public/boundaries/${LAI_CHAU}`, 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    const decoded = zlib.brotliDecompressSync(br.rawPayload).toString('utf8');
    expect(JSON.parse(decoded)).toEqual(plain.json());
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);

    const gz = await get(`/api/public/boundaries/${LAI_CHAU}`, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(gz.rawPayload).toString('utf8'))).toEqual(plain.json());
  });

  it('leaves small answers and already-compressed files (Excel) as they are', async () => {
    const health = await get('/api/health', 'br');
    expect(health.statusCode).toBe(200);
    expect(health.headers['content-encoding']).toBeUndefined();

    const xlsx = await admin.request({
      method: 'GET',
      url: `/api/localities/export.xlsx?parent=${LAI_CHAU}`,
      headers: { 'accept-encoding': 'br' },
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-encoding']).toBeUndefined();
    expect(xlsx.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('refuses a compressed request body (415, in the caller’s language) rather than inflating it', async () => {
    const body = zlib.gzipSync(
      JSON.stringify({ username: 'nen.gzip', fullName: 'Nén Gzip', role: 'inspector', localityCode: LAI_CHAU }),
    );
    const r = await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: body,
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', 'accept-language': 'en' },
    });
    expect(r.statusCode).toBe(415);
    expect(r.headers['accept-encoding']).toBe('identity');
    expect(r.json().error).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'This content type is not supported.',
    });
    expect((await admin.get('/api/users?q=nen.gzip')).json().items).toHaveLength(0);
  });

  it.runIf(hasWebBuild())('serves the build’s own Brotli and gzip copies of its scripts', async () => {
    const citizenDir = path.join(webDist, 'assets/c');
    const script = fs.readdirSync(citizenDir).find((f) => /^citizen-.*\.js$/.test(f));
    expect(script).toBeDefined();
    const original = fs.readFileSync(path.join(citizenDir, script!));
    const br = await get(`/assets/c/${script}`, 'br, gzip');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.rawPayload).equals(original)).toBe(true);
    const gz = await get(`/assets/c/${script}`, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).equals(original)).toBe(true);
    const plain = await get(`/assets/c/${script}`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.equals(original)).toBe(true);
  });
});
