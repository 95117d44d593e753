import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, errorStatus } from '../../core/errors.ts';
import { createTestPlatform, LAI_CHAU, type TestClient, type TestPlatform } from '../testing/test-platform.ts';

let t: TestPlatform;
let admin: TestClient;
beforeAll(async () => {
  t = await createTestPlatform();
  admin = await t.signIn('system_admin', LAI_CHAU);
});
afterAll(async () => t.close());

const noLeak = (body: string) => {
  expect(body).not.toMatch(/at .*\.ts:\d+|stack|node_modules/);
};

describe('error answers', () => {
  it('has a status for every code', () => {
    for (const code of errorCodes) expect(errorStatus[code]).toBeGreaterThanOrEqual(400);
  });

  it('answers an unknown API route with 404 JSON in the caller language', async () => {
    const vi = await t.app.inject({ method: 'GET', url: '/api/khong-co' });
    expect(vi.statusCode).toBe(404);
    expect(vi.json()).toEqual({ error: { code: 'ROUTE_NOT_FOUND', message: 'Địa chỉ không tồn tại.' } });
    const en = await t.app.inject({
      method: 'DELETE',
      url: '/api/khong-co',
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(en.json().error.message).toBe('No such address.');
  });

  it('refuses malformed JSON, wrong content types and oversized bodies without a 500', async () => {
    const malformed = await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: '{"username":',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('VALIDATION_FAILED');
    const form = await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: 'a=b',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.statusCode).toBe(415);
    const huge = await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: JSON.stringify({ fullName: 'x'.repeat(2 * 1024 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(huge.statusCode).toBe(413);
    for (const r of [malformed, form, huge]) noLeak(r.body);
  });

  it('refuses bad path and query parameters with field details', async () => {
    const badId = await admin.patch('/api/users/not-a-uuid', { fullName: 'Nguyễn Văn A' });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.details[0].path).toBe('id');
    const badLimit = await admin.get('/api/users?limit=100000');
    expect(badLimit.statusCode).toBe(400);
    expect(badLimit.json().error.details[0].path).toBe('limit');
    const badCode = await admin.get("/api/localities/12'%20or%201=1");
    expect(badCode.statusCode).toBe(400);
    const emptyPatch = await admin.patch(`/api/users/${admin.user.id}`, {});
    expect(emptyPatch.statusCode).toBe(400);
  });

  it('gives Vietnamese field messages by default and English on request', async () => {
    const vi = await admin.post('/api/users', {
      username: 'ab',
      fullName: 'A B',
      role: 'inspector',
      localityCode: LAI_CHAU,
    });
    expect(vi.json().error.details[0]).toEqual({
      path: 'username',
      message: 'Tên đăng nhập: 3–50 ký tự a-z 0-9 . _ -',
    });
    const en = await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'abc', fullName: 'A', role: 'inspector', localityCode: LAI_CHAU },
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().error.details[0].path).toBe('fullName');
    expect(en.json().error.details[0].message).toMatch(/Too small/);
  });

  it('sends security headers and serves the OpenAPI description', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    const spec = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(spec.statusCode).toBe(200);
    const paths = Object.keys(spec.json().paths);
    expect(paths).toContain('/api/localities/merge');
    expect(paths).toContain('/api/users/{id}');
    expect((await t.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400);
  });
});

describe('language', () => {
  it('says a page cursor is malformed in the caller language', async () => {
    const vi = await admin.get('/api/users?after=garbage');
    expect(vi.statusCode).toBe(400);
    expect(vi.json().error.details).toEqual([
      { path: 'after', message: 'Con trỏ trang không hợp lệ: hãy tải lại danh sách từ đầu' },
    ]);
    const en = await admin.request({
      method: 'GET',
      url: '/api/users?after=garbage',
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().error.details).toEqual([
      { path: 'after', message: 'Invalid page cursor: reload the list from the start' },
    ]);
  });

  it('follows the language chosen in the app (cookie) over the browser header', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/nowhere',
      headers: { 'accept-language': 'vi-VN', cookie: 'pd_lang=en' },
    });
    expect(res.json().error.message).toBe('No such address.');
  });
});
