import { AppError } from '../../../core/errors.ts';
import { reportNeedsTest } from '../../../core/rules/monitoring.ts';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { MonitoringReport, MonitoringStatus } from '../../../core/schemas/quarantine.ts';
import { maskName } from '../people/people.service.ts';
import type { AdmissionRecord } from './quarantine.repository.ts';
import type { QuarantineDeps } from './quarantine.service.ts';

/** Home monitoring by link: the daily self-report of a person in quarantine, without signing in, and its end. */
export class HomeMonitoringService {
  constructor(private readonly d: QuarantineDeps) {}

  /** The job that ends home monitoring after its last day (QR no longer yellow for it). */
  async endFinishedMonitoring(now = new Date()): Promise<number> {
    return this.d.quarantine.endFinishedMonitoring(this.d.db, vietnamToday(now));
  }

  /** What the daily report link shows: initials, not the name (the link may be forwarded). */
  async monitoringStatus(token: string, now = new Date()): Promise<MonitoringStatus> {
    const a = await this.byLinkOrThrow(token);
    const today = vietnamToday(now);
    return {
      displayName: maskName(a.full_name),
      facilityName: a.facility_name,
      endsOn: a.ends_on,
      reportedToday: a.last_report_on === today,
      testDueToday: await this.d.quarantine.orderDueOn(this.d.db, a.id, today),
    };
  }

  async report(token: string, r: MonitoringReport, now = new Date()): Promise<MonitoringStatus> {
    const a = await this.byLinkOrThrow(token);
    const today = vietnamToday(now);
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.quarantine.upsertReport(trx, {
        admissionId: a.id,
        day: today,
        temperature: r.temperature ?? null,
        symptoms: r.symptoms,
      });
      if (reportNeedsTest(r)) {
        await this.d.testing.orderTests(trx, [
          {
            personId: a.person_id,
            reason: 'symptoms',
            testKind: 'rt_pcr',
            dueOn: today,
            localityPath: a.locality_path,
            admissionId: a.id,
          },
        ]);
      }
    });
    return this.monitoringStatus(token, now);
  }

  private async byLinkOrThrow(token: string): Promise<AdmissionRecord> {
    const tokenId = this.d.links.verify(token);
    const a = tokenId ? await this.d.quarantine.findByMonitorToken(this.d.db, tokenId) : undefined;
    if (!a || a.status !== 'active') throw new AppError('NOT_FOUND');
    return a;
  }
}
