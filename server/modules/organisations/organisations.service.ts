import { randomUUID } from 'node:crypto';
import { AppError } from '../../../core/errors.ts';
import { normaliseVietnamesePhone } from '../../../core/rules/identity-documents.ts';
import { nextVenueStatus } from '../../../core/rules/venue-status.ts';
import { checkTaxCode, taxCodeProblemMessages } from '../../../core/rules/workplaces/tax-code.ts';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { Page } from '../../../core/schemas/common.ts';
import type {
  DecideOrganisationRequest,
  ListOrganisationsQuery,
  OrganisationView,
  RegisterOrganisationRequest,
} from '../../../core/schemas/organisations.ts';
import type { Db } from '../../db/database.ts';
import type { LocalityRow } from '../../db/schema.ts';
import { recordedBy, type Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import { allPages, sheetExport, type SheetExport } from '../../shared/excel.ts';
import { readImport, rejectInvalidRows, rowPath } from '../../shared/file-import.ts';
import { parseOrganisationsTable } from './organisations-import.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import { organisationColumns } from './organisations.export.ts';
import { organisationMessages as messages } from './organisations.messages.ts';
import { organisationsPolicy as policy } from './organisations.policy.ts';
import { toOrganisationView } from './organisations.presenter.ts';
import type { OrganisationRecord, OrganisationsRepository } from './organisations.repository.ts';

/** Organisations, their approval by the commune and their COVID-safety self-assessments (issue 15). */
export class OrganisationsService {
  constructor(
    private readonly db: Db,
    private readonly repo: OrganisationsRepository,
    private readonly localities: LocalitiesService,
    private readonly audit: AuditTrailService,
  ) {}

  /** Out of scope or not theirs answers exactly like "does not exist". */
  private async readableOrThrow(actor: Actor, id: string, db: Db): Promise<OrganisationRecord> {
    const o = await this.repo.findById(db, id);
    if (!o || !policy.read(actor, o)) throw new AppError('NOT_FOUND');
    return o;
  }

  // --- for other modules (no policy: the caller's own policy decides) ------------------------

  /** An organisation's name, place and owner, for an inspection target (issue 17). */
  async findForInspection(
    db: Db,
    id: string,
  ): Promise<
    { id: string; name: string; commune_code: string; locality_path: string; owner_user_id: string | null } | undefined
  > {
    const o = await this.repo.findById(db, id);
    return (
      o && {
        id: o.id,
        name: o.name,
        commune_code: o.commune_code,
        locality_path: o.locality_path,
        owner_user_id: o.owner_user_id,
      }
    );
  }

  /** The organisations an account administers (an organisation admin's own). */
  async ownedBy(db: Db, userId: string): Promise<string[]> {
    return this.repo.idsOwnedBy(db, userId);
  }

  async get(actor: Actor, id: string): Promise<OrganisationView> {
    return toOrganisationView(await this.readableOrThrow(actor, id, this.db));
  }

  async list(actor: Actor, q: ListOrganisationsQuery): Promise<Page<OrganisationView>> {
    if (!policy.list(actor)) throw new AppError('FORBIDDEN');
    const within = await this.localities.listScope(actor, q.locality, this.db);
    const rows = await this.repo.list(this.db, {
      withinPath: within,
      ownerUserId: policy.listOnlyOwn(actor) ? actor.userId : undefined,
      status: q.status,
      type: q.type,
      sector: q.sector,
      group: q.group,
      overdueOn: q.overdue ? vietnamToday() : undefined,
      q: q.q,
      after: q.after,
      limit: q.limit,
    });
    const page = toPage(rows, q.limit, (r) => [r.created_key, r.id]);
    return { items: page.items.map(toOrganisationView), nextCursor: page.nextCursor };
  }

  async exportXlsx(actor: Actor, q: Omit<ListOrganisationsQuery, 'after' | 'limit'>): Promise<SheetExport> {
    if (!policy.list(actor)) throw new AppError('FORBIDDEN');
    return sheetExport({
      filename: `co-quan-don-vi-${q.locality ?? actor.scope.code}.xlsx`,
      sheetName: actor.locale === 'vi' ? 'Cơ quan, đơn vị' : 'Organisations',
      locale: actor.locale,
      columns: organisationColumns(actor.locale, await this.localities.unitNamer(this.db, actor.locale)),
      pages: await allPages((after) => this.list(actor, { ...q, after, limit: 500 })),
    });
  }

  /**
   * Registers an organisation as `pending`. A resend of the same form (client key) answers the
   * organisation it registered; a tax code already registered (and not rejected) is refused.
   */
  async register(actor: Actor, req: RegisterOrganisationRequest): Promise<OrganisationView> {
    if (!policy.mayRegister(actor)) throw new AppError('FORBIDDEN');
    const m = messages[actor.locale];
    const phone = normaliseVietnamesePhone(req.contactPhone);
    if (!phone) throw new AppError('VALIDATION_FAILED', [{ path: 'contactPhone', message: m.badPhone }]);
    let taxCode: string | null = null;
    if (req.taxCode !== undefined) {
      const checked = checkTaxCode(req.taxCode);
      if (!checked.ok)
        throw new AppError('VALIDATION_FAILED', [
          { path: 'taxCode', message: taxCodeProblemMessages[checked.problem][actor.locale] },
        ]);
      taxCode = checked.taxCode;
    }
    return this.db.transaction().execute(async (trx) => {
      const resent = await this.repo.idByClientKey(trx, req.clientKey);
      if (resent) return toOrganisationView(await this.readableOrThrow(actor, resent, trx));
      const commune = await this.communeOrThrow(actor, req.communeCode, trx);
      if (!policy.register(actor, commune)) throw new AppError('FORBIDDEN');
      if (taxCode && (await this.repo.liveByTaxCode(trx, taxCode)))
        throw new AppError('CONFLICT', [{ path: 'taxCode', message: m.taxCodeTaken }]);
      const id = await this.repo.insert(trx, {
        client_key: req.clientKey,
        name: req.name,
        org_type: req.type,
        sector: req.sector ?? null,
        tax_code: taxCode,
        address_line: req.addressLine,
        commune_code: commune.code,
        locality_path: commune.path,
        head_name: req.headName,
        contact_name: req.contactName,
        contact_phone: phone,
        headcount: req.headcount,
        shifts: req.shifts,
        runs_dormitory: req.runsDormitory,
        runs_shuttle: req.runsShuttle,
        status: 'pending',
        owner_user_id: recordedBy(actor),
      });
      // A twin request committed the same key meanwhile: the unique index kept one row.
      if (id === null) throw new AppError('CONFLICT');
      const created = (await this.repo.findById(trx, id))!;
      await this.audit.record(trx, actor, {
        action: 'create',
        entityType: 'organisation',
        entityId: id,
        localityCode: commune.code,
        localityPath: commune.path,
        after: snapshot(created),
      });
      return toOrganisationView(created);
    });
  }

  /**
   * Officials import organisations from .xlsx or .csv (Vietnamese or English headers): every row or
   * none, every bad row listed. The importing official vouches for them, so they are approved at
   * once, decided by the importer. A tax code already registered is a bad row (never merged silently).
   */
  async importFile(actor: Actor, body: Buffer, contentType: string): Promise<{ created: number }> {
    if (!policy.mayImport(actor)) throw new AppError('FORBIDDEN');
    const m = messages[actor.locale];
    const { rows, errors } = await readImport({ body, contentType }, actor.locale, parseOrganisationsTable);
    return this.db.transaction().execute(async (trx) => {
      const communes = new Map<string, LocalityRow | null>();
      for (const r of rows) {
        const path = rowPath(r.rowNumber);
        if (!communes.has(r.communeCode)) {
          const found = await this.localities.findReadableOrThrow(actor, r.communeCode, trx).catch(() => null);
          const usable =
            found && found.level === 'commune' && found.status === 'active' && policy.decideIn(actor, found);
          communes.set(r.communeCode, usable ? found : null);
        }
        if (!communes.get(r.communeCode)) errors.push({ path, message: `${m.unknownCommune}: ${r.communeCode}` });
        if (!normaliseVietnamesePhone(r.contactPhone))
          errors.push({ path, message: `${m.badPhone}: ${r.contactPhone}` });
        if (r.taxCode && (await this.repo.liveByTaxCode(trx, r.taxCode)))
          errors.push({ path, message: `${m.taxCodeTaken}: ${r.taxCode}` });
      }
      rejectInvalidRows(errors);
      for (const r of rows) {
        const commune = communes.get(r.communeCode)!;
        const id = await this.repo.insert(trx, {
          client_key: randomUUID(),
          name: r.name,
          org_type: r.type,
          sector: r.sector ?? null,
          tax_code: r.taxCode ?? null,
          address_line: r.addressLine,
          commune_code: commune.code,
          locality_path: commune.path,
          head_name: r.headName,
          contact_name: r.contactName,
          contact_phone: normaliseVietnamesePhone(r.contactPhone)!,
          headcount: r.headcount,
          shifts: r.shifts,
          runs_dormitory: r.runsDormitory,
          runs_shuttle: r.runsShuttle,
          status: 'approved',
          owner_user_id: null,
          decided_by: recordedBy(actor),
          decided_at: new Date(),
        });
        const created = (await this.repo.findById(trx, id!))!;
        await this.audit.record(trx, actor, {
          action: 'import',
          entityType: 'organisation',
          entityId: created.id,
          localityCode: commune.code,
          localityPath: commune.path,
          after: snapshot(created),
        });
      }
      return { created: rows.length };
    });
  }

  /** Approve, reject, suspend or reinstate: the venues' life cycle, decided by the commune. */
  async decide(actor: Actor, id: string, req: DecideOrganisationRequest): Promise<OrganisationView> {
    const note = req.note?.trim() || null;
    const m = messages[actor.locale];
    return this.db.transaction().execute(async (trx) => {
      const before = await this.readableOrThrow(actor, id, trx);
      if (!policy.decide(actor, before)) throw new AppError('FORBIDDEN');
      if (req.decision !== 'approve' && !note)
        throw new AppError('VALIDATION_FAILED', [{ path: 'note', message: m.noteRequired }]);
      const next = nextVenueStatus(before.status, req.decision);
      if (!next) throw new AppError('CONFLICT', [{ path: 'decision', message: m.badTransition }]);
      const moved = await this.repo.changeStatus(trx, id, before.status, next, {
        decided_by: recordedBy(actor),
        decision_note: note,
      });
      if (!moved) throw new AppError('CONFLICT');
      const after = (await this.repo.findById(trx, id))!;
      await this.audit.record(trx, actor, {
        action: req.decision,
        entityType: 'organisation',
        entityId: id,
        localityCode: before.commune_code,
        localityPath: before.locality_path,
        before: snapshot(before),
        after: snapshot(after),
      });
      return toOrganisationView(after);
    });
  }

  /** An active commune in the actor's scope; anything else is a field problem of `communeCode`. */
  private async communeOrThrow(actor: Actor, code: string, db: Db): Promise<LocalityRow> {
    const unknown = (): never => {
      throw new AppError('VALIDATION_FAILED', [
        { path: 'communeCode', message: messages[actor.locale].unknownCommune },
      ]);
    };
    const commune = await this.localities.findReadableOrThrow(actor, code, db).catch(unknown);
    if (commune.level !== 'commune' || commune.status !== 'active') unknown();
    return commune;
  }
}

/** The recorded fields, for audit before/after. */
function snapshot(o: OrganisationRecord) {
  return {
    name: o.name,
    type: o.org_type,
    taxCode: o.tax_code,
    communeCode: o.commune_code,
    addressLine: o.address_line,
    headName: o.head_name,
    contactName: o.contact_name,
    contactPhone: o.contact_phone,
    headcount: o.headcount,
    status: o.status,
    decisionNote: o.decision_note,
  };
}
