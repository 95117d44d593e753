import type { Config } from '../config.ts';
import type { AppServices } from '../services.ts';
import type { Job } from './scheduler.ts';

/** The platform's periodic jobs. Each module adds its own (retention purges, recomputes…). */
export function platformJobs(
  services: AppServices,
  config: Pick<Config, 'declarations' | 'checkins' | 'audit'>,
): Job[] {
  return [
    {
      // Rows are chained here, not at their commit: no audited commit waits for another (migration 0045).
      // Until sealed a row is covered by no hash, so this interval bounds the tamper window.
      name: 'audit-chain-seal',
      everyMs: config.audit.sealIntervalSeconds * 1000,
      run: async () => {
        const n = await services.auditChain.seal();
        return n > 0 ? `${n} audit rows sealed into the chain` : null;
      },
    },
    {
      // The line is also a copy of the head outside the database: compare it with \`phongdich audit verify\`.
      name: 'audit-chain-checkpoint',
      everyMs: config.audit.checkpointMinutes * 60_000,
      run: async () => {
        // Sealed first, so the signature covers what was written until now.
        await services.auditChain.seal();
        const signed = await services.auditChain.checkpoint();
        return signed
          ? `audit chain head signed at link ${signed.seq}: ${signed.hash}`
          : 'audit chain unchanged since the last checkpoint';
      },
    },
    {
      name: 'audit-volume-alerts',
      everyMs: 5 * 60_000,
      run: async () => `${await services.auditAlerts.raiseVolumeAlerts()} accounts reading unusually many people`,
    },
    {
      name: 'checkin-partitions-and-retention',
      everyMs: 60 * 60_000,
      run: async () => {
        const r = await services.checkins.maintain();
        // Exposure entries end with the check-ins they came from (issue 20).
        const entries = await services.exposure.purgeExpired(config.checkins.retentionDays);
        return `${r.created} partitions ensured, ${r.dropped.length} dropped past retention, ${entries} exposure entries removed`;
      },
    },
    {
      name: 'exposure-feed-fetch-counts',
      everyMs: 60_000,
      run: async () => `${await services.exposure.flushFetchCounts()} feed fetches counted`,
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
      name: 'inspection-photo-orphans',
      everyMs: 6 * 60 * 60_000,
      run: async () => `${await services.inspectionVisits.purgeOrphanPhotos()} unrecorded inspection photos removed`,
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
      run: async () => `${await services.homeMonitoring.endFinishedMonitoring()} people's home monitoring ended`,
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
      // A federated province's heartbeat: the hub shows each province's last sync from it (issue 21).
      name: 'federation-heartbeat',
      everyMs: 60_000,
      run: async () => {
        await services.referrals.beat();
        return 'heartbeat written';
      },
    },
    {
      // Replication has no hook: a province polls for the national directives that arrived (issue 21), announcing each once.
      name: 'national-directive-notices',
      everyMs: 60_000,
      run: async () => `${await services.nationalDirectiveNotices.announceArrived()} national directives announced`,
    },
    {
      // Reads recount what they need first; this keeps the counts fresh for the level jobs (and, in a
      // federated province, the counts the hub receives).
      name: 'risk-daily-counts',
      everyMs: 5 * 60_000,
      run: async () => `${await services.indicators.refreshDirty(services.db)} daily count cells recounted`,
    },
    {
      // Scheduled once per key: the hourly run only adds what became due since the last one.
      name: 'assessment-reminders',
      everyMs: 60 * 60_000,
      run: async () => `${await services.assessmentReminders.scheduleDue()} self-assessment reminders scheduled`,
    },
    {
      // Missing reports: 24 h and 2 h before the deadline, then each morning while late (once per key).
      name: 'report-reminders',
      everyMs: 60 * 60_000,
      run: async () => `${await services.reportReminders.scheduleDue()} report reminders scheduled`,
    },
    {
      // From 08:00 Viet Nam time, the day's digest of escalations is queued once; each official gets one.
      name: 'escalation-digest',
      everyMs: 15 * 60_000,
      run: async () =>
        (await services.escalationDigest.scheduleDue())
          ? "today's escalation digest queued"
          : 'escalation digest not due',
    },
    {
      // The outbox and the reminders are backed up, the queue is not: after a restore their jobs are re-sent here.
      name: 'notification-jobs-requeue',
      everyMs: 15 * 60_000,
      run: async () =>
        `${await services.notificationDelivery.requeueStranded()} deliveries and ${await services.reminders.requeueStranded()} reminders queued again`,
    },
    {
      name: 'purge-expired-sessions',
      everyMs: 15 * 60_000,
      run: async () =>
        `${await services.auth.purgeExpiredSessions()} sessions and ${await services.auth.purgeLoginThrottle()} sign-in throttle rows removed`,
    },
  ];
}
