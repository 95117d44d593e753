import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedVenue, bearer, declare } from '../../testing/factories.ts';
import { createTestPlatform, DOAN_KET, type TestPlatform } from '../../testing/test-platform.ts';
import { GroupCommit } from '../../shared/group-commit.ts';
import { CheckinsRepository, type CheckinToRecord, type RecordedCheckin } from './checkins.repository.ts';

let t: TestPlatform;
let venue: { id: string; public_code: string };
beforeAll(async () => {
  t = await createTestPlatform();
  venue = await approvedVenue(t.platform.database.db, { communeCode: DOAN_KET });
});
afterAll(async () => t.close());

const db = () => t.platform.database.db;
const repo = new CheckinsRepository();
const row = (personId: string, mode: CheckinToRecord['mode'] = 'visitor_scan'): CheckinToRecord => ({
  venueId: venue.id,
  personId,
  mode,
  communeCode: DOAN_KET,
});
const rowsOf = (personIds: string[]) =>
  db().selectFrom('checkins').select(['id', 'person_id']).where('person_id', 'in', personIds).execute();
/** Everything submitted in one tick lands in one batch: the wait is long and the size large. */
const batcher = (writeBatch: (rows: readonly CheckinToRecord[]) => Promise<readonly RecordedCheckin[]>) =>
  new GroupCommit<CheckinToRecord, RecordedCheckin>({ maxSize: 64, maxWaitMs: 50 }, writeBatch, (r) =>
    repo.record(db(), { ...r, windowMinutes: 10 }),
  );

describe('check-ins written in batches (group commit)', () => {
  it('records concurrent check-ins of many people once each', async () => {
    const citizens = await Promise.all(Array.from({ length: 12 }, () => declare(t)));
    const before = t.platform.services.checkins.batchStats().items;
    const answers = await Promise.all(
      citizens.map(({ result }) =>
        t.app.inject({
          method: 'POST',
          url: '/api/public/checkins',
          payload: { clientKey: randomUUID(), venueCode: venue.public_code },
          headers: bearer(result.session),
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(citizens.map(() => 200));
    expect(answers.every((a) => a.json().repeated === false)).toBe(true);
    expect(new Set(answers.map((a) => a.json().checkinId)).size).toBe(12);
    const people = await Promise.all(
      citizens.map(async ({ result }) => (await t.platform.services.people.holderOf(result.qrToken))!.personId),
    );
    expect(await rowsOf(people)).toHaveLength(12);
    expect(t.platform.services.checkins.batchStats().items - before).toBe(12);
  });

  it('keeps the repeat window inside one batch and across batches', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const first = await repo.recordMany(db(), [row(a), row(b), row(a, 'gate_scan'), row(a)], 10);
    expect(first.map((r) => r.repeated)).toEqual([false, false, true, true]);
    expect(first[2]!.id).toBe(first[0]!.id);
    expect(first[3]!.id).toBe(first[0]!.id);
    expect(first[1]!.id).not.toBe(first[0]!.id);
    const later = await repo.recordMany(db(), [row(b), row(randomUUID())], 10);
    expect(later[0]).toMatchObject({ id: first[1]!.id, repeated: true });
    expect(later[1]!.repeated).toBe(false);
    const single = await repo.record(db(), { ...row(a), windowMinutes: 10 });
    expect(single).toMatchObject({ id: first[0]!.id, repeated: true });
    expect(await rowsOf([a, b])).toHaveLength(2);
  });

  it('keeps the repeat window between batches written at the same time', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const [one, two] = await Promise.all([
      repo.recordMany(db(), [row(a), row(b)], 10),
      repo.recordMany(db(), [row(b), row(randomUUID()), row(a)], 10),
    ]);
    expect(two[0]!.id).toBe(one[1]!.id);
    expect(two[2]!.id).toBe(one[0]!.id);
    // Whichever batch committed first inserted the pair; the other found it.
    expect([one[0]!.repeated, two[2]!.repeated].sort()).toEqual([false, true]);
    expect([one[1]!.repeated, two[0]!.repeated].sort()).toEqual([false, true]);
    expect(await rowsOf([a, b])).toHaveLength(2);
  });

  it('gives two identical requests of one batch the same check-in, the second as a repeat', async () => {
    const writes: number[] = [];
    const g = batcher((rows) => {
      writes.push(rows.length);
      return repo.recordMany(db(), rows, 10);
    });
    const person = randomUUID();
    const [one, two] = await Promise.all([g.submit(row(person)), g.submit(row(person))]);
    expect(writes).toEqual([2]);
    expect(two).toMatchObject({ id: one.id, repeated: true });
    expect(one.repeated).toBe(false);
    expect(await rowsOf([person])).toHaveLength(1);
  });

  it('fails only the bad row of a batch: the others are written one by one', async () => {
    const g = batcher((rows) => repo.recordMany(db(), rows, 10));
    const people = [randomUUID(), randomUUID(), randomUUID()];
    const bad = { ...row(randomUUID()), mode: 'teleport' } as unknown as CheckinToRecord;
    const answers = await Promise.allSettled([
      g.submit(row(people[0]!)),
      g.submit(bad),
      g.submit(row(people[1]!)),
      g.submit(row(people[2]!)),
    ]);
    expect(answers.map((a) => a.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(g.stats()).toMatchObject({ batches: 1, fallbacks: 1 });
    expect(await rowsOf(people)).toHaveLength(3);
    expect(await rowsOf([bad.personId])).toEqual([]);
  });

  it('acknowledges nothing of a batch whose commit fails', async () => {
    const people = [randomUUID(), randomUUID(), randomUUID()];
    const g = new GroupCommit<CheckinToRecord, RecordedCheckin>(
      { maxSize: 64, maxWaitMs: 50 },
      (rows) =>
        db()
          .transaction()
          .execute(async (trx) => {
            const recorded = await repo.recordMany(trx, rows, 10);
            await sql`select 1 / 0`.execute(trx); // the transaction cannot commit
            return recorded;
          }),
      async () => {
        throw new Error('the database is unavailable');
      },
    );
    const answers = await Promise.allSettled(people.map((p) => g.submit(row(p))));
    expect(answers.map((a) => a.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(await rowsOf(people)).toEqual([]);
  });
});
