import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/database.ts';
import { openTestDatabase } from '../testing/test-database.ts';
import { JobQueue } from './job-queue.ts';

let handle: DatabaseHandle;
let queue: JobQueue;
const handled: number[] = [];

beforeAll(async () => {
  handle = await openTestDatabase();
  queue = new JobQueue(handle.db, { schema: 'pgboss', pollingSeconds: 1 });
  queue.define<{ n: number }>({
    name: 'test-echo',
    retryLimit: 0,
    handle: async (job) => {
      if (job.data.n < 0) throw new Error('negative');
      handled.push(job.data.n);
    },
  });
  await queue.start({ background: false });
});
afterAll(async () => {
  await queue.stop();
  await handle.close();
});

describe('the job queue (pg-boss on this database)', () => {
  it('creates its schema and runs due jobs, in order, once', async () => {
    await queue.send(handle.db, 'test-echo', { n: 1 });
    await queue.send(handle.db, 'test-echo', { n: 2 });
    expect(await queue.drain('test-echo')).toBe(2);
    expect(handled).toEqual([1, 2]);
    expect(await queue.drain('test-echo')).toBe(0);
  });

  it("queues a job with the caller's transaction: rolled back, it never exists", async () => {
    handled.length = 0;
    await handle.db
      .transaction()
      .execute(async (trx) => {
        await queue.send(trx, 'test-echo', { n: 3 });
        throw new Error('rollback');
      })
      .catch(() => {});
    await handle.db.transaction().execute(async (trx) => void (await queue.send(trx, 'test-echo', { n: 4 })));
    expect(await queue.drain('test-echo')).toBe(1);
    expect(handled).toEqual([4]);
  });

  it('keeps a job for later until its start, and records a handler that throws as failed', async () => {
    const later = await queue.send(handle.db, 'test-echo', { n: 5 }, { startAfter: new Date(Date.now() + 3_600_000) });
    const bad = await queue.send(handle.db, 'test-echo', { n: -1 });
    expect(await queue.drain('test-echo')).toBe(1);
    expect((await queue.job('test-echo', later))?.state).toBe('created');
    expect((await queue.job('test-echo', bad))?.state).toBe('failed');
  });

  it('in the background (the server), polls its queues and runs what is sent, with its maintenance on', async () => {
    const errors: string[] = [];
    const background = new JobQueue(handle.db, { schema: 'pgboss', pollingSeconds: 0.5 }, (l) => errors.push(l));
    let ran: (n: number) => void = () => {};
    const done = new Promise<number>((resolve) => (ran = resolve));
    background.define<{ n: number }>({ name: 'test-background', handle: async (job) => ran(job.data.n) });
    await background.start({ background: true });
    try {
      await background.send(handle.db, 'test-background', { n: 7 });
      // Waits for the worker's poll to pick the job up: an event, not a measured delay.
      expect(await done).toBe(7);
    } finally {
      await background.stop();
    }
    expect(errors).toEqual([]);
  });
});
