import { AppError } from '../../../core/errors.ts';
import type { Page } from '../../../core/schemas/common.ts';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { SymptomReportRequest, SymptomReportView } from '../../../core/schemas/workplace-screening.ts';
import type { Db } from '../../db/database.ts';
import { recordedBy, type Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { PeopleService } from '../people/people.service.ts';
import { organisationsPolicy as policy } from './organisations.policy.ts';
import type { OrganisationRecord } from './organisations.repository.ts';
import type { RosterWorkerRecord, RostersRepository } from './rosters.repository.ts';
import { toSymptomReportView } from './screening.presenter.ts';
import { screeningMessages as messages } from './screening.messages.ts';
import type { ScreeningRepository } from './screening.repository.ts';
import { idTypeOfRosterNumber as idTypeOf } from '../../../core/rules/identity-documents.ts';
import type { ScreeningService } from './screening.service.ts';

/**
 * A worker with symptoms reported by the organisation (the 2194 protocol: the manager and health
 * staff are told, the worker masks, limits contact and waits in the isolation area). The
 * `reportWorkerSymptoms` command orders the steps; this keeps the organisation's side: who may
 * report, the worker on the roster, the report itself, and the reads, which are logged (a report is
 * health data about a named person).
 */
export class SymptomReportsService {
  constructor(
    private readonly db: Db,
    private readonly screening: ScreeningService,
    private readonly rosters: RostersRepository,
    private readonly repo: ScreeningRepository,
    private readonly people: PeopleService,
    private readonly audit: AuditTrailService,
  ) {}

  /** An earlier report with the same client key (a double submit): its view; another organisation's is a conflict. */
  async earlier(db: Db, actor: Actor, organisationId: string, clientKey: string): Promise<SymptomReportView | null> {
    const r = await this.repo.reportByClientKey(db, clientKey);
    if (r && r.organisation_id !== organisationId)
      throw new AppError('CONFLICT', [{ path: 'clientKey', message: messages[actor.locale].otherOrganisation }]);
    return r ? toSymptomReportView(r) : null;
  }

  /** The organisation and the rostered worker a report is about, with the person on file holding their document. */
  async subject(
    db: Db,
    actor: Actor,
    organisationId: string,
    req: SymptomReportRequest,
    now: Date,
  ): Promise<{
    org: OrganisationRecord;
    worker: RosterWorkerRecord;
    person: { id: string; path: string | null } | null;
  }> {
    const m = messages[actor.locale];
    const org = await this.screening.organisationOrThrow(actor, organisationId, policy.reportSymptoms, db);
    if (req.onsetOn > vietnamToday(now))
      throw new AppError('VALIDATION_FAILED', [{ path: 'onsetOn', message: m.onsetInFuture }]);
    const worker = await this.rosters.byId(db, organisationId, req.workerId);
    if (!worker) throw new AppError('VALIDATION_FAILED', [{ path: 'workerId', message: m.notOnRoster }]);
    const [p] = await this.people.peopleByDocuments(db, [
      { idType: idTypeOf(worker.id_number), idNumber: worker.id_number, fullName: worker.full_name },
    ]);
    return { org, worker, person: p ? { id: p.id, path: p.locality_path } : null };
  }

  /** Stores the report in the command's transaction; null when a concurrent resend stored it first. */
  async record(
    db: Db,
    actor: Actor,
    s: { org: OrganisationRecord; worker: RosterWorkerRecord; personId: string | null; orderId: string | null },
    req: SymptomReportRequest,
    today: string,
  ): Promise<SymptomReportView | null> {
    const id = await this.repo.insertReport(db, {
      client_key: req.clientKey,
      organisation_id: s.org.id,
      roster_worker_id: s.worker.id,
      person_id: s.personId,
      symptoms: JSON.stringify(req.symptoms),
      onset_on: req.onsetOn,
      test_order_id: s.orderId,
      locality_path: s.org.locality_path,
      reported_by: recordedBy(actor),
    });
    if (!id) return null;
    if (s.personId && s.orderId)
      await this.repo.insertOrders(db, [
        {
          roster_worker_id: s.worker.id,
          due_on: today,
          organisation_id: s.org.id,
          person_id: s.personId,
          test_order_id: s.orderId,
          batch_key: null,
          reason: 'symptoms',
        },
      ]);
    await this.audit.record(db, actor, {
      action: 'report_symptoms',
      entityType: 'workplace_symptom_report',
      entityId: id,
      localityCode: s.org.commune_code,
      localityPath: s.org.locality_path,
      subjectIds: s.personId ? [s.personId] : [],
      after: { workerId: s.worker.id, onsetOn: req.onsetOn, testOrdered: s.orderId !== null },
    });
    return toSymptomReportView((await this.repo.reportById(db, id))!);
  }

  /** The commune took the report in: it leaves today's work. Again: the report as it is. */
  async handle(actor: Actor, organisationId: string, reportId: string): Promise<SymptomReportView> {
    return this.db.transaction().execute(async (trx) => {
      const org = await this.screening.organisationOrThrow(actor, organisationId, policy.handleSymptoms, trx);
      const report = await this.repo.reportById(trx, reportId);
      if (!report || report.organisation_id !== org.id) throw new AppError('NOT_FOUND');
      if (await this.repo.markHandled(trx, reportId))
        await this.audit.record(trx, actor, {
          action: 'handle_symptoms',
          entityType: 'workplace_symptom_report',
          entityId: reportId,
          localityCode: org.commune_code,
          localityPath: org.locality_path,
          subjectIds: report.person_id ? [report.person_id] : [],
        });
      return toSymptomReportView((await this.repo.reportById(trx, reportId))!);
    });
  }

  /** The organisation's reports, newest first; the read of named workers' health is logged. */
  async list(
    actor: Actor,
    organisationId: string,
    q: { after?: string; limit: number },
  ): Promise<Page<SymptomReportView>> {
    const org = await this.screening.organisationOrThrow(actor, organisationId, policy.readWorkforce, this.db);
    const rows = await this.repo.listReports(this.db, organisationId, q);
    const page = toPage(rows, q.limit, (r) => [r.reported_key, r.id]);
    if (page.items.length)
      await this.audit.record(this.db, actor, {
        action: 'read_list',
        entityType: 'workplace_symptom_report',
        entityId: null,
        localityPath: org.locality_path,
        subjectIds: page.items.map((r) => r.person_id),
      });
    return { items: page.items.map(toSymptomReportView), nextCursor: page.nextCursor };
  }

  /** The area's open reports for today's work (the today module logs the read of the names). */
  async forToday(actor: Actor, path: string, limit: number) {
    const rows = await this.repo.openIn(this.db, path, limit);
    return rows.map((r) => ({
      id: r.id,
      label: messages[actor.locale].symptomsLabel(r.full_name, r.name),
      dueOn: r.reported_on,
      link: `/organisations/${r.organisation_id}`,
      personId: r.person_id,
      total: r.total,
    }));
  }
}
