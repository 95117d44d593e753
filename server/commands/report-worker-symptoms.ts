import type { SymptomReportRequest, SymptomReportView } from '../../core/schemas/workplace-screening.ts';
import { addDays, vietnamToday } from '../../core/vietnam-calendar.ts';
import type { Db } from '../db/database.ts';
import type { SymptomReportsService } from '../modules/organisations/organisations.module.ts';
import type { PeopleRegistryService } from '../modules/people/people.module.ts';
import type { TestingService } from '../modules/testing/testing.module.ts';
import type { Actor } from '../shared/actor.ts';

/** How long a worker reported with symptoms stays under monitoring (the 14 days of health monitoring). */
const MONITORING_DAYS = 14;

/** The services the command uses; `AppServices` has them all, so the route passes it as it is. */
export interface ReportWorkerSymptomsDeps {
  db: Db;
  workplaceSymptoms: SymptomReportsService;
  peopleRegistry: PeopleRegistryService;
  testing: TestingService;
}

/**
 * The organisation's safety contact reports a rostered worker with symptoms, in one transaction:
 * the person on file holding the worker's document is put under monitoring for 14 days (their QR
 * turns yellow, so the gate refuses them), the testing module orders an RT-PCR test due today (reason
 * `symptoms`), and the report is stored, which puts it on the commune's today's work. A worker
 * whose document is not on file is reported all the same (the commune finds them); no test can be
 * ordered for them until they are. A double submit (same client key) answers the first report.
 */
export async function reportWorkerSymptoms(
  d: ReportWorkerSymptomsDeps,
  actor: Actor,
  organisationId: string,
  req: SymptomReportRequest,
  now = new Date(),
): Promise<SymptomReportView> {
  return d.db.transaction().execute(async (trx) => {
    const s = await d.workplaceSymptoms.subject(trx, actor, organisationId, req, now);
    const earlier = await d.workplaceSymptoms.earlier(trx, actor, organisationId, req.clientKey);
    if (earlier) return earlier;
    const today = vietnamToday(now);
    let orderId: string | null = null;
    if (s.person) {
      await d.peopleRegistry.placeUnderMonitoring(trx, s.person.id, addDays(today, MONITORING_DAYS));
      [orderId = null] = await d.testing.orderTests(trx, [
        {
          personId: s.person.id,
          reason: 'symptoms',
          testKind: 'rt_pcr',
          dueOn: today,
          localityPath: s.person.path ?? s.org.locality_path,
        },
      ]);
    }
    const view = await d.workplaceSymptoms.record(
      trx,
      actor,
      { org: s.org, worker: s.worker, personId: s.person?.id ?? null, orderId },
      req,
      today,
    );
    if (!view) throw new Error('reportWorkerSymptoms: the same report was stored concurrently');
    return view;
  });
}
