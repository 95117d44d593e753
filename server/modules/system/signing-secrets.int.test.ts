import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigurationError, loadConfig, type Config } from '../../config.ts';
import type { DatabaseHandle } from '../../db/database.ts';
import { createHttpServer, openPlatform, type Platform } from '../../main.ts';
import { QrTokenSigner } from '../../shared/qr-token.ts';
import { systemActor } from '../../shared/actor.ts';
import { personRef } from '../../testing/factories.ts';
import { openTestDatabase } from '../../testing/test-database.ts';
import { DOAN_KET } from '../../testing/test-platform.ts';
import { newSecret } from './signing-secrets.ts';

/**
 * Issue 11, secrets: the signing secret lives outside the database it protects (demo mode aside),
 * and rotates: new tokens are signed with the current secret, tokens of a previous one keep
 * verifying while it is listed.
 */
let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => handle.close());

const config = (over: Partial<Config>): Config => ({ ...loadConfig({}), logLevel: 'silent', ...over });
/** A platform over the shared test database (closing it would close the database: the test does that once). */
const open = (over: Partial<Config>) => openPlatform(config(over), handle);
const storedSecret = async () =>
  (await handle.db.selectFrom('app_settings').select('value').where('key', '=', 'instance_secret').executeTakeFirst())
    ?.value;

/** A person with a personal QR token and a quarantine stay with its daily report link. */
async function tokensOf(p: Platform) {
  const sys = systemActor('test');
  const facility = await p.services.facilities.create(sys, {
    name: `Khu cách ly ${randomUUID().slice(0, 6)}`,
    kind: 'concentrated',
    communeCode: DOAN_KET,
    addressLine: 'Tổ 1',
    capacity: { quarantine_place: 5 },
    occupancyAlertPercent: 80,
  });
  const stay = await p.services.quarantine.admit(sys, {
    clientKey: randomUUID(),
    subject: personRef('Vì Văn Khoá', { communeCode: DOAN_KET }),
    reason: 'f1',
    facilityId: facility.id,
    vaccinatedOrRecovered: false,
  });
  return {
    personId: stay.personId,
    qr: await p.services.people.tokenFor(handle.db, stay.personId, '+84912000111'),
    link: stay.monitorToken!,
  };
}

describe('the signing secret', () => {
  it('is required outside demo mode: the start is refused, saying how to make one', async () => {
    const refused = await open({ demo: false, secret: undefined }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(ConfigurationError);
    expect((refused as Error).message).toContain('npx phongdich secret generate --out');
    expect((refused as Error).message).not.toContain('export-instance');
  });

  let demo: { qr: string; link: string; personId: string };
  let demoSecret: string;
  it('is generated and kept in the database in demo mode only', async () => {
    const p = await open({ demo: true, secret: undefined });
    demo = await tokensOf(p);
    demoSecret = (await storedSecret()) as string;
    expect(demoSecret).toMatch(/^[\w-]{43}$/);
    expect(new QrTokenSigner(demoSecret).verify(demo.qr)).not.toBeNull();
  });

  it('refuses an existing installation without one, telling to keep its secret as a previous one', async () => {
    const refused = await open({ demo: false, secret: undefined }).then(
      () => null,
      (e: unknown) => e,
    );
    expect((refused as Error).message).toContain('npx phongdich secret export-instance --out');
    expect((refused as Error).message).toContain('PHONGDICH_PREVIOUS_SECRETS_FILE');
  });

  it('rotates: old tokens keep verifying as a previous secret, new ones use the new key, and the database copy goes', async () => {
    const current = newSecret();
    const p = await open({ demo: false, secret: current, previousSecrets: [demoSecret] });
    expect(await storedSecret()).toBeUndefined();
    const app = await createHttpServer(p, { quiet: true });
    const status = await app.inject({ method: 'POST', url: '/api/public/status', payload: { qrToken: demo.qr } });
    expect(status.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: `/api/public/monitoring/${demo.link}` })).statusCode).toBe(200);
    // The same person's token, shown again, and a new person's: signed with the new secret.
    const again = await p.services.people.tokenFor(handle.db, demo.personId, '+84912000111');
    expect(again).not.toBe(demo.qr);
    const fresh = await tokensOf(p);
    for (const token of [again, fresh.qr]) {
      expect(new QrTokenSigner(current).verify(token)).not.toBeNull();
      expect(new QrTokenSigner(demoSecret).verify(token)).toBeNull();
    }
    expect(new QrTokenSigner(current, 'M1').verify(fresh.link)).not.toBeNull();
    await app.close();

    // Once the previous secret is no longer listed, what it signed stops verifying; the new tokens do not.
    const later = await open({ demo: false, secret: current, previousSecrets: [] });
    expect(await later.services.people.holderOf(demo.qr)).toBeNull();
    expect(await later.services.people.holderOf(fresh.qr)).not.toBeNull();
  });
});
