import { createDecipheriv, createECDH, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declare } from '../../testing/factories.ts';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.ts';

/**
 * Web push to a confirmed close contact (issue 20), against a local push service stub: the message
 * leaves encrypted (RFC 8291) with a VAPID signature, decrypts with the browser's keys to the alert,
 * goes once per contact, and a subscription the service says is gone is forgotten.
 */
interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}
const received: Received[] = [];
let stub: http.Server;
let base: string;
let t: TestPlatform;
const db = () => t.platform.database.db;

/** A browser's push keys: the public one and the auth secret go to the server, the private one stays. */
function browserKeys() {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return { ecdh, auth, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') } };
}

/** What the browser does with a received message (RFC 8291 / RFC 8188, one record). */
function decrypt(body: Buffer, browser: ReturnType<typeof browserKeys>): string {
  const salt = body.subarray(0, 16);
  const idLength = body[20]!;
  const serverPublic = body.subarray(21, 21 + idLength);
  const record = body.subarray(21 + idLength);
  const shared = browser.ecdh.computeSecret(serverPublic);
  const info = Buffer.concat([Buffer.from('WebPush: info\0'), browser.ecdh.getPublicKey(), serverPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', shared, browser.auth, info, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  return padded.subarray(0, padded.lastIndexOf(2)).toString('utf8');
}

const subscribe = (token: string | null, payload: object) =>
  t.app.inject({
    method: 'POST',
    url: '/api/public/me/push-subscriptions',
    payload,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });

async function person() {
  const { body, result } = await declare(t);
  const row = await db()
    .selectFrom('people')
    .select('id')
    .where('id_number', '=', body.person.idNumber)
    .executeTakeFirstOrThrow();
  return { id: row.id, token: result.session.token };
}

beforeAll(async () => {
  stub = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(req.url?.startsWith('/gone') ? 410 : 201).end();
    });
  });
  await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`;
  const config = (await import('../../config.ts')).loadConfig({});
  t = await createTestPlatform({ push: { ...config.push, hosts: ['127.0.0.1'] } });
});
afterAll(async () => {
  await t.close();
  await new Promise((resolve) => stub.close(resolve));
});

describe('web push alerts', () => {
  it('publishes a P-256 key and refuses a subscription without a session or to a host not listed', async () => {
    const key = await t.app.inject({ method: 'GET', url: '/api/public/push/key' });
    expect(Buffer.from(key.json().publicKey as string, 'base64url')).toHaveLength(65);
    const { token } = await person();
    const { keys } = browserKeys();
    expect((await subscribe(null, { endpoint: `${base}/s/1`, keys })).statusCode).toBe(401);
    for (const endpoint of ['https://attacker.example/push', 'http://169.254.169.254/latest', 'ftp://127.0.0.1/x']) {
      const refused = await subscribe(token, { endpoint, keys });
      expect(refused.statusCode, endpoint).toBe(400);
    }
    const english = await t.app.inject({
      method: 'POST',
      url: '/api/public/me/push-subscriptions',
      payload: { endpoint: 'https://attacker.example/push', keys },
      headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' },
    });
    expect(english.json().error.details).toEqual([
      { path: 'endpoint', message: "This browser's push service is not supported" },
    ]);
    expect(await db().selectFrom('push_subscriptions').select('id').execute()).toEqual([]);
  });

  it('sends a confirmed contact one encrypted, signed alert that the browser decrypts, and forgets a gone browser', async () => {
    const p = await person();
    const phone = browserKeys();
    const old = browserKeys();
    expect((await subscribe(p.token, { endpoint: `${base}/s/phone`, keys: phone.keys })).statusCode).toBe(201);
    expect((await subscribe(p.token, { endpoint: `${base}/gone/old`, keys: old.keys })).statusCode).toBe(201);

    const contact = { contactId: randomUUID(), personId: p.id, level: 1 };
    const alerts = t.platform.services.contactAlerts;
    expect(
      await db()
        .transaction()
        .execute((trx) => alerts.confirmed(trx, contact)),
    ).toBe(true);
    // The same confirmation again (a retried transaction): nothing more is sent.
    expect(
      await db()
        .transaction()
        .execute((trx) => alerts.confirmed(trx, contact)),
    ).toBe(false);
    received.length = 0;
    await t.platform.services.citizenMessages.drain();

    const toPhone = received.filter((r) => r.path === '/s/phone');
    expect(toPhone).toHaveLength(1);
    const [message] = toPhone;
    expect(message!.headers).toMatchObject({ 'content-encoding': 'aes128gcm', ttl: '86400', urgency: 'high' });
    expect(message!.headers.authorization).toMatch(/^vapid t=[\w-]+\.[\w-]+\.[\w-]+, k=[\w-]+$/);
    expect(JSON.parse(decrypt(message!.body, phone))).toEqual({
      title: 'PhongDich: bạn là F1',
      body: expect.stringContaining('Hãy ở nhà'),
      url: '/c/khai-bao',
    });
    expect(decrypt(message!.body, phone)).not.toMatch(/ca bệnh|chợ|market/i);

    const left = await db().selectFrom('push_subscriptions').select('endpoint').where('person_id', '=', p.id).execute();
    expect(left).toEqual([{ endpoint: `${base}/s/phone` }]);
    const rows = await db().selectFrom('citizen_messages').selectAll().where('person_id', '=', p.id).execute();
    expect(rows).toMatchObject([{ channel: 'push', phone: null, status: 'sent' }]);
  });

  it('withdraws a browser with the session of its person only', async () => {
    const a = await person();
    const b = await person();
    const endpoint = `${base}/s/withdraw`;
    await subscribe(a.token, { endpoint, keys: browserKeys().keys });
    const remove = (token: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/public/me/push-subscriptions/remove',
        payload: { endpoint },
        headers: { authorization: `Bearer ${token}` },
      });
    await remove(b.token);
    expect(
      await db().selectFrom('push_subscriptions').select('id').where('endpoint', '=', endpoint).execute(),
    ).toHaveLength(1);
    expect((await remove(a.token)).json()).toEqual({ subscribed: false });
    expect(await db().selectFrom('push_subscriptions').select('id').where('endpoint', '=', endpoint).execute()).toEqual(
      [],
    );
  });

  it('lets a person withdraw their SMS consent on "my data", and give it again: the alert follows the latest choice', async () => {
    const { body, result } = await declare(t, { consent: { accepted: true, noticeVersion: '2026-01', alerts: true } });
    const id = (
      await db()
        .selectFrom('people')
        .select('id')
        .where('id_number', '=', body.person.idNumber)
        .executeTakeFirstOrThrow()
    ).id;
    const choose = (payload: object, token: string | null = result.session.token) =>
      t.app.inject({
        method: 'POST',
        url: '/api/public/me/alert-consent',
        payload,
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
    expect((await choose({})).json()).toEqual({ sms: true, hasPhone: true });
    expect((await choose({ sms: false })).json()).toEqual({ sms: false, hasPhone: true });
    expect((await choose({ sms: true }, null)).statusCode).toBe(401);
    const smsOf = async () =>
      (await db().selectFrom('citizen_messages').select('channel').where('person_id', '=', id).execute()).filter(
        (m) => m.channel === 'sms',
      );
    const confirm = () =>
      db()
        .transaction()
        .execute((trx) =>
          t.platform.services.contactAlerts.confirmed(trx, { contactId: randomUUID(), personId: id, level: 1 }),
        );
    await confirm();
    expect(await smsOf()).toEqual([]);
    expect((await choose({ sms: true })).json()).toEqual({ sms: true, hasPhone: true });
    await confirm();
    expect(await smsOf()).toHaveLength(1);
    // The copy of their data shows both choices, the withdrawal named as such.
    const consents = await db()
      .selectFrom('consents')
      .select(['purpose', 'withdrawn'])
      .where('person_id', '=', id)
      .orderBy('given_at')
      .execute();
    expect(consents.filter((c) => c.purpose === 'exposure_alerts').map((c) => c.withdrawn)).toEqual([
      false,
      true,
      false,
    ]);
  });
});
