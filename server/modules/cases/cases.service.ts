import { AppError, type ErrorDetail } from '../../../core/errors.ts';
import { hasOutcome } from '../../../core/rules/case-care.ts';
import { defaultDiseaseProfile } from '../../../core/rules/disease-profiles.ts';
import type {
  CaseRow,
  CaseView,
  CreateCaseRequest,
  ListCasesQuery,
  UpdateCaseRequest,
} from '../../../core/schemas/cases.ts';
import type { Page } from '../../../core/schemas/common.ts';
import type { DiseaseProfile } from '../../../core/schemas/disease-profile.ts';
import type { Db } from '../../db/database.ts';
import type { LocalityRow } from '../../db/schema.ts';
import { recordedBy, type Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import { cursorPages, sheetExport, snapshotPages, type SheetExport } from '../../shared/excel.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { DiseaseProfileSummary, DiseaseProfilesService } from '../disease-profiles/disease-profiles.module.ts';
import type { CaseCareService } from './case-care.service.ts';
import { caseColumns } from './cases.export.ts';
import { caseMessages as m } from './cases.messages.ts';
import { casesPolicy } from './cases.policy.ts';
import { toCaseRow, toCaseView } from './cases.presenter.ts';
import type { CaseChanges, CaseLink, CaseRecord, CasesRepository } from './cases.repository.ts';

/** How many contacts a case has, by status: tracing owns contacts and answers this (wired by `server/services.ts`). */
export type ContactCountsOf = (db: Db, caseId: string) => Promise<CaseView['contacts']>;

export interface CasesDeps {
  db: Db;
  cases: CasesRepository;
  diseaseProfiles: DiseaseProfilesService;
  localities: LocalitiesService;
  audit: AuditTrailService;
  contactCounts: ContactCountsOf;
  care: CaseCareService;
}

/** The person a new case is about, as the people registry resolved them. */
export interface CaseSubject {
  id: string;
  communeCode: string | null;
}

/**
 * Cases (F0): read (every read logged), list, export, and the case's own part of registering and
 * updating one. Registering and updating span tracing too: `server/commands/register-case.ts` and
 * `update-case.ts` own those transactions.
 */
export class CasesService {
  constructor(private readonly d: CasesDeps) {}

  /** A case the actor may read, with the caller's handle. Out of scope answers like "does not exist". */
  async findReadableOrThrow(db: Db, actor: Actor, id: string): Promise<CaseRecord> {
    const c = await this.d.cases.findById(db, id);
    if (!c || !casesPolicy.read(actor, c)) throw new AppError('NOT_FOUND');
    return c;
  }

  /** A case the actor may read and change (investigators of its place). */
  async findUpdatableOrThrow(db: Db, actor: Actor, id: string): Promise<CaseRecord> {
    const c = await this.findReadableOrThrow(db, actor, id);
    if (!casesPolicy.update(actor, c)) throw new AppError('FORBIDDEN');
    return c;
  }

  /** A case by id with no scope check, for a use case that reached it through a record already checked. */
  findById(db: Db, id: string): Promise<CaseRecord | undefined> {
    return this.d.cases.findById(db, id);
  }

  findByClientKey(db: Db, clientKey: string): Promise<CaseRecord | undefined> {
    return this.d.cases.findByClientKey(db, clientKey);
  }

  async get(actor: Actor, id: string): Promise<CaseView> {
    const c = await this.findReadableOrThrow(this.d.db, actor, id);
    await this.d.audit.record(this.d.db, actor, {
      action: 'read',
      entityType: 'case',
      entityId: c.id,
      localityCode: c.locality_code,
      localityPath: c.locality_path,
      subjectIds: [c.person_id],
    });
    return this.view(this.d.db, c);
  }

  async list(actor: Actor, q: ListCasesQuery): Promise<Page<CaseRow>> {
    const within = await this.scopeOf(actor, q.locality);
    const page = await this.page(this.d.db, within, q);
    await this.d.audit.record(this.d.db, actor, {
      action: 'read_list',
      entityType: 'case',
      entityId: null,
      localityPath: within,
      subjectIds: page.items.map((c) => c.personId),
    });
    return page;
  }

  private async page(db: Db, within: string, q: ListCasesQuery): Promise<Page<CaseRow>> {
    const rows = await this.d.cases.list(db, { ...q, withinPath: within });
    const page = toPage(rows, q.limit, (r) => [r.confirmed_date, r.id]);
    return { items: page.items.map(toCaseRow), nextCursor: page.nextCursor };
  }

  async exportXlsx(actor: Actor, q: Omit<ListCasesQuery, 'after' | 'limit'>): Promise<SheetExport> {
    const within = await this.scopeOf(actor, q.locality);
    const log = await this.d.audit.exportLog(
      this.d.db,
      actor,
      { entityType: 'case', entityId: null, localityPath: within },
      (c: CaseRow) => c.personId,
    );
    return sheetExport({
      filename: 'ca-benh.xlsx',
      sheetName: actor.locale === 'vi' ? 'Ca bệnh' : 'Cases',
      locale: actor.locale,
      columns: caseColumns(actor.locale, await this.d.localities.unitNamer(this.d.db, actor.locale)),
      pages: q.q
        ? // A text search picks its rows page by page (see the repository): one snapshot, paged.
          await snapshotPages(this.d.db, (db, after) => this.page(db, within, { ...q, after, limit: 1_000 }), log)
        : await cursorPages({
            db: this.d.db,
            query: (db) => this.d.cases.listInOrder(db, { ...q, withinPath: within }),
            toRow: toCaseRow,
            keyset: (db, after) => this.page(db, within, { ...q, after, limit: 500 }),
            logChunk: log,
          }),
    });
  }

  private async scopeOf(actor: Actor, locality: string | undefined): Promise<string> {
    if (!casesPolicy.list(actor)) throw new AppError('FORBIDDEN');
    return locality ? (await this.d.localities.findReadableOrThrow(actor, locality, this.d.db)).path : actor.scope.path;
  }

  /**
   * The case's own part of registering it, inside the caller's transaction: checks the place, the
   * actor's right, that the person is not a case yet and the references, then inserts the case and
   * the links to the source cases the request names. The caller marks the person and traces.
   */
  async insertIn(
    trx: Db,
    actor: Actor,
    req: CreateCaseRequest,
    person: CaseSubject,
  ): Promise<{ id: string; caseNumber: string; place: LocalityRow }> {
    const place = await this.placeOrThrow(trx, actor, req.localityCode ?? person.communeCode);
    if (!casesPolicy.create(actor, place)) throw new AppError('FORBIDDEN');
    const existing = await this.d.cases.findByPerson(trx, person.id);
    if (existing)
      throw new AppError('CONFLICT', [
        { path: 'subject', message: `${m.alreadyCase[actor.locale]} ${existing.case_number}` },
      ]);
    const details = await this.checkReferences(trx, actor, req);
    const caseNumber = req.caseNumber ?? (await this.d.cases.nextCaseNumber(trx, place.province_code ?? place.code));
    if (req.caseNumber && (await this.d.cases.caseNumberTaken(trx, req.caseNumber))) {
      details.push({ path: 'caseNumber', message: m.numberTaken[actor.locale] });
    }
    if (details.length) throw new AppError('VALIDATION_FAILED', details);
    const id = await this.d.cases.insert(trx, {
      case_number: caseNumber,
      person_id: person.id,
      onset_date: req.onsetDate ?? null,
      sample_date: req.sampleDate ?? null,
      confirmed_date: req.confirmedDate,
      isolated_at: req.isolatedAt ? new Date(req.isolatedAt) : null,
      classification: req.classification,
      source_country: req.sourceCountry ?? null,
      treatment_place: req.treatmentPlace ?? null,
      locality_code: place.code,
      locality_path: place.path,
      province_code: place.province_code,
      cluster_id: req.clusterId ?? null,
      profile_code: req.profileCode ?? defaultDiseaseProfile.code,
      notes: req.notes ?? null,
      client_key: req.clientKey,
      created_by: recordedBy(actor),
      full_name: null,
      gender: null,
      birth_year: null,
      nationality: null,
      outcome_date: null,
      import_key: null,
    });
    await this.d.care.registeredIn(trx, actor, id, new Date());
    await this.d.cases.insertLinks(
      trx,
      req.sourceCaseIds.map((s) => ({ infectorId: s, infecteeId: id, origin: 'declared' as const })),
    );
    return { id, caseNumber, place };
  }

  /** Who infected whom, inside the caller's transaction; a link already known is kept as it is. */
  addLinks(trx: Db, links: readonly CaseLink[]): Promise<void> {
    return this.d.cases.insertLinks(trx, links);
  }

  /** Profile, cluster and source cases named in a request must exist and be the actor's to use. */
  private async checkReferences(
    db: Db,
    actor: Actor,
    req: { profileCode?: string; clusterId?: string | null; sourceCaseIds?: string[] },
  ): Promise<ErrorDetail[]> {
    const details: ErrorDetail[] = [];
    if (req.profileCode && !(await this.d.diseaseProfiles.exists(db, req.profileCode)))
      details.push({ path: 'profileCode', message: m.unknownProfile[actor.locale] });
    if (req.clusterId) {
      const cluster = await this.d.cases.cluster(db, req.clusterId);
      if (!cluster || !casesPolicy.read(actor, cluster))
        details.push({ path: 'clusterId', message: m.unknownCluster[actor.locale] });
    }
    const ids = [...new Set(req.sourceCaseIds ?? [])];
    const found = await this.d.cases.findMany(db, ids);
    for (const [i, sourceId] of ids.entries()) {
      const s = found.find((f) => f.id === sourceId);
      if (!s || !casesPolicy.read(actor, s))
        details.push({ path: `sourceCaseIds.${i}`, message: m.unknownSource[actor.locale] });
    }
    return details;
  }

  private async placeOrThrow(db: Db, actor: Actor, code: string | null): Promise<LocalityRow> {
    const details = [{ path: 'localityCode', message: m.unknownLocality[actor.locale] }];
    if (!code) throw new AppError('VALIDATION_FAILED', details);
    const place = await this.d.localities.findByCode(db, code);
    if (!place || place.status !== 'active' || place.level === 'country')
      throw new AppError('VALIDATION_FAILED', details);
    return place;
  }

  /**
   * The case's own part of an update, inside the caller's transaction: checks, writes the changes
   * and answers the case before and after. The caller re-traces and audits.
   */
  async updateIn(
    trx: Db,
    actor: Actor,
    id: string,
    patch: UpdateCaseRequest,
  ): Promise<{ before: CaseRecord; after: CaseRecord }> {
    const before = await this.findUpdatableOrThrow(trx, actor, id);
    const details = await this.checkReferences(trx, actor, { clusterId: patch.clusterId });
    const status = patch.status ?? before.status;
    if (patch.outcomeDate && !hasOutcome(status))
      details.push({ path: 'outcomeDate', message: m.outcomeWithoutOutcome[actor.locale] });
    if (details.length) throw new AppError('VALIDATION_FAILED', details);
    // The status moves through the care rule: never to "treating", never out of it, by hand.
    if (status !== before.status)
      await this.d.care.moveIn(trx, actor, id, {
        event: { kind: 'set_status', status },
        at: new Date(),
        reason: patch.statusReason ?? null,
        outcomeDate: patch.outcomeDate ?? null,
      });
    const set: CaseChanges = {};
    if (patch.outcomeDate !== undefined && hasOutcome(status)) set.outcome_date = patch.outcomeDate;
    if (patch.isolatedAt !== undefined) set.isolated_at = patch.isolatedAt ? new Date(patch.isolatedAt) : null;
    if (patch.classification !== undefined) set.classification = patch.classification;
    if (patch.treatmentPlace !== undefined) set.treatment_place = patch.treatmentPlace;
    if (patch.clusterId !== undefined) set.cluster_id = patch.clusterId;
    if (patch.notes !== undefined) set.notes = patch.notes;
    await this.d.cases.update(trx, id, set);
    return { before, after: (await this.d.cases.findById(trx, id))! };
  }

  // The disease-profile routes are still declared beside the cases' ones (`cases.routes.ts`).
  diseaseProfiles(actor: Actor): Promise<DiseaseProfileSummary[]> {
    return this.d.diseaseProfiles.list(actor);
  }

  diseaseProfile(actor: Actor, code: string): Promise<DiseaseProfile> {
    return this.d.diseaseProfiles.get(actor, code);
  }

  saveDiseaseProfile(actor: Actor, code: string, edited: DiseaseProfile): Promise<DiseaseProfile> {
    return this.d.diseaseProfiles.save(actor, code, edited);
  }

  /** The case as answered to its readers, read with the caller's handle. */
  async view(db: Db, c: CaseRecord): Promise<CaseView> {
    const [infectors, contacts, care] = await Promise.all([
      this.d.cases.infectorsOf(db, c.id),
      this.d.contactCounts(db, c.id),
      this.d.care.viewOf(db, c.id, c.status),
    ]);
    return toCaseView(c, infectors, contacts, care);
  }

  /**
   * Of these people, those who became a case confirmed on or after `since` (ISO day), with the day
   * only: no classification, status or result leaves (an organisation acts on its workers with it).
   */
  async confirmedSince(db: Db, personIds: readonly string[], since: string): Promise<Map<string, string>> {
    const rows = await this.d.cases.confirmedSince(db, personIds, since);
    return new Map(rows.flatMap((r) => (r.person_id ? [[r.person_id, r.confirmed_on] as const] : [])));
  }
}
