import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestPlatform,
  DOAN_KET,
  LAI_CHAU,
  type TestClient,
  type TestPlatform,
} from '../../testing/test-platform.ts';

let t: TestPlatform;
let admin: TestClient;
beforeAll(async () => {
  t = await createTestPlatform();
  admin = await t.signIn('system_admin', LAI_CHAU);
});
afterAll(async () => t.close());

const change = (c: TestClient, currentPassword: string, newPassword: string, lang = 'vi') =>
  c.request({
    method: 'POST',
    url: '/api/auth/password',
    payload: { currentPassword, newPassword },
    headers: { 'accept-language': lang },
  });

describe('password rules on every password set', () => {
  it('refuses aaaaaaaaaa and short passwords with a field message in the caller language', async () => {
    const u = await t.createUser('inspector', LAI_CHAU);
    const c = await t.login(u.username, u.password);
    const vi = await change(c, u.password, 'aaaaaaaaaa');
    expect(vi.statusCode).toBe(400);
    expect(vi.json().error.details).toEqual([{ path: 'newPassword', message: 'Mật khẩu cần ít nhất 12 ký tự' }]);
    const en = await change(c, u.password, 'aaaaaaaaaaaa', 'en');
    expect(en.statusCode).toBe(400);
    expect(en.json().error.details[0].message).toMatch(/too common/);
  });

  it('refuses a common password, and one containing the username', async () => {
    const u = await t.createUser('inspector', LAI_CHAU, 'nguyen.van.an');
    const c = await t.login(u.username, u.password);
    expect((await change(c, u.password, 'qwerty123456')).json().error.details[0]).toMatchObject({
      path: 'newPassword',
      message: expect.stringMatching(/phổ biến/),
    });
    const named = await change(c, u.password, 'Nguyen.Van.An-2026-ok', 'en');
    expect(named.json().error.details[0]).toEqual({
      path: 'newPassword',
      message: 'The password must not contain the username.',
    });
  });

  it('refuses the last five passwords, accepts the sixth oldest', async () => {
    const u = await t.createUser('inspector', LAI_CHAU);
    const history = [u.password];
    let c = await t.login(u.username, u.password);
    for (let i = 1; i <= 5; i++) {
      const next = `núi Pu Ta Leng lần ${i}`;
      expect((await change(c, history[history.length - 1]!, next)).statusCode).toBe(200);
      history.push(next);
    }
    const current = history[5]!;
    for (const old of history.slice(1)) {
      const res = await change(c, current, old, 'en');
      expect(res.statusCode, old).toBe(400);
      expect(res.json().error.details[0].message).toBe('Do not reuse one of your last 5 passwords.');
    }
    expect((await change(c, current, history[0]!)).statusCode).toBe(200);
    c = await t.login(u.username, history[0]!);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    const kept = await t.platform.database.db
      .selectFrom('password_history')
      .select('id')
      .where('user_id', '=', u.id)
      .execute();
    expect(kept).toHaveLength(5);
  });

  it('applies to passwords an administrator sets, and generated one-time passwords pass', async () => {
    const base = { fullName: 'Cán bộ mới', role: 'commune_officer', localityCode: DOAN_KET };
    const weak = await admin.post('/api/users', { ...base, username: 'can.bo.moi', password: 'password1234' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0].path).toBe('password');
    const short = await admin.post('/api/users', { ...base, username: 'can.bo.moi', password: 'aaaaaaaaaa' });
    expect(short.json().error.details[0].path).toBe('password');
    const named = await admin.post('/api/users', { ...base, username: 'can.bo.moi', password: 'xx-can.bo.moi-xx' });
    expect(named.json().error.details[0].path).toBe('password');
    expect(
      await t.platform.database.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'can.bo.moi')
        .executeTakeFirst(),
    ).toBeUndefined();
    const created = await admin.post('/api/users', { ...base, username: 'can.bo.moi' });
    expect(created.statusCode).toBe(201);
    const { temporaryPassword, user } = created.json();
    const first = await t.login('can.bo.moi', temporaryPassword);
    // The one-time password is history too: changing to it again is refused.
    expect((await change(first, temporaryPassword, temporaryPassword)).statusCode).toBe(400);
    expect((await change(first, temporaryPassword, 'đèo Ô Quy Hồ mùa mây')).statusCode).toBe(200);
    const reset = (await admin.post(`/api/users/${user.id}/reset-password`)).json();
    expect((await t.login('can.bo.moi', reset.temporaryPassword)).user.id).toBe(user.id);
  });
});
