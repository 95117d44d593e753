import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobQueue } from '../../jobs/job-queue.ts';
import { declare } from '../../testing/factories.ts';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.ts';
import type { Delivery } from './channels.ts';
import { CitizenMessagesRepository } from './citizen-messages.repository.ts';
import { CitizenMessages } from './citizen-messages.service.ts';

/** SMS to people (issue 20): once per key, through the gateway with an idempotency key, retried. */
let t: TestPlatform;
let personId: string;
const db = () => t.platform.database.db;
const rows = () => db().selectFrom('citizen_messages').selectAll().where('person_id', '=', personId).execute();

beforeAll(async () => {
  t = await createTestPlatform();
  const { body } = await declare(t);
  personId = (
    await db().selectFrom('people').select('id').where('id_number', '=', body.person.idNumber).executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => t.close());

describe('citizen messages', () => {
  it('writes a key once, sends with `<id>:sms`, retries a failure and sends a sent row no more', async () => {
    const m = { personId, kind: 'contact_alert', phone: '+84912000111', body: 'PhongDich: test', key: `k:${personId}` };
    const queued: unknown[] = [];
    const queue = {
      define: () => undefined,
      send: async (...a: unknown[]) => void queued.push(a),
    } as unknown as JobQueue;
    const gone: Delivery[] = [];
    let fail = true;
    const sender = new CitizenMessages(
      db(),
      new CitizenMessagesRepository(),
      queue,
      {
        sms: {
          send: async (d) => {
            if (fail) throw new Error('gateway down');
            gone.push(d);
          },
        },
        push: null,
      },
      { notifications: t.platform.config.notifications },
    );
    expect(await sender.send(db(), m)).toBe(true);
    expect(await sender.send(db(), m)).toBe(false);
    expect(queued).toHaveLength(1);
    const [row] = await rows();
    await sender.deliver(row!.id);
    expect((await rows())[0]).toMatchObject({ status: 'pending', last_error: 'gateway down', attempts: 1 });
    expect(queued).toHaveLength(2);
    fail = false;
    await sender.deliver(row!.id);
    await sender.deliver(row!.id);
    expect(gone).toEqual([{ key: `${row!.id}:sms`, to: m.phone, subject: '', text: m.body }]);
    expect((await rows())[0]).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
  });
});
