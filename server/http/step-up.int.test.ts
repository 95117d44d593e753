import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, LAI_CHAU, type TestClient, type TestPlatform } from '../testing/test-platform.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(async () => t.close());

/** The session signed in (or re-authenticated) `minutes` ago. */
const age = (c: TestClient, minutes: number) =>
  t.platform.database.db
    .updateTable('sessions')
    .set({ authenticated_at: new Date(Date.now() - minutes * 60_000) })
    .where('user_id', '=', c.user.id)
    .execute();

describe("re-authentication before bulk exports and administrators' actions", () => {
  it('refuses an export 10 minutes after sign-in with REAUTH_REQUIRED, and allows it after POST /api/auth/reauth', async () => {
    const cdc = await t.signIn('health_department', LAI_CHAU);
    expect((await cdc.get(`/api/cases/export.xlsx?locality=${LAI_CHAU}`)).statusCode).toBe(200);
    await age(cdc, 11);
    const refused = await cdc.get(`/api/cases/export.xlsx?locality=${LAI_CHAU}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toEqual({
      code: 'REAUTH_REQUIRED',
      message: 'Vui lòng xác nhận lại mật khẩu để thực hiện thao tác này.',
    });
    expect((await cdc.get(`/api/cases?locality=${LAI_CHAU}`)).statusCode).toBe(200);

    const wrong = await cdc.post('/api/auth/reauth', {
      password: 'not my password',
      code: t.nextCode(cdc.user.username),
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].path).toBe('password');
    const noCode = await cdc.post('/api/auth/reauth', { password: cdc.user.password });
    expect(noCode.json().error.details[0].path).toBe('code');
    const ok = await cdc.post('/api/auth/reauth', { password: cdc.user.password, code: t.nextCode(cdc.user.username) });
    expect(ok.statusCode).toBe(200);
    expect(Date.now() - Date.parse(ok.json().authenticatedAt)).toBeLessThan(60_000);
    expect((await cdc.get(`/api/cases/export.xlsx?locality=${LAI_CHAU}`)).statusCode).toBe(200);
    const actions = (
      await t.platform.database.db
        .selectFrom('audit_events')
        .select('action')
        .where('entity_id', '=', cdc.user.id)
        .execute()
    ).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['reauth_failed', 'reauth']));
  });

  it('asks for it before an administrator acts on accounts', async () => {
    const admin = await t.signIn('system_admin', LAI_CHAU);
    const u = await t.createUser('inspector', LAI_CHAU);
    await age(admin, 30);
    for (const url of [
      `/api/users/${u.id}/reset-password`,
      `/api/users/${u.id}/end-sessions`,
      `/api/users/${u.id}/reset-2fa`,
    ]) {
      expect((await admin.post(url)).json().error?.code, url).toBe('REAUTH_REQUIRED');
    }
    expect((await admin.patch(`/api/users/${u.id}`, { disabled: true })).json().error.code).toBe('REAUTH_REQUIRED');
    const user = await t.platform.database.db
      .selectFrom('users')
      .select('disabled_at')
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow();
    expect(user.disabled_at).toBeNull();
  });

  it("covers every Excel export and the administrators' actions of the route catalogue", () => {
    const stepUp = new Set(t.app.routeCatalogue.filter((r) => r.stepUp).map((r) => `${r.method} ${r.url}`));
    const exports = t.app.routeCatalogue
      .filter((r) => r.url.endsWith('/export.xlsx'))
      .map((r) => `${r.method} ${r.url}`);
    expect(exports.length).toBeGreaterThan(10);
    for (const route of exports) expect(stepUp, route).toContain(route);
    for (const route of [
      'POST /api/users',
      'PATCH /api/users/:id',
      'POST /api/users/:id/reset-password',
      'POST /api/users/:id/reset-2fa',
      'POST /api/users/:id/end-sessions',
      'PUT /api/disease-profiles/:code',
      'PUT /api/risk/rule-sets/:code',
      'POST /api/risk/rule-sets/:code/activate',
      'POST /api/localities/population/import',
      'POST /api/cases/import',
    ])
      expect(stepUp, route).toContain(route);
  });
});
