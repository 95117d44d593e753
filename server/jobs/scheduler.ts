import type { FastifyBaseLogger } from 'fastify';

export interface Job {
  name: string;
  everyMs: number;
  run(): Promise<string>;
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
        log.info({ job: job.name, result: await job.run() }, 'job done');
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
