import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxMessageView } from '../../../core/schemas/notifications.ts';
import {
  BINH_LU,
  DOAN_KET,
  createTestPlatform,
  type TestClient,
  type TestPlatform,
} from '../../testing/test-platform.ts';
import type { OutgoingMessage } from './notifications.module.ts';

let t: TestPlatform;
let officer: TestClient;
let other: TestClient;

const reminder = (recipientUserId: string, key: string, over: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  recipientUserId,
  channel: 'in_app',
  kind: 'report_reminder',
  title: { vi: 'Nhắc nộp báo cáo tuần', en: 'Weekly report reminder' },
  body: { vi: 'Hạn nộp trước 00:00 thứ Tư', en: 'Due before Wednesday 00:00' },
  link: '/reports',
  key,
  ...over,
});

beforeAll(async () => {
  t = await createTestPlatform();
  officer = await t.signIn('commune_officer', DOAN_KET);
  other = await t.signIn('commune_officer', BINH_LU);
});
afterAll(async () => t.close());

const enqueue = (m: OutgoingMessage) => t.platform.services.notifications.enqueue(t.platform.database.db, m);
const inbox = async (c: TestClient, query = '') => {
  const res = await c.get(`/api/inbox${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: InboxMessageView[]; nextCursor: string | null };
};

describe('notifications outbox and inbox', () => {
  it('enqueues a message once per key, recipient and channel', async () => {
    const first = await enqueue(reminder(officer.user.id, 'report_reminder:w50:24h'));
    const again = await enqueue(reminder(officer.user.id, 'report_reminder:w50:24h'));
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    // The same key through SMS is another message, waiting in the outbox, not in the inbox.
    const sms = await enqueue(reminder(officer.user.id, 'report_reminder:w50:24h', { channel: 'sms' }));
    expect(sms.created).toBe(true);
    const rows = await t.platform.database.db
      .selectFrom('notification_messages')
      .select(['channel', 'status', 'attempts', 'sent_at'])
      .where('recipient_user_id', '=', officer.user.id)
      .orderBy('channel')
      .execute();
    expect(rows.map((r) => [r.channel, r.status, r.attempts, r.sent_at !== null])).toEqual([
      ['in_app', 'sent', 0, true],
      ['sms', 'pending', 0, false],
    ]);
    const page = await inbox(officer);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ id: first.id, title: 'Nhắc nộp báo cáo tuần', readAt: null });
  });

  it("pages the caller's own messages, newest first, and never another's", async () => {
    await enqueue(reminder(officer.user.id, 'report_reminder:w50:2h'));
    await enqueue(reminder(officer.user.id, 'report_reminder:w50:late', { urgent: true }));
    const theirs = await enqueue(reminder(other.user.id, 'report_reminder:w50:24h'));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await inbox(officer, `?limit=1${cursor ? `&after=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.items.map((m) => m.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(3);
    expect(new Set(seen).size).toBe(3);
    expect(seen).not.toContain(theirs.id);
    expect((await inbox(other)).items.map((m) => m.id)).toEqual([theirs.id]);
  });

  it('marks a message read once, only the reader’s own, and filters unread', async () => {
    const [message] = (await inbox(officer)).items;
    const read = await officer.post(`/api/inbox/${message!.id}/read`);
    expect(read.statusCode, read.body).toBe(200);
    const readAt = (read.json() as InboxMessageView).readAt;
    expect(readAt).not.toBeNull();
    const again = await officer.post(`/api/inbox/${message!.id}/read`);
    expect((again.json() as InboxMessageView).readAt).toBe(readAt);
    expect((await inbox(officer, '?unread=true')).items.map((m) => m.id)).not.toContain(message!.id);
    expect((await inbox(officer, '?unread=true')).items).toHaveLength(2);

    const intrusion = await other.post(`/api/inbox/${message!.id}/read`);
    expect(intrusion.statusCode).toBe(404);
    const theirs = (await inbox(other)).items[0]!;
    expect((await officer.post(`/api/inbox/${theirs.id}/read`)).statusCode).toBe(404);
    expect((await inbox(other)).items[0]!.readAt).toBeNull();
  });

  it('refuses a bad query with a clear message', async () => {
    expect((await officer.get('/api/inbox?unread=yes')).statusCode).toBe(400);
    expect((await officer.get('/api/inbox?after=garbage')).statusCode).toBe(400);
    expect((await officer.post('/api/inbox/not-a-uuid/read')).statusCode).toBe(400);
  });
});
