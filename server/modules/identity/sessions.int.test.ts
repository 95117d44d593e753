import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestPlatform,
  DIEN_BIEN,
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

const loginFrom = async (username: string, password: string, userAgent: string, ip: string) => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: ip,
    headers: { 'user-agent': userAgent },
  });
  const cookie = res.cookies.find((c) => c.name === 'pd_session')!;
  return { cookie: `pd_session=${cookie.value}`, csrf: res.json().csrfToken as string };
};

const chromeOnWindows =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
const safariOnIphone =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';

describe('own sessions', () => {
  it('lists them with device, address and times, the current one marked, and ends any of them', async () => {
    const u = await t.createUser('inspector', LAI_CHAU);
    const office = await loginFrom(u.username, u.password, chromeOnWindows, '10.80.0.1');
    const phone = await loginFrom(u.username, u.password, safariOnIphone, '10.80.0.2');
    const list = await t.app.inject({ method: 'GET', url: '/api/auth/sessions', headers: { cookie: office.cookie } });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as {
      id: string;
      device: string;
      ip: string;
      current: boolean;
      createdAt: string;
      lastSeenAt: string;
    }[];
    expect(items.map((s) => [s.device, s.ip, s.current]).sort()).toEqual([
      ['Chrome · Windows', '10.80.0.1', true],
      ['Safari · iOS', '10.80.0.2', false],
    ]);
    expect(JSON.stringify(items)).not.toMatch(/[0-9a-f]{64}/);
    const phoneId = items.find((s) => !s.current)!.id;
    const ended = await t.app.inject({
      method: 'DELETE',
      url: `/api/auth/sessions/${phoneId}`,
      headers: { cookie: office.cookie, 'x-csrf-token': office.csrf },
    });
    expect(ended.statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: phone.cookie } })).statusCode,
    ).toBe(401);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: office.cookie } })).statusCode,
    ).toBe(200);
    const again = await t.app.inject({
      method: 'DELETE',
      url: `/api/auth/sessions/${phoneId}`,
      headers: { cookie: office.cookie, 'x-csrf-token': office.csrf },
    });
    expect(again.statusCode).toBe(404);
    const event = await t.platform.database.db
      .selectFrom('audit_events')
      .select(['action', 'after'])
      .where('entity_id', '=', u.id)
      .where('action', '=', 'session_ended')
      .executeTakeFirstOrThrow();
    expect(event.after).toEqual({ session: phoneId });
  });

  it("cannot end someone else's session", async () => {
    const a = await t.signIn('inspector', LAI_CHAU);
    const b = await t.signIn('inspector', LAI_CHAU);
    const bId = (await b.get('/api/auth/sessions')).json().items[0].id;
    expect((await a.delete(`/api/auth/sessions/${bId}`)).statusCode).toBe(404);
    expect((await b.get('/api/auth/me')).statusCode).toBe(200);
  });
});

describe("an administrator ends a user's sessions", () => {
  it('signs the user out everywhere, audited, inside the administrator scope only', async () => {
    const u = await t.createUser('commune_officer', '03388');
    const s1 = await t.login(u.username, u.password);
    const s2 = await t.login(u.username, u.password);
    const res = await admin.post(`/api/users/${u.id}/end-sessions`);
    expect(res.json()).toEqual({ ended: 2 });
    for (const s of [s1, s2]) expect((await s.get('/api/auth/me')).statusCode).toBe(401);
    const event = await t.platform.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_id', '=', u.id)
      .where('action', '=', 'end_sessions')
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actor_id: admin.user.id, after: { ended: 2 }, locality_code: '03388' });
    const elsewhere = await t.signIn('system_admin', DIEN_BIEN);
    const s3 = await t.login(u.username, u.password);
    expect((await elsewhere.post(`/api/users/${u.id}/end-sessions`)).statusCode).toBe(404);
    const officer = await t.signIn('commune_officer', '03388');
    expect((await officer.post(`/api/users/${u.id}/end-sessions`)).statusCode).toBe(404);
    expect((await s3.get('/api/auth/me')).statusCode).toBe(200);
  });
});
