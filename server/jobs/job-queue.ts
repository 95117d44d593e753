import { CompiledQuery } from 'kysely';
import PgBoss from 'pg-boss';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';

/** What a queue's handler is given: the job's data, and its id (for logs). */
export interface QueuedJob<T> {
  id: string;
  data: T;
}

export interface QueueDefinition<T> {
  name: string;
  handle(job: QueuedJob<T>): Promise<void>;
  /**
   * Retries when the handler throws (a database or programming error, not a delivery failure,
   * which handlers record themselves and reschedule with the delivery rules).
   */
  retryLimit?: number;
}

/**
 * The durable job queue: pg-boss on the application's own database, PGlite or a PostgreSQL server.
 * pg-boss runs its SQL through `executeSql`, which here goes through Kysely: the same pool, so on
 * PGlite (one connection) its queries queue behind the application's like any other. A job can be
 * sent inside the caller's transaction (`send(trx, …)`): it exists exactly when the change it
 * follows is committed.
 *
 * `start({ background: false })` creates or migrates pg-boss's schema and allows sending; tests then
 * run due jobs with `drain`, never waiting on a clock. `background: true` (the server) also polls
 * every queue and runs pg-boss's maintenance (expiry, archiving).
 */
export class JobQueue {
  private boss: PgBoss | null = null;
  private readonly queues = new Map<string, QueueDefinition<never>>();

  constructor(
    private readonly db: Db,
    private readonly config: Config['queue'],
    private readonly log: (line: string) => void = () => {},
  ) {}

  /** Registers a queue and its handler; before `start`, by the module that owns it. */
  define<T>(q: QueueDefinition<T>): void {
    if (this.boss) throw new Error(`job queue ${q.name} defined after the queue started`);
    this.queues.set(q.name, q as unknown as QueueDefinition<never>);
  }

  async start(o: { background: boolean }): Promise<void> {
    if (this.boss) return;
    const boss = new PgBoss({
      db: executorOf(this.db),
      schema: this.config.schema,
      supervise: o.background,
      schedule: false,
      migrate: true,
    });
    boss.on('error', (err: Error) => this.log(`[queue] ${err.message}`));
    await boss.start();
    for (const q of this.queues.values()) {
      await boss.createQueue(q.name, { name: q.name, retryLimit: q.retryLimit ?? 3, retryBackoff: true });
    }
    this.boss = boss;
    if (o.background) {
      for (const q of this.queues.values()) {
        await boss.work(q.name, { pollingIntervalSeconds: this.config.pollingSeconds }, async (jobs) => {
          // pg-boss fails the job when this throws, and retries it up to the queue's limit.
          for (const job of jobs) await q.handle({ id: job.id, data: job.data as never });
        });
      }
    }
  }

  async stop(): Promise<void> {
    const boss = this.boss;
    this.boss = null;
    // Graceful: a delivery in progress finishes (and records its outcome) before the database closes.
    if (boss) await boss.stop({ graceful: true, wait: true, timeout: 15_000 });
  }

  /**
   * Queues a job, in the caller's transaction when `db` is one. `startAfter`: not before this
   * instant. Answers the job's id.
   */
  async send<T extends object>(db: Db, name: string, data: T, o: { startAfter?: Date } = {}): Promise<string> {
    const boss = this.started();
    if (!this.queues.has(name)) throw new Error(`unknown job queue ${name}`);
    const id = await boss.send(name, data, { startAfter: o.startAfter, db: executorOf(db) });
    if (!id) throw new Error(`job queue ${name} refused the job`);
    return id;
  }

  /**
   * Runs every job of the queue that is due now, one after another, until none is left (jobs the
   * handlers queue for now run too); answers how many ran. Tests use it instead of waiting for a poll.
   */
  async drain(name: string, o: { max?: number } = {}): Promise<number> {
    const boss = this.started();
    const q = this.queues.get(name);
    if (!q) throw new Error(`unknown job queue ${name}`);
    let ran = 0;
    for (;;) {
      // pg-boss takes a job once `start_after < now()`, and a job queued "now" (a retry without delay)
      // carries this very millisecond on PGlite, whose clock counts milliseconds: let one pass first.
      await new Promise((resolve) => setTimeout(resolve, 2));
      const jobs = (await boss.fetch(name, { batchSize: 1 })) ?? [];
      const job = jobs[0];
      if (!job) return ran;
      if (++ran > (o.max ?? 1000)) throw new Error(`job queue ${name} did not drain`);
      try {
        await q.handle({ id: job.id, data: job.data as never });
        await boss.complete(name, job.id);
      } catch (err) {
        await boss.fail(name, job.id, { message: (err as Error).message });
      }
    }
  }

  /** The state pg-boss holds for one job (tests and diagnostics). */
  async job(name: string, id: string): Promise<{ state: string; startAfter: Date } | null> {
    const job = await this.started().getJobById(name, id);
    return job ? { state: job.state, startAfter: job.startAfter } : null;
  }

  private started(): PgBoss {
    if (!this.boss) throw new Error('the job queue is not started');
    return this.boss;
  }
}

/** pg-boss's database interface over a Kysely handle (the root pool or a transaction). */
function executorOf(db: Db): PgBoss.Db {
  return {
    executeSql: async (text: string, values: unknown[] = []) => {
      const result = await db.executeQuery(CompiledQuery.raw(text, values));
      return { rows: result.rows as unknown[] };
    },
  };
}
