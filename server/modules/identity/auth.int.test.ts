import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, DOAN_KET, LAI_CHAU, type TestPlatform } from '../../testing/test-platform.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(async () => t.close());

const login = (username: string, password: string, lang = 'vi') =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    headers: { 'accept-language': lang },
  });

describe('sign-in', () => {
  it('sets an httpOnly SameSite session cookie and returns the user and a CSRF token', async () => {
    const u = await t.createUser('commune_officer', DOAN_KET);
    const res = await login(u.username.toUpperCase(), u.password);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'pd_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBeFalsy();
    const body = res.json();
    expect(body.user).toMatchObject({
      username: u.username,
      role: 'commune_officer',
      localityCode: DOAN_KET,
      localityName: 'Đoàn Kết',
    });
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
  });

  it('answers a wrong password and an unknown user the same way, in the caller language', async () => {
    const u = await t.createUser('inspector', LAI_CHAU);
    const wrong = await login(u.username, 'not-the-password', 'en');
    const unknown = await login('nobody-here', 'whatever-password', 'en');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.message).toBe('Wrong username or password.');
    expect((await login('nobody-here', 'x')).json().error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
  });

  it('never locks an account: the right password after 5 failures from elsewhere signs in, and no answer is 423', async () => {
    const u = await t.createUser('inspector', LAI_CHAU);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push(
        (
          await t.app.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { username: u.username, password: `wrong-${i}` },
            remoteAddress: '10.11.0.1',
          })
        ).statusCode,
      );
    }
    expect(statuses).not.toContain(423);
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect((await t.login(u.username, u.password, { remoteAddress: '10.11.0.2' })).user.id).toBe(u.id);
    const events = await t.platform.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', u.id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.action)).toEqual([
      'create',
      'login_failed',
      'login_failed',
      'login_failed',
      'login_throttled',
      'login_throttled',
      'login',
    ]);
  });

  it('refuses an empty or oversized body with a validation error, never a 500', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: {} })).statusCode).toBe(400);
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'a', password: 'x'.repeat(300) },
    });
    expect(big.statusCode).toBe(400);
    expect(big.json().error.details[0].path).toBe('password');
  });
});

describe('session', () => {
  it('requires the CSRF token on writes and changes nothing without it', async () => {
    const c = await t.signIn('steering_committee', LAI_CHAU);
    const res = await c.request({
      method: 'PATCH',
      url: `/api/localities/${DOAN_KET}`,
      payload: { name: 'X', fullName: 'Phường X', reason: 'test' },
      csrf: false,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_INVALID');
    expect((await c.get(`/api/localities/${DOAN_KET}`)).json().name).toBe('Đoàn Kết');
  });

  it('ends the session at logout', async () => {
    const c = await t.signIn('inspector', LAI_CHAU);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('purges sessions past their idle limit', async () => {
    const c = await t.signIn('inspector', LAI_CHAU);
    const db = t.platform.database.db;
    await db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - 3 * 3_600_000) })
      .where('user_id', '=', c.user.id)
      .execute();
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
    expect(await t.platform.services.auth.purgeExpiredSessions()).toBeGreaterThanOrEqual(1);
    expect(await db.selectFrom('sessions').select('id').where('user_id', '=', c.user.id).execute()).toEqual([]);
  });

  it('lets a user change their own password, ending their other sessions', async () => {
    const u = await t.createUser('inspector', LAI_CHAU);
    const first = await t.login(u.username, u.password);
    const second = await t.login(u.username, u.password);
    const bad = await first.post('/api/auth/password', {
      currentPassword: 'wrong',
      newPassword: 'a new long passphrase',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('currentPassword');
    expect(
      (await first.post('/api/auth/password', { currentPassword: u.password, newPassword: 'a new long passphrase' }))
        .statusCode,
    ).toBe(200);
    expect((await first.get('/api/auth/me')).statusCode).toBe(200);
    expect((await second.get('/api/auth/me')).statusCode).toBe(401);
    expect((await login(u.username, 'a new long passphrase')).statusCode).toBe(200);
  });
});

describe('a session that must change its password (one-time password)', () => {
  it('reaches only the password change, who-am-I and sign-out: everything else is 403 PASSWORD_CHANGE_REQUIRED', async () => {
    const admin = await t.signIn('system_admin', LAI_CHAU);
    const u = await t.createUser('commune_officer', DOAN_KET);
    const { temporaryPassword } = (await admin.post(`/api/users/${u.id}/reset-password`)).json();
    const c = await t.login(u.username, temporaryPassword);
    const cases = await c.get(`/api/cases?locality=${DOAN_KET}`);
    expect(cases.statusCode).toBe(403);
    expect(cases.json().error).toEqual({
      code: 'PASSWORD_CHANGE_REQUIRED',
      message: 'Bạn cần đổi mật khẩu trước khi tiếp tục.',
    });
    const en = await c.request({ method: 'GET', url: '/api/declarations', headers: { 'accept-language': 'en' } });
    expect(en.json().error.message).toBe('You must change your password before going on.');
    expect((await c.post('/api/risk/zones', {})).statusCode).toBe(403);
    const me = (await c.get('/api/auth/me')).json();
    expect(me.restriction).toBe('password_change');
    expect(me.user.mustChangePassword).toBe(true);
    expect(
      (
        await c.post('/api/auth/password', {
          currentPassword: temporaryPassword,
          newPassword: 'my own long passphrase',
        })
      ).statusCode,
    ).toBe(200);
    expect((await c.get(`/api/cases?locality=${DOAN_KET}`)).statusCode).toBe(200);
    expect((await c.get('/api/auth/me')).json().restriction).toBeNull();
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
  });
});

describe('session cookie', () => {
  it('is plain pd_session over http', async () => {
    const u = await t.createUser('inspector', LAI_CHAU);
    const res = await login(u.username, u.password);
    expect(res.cookies.map((c) => c.name)).toEqual(['pd_session']);
    expect(res.headers['set-cookie']).not.toMatch(/Domain=/i);
  });

  it('is __Host-pd_session (Secure, Path=/, no Domain) when cookies are secure, and only that name is read', async () => {
    const secure = await createTestPlatform({ secureCookies: true });
    try {
      const u = await secure.createUser('inspector', LAI_CHAU);
      const res = await secure.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: u.username, password: u.password },
      });
      expect(res.statusCode).toBe(200);
      const [cookie] = res.cookies;
      expect(cookie).toMatchObject({
        name: '__Host-pd_session',
        secure: true,
        path: '/',
        httpOnly: true,
        sameSite: 'Lax',
      });
      expect(cookie!.domain).toBeUndefined();
      expect(String(res.headers['set-cookie'])).not.toMatch(/Domain=/i);
      const me = (name: string) =>
        secure.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `${name}=${cookie!.value}` } });
      expect((await me('__Host-pd_session')).statusCode).toBe(200);
      expect((await me('pd_session')).statusCode).toBe(401);
      const out = await secure.app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { cookie: `__Host-pd_session=${cookie!.value}`, 'x-csrf-token': res.json().csrfToken },
      });
      expect(String(out.headers['set-cookie'])).toMatch(/^__Host-pd_session=;.*Secure/);
    } finally {
      await secure.close();
    }
  });
});
