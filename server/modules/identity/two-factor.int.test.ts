import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestPlatform,
  DOAN_KET,
  LAI_CHAU,
  type TestClient,
  type TestPlatform,
} from '../../testing/test-platform.ts';
import { totpCode } from './totp.ts';

let t: TestPlatform;
let admin: TestClient;
beforeAll(async () => {
  t = await createTestPlatform();
  admin = await t.signIn('system_admin', LAI_CHAU);
});
afterAll(async () => t.close());

const login = (payload: { username: string; password: string; code?: string }, ip = '10.70.0.1') =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload,
    remoteAddress: ip,
    headers: { 'accept-language': 'en' },
  });
const step = () => Math.floor(Date.now() / 30_000);
const auditActions = async (userId: string) =>
  (
    await t.platform.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', userId)
      .orderBy('id')
      .execute()
  ).map((e) => e.action);

describe('two-factor enrolment', () => {
  it('limits an account of an enforced role to enrolment until it has TOTP, then shows the recovery codes once', async () => {
    const u = await t.createUser('health_department', LAI_CHAU, 'cdc.enrol', { enrol: false });
    const c = await t.login(u.username, u.password);
    const me = (await c.get('/api/auth/me')).json();
    expect(me).toMatchObject({
      restriction: 'two_factor_enrolment',
      user: { twoFactorRequired: true, twoFactorEnabled: false },
    });
    const blocked = await c.get(`/api/cases?locality=${LAI_CHAU}`);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('TWO_FACTOR_ENROLMENT_REQUIRED');
    expect((await c.get('/api/auth/sessions')).statusCode).toBe(403);

    const enrolment = (await c.post('/api/auth/2fa/enrol')).json();
    expect(enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(enrolment.uri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(Object.fromEntries(uri.searchParams)).toMatchObject({ secret: enrolment.secret, issuer: 'phongdich' });
    // SHA-1, 6 digits, 30 s: every authenticator's defaults, written or not.
    expect([
      uri.searchParams.get('algorithm') ?? 'SHA1',
      uri.searchParams.get('digits') ?? '6',
      uri.searchParams.get('period') ?? '30',
    ]).toEqual(['SHA1', '6', '30']);
    // The secret is stored sealed, never in clear.
    const row = await t.platform.database.db
      .selectFrom('users')
      .select(['totp_pending_secret', 'totp_secret'])
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow();
    expect(row.totp_pending_secret).toMatch(/^v1\./);
    expect(row.totp_pending_secret).not.toContain(enrolment.secret);

    const wrong = await c.post('/api/auth/2fa/confirm', { code: '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].path).toBe('code');
    const confirmed = await c.post('/api/auth/2fa/confirm', { code: totpCode(enrolment.secret) });
    expect(confirmed.statusCode).toBe(200);
    const { recoveryCodes } = confirmed.json();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[2-9a-z]{5}-[2-9a-z]{5}$/);
    const stored = await t.platform.database.db
      .selectFrom('recovery_codes')
      .select('code_hash')
      .where('user_id', '=', u.id)
      .execute();
    expect(stored).toHaveLength(10);
    expect(JSON.stringify(stored)).not.toContain(recoveryCodes[0].replace('-', ''));

    expect((await c.get(`/api/cases?locality=${LAI_CHAU}`)).statusCode).toBe(200);
    expect((await c.get('/api/auth/2fa')).json()).toMatchObject({
      enabled: true,
      required: true,
      recoveryCodesLeft: 10,
    });
    expect((await c.post('/api/auth/2fa/enrol')).statusCode).toBe(409);
    expect(await auditActions(u.id)).toEqual(expect.arrayContaining(['2fa_enrolment_started', '2fa_enrolled']));

    // Signing in now takes the code.
    const noCode = await login({ username: u.username, password: u.password });
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().error.code).toBe('SECOND_FACTOR_REQUIRED');
    const withCode = await login({
      username: u.username,
      password: u.password,
      code: totpCode(enrolment.secret, (step() + 1) * 30_000),
    });
    expect(withCode.statusCode).toBe(200);
    expect(withCode.json().restriction).toBeNull();
  });

  it('does not restrict roles outside PHONGDICH_2FA_ROLES, who may still enrol and turn it off again', async () => {
    const u = await t.createUser('commune_officer', DOAN_KET, undefined, { enrol: false });
    const c = await t.login(u.username, u.password);
    expect((await c.get('/api/auth/me')).json()).toMatchObject({
      restriction: null,
      user: { twoFactorRequired: false },
    });
    const { secret } = (await c.post('/api/auth/2fa/enrol')).json();
    expect((await c.post('/api/auth/2fa/confirm', { code: totpCode(secret) })).statusCode).toBe(200);
    expect((await c.request({ method: 'DELETE', url: '/api/auth/2fa' })).statusCode).toBe(200);
    expect((await login({ username: u.username, password: u.password }, '10.70.0.9')).statusCode).toBe(200);
    expect(await auditActions(u.id)).toContain('2fa_disabled');
  });

  it('refuses to turn it off for a role that must use it', async () => {
    const c = await t.signIn('steering_committee', LAI_CHAU);
    expect((await c.request({ method: 'DELETE', url: '/api/auth/2fa' })).statusCode).toBe(403);
  });
});

describe('signing in with a second factor', () => {
  it('accepts a code once: the same code again is refused (replay)', async () => {
    const u = await t.createUser('steering_committee', LAI_CHAU);
    const code = totpCode(u.totpSecret!);
    expect((await login({ ...u, code }, '10.71.0.1')).statusCode).toBe(200);
    const replay = await login({ ...u, code }, '10.71.0.2');
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('SECOND_FACTOR_INVALID');
  });

  it('counts a wrong code as a failed attempt in the throttle', async () => {
    const u = await t.createUser('health_department', LAI_CHAU);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push(
        (await login({ ...u, code: '123456' === totpCode(u.totpSecret!) ? '654321' : '123456' }, '10.72.0.1'))
          .statusCode,
      );
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect((await auditActions(u.id)).filter((a) => a === 'login_failed')).toHaveLength(3);
  });

  it('accepts each recovery code once, in any case and with spaces', async () => {
    const u = await t.createUser('system_admin', LAI_CHAU);
    const code = u.recoveryCodes[3]!;
    const typed = ` ${code.toUpperCase().replace('-', ' ')} `;
    expect((await login({ ...u, code: typed }, '10.73.0.1')).statusCode).toBe(200);
    const again = await login({ ...u, code }, '10.73.0.2');
    expect(again.json().error.code).toBe('SECOND_FACTOR_INVALID');
    expect(await auditActions(u.id)).toContain('2fa_recovery_code_used');
    const c = await t.login(u.username, u.password);
    expect((await c.get('/api/auth/2fa')).json().recoveryCodesLeft).toBe(9);
    const renewed = (await c.post('/api/auth/2fa/recovery-codes')).json().recoveryCodes;
    expect(renewed).toHaveLength(10);
    expect((await login({ ...u, code: u.recoveryCodes[5]! }, '10.73.0.3')).json().error.code).toBe(
      'SECOND_FACTOR_INVALID',
    );
    expect((await login({ ...u, code: renewed[0] }, '10.73.0.4')).statusCode).toBe(200);
  });
});

describe("an administrator's reset", () => {
  it('removes the second factor, ends the sessions, is audited and scoped', async () => {
    const u = await t.createUser('health_department', LAI_CHAU);
    const session = await t.login(u.username, u.password);
    const res = await admin.post(`/api/users/${u.id}/reset-2fa`);
    expect(res.statusCode).toBe(200);
    expect(res.json().twoFactorEnabled).toBe(false);
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
    const event = await t.platform.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_id', '=', u.id)
      .where('action', '=', 'reset_2fa')
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({
      actor_id: admin.user.id,
      before: { twoFactorEnabled: true },
      after: { twoFactorEnabled: false, sessionsEnded: 1 },
    });
    // Signing in again leads to enrolment, with the password alone.
    const again = await login({ username: u.username, password: u.password }, '10.74.0.1');
    expect(again.json().restriction).toBe('two_factor_enrolment');
    const otherProvince = await t.signIn('system_admin', '11');
    expect((await otherProvince.post(`/api/users/${u.id}/reset-2fa`)).statusCode).toBe(404);
  });
});
