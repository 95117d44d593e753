import { describe, expect, it } from 'vitest';
import { BatchAnswerMismatch, GroupCommit } from './group-commit.ts';

const settings = { maxSize: 4, maxWaitMs: 1 };

describe('group commit', () => {
  it('writes concurrent requests together, bounded by the batch size, and answers each its own result', async () => {
    const batches: number[][] = [];
    const g = new GroupCommit<number, string>(
      settings,
      async (items) => {
        batches.push([...items]);
        return items.map((i) => `r${i}`);
      },
      async () => {
        throw new Error('not used');
      },
    );
    const answers = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => g.submit(i)));
    expect(answers).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6']);
    expect(batches).toEqual([
      [1, 2, 3, 4],
      [5, 6],
    ]);
    expect(g.stats()).toMatchObject({
      batches: 2,
      items: 6,
      largest: 4,
      fallbacks: 0,
      mismatches: 0,
      sizes: { '2-3': 1, '4-7': 1 },
    });
  });

  it('answers nobody before the batch is written, and fails every request of a batch that cannot be written', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const settled: string[] = [];
    const g = new GroupCommit<number, number>(
      settings,
      async () => {
        await gate;
        throw new Error('commit failed');
      },
      async () => {
        throw new Error('commit failed');
      },
    );
    const all = [1, 2, 3].map((i) =>
      g.submit(i).then(
        () => settled.push(`ok ${i}`),
        (e: Error) => settled.push(`${e.message} ${i}`),
      ),
    );
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toEqual([]);
    release();
    await Promise.all(all);
    expect(settled.sort()).toEqual(['commit failed 1', 'commit failed 2', 'commit failed 3']);
  });

  it('when a batch fails, writes its requests one by one so that only the bad one fails', async () => {
    const g = new GroupCommit<number, number>(
      settings,
      async (items) => {
        if (items.includes(0)) throw new Error('bad row');
        return items.map((i) => i * 10);
      },
      async (i) => {
        if (i === 0) throw new Error('bad row');
        return i * 10;
      },
    );
    const answers = await Promise.allSettled([1, 0, 2].map((i) => g.submit(i)));
    expect(answers.map((a) => (a.status === 'fulfilled' ? a.value : (a.reason as Error).message))).toEqual([
      10,
      'bad row',
      20,
    ]);
    expect(g.stats().fallbacks).toBe(1);
  });

  it.each([
    ['fewer answers than requests', async (items: readonly number[]) => items.slice(1).map((i) => i * 10)],
    ['more answers than requests', async (items: readonly number[]) => [...items, 9].map((i) => i * 10)],
    ['a request left unanswered', async (items: readonly number[]) => items.map((i) => (i === 2 ? undefined : i * 10))],
    [
      'the writer finding the mismatch itself',
      async (items: readonly number[]) => {
        throw new BatchAnswerMismatch(items.length, 'a slot twice');
      },
    ],
  ])('fails every request of a batch answered wrongly (%s), without writing any again', async (_, writeBatch) => {
    const retried: number[] = [];
    const g = new GroupCommit<number, number | undefined>(settings, writeBatch, async (i) => {
      retried.push(i);
      return i * 10;
    });
    const answers = await Promise.allSettled([1, 2, 3].map((i) => g.submit(i)));
    expect(answers.map((a) => a.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const a of answers) expect((a as PromiseRejectedResult).reason).toBeInstanceOf(BatchAnswerMismatch);
    expect(retried).toEqual([]);
    expect(g.stats()).toMatchObject({ batches: 1, fallbacks: 0, mismatches: 1 });
  });
});
