import type { AppServices } from '../services.ts';
import type { Job } from './scheduler.ts';

/** The platform's periodic jobs. Each module adds its own (retention purges, recomputes…). */
export function platformJobs(services: AppServices): Job[] {
  return [
    {
      name: 'checkin-partitions-and-retention',
      everyMs: 60 * 60_000,
      run: async () => {
        const r = await services.checkins.maintain();
        return `${r.created} partitions ensured, ${r.dropped.length} dropped past retention`;
      },
    },
    {
      name: 'purge-expired-sessions',
      everyMs: 15 * 60_000,
      run: async () => `${await services.auth.purgeExpiredSessions()} sessions removed`,
    },
  ];
}
