import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, LAI_CHAU, type TestPlatform } from '../../testing/test-platform.ts';
import { DAY_MS } from '../../../core/vietnam-calendar.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(async () => t.close());

const attempt = (username: string, password: string, ip: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: ip,
    headers: { 'accept-language': 'en' },
  });

/**
 * What a client sees of an answer, without the date and the seconds left in the route limiter's
 * per-address minute (a clock of the address, not of the username).
 */
function visible(res: LightMyRequestResponse) {
  const { date: _date, 'x-ratelimit-reset': _reset, ...headers } = res.headers;
  return { status: res.statusCode, body: res.json(), headers };
}

/** Moves every block and failure of the throttle into the past, as if the time had passed. */
async function timePasses(seconds: number) {
  const db = t.platform.database.db;
  const rows = await db.selectFrom('login_throttle').selectAll().execute();
  for (const r of rows) {
    await db
      .updateTable('login_throttle')
      .set({
        blocked_until: r.blocked_until && new Date(r.blocked_until.getTime() - seconds * 1000),
        last_failure_at: r.last_failure_at && new Date(r.last_failure_at.getTime() - seconds * 1000),
      })
      .where('scope', '=', r.scope)
      .where('key', '=', r.key)
      .execute();
  }
}

describe('sign-in throttling', () => {
  it('answers an unknown username exactly like a known one over a run of failures (status, body, headers, delays)', async () => {
    const known = await t.createUser('steering_committee', LAI_CHAU);
    const known8: ReturnType<typeof visible>[] = [];
    const unknown8: ReturnType<typeof visible>[] = [];
    // Same sequence from two addresses (the route's own per-address counters stay in step).
    for (let i = 0; i < 8; i++) {
      known8.push(visible(await attempt(known.username, `guess-number-${i}`, '10.20.0.1')));
      unknown8.push(visible(await attempt('no.such.official', `guess-number-${i}`, '10.20.0.2')));
    }
    // Retry-After counts whole seconds on the wall clock: the second can turn between a known
    // username's attempt and its unknown twin's, so the two may differ by one, never more.
    const withoutWait = (r: ReturnType<typeof visible>) => ({
      ...r,
      headers: { ...r.headers, 'retry-after': undefined },
    });
    expect(unknown8.map(withoutWait)).toEqual(known8.map(withoutWait));
    for (const [i, k] of known8.entries()) {
      expect(
        Math.abs(Number(unknown8[i]!.headers['retry-after'] ?? 0) - Number(k.headers['retry-after'] ?? 0)),
      ).toBeLessThanOrEqual(1);
    }
    expect(known8.map((r) => r.status)).toEqual([401, 401, 401, 429, 429, 429, 429, 429]);
    expect(known8[3]!.body.error.code).toBe('LOGIN_THROTTLED');
    expect(Number(known8[3]!.headers['retry-after'])).toBeGreaterThan(0);
    // After the wait, one more failure blocks twice as long, for both alike.
    await timePasses(3600 - 1);
    const k = visible(await attempt(known.username, 'guess-again-1', '10.20.0.1'));
    const u = visible(await attempt('no.such.official', 'guess-again-1', '10.20.0.2'));
    expect(withoutWait(u)).toEqual(withoutWait(k));
    expect(Math.abs(Number(u.headers['retry-after'] ?? 0) - Number(k.headers['retry-after'] ?? 0))).toBeLessThanOrEqual(
      1,
    );
  });

  it('does not stop the real user signing in from another address while a stranger fails', async () => {
    const chief = await t.createUser('steering_committee', LAI_CHAU);
    const refused: number[] = [];
    for (let i = 0; i < 12; i++)
      refused.push((await attempt(chief.username, `attacker-${i}`, '10.30.0.66')).statusCode);
    expect(refused).not.toContain(423);
    expect(refused.filter((s) => s === 429).length).toBeGreaterThan(0);
    const session = await t.login(chief.username, chief.password, { remoteAddress: '10.30.0.7' });
    expect((await session.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('caps a username spread over many addresses with a short delay only (at most 30 s)', async () => {
    const cdc = await t.createUser('health_department', LAI_CHAU);
    const answers: LightMyRequestResponse[] = [];
    for (let i = 0; i < 14; i++) answers.push(await attempt(cdc.username, `botnet-${i}`, `10.40.${i}.1`));
    const throttled = answers.filter((a) => a.statusCode === 429);
    expect(answers.slice(0, 10).map((a) => a.statusCode)).toEqual(Array(10).fill(401));
    expect(throttled.length).toBeGreaterThan(0);
    for (const a of throttled) expect(Number(a.headers['retry-after'])).toBeLessThanOrEqual(30);
    // Once the short delay is over, the real user gets in (from an address of their own).
    await timePasses(30);
    expect((await t.login(cdc.username, cdc.password, { remoteAddress: '10.40.200.1' })).user.id).toBe(cdc.id);
  });

  it('limits one address failing across many usernames (password spraying)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await attempt(`sprayed.${i}`, 'Summer2026!', '10.50.0.9')).statusCode);
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses.slice(20)).toEqual([429, 429]);
    const u = await t.createUser('inspector', LAI_CHAU);
    expect((await attempt(u.username, u.password, '10.50.0.9')).statusCode).toBe(429);
    expect((await attempt(u.username, u.password, '10.50.0.10')).statusCode).toBe(200);
  });

  it('audits failures and throttled attempts, and purges old rows', async () => {
    const u = await t.createUser('inspector', LAI_CHAU);
    for (let i = 0; i < 4; i++) await attempt(u.username, `nope-${i}`, '10.60.0.1');
    const db = t.platform.database.db;
    const events = await db
      .selectFrom('audit_events')
      .select(['action', 'ip', 'actor_name'])
      .where('entity_id', '=', u.id)
      .where('action', 'like', 'login%')
      .orderBy('id')
      .execute();
    expect(events).toEqual([
      ...Array(3).fill({ action: 'login_failed', ip: '10.60.0.1', actor_name: u.username }),
      { action: 'login_throttled', ip: '10.60.0.1', actor_name: u.username },
    ]);
    const unknown = await db
      .selectFrom('audit_events')
      .select(['actor_name', 'after'])
      .where('action', '=', 'login_failed')
      .where('entity_id', 'is', null)
      .executeTakeFirstOrThrow();
    expect(unknown).toEqual({ actor_name: null, after: { reason: 'unknown_username' } });
    const rows = await db.selectFrom('login_throttle').select('key').execute();
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.key))).toBe(true);
    await db
      .updateTable('login_throttle')
      .set({ updated_at: new Date(Date.now() - 2 * DAY_MS), blocked_until: null })
      .execute();
    expect(await t.platform.services.auth.purgeLoginThrottle()).toBe(rows.length);
  });
});
