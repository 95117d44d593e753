import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestPlatform,
  DIEN_BIEN_PHU,
  DOAN_KET,
  LAI_CHAU,
  type TestClient,
  type TestPlatform,
} from '../../testing/test-platform.ts';

let t: TestPlatform;
let admin: TestClient;
beforeAll(async () => {
  t = await createTestPlatform();
  admin = await t.signIn('system_admin', LAI_CHAU, 'admin.laichau');
});
afterAll(async () => t.close());

const auditOf = (entityId: string) =>
  t.platform.database.db
    .selectFrom('audit_events')
    .selectAll()
    .where('entity_type', '=', 'user')
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute();

describe('accounts', () => {
  it('creates an account with a one-time password, audited in the same transaction', async () => {
    const res = await admin.post('/api/users', {
      username: 'Can.Bo.Xa',
      fullName: 'Cán bộ xã',
      role: 'commune_officer',
      localityCode: DOAN_KET,
    });
    expect(res.statusCode).toBe(201);
    const { user, temporaryPassword } = res.json();
    expect(user).toMatchObject({ username: 'can.bo.xa', localityName: 'Đoàn Kết', disabled: false });
    expect(temporaryPassword).toHaveLength(14);
    const [event] = await auditOf(user.id);
    expect(event).toMatchObject({
      action: 'create',
      actor_id: admin.user.id,
      locality_code: DOAN_KET,
      locality_path: `VN/12/${DOAN_KET}`,
    });
    expect(event!.after).toMatchObject({ username: 'can.bo.xa', role: 'commune_officer' });
    expect(JSON.stringify(event!.after)).not.toContain('argon2');
    const me = await t.login('can.bo.xa', temporaryPassword);
    expect((await me.get('/api/auth/me')).json().user.mustChangePassword).toBe(true);
  });

  it('refuses a duplicate username with 409 and writes nothing', async () => {
    const before = await t.platform.database.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const res = await admin.post('/api/users', {
      username: 'admin.laichau',
      fullName: 'Dup',
      role: 'inspector',
      localityCode: LAI_CHAU,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details[0].path).toBe('username');
    const after = await t.platform.database.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('validates username, role scope level and locality scope with field details', async () => {
    const bad = await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'x', fullName: 'A', role: 'boss', localityCode: 'abc' },
      headers: { 'accept-language': 'en' },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['fullName', 'localityCode', 'role', 'username']);
    const level = await admin.post('/api/users', {
      username: 'wrong.level',
      fullName: 'Wrong level',
      role: 'commune_officer',
      localityCode: LAI_CHAU,
    });
    expect(level.statusCode).toBe(400);
    expect(level.json().error.details[0].path).toBe('localityCode');
    const foreign = await admin.post('/api/users', {
      username: 'other.province',
      fullName: 'Other province',
      role: 'commune_officer',
      localityCode: DIEN_BIEN_PHU,
    });
    expect(foreign.statusCode).toBe(400);
  });

  it('disables an account: its sessions end and it cannot sign in', async () => {
    const u = await t.createUser('inspector', LAI_CHAU);
    const session = await t.login(u.username, u.password);
    const res = await admin.patch(`/api/users/${u.id}`, { disabled: true });
    expect(res.json().disabled).toBe(true);
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: u.password },
    });
    expect(again.statusCode).toBe(401);
    const events = await auditOf(u.id);
    const disable = events.find((e) => e.action === 'disable')!;
    expect(disable.before).toMatchObject({ disabled: false });
    expect(disable.after).toMatchObject({ disabled: true });
  });

  it('resets a password to a one-time password', async () => {
    const u = await t.createUser('inspector', LAI_CHAU);
    const res = await admin.post(`/api/users/${u.id}/reset-password`);
    const { temporaryPassword } = res.json();
    const c = await t.login(u.username, temporaryPassword);
    expect((await c.get('/api/auth/me')).json().user.mustChangePassword).toBe(true);
    expect((await auditOf(u.id)).map((e) => e.action)).toContain('reset_password');
  });

  it('does not let an admin lock themselves out', async () => {
    const res = await admin.patch(`/api/users/${admin.user.id}`, { disabled: true });
    expect(res.statusCode).toBe(400);
  });

  it('pages with a keyset cursor and filters by locality', async () => {
    for (let i = 0; i < 5; i++) await t.createUser('commune_officer', DOAN_KET, `paging.${i}`);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: { items: { username: string }[]; nextCursor: string | null } = (
        await admin.get(`/api/users?limit=2&q=paging${after ? `&after=${after}` : ''}`)
      ).json();
      seen.push(...page.items.map((u) => u.username));
      after = page.nextCursor;
    } while (after);
    expect(seen).toEqual(['paging.0', 'paging.1', 'paging.2', 'paging.3', 'paging.4']);
    const inCommune = (await admin.get(`/api/users?locality=${DOAN_KET}&limit=500`)).json().items;
    expect(inCommune.every((u: { localityCode: string }) => u.localityCode === DOAN_KET)).toBe(true);
    expect((await admin.get('/api/users?after=garbage')).statusCode).toBe(400);
  });

  it('exports the list to an Excel file that opens', async () => {
    const res = await admin.get('/api/users/export.xlsx?q=paging');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Tên đăng nhập');
    expect(sheet.rowCount).toBe(6);
  });
});
