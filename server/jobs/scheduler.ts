import type { FastifyBaseLogger } from 'fastify';

export interface Job {
  name: string;
  everyMs: number;
  /** What the run did, for the log; null when it had nothing to do and is not worth a line (a frequent job). */
  run(): Promise<string | null>;
}

/**
 * Runs periodic jobs in the server process, one run of a job at a time, never overlapping itself.
 * Enough for one node; several nodes would move these onto a database-backed queue.
 */
export function startJobs(jobs: Job[], log: Pick<FastifyBaseLogger, 'info' | 'error'>): () => void {
  const running = new Set<string>();
  const timers = jobs.map((job) => {
    const tick = async () => {
      if (running.has(job.name)) return;
      running.add(job.name);
      try {
        const result = await job.run();
        if (result !== null) log.info({ job: job.name, result }, 'job done');
      } catch (err) {
        log.error({ job: job.name, err }, 'job failed');
      } finally {
        running.delete(job.name);
      }
    };
    const timer = setInterval(() => void tick(), job.everyMs);
    timer.unref();
    return timer;
  });
  return () => timers.forEach((t) => clearInterval(t));
}
