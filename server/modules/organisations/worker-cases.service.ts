import type { WorkerCaseRow, WorkerCases } from '../../../core/schemas/workplace-screening.ts';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import { decodeCursor, toPage } from '../../shared/cursor.ts';
import { allPages, sheetExport, type SheetExport } from '../../shared/excel.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { PeopleService } from '../people/people.service.ts';
import { organisationsPolicy as policy } from './organisations.policy.ts';
import type { ScreeningRepository } from './screening.repository.ts';
import { idTypeOfRosterNumber as idTypeOf } from '../../../core/rules/identity-documents.ts';
import type { ScreeningService } from './screening.service.ts';

/** Of these people, those who became a case on or after a day, with that day (the cases module's). */
export type CasesConfirmedSince = (db: Db, personIds: readonly string[], since: string) => Promise<Map<string, string>>;

/** How far back a worker who became a case stays on the organisation's page. */
export const WORKER_CASE_DAYS = 21;

/**
 * "A worker who becomes a case shows up on the organisation's page, without medical details, so it
 * can act" (issue 15): the roster's workers, matched to the people registry by their ID document,
 * who became a case confirmed in the last 21 days. Name, department, shift and the day only; the
 * organisation's admin and the officials of its area read it, and each read names the people shown.
 */
export class WorkerCasesService {
  constructor(
    private readonly db: Db,
    private readonly screening: ScreeningService,
    private readonly repo: ScreeningRepository,
    private readonly people: PeopleService,
    private readonly casesConfirmedSince: CasesConfirmedSince,
    private readonly audit: AuditTrailService,
  ) {}

  async list(actor: Actor, organisationId: string, q: { after?: string; limit: number }, now = new Date()) {
    const org = await this.screening.organisationOrThrow(actor, organisationId, policy.readWorkforce, this.db);
    const today = vietnamToday(now);
    const since = new Date(Date.parse(`${today}T00:00:00Z`) - (WORKER_CASE_DAYS - 1) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const roster = await this.repo.roster(this.db, organisationId);
    const found = await this.people.peopleByDocuments(
      this.db,
      roster.map((w) => ({ idType: idTypeOf(w.id_number), idNumber: w.id_number, fullName: w.full_name })),
    );
    const personOf = new Map(found.map((p) => [`${p.id_type}|${p.id_number}`, p.id]));
    const confirmed = await this.casesConfirmedSince(
      this.db,
      found.map((p) => p.id),
      since,
    );
    const rows = roster.flatMap((w) => {
      const personId = personOf.get(`${idTypeOf(w.id_number)}|${w.id_number}`);
      const on = personId ? confirmed.get(personId) : undefined;
      if (!personId || !on) return [];
      const row: WorkerCaseRow = {
        workerId: w.id,
        fullName: w.full_name,
        department: w.department,
        shift: w.shift,
        confirmedOn: on,
      };
      return [{ row, personId }];
    });
    // Newest first, then by name and id; the keyset walks that order in code units.
    const key = (r: WorkerCaseRow) => [r.confirmedOn, r.fullName, r.workerId];
    const before = (a: string[], b: string[]) =>
      a[0] !== b[0] ? a[0]! > b[0]! : a[1] !== b[1] ? a[1]! < b[1]! : a[2]! < b[2]!;
    const cursor = decodeCursor(q.after, ['text', 'text', 'uuid'])?.map(String);
    rows.sort((a, b) => (before(key(a.row), key(b.row)) ? -1 : before(key(b.row), key(a.row)) ? 1 : 0));
    const page = toPage(
      rows.filter((r) => !cursor || before(cursor, key(r.row))),
      q.limit,
      (r) => key(r.row),
    );
    if (page.items.length > 0)
      await this.audit.record(this.db, actor, {
        action: 'read_list',
        entityType: 'organisation',
        entityId: organisationId,
        localityCode: org.commune_code,
        localityPath: org.locality_path,
        subjectIds: page.items.map((r) => r.personId),
        after: { list: 'worker_cases', shown: page.items.length },
      });
    const out: WorkerCases = {
      since,
      days: WORKER_CASE_DAYS,
      items: page.items.map((r) => r.row),
      nextCursor: page.nextCursor,
    };
    return out;
  }

  /** The whole list as a sheet; each page read is logged with the people it names, the export too. */
  async export(actor: Actor, organisationId: string): Promise<SheetExport> {
    const org = await this.screening.organisationOrThrow(actor, organisationId, policy.readWorkforce, this.db);
    await this.audit.record(this.db, actor, {
      action: 'export',
      entityType: 'organisation',
      entityId: organisationId,
      localityCode: org.commune_code,
      localityPath: org.locality_path,
      after: { list: 'worker_cases' },
    });
    return sheetExport({
      filename: `ca-benh-nguoi-lao-dong-${organisationId.slice(0, 8)}.xlsx`,
      sheetName: actor.locale === 'vi' ? 'Người lao động là ca bệnh' : 'Workers who are cases',
      locale: actor.locale,
      columns: [
        { header: { vi: 'Họ tên', en: 'Name' }, width: 28, value: (w: WorkerCaseRow) => w.fullName },
        { header: { vi: 'Phòng ban', en: 'Department' }, width: 20, value: (w: WorkerCaseRow) => w.department },
        { header: { vi: 'Ca', en: 'Shift' }, width: 10, value: (w: WorkerCaseRow) => w.shift },
        { header: { vi: 'Ngày xác định', en: 'Confirmed on' }, width: 14, value: (w: WorkerCaseRow) => w.confirmedOn },
      ],
      pages: await allPages((after) => this.list(actor, organisationId, { after, limit: 500 })),
    });
  }
}
