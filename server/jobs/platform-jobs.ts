import type { Config } from '../config.ts';
import type { AppServices } from '../services.ts';
import type { Job } from './scheduler.ts';

/** The platform's periodic jobs. Each module adds its own (retention purges, recomputes…). */
export function platformJobs(services: AppServices, config: Pick<Config, 'declarations' | 'checkins'>): Job[] {
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
      name: 'declaration-retention',
      everyMs: 6 * 60 * 60_000,
      run: async () => {
        const r = await services.declarationsOfficials.purgeExpired(config.declarations.retentionDays);
        return `${r.declarations} declarations and ${r.codes} one-time codes removed`;
      },
    },
    {
      name: 'citizen-session-retention',
      everyMs: 6 * 60 * 60_000,
      run: async () => `${await services.citizenSessions.purgeExpired(new Date())} expired citizen sessions removed`,
    },
    {
      name: 'contact-evidence-retention',
      everyMs: 6 * 60 * 60_000,
      run: async () => {
        const r = await services.tracing.purgeExpiredEvidence(config.checkins.retentionDays);
        return `${r.deleted} venue-only contact proposals removed, ${r.stripped} contacts' venue evidence removed`;
      },
    },
    {
      name: 'end-home-monitoring',
      everyMs: 60 * 60_000,
      run: async () => `${await services.quarantine.endFinishedMonitoring()} people's home monitoring ended`,
    },
    {
      name: 'risk-levels-in-force',
      everyMs: 15 * 60_000,
      run: async () => `${await services.riskDecisions.applyDue()} locality risk levels changed`,
    },
    {
      name: 'epidemic-zones-in-force',
      everyMs: 5 * 60_000,
      run: async () => `${await services.zones.applyDue()} epidemic zone flags changed`,
    },
    {
      // Reads recount what they need first; this keeps the counts fresh for the level jobs.
      name: 'risk-daily-counts',
      everyMs: 5 * 60_000,
      run: async () => `${await services.indicators.refreshDirty(services.db)} daily count cells recounted`,
    },
    {
      name: 'purge-expired-sessions',
      everyMs: 15 * 60_000,
      run: async () => `${await services.auth.purgeExpiredSessions()} sessions removed`,
    },
  ];
}
