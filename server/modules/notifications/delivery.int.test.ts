import http from 'node:http';
import { sql } from 'kysely';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatClock } from '../../../core/rules/notification-delivery.ts';
import type { InboxMessageWithDeliveries, NotificationPreferencesView } from '../../../core/schemas/notifications.ts';
import { vietnamWallClock } from '../../../core/vietnam-calendar.ts';
import { loadConfig } from '../../config.ts';
import { DOAN_KET, createTestPlatform, type TestClient, type TestPlatform } from '../../testing/test-platform.ts';
import type { MessageContent } from './notifications.module.ts';

/** A local SMS gateway: records each request, answers 500 while `failures` lasts. */
const gateway = { requests: [] as { to: string; text: string; key: string | undefined }[], failures: 0 };
const smsServer = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString()));
  req.on('end', () => {
    const { to, text } = JSON.parse(body) as { to: string; text: string };
    gateway.requests.push({ to, text, key: req.headers['idempotency-key'] as string | undefined });
    res.statusCode = gateway.failures-- > 0 ? 500 : 200;
    res.end();
  });
});
/** A local SMTP server that accepts everything and keeps the raw messages. */
const mails: { to: string[]; raw: string }[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, done) {
    let raw = '';
    stream.on('data', (c: Buffer) => (raw += c.toString()));
    stream.on('end', () => {
      mails.push({ to: session.envelope.rcptTo.map((r: { address: string }) => r.address), raw });
      done();
    });
  },
});
const listen = (server: { listen(port: number, host: string, cb: () => void): unknown }, address: () => unknown) =>
  new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((address() as AddressInfo).port)));

let t: TestPlatform;
let officer: TestClient;
const minuteNow = () => {
  const wall = vietnamWallClock(new Date());
  return wall.getUTCHours() * 60 + wall.getUTCMinutes();
};
/** A window of quiet hours that holds now (or, `away`, one that does not): tests never wait on the clock. */
const quietAround = (away = false) => {
  const m = minuteNow() + (away ? 120 : -60);
  return { start: formatClock((m + 1440) % 1440), end: formatClock((m + (away ? 60 : 120) + 1440) % 1440) };
};

beforeAll(async () => {
  const smsPort = await listen(smsServer, () => smsServer.address());
  const smtpPort = await listen(smtp, () => smtp.server.address());
  const defaults = loadConfig({});
  t = await createTestPlatform({
    sms: { webhookUrl: `http://127.0.0.1:${smsPort}/sms` },
    publicUrl: 'https://phongdich.example.vn',
    notifications: {
      email: { host: '127.0.0.1', port: smtpPort, from: 'phongdich <noreply@example.vn>' },
      // No wait between attempts: a retry is due as soon as it is queued, so `drain` runs it.
      retry: { maxAttempts: 3, baseSeconds: 0, capSeconds: 0 },
      // The default quiet hours never hold now, wherever in the day the suite runs.
      quietHours: quietAround(true),
    },
    queue: defaults.queue,
  });
  officer = await t.signIn('commune_officer', DOAN_KET);
});
afterAll(async () => {
  await t.close();
  smsServer.close();
  await new Promise<void>((r) => smtp.close(() => r()));
});

const svc = () => t.platform.services;
const message = (key: string, over: Partial<MessageContent> = {}): MessageContent => ({
  kind: 'assessment_reminder',
  title: { vi: 'Nhắc tự đánh giá', en: 'Self-assessment reminder' },
  body: { vi: 'Đến hạn tự đánh giá an toàn COVID', en: 'COVID-safety self-assessment due' },
  link: '/organisations',
  key,
  ...over,
});
const notify = (key: string, over: Partial<MessageContent> = {}) =>
  svc().notifications.notify(t.platform.database.db, [officer.user.id], message(key, over));
const details = async (id: string) => {
  const res = await officer.get(`/api/inbox/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<InboxMessageWithDeliveries>();
};
const inboxIdOf = async (key: string) =>
  (
    await t.platform.database.db
      .selectFrom('notification_messages')
      .select('id')
      .where('dedupe_key', '=', `${key}:${officer.user.id}:in_app`)
      .executeTakeFirstOrThrow()
  ).id;
const putPreferences = async (body: unknown) =>
  officer.request({ method: 'PUT', url: '/api/notification-preferences', payload: body as object });

describe('delivery of notifications by SMS and e-mail', () => {
  it('lets an official choose channels, refusing a bad address in their language', async () => {
    const initial = (await officer.get('/api/notification-preferences')).json<NotificationPreferencesView>();
    expect(initial).toMatchObject({
      sms: false,
      email: false,
      quietHoursAreDefault: true,
      available: { sms: true, email: true },
    });
    const bad = await putPreferences({
      sms: true,
      phone: '12345',
      email: true,
      emailAddress: 'nope',
      quietHours: null,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Số điện thoại di động không hợp lệ');
    expect(bad.body).toContain('Địa chỉ thư điện tử không hợp lệ');
    const missing = await officer.request({
      method: 'PUT',
      url: '/api/notification-preferences',
      headers: { 'accept-language': 'en' },
      payload: { sms: true, phone: null, email: false, emailAddress: null, quietHours: null },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('A mobile number is needed to receive SMS');
    expect((await officer.get('/api/notification-preferences')).json()).toEqual(initial);

    const ok = await putPreferences({
      sms: true,
      phone: '0912 345 678',
      email: true,
      emailAddress: 'Can.Bo@Example.vn',
      quietHours: quietAround(true),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      sms: true,
      phone: '+84912345678',
      emailAddress: 'can.bo@example.vn',
      quietHoursAreDefault: false,
    });
    const audit = await t.platform.database.db
      .selectFrom('audit_events')
      .select(['action'])
      .where('entity_type', '=', 'notification_preferences')
      .where('entity_id', '=', officer.user.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['update']);
  });

  it('sends once per channel, even when notified twice and the job runs twice', async () => {
    expect(await notify('once')).toEqual({ in_app: 1, sms: 1, email: 1 });
    expect(await notify('once')).toEqual({ in_app: 0, sms: 0, email: 0 });
    await svc().notificationDelivery.drain();
    expect(gateway.requests).toHaveLength(1);
    expect(gateway.requests[0]).toMatchObject({
      to: '+84912345678',
      text: expect.stringContaining('Nhắc tự đánh giá'),
    });
    expect(gateway.requests[0]!.text).toContain('https://phongdich.example.vn/organisations');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual(['can.bo@example.vn']);
    expect(mails[0]!.raw).toContain('Self-assessment reminder');
    // A duplicate job (a second node, a redelivery) finds the row sent and does nothing.
    const id = await inboxIdOf('once');
    const rows = await t.platform.database.db
      .selectFrom('notification_messages')
      .select(['id', 'channel'])
      .where('message_key', '=', `once:${officer.user.id}`)
      .execute();
    for (const r of rows) await svc().notificationDelivery.deliver(r.id);
    expect(gateway.requests).toHaveLength(1);
    expect(mails).toHaveLength(1);
    const view = await details(id);
    expect(view.deliveries.map((d) => [d.channel, d.status, d.attempts, d.lastError])).toEqual([
      ['email', 'sent', 1, null],
      ['sms', 'sent', 1, null],
    ]);
    expect(gateway.requests[0]!.key).toBe(`${rows.find((r) => r.channel === 'sms')!.id}:sms`);
  });

  it('retries a failed send with backoff and records why, failing after the last attempt', async () => {
    gateway.requests.length = 0;
    gateway.failures = 1;
    await notify('retry');
    await svc().notificationDelivery.drain();
    // One failure, then the retry went through with the same idempotency key.
    expect(gateway.requests).toHaveLength(2);
    expect(gateway.requests[0]!.key).toBe(gateway.requests[1]!.key);
    const sms = (await details(await inboxIdOf('retry'))).deliveries.find((d) => d.channel === 'sms')!;
    expect(sms).toMatchObject({ status: 'sent', attempts: 2, lastError: null });

    gateway.requests.length = 0;
    gateway.failures = 10;
    await notify('broken');
    await svc().notificationDelivery.drain();
    expect(gateway.requests).toHaveLength(3);
    const failed = (await details(await inboxIdOf('broken'))).deliveries;
    expect(failed.find((d) => d.channel === 'sms')).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastError: 'SMS gateway answered 500',
      nextAttemptAt: null,
    });
    // The e-mail of the same message is independent of the SMS gateway.
    expect(failed.find((d) => d.channel === 'email')).toMatchObject({ status: 'sent', attempts: 1 });
    gateway.failures = 0;
  });

  it('holds non-urgent SMS and e-mail until the quiet hours end; urgent ones go through', async () => {
    const quiet = quietAround();
    expect(
      (
        await putPreferences({
          sms: true,
          phone: '0912345678',
          email: true,
          emailAddress: 'can.bo@example.vn',
          quietHours: quiet,
        })
      ).statusCode,
    ).toBe(200);
    gateway.requests.length = 0;
    mails.length = 0;
    await notify('night');
    await notify('night-urgent', { urgent: true });
    await svc().notificationDelivery.drain();
    expect(gateway.requests.map((r) => r.text)).toHaveLength(1);
    expect(mails).toHaveLength(1);
    const held = (await details(await inboxIdOf('night'))).deliveries;
    expect(held.map((d) => d.status)).toEqual(['pending', 'pending']);
    const end = new Date(held[0]!.nextAttemptAt!);
    expect(formatClock((vietnamWallClock(end).getUTCHours() * 60 + vietnamWallClock(end).getUTCMinutes()) % 1440)).toBe(
      quiet.end,
    );
    expect(end.getTime()).toBeGreaterThan(Date.now());
    expect((await details(await inboxIdOf('night-urgent'))).deliveries.map((d) => d.status)).toEqual(['sent', 'sent']);
    // The inbox has both at once: quiet hours are for phones, not for the inbox.
    const inbox = (await officer.get('/api/inbox?limit=50')).json<{ items: { id: string }[] }>();
    expect(inbox.items.map((i) => i.id)).toContain(await inboxIdOf('night'));
  });

  it('cancels a queued message whose channel the official turned off, and skips channels off', async () => {
    await putPreferences({
      sms: true,
      phone: '0912345678',
      email: true,
      emailAddress: 'can.bo@example.vn',
      quietHours: quietAround(true),
    });
    const sent = gateway.requests.length;
    await notify('turned-off');
    await putPreferences({
      sms: false,
      phone: '0912345678',
      email: true,
      emailAddress: 'can.bo@example.vn',
      quietHours: quietAround(true),
    });
    await svc().notificationDelivery.drain();
    expect(gateway.requests).toHaveLength(sent);
    const sms = (await details(await inboxIdOf('turned-off'))).deliveries.find((d) => d.channel === 'sms')!;
    expect(sms).toMatchObject({ status: 'cancelled', attempts: 0, lastError: 'the recipient turned this channel off' });
    expect(await notify('after-off')).toEqual({ in_app: 1, sms: 0, email: 1 });
    const mailed = mails.length;
    expect(await svc().notificationDelivery.drain()).toBe(1);
    expect(mails).toHaveLength(mailed + 1);
  });

  it('queues again a delivery whose job was lost (a restored backup holds the outbox, not the queue)', async () => {
    const sent = gateway.requests.length;
    await putPreferences({
      sms: true,
      phone: '0912345678',
      email: false,
      emailAddress: null,
      quietHours: quietAround(true),
    });
    await notify('lost');
    const db = t.platform.database.db;
    const { id } = await db
      .selectFrom('notification_messages')
      .select('id')
      .where('dedupe_key', '=', `lost:${officer.user.id}:sms`)
      .executeTakeFirstOrThrow();
    await sql`delete from pgboss.job where data->>'messageId' = ${id}`.execute(db);
    await sql`update notification_messages set next_attempt_at = now() - interval '1 hour' where id = ${id}`.execute(
      db,
    );
    expect(await svc().notificationDelivery.drain()).toBe(0);
    expect(await svc().notificationDelivery.requeueStranded()).toBe(1);
    await svc().notificationDelivery.drain();
    expect(gateway.requests).toHaveLength(sent + 1);
    expect(await svc().notificationDelivery.requeueStranded()).toBe(0);
  });
});
