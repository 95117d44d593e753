import { AppError } from '../../../core/errors.ts';
import type { Page } from '../../../core/schemas/common.ts';
import type { ListRosterQuery, RosterImportResult, RosterWorkerView } from '../../../core/schemas/workforce.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import { allPages, sheetExport, type SheetExport } from '../../shared/excel.ts';
import { readImport, rejectInvalidRows } from '../../shared/file-import.ts';
import { idTypeOfRosterNumber as idTypeOf } from '../../../core/rules/identity-documents.ts';
import type { PeopleService } from '../people/people.service.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import { organisationsPolicy as policy } from './organisations.policy.ts';
import type { OrganisationRecord, OrganisationsRepository } from './organisations.repository.ts';
import { parseRosterTable } from './roster-import.ts';
import { rosterColumns, toRosterWorkerView } from './workforce.presenter.ts';
import type { RostersRepository } from './rosters.repository.ts';

/** An organisation's workforce roster (issue 15, "no declaration, no work"): imported, listed, exported. */
export class RostersService {
  constructor(
    private readonly db: Db,
    private readonly organisations: OrganisationsRepository,
    private readonly repo: RostersRepository,
    private readonly people: PeopleService,
    private readonly audit: AuditTrailService,
  ) {}

  /** The organisation when the actor may act on it as `allowed` says; out of reach reads as "does not exist". */
  private async organisationOrThrow(
    actor: Actor,
    id: string,
    allowed: (a: Actor, o: OrganisationRecord) => boolean,
    db: Db,
  ): Promise<OrganisationRecord> {
    const o = await this.organisations.findById(db, id);
    if (!o || !policy.read(actor, o)) throw new AppError('NOT_FOUND');
    if (!allowed(actor, o)) throw new AppError('FORBIDDEN');
    return o;
  }

  /**
   * Imports the roster from .xlsx or .csv (Vietnamese or English headers): every row or none,
   * every bad row listed. A worker already on the roster (same ID document) is updated; nobody is
   * removed, so a sheet of one department adds to the roster rather than replacing it.
   */
  async importFile(
    actor: Actor,
    organisationId: string,
    body: Buffer,
    contentType: string,
  ): Promise<RosterImportResult> {
    await this.organisationOrThrow(actor, organisationId, policy.manageWorkforce, this.db);
    const { rows, errors } = await readImport({ body, contentType }, actor.locale, parseRosterTable);
    rejectInvalidRows(errors);
    return this.db.transaction().execute(async (trx) => {
      const org = await this.organisationOrThrow(actor, organisationId, policy.manageWorkforce, trx);
      const created = await this.repo.upsert(trx, organisationId, rows);
      const result = { created, updated: rows.length - created };
      await this.audit.record(trx, actor, {
        action: 'import',
        entityType: 'workforce_roster',
        entityId: organisationId,
        localityCode: org.commune_code,
        localityPath: org.locality_path,
        after: result,
      });
      return result;
    });
  }

  async list(actor: Actor, organisationId: string, q: ListRosterQuery): Promise<Page<RosterWorkerView>> {
    const org = await this.organisationOrThrow(actor, organisationId, policy.readWorkforce, this.db);
    const rows = await this.repo.list(this.db, organisationId, q);
    const page = toPage(rows, q.limit, (r) => [r.department, r.full_name, r.id]);
    // Workers who are also in the people registry (a case, a contact, a declaration) are named in the
    // access log: the roster shows their name and document.
    const known = await this.people.peopleByDocuments(
      this.db,
      page.items.map((w) => ({ idType: idTypeOf(w.id_number), idNumber: w.id_number, fullName: w.full_name })),
    );
    if (known.length > 0)
      await this.audit.record(this.db, actor, {
        action: 'read_list',
        entityType: 'organisation',
        entityId: organisationId,
        localityCode: org.commune_code,
        localityPath: org.locality_path,
        subjectIds: known.map((p) => p.id),
        after: { list: 'roster', shown: page.items.length },
      });
    return { items: page.items.map(toRosterWorkerView), nextCursor: page.nextCursor };
  }

  /** The roster as a sheet that imports back as it is; the export of personal data is logged. */
  async exportXlsx(
    actor: Actor,
    organisationId: string,
    q: Omit<ListRosterQuery, 'after' | 'limit'>,
  ): Promise<SheetExport> {
    const org = await this.organisationOrThrow(actor, organisationId, policy.readWorkforce, this.db);
    await this.audit.record(this.db, actor, {
      action: 'export',
      entityType: 'workforce_roster',
      entityId: organisationId,
      localityCode: org.commune_code,
      localityPath: org.locality_path,
      after: { department: q.department ?? null, q: q.q ? true : null },
    });
    return sheetExport({
      filename: `danh-sach-lao-dong-${organisationId.slice(0, 8)}.xlsx`,
      sheetName: actor.locale === 'vi' ? 'Người lao động' : 'Workforce',
      locale: actor.locale,
      columns: rosterColumns(actor.locale),
      pages: await allPages((after) => this.list(actor, organisationId, { ...q, after, limit: 500 })),
    });
  }
}
