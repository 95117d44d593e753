import { AppError, type ErrorDetail } from '../../../core/errors.ts';
import { defaultDiseaseProfile } from '../../../core/rules/disease-profiles.ts';
import type { CaseRow, CaseView, CreateCaseRequest, ListCasesQuery, UpdateCaseRequest } from '../../../core/schemas/cases.ts';
import type { Page } from '../../../core/schemas/common.ts';
import type { DiseaseProfile } from '../../../core/schemas/disease-profile.ts';
import type { Db } from '../../db/database.ts';
import type { LocalityRow } from '../../db/schema.ts';
import { isSystemActor, type Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import { allPages, streamXlsx, type XlsxExport } from '../../shared/excel.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesRepository } from '../localities/localities.repository.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { PeopleRegistryService } from '../people/people-registry.service.ts';
import type { ProfilesRepository } from '../tracing/profiles.repository.ts';
import type { TracingRepository } from '../tracing/tracing.repository.ts';
import type { TracingService } from '../tracing/tracing.service.ts';
import { caseColumns } from './cases.export.ts';
import { caseMessages as m } from './cases.messages.ts';
import { casesPolicy } from './cases.policy.ts';
import type { CaseChanges, CaseRecord, CasesRepository } from './cases.repository.ts';

export interface CasesDeps {
  db: Db;
  cases: CasesRepository;
  tracingRepo: TracingRepository;
  tracing: TracingService;
  profiles: ProfilesRepository;
  registry: PeopleRegistryService;
  localities: LocalitiesService;
  localitiesRepo: LocalitiesRepository;
  audit: AuditTrailService;
}

/** Cases (F0): register, read (every read logged), list, export, update. Tracing starts at creation. */
export class CasesService {
  constructor(private readonly d: CasesDeps) {}

  private async readableOrThrow(actor: Actor, id: string, db: Db = this.d.db): Promise<CaseRecord> {
    const c = await this.d.cases.findById(db, id);
    if (!c || !casesPolicy.read(actor, c)) throw new AppError('NOT_FOUND');
    return c;
  }

  async get(actor: Actor, id: string): Promise<CaseView> {
    const c = await this.readableOrThrow(actor, id);
    await this.d.audit.record(this.d.db, actor, { action: 'read', entityType: 'case', entityId: c.id, localityCode: c.locality_code, localityPath: c.locality_path, subjectIds: [c.person_id] });
    return this.view(this.d.db, c);
  }

  async list(actor: Actor, q: ListCasesQuery): Promise<Page<CaseRow>> {
    const within = await this.scopeOf(actor, q.locality);
    const page = await this.page(within, q);
    await this.d.audit.record(this.d.db, actor, { action: 'read_list', entityType: 'case', entityId: null, localityPath: within, subjectIds: page.items.map((c) => c.personId) });
    return page;
  }

  private async page(within: string, q: ListCasesQuery): Promise<Page<CaseRow>> {
    const rows = await this.d.cases.list(this.d.db, { ...q, withinPath: within });
    const page = toPage(rows, q.limit, (r) => [r.confirmed_date, r.id]);
    return { items: page.items.map(toCaseRow), nextCursor: page.nextCursor };
  }

  async exportXlsx(actor: Actor, q: Omit<ListCasesQuery, 'after' | 'limit'>): Promise<XlsxExport> {
    const within = await this.scopeOf(actor, q.locality);
    const log = await this.d.audit.exportLog(this.d.db, actor, { entityType: 'case', entityId: null, localityPath: within }, (c: CaseRow) => c.personId);
    return streamXlsx({
      filename: 'ca-benh.xlsx', sheetName: actor.locale === 'vi' ? 'Ca bệnh' : 'Cases', locale: actor.locale, columns: caseColumns(actor.locale),
      pages: await allPages((after) => this.page(within, { ...q, after, limit: 500 }), log),
    });
  }

  private async scopeOf(actor: Actor, locality: string | undefined): Promise<string> {
    if (!casesPolicy.list(actor)) throw new AppError('FORBIDDEN');
    return locality ? (await this.d.localities.findReadableOrThrow(actor, locality)).path : actor.scope.path;
  }

  /**
   * Registers a case and, in the same transaction, marks the person F0 (QR red), links the case to
   * its infectors (named, or found because the person was a confirmed contact) and proposes its F1s.
   * A resend with the same client key returns the first case.
   */
  async create(actor: Actor, req: CreateCaseRequest): Promise<CaseView> {
    const earlier = await this.d.cases.findByClientKey(this.d.db, req.clientKey);
    if (earlier) return this.view(this.d.db, await this.readableOrThrow(actor, earlier.id));
    try {
      return await this.d.db.transaction().execute((trx) => this.createIn(trx, actor, req));
    } catch (err) {
      // A twin request committed first: answer with its case.
      const twin = await this.d.cases.findByClientKey(this.d.db, req.clientKey);
      if (twin) return this.view(this.d.db, await this.readableOrThrow(actor, twin.id));
      throw err;
    }
  }

  private async createIn(trx: Db, actor: Actor, req: CreateCaseRequest): Promise<CaseView> {
    const person = await this.d.registry.resolve(trx, actor, req.subject, 'subject');
    const place = await this.placeOrThrow(trx, actor, req.localityCode ?? person.communeCode);
    if (!casesPolicy.create(actor, place)) throw new AppError('FORBIDDEN');
    const existing = await this.d.cases.findByPerson(trx, person.id);
    if (existing) throw new AppError('CONFLICT', [{ path: 'subject', message: `${m.alreadyCase[actor.locale]} ${existing.case_number}` }]);
    const details = await this.checkReferences(trx, actor, req);
    const caseNumber = req.caseNumber ?? (await this.d.cases.nextCaseNumber(trx, place.province_code ?? place.code));
    if (req.caseNumber && (await this.d.cases.caseNumberTaken(trx, req.caseNumber))) {
      details.push({ path: 'caseNumber', message: m.numberTaken[actor.locale] });
    }
    if (details.length) throw new AppError('VALIDATION_FAILED', details);
    const id = await this.d.cases.insert(trx, {
      case_number: caseNumber, person_id: person.id, onset_date: req.onsetDate ?? null, sample_date: req.sampleDate ?? null,
      confirmed_date: req.confirmedDate, isolated_at: req.isolatedAt ? new Date(req.isolatedAt) : null, classification: req.classification,
      source_country: req.sourceCountry ?? null, treatment_place: req.treatmentPlace ?? null, locality_code: place.code, locality_path: place.path,
      province_code: place.province_code, cluster_id: req.clusterId ?? null, profile_code: req.profileCode ?? defaultDiseaseProfile.code,
      notes: req.notes ?? null, client_key: req.clientKey, created_by: isSystemActor(actor) ? null : actor.userId,
      full_name: null, gender: null, birth_year: null, nationality: null, outcome_date: null, import_key: null,
    });
    await this.d.cases.insertLinks(trx, req.sourceCaseIds.map((s) => ({ infectorId: s, infecteeId: id, origin: 'declared' as const })));
    await this.d.tracingRepo.setPersonLevel(trx, person.id, await this.d.tracingRepo.lowestLevelOf(trx, person.id));
    const c = (await this.d.cases.findById(trx, id))!;
    await this.d.tracing.linkNewCase(trx, c);
    const traced = await this.d.tracing.traceCase(trx, c);
    await this.d.audit.record(trx, actor, {
      action: 'create', entityType: 'case', entityId: id, localityCode: place.code, localityPath: place.path,
      after: { caseNumber, classification: req.classification, proposedContacts: traced.proposed },
    });
    return this.view(trx, c);
  }

  /** Profile, cluster and source cases named in a request must exist and be the actor's to use. */
  private async checkReferences(db: Db, actor: Actor, req: { profileCode?: string; clusterId?: string | null; sourceCaseIds?: string[] }): Promise<ErrorDetail[]> {
    const details: ErrorDetail[] = [];
    if (req.profileCode && !(await this.d.profiles.exists(db, req.profileCode))) details.push({ path: 'profileCode', message: m.unknownProfile[actor.locale] });
    if (req.clusterId) {
      const cluster = await this.d.cases.cluster(db, req.clusterId);
      if (!cluster || !casesPolicy.read(actor, cluster)) details.push({ path: 'clusterId', message: m.unknownCluster[actor.locale] });
    }
    const ids = [...new Set(req.sourceCaseIds ?? [])];
    const found = await this.d.cases.findMany(db, ids);
    for (const [i, sourceId] of ids.entries()) {
      const s = found.find((f) => f.id === sourceId);
      if (!s || !casesPolicy.read(actor, s)) details.push({ path: `sourceCaseIds.${i}`, message: m.unknownSource[actor.locale] });
    }
    return details;
  }

  private async placeOrThrow(db: Db, actor: Actor, code: string | null): Promise<LocalityRow> {
    const details = [{ path: 'localityCode', message: m.unknownLocality[actor.locale] }];
    if (!code) throw new AppError('VALIDATION_FAILED', details);
    const place = await this.d.localitiesRepo.findByCode(db, code);
    if (!place || place.status !== 'active' || place.level === 'country') throw new AppError('VALIDATION_FAILED', details);
    return place;
  }

  async update(actor: Actor, id: string, patch: UpdateCaseRequest): Promise<CaseView> {
    return this.d.db.transaction().execute(async (trx) => {
      const before = await this.readableOrThrow(actor, id, trx);
      if (!casesPolicy.update(actor, before)) throw new AppError('FORBIDDEN');
      const details = await this.checkReferences(trx, actor, { clusterId: patch.clusterId });
      if (details.length) throw new AppError('VALIDATION_FAILED', details);
      const set: CaseChanges = {};
      if (patch.status !== undefined) set.status = patch.status;
      if (patch.outcomeDate !== undefined) set.outcome_date = patch.outcomeDate;
      if (patch.isolatedAt !== undefined) set.isolated_at = patch.isolatedAt ? new Date(patch.isolatedAt) : null;
      if (patch.classification !== undefined) set.classification = patch.classification;
      if (patch.treatmentPlace !== undefined) set.treatment_place = patch.treatmentPlace;
      if (patch.clusterId !== undefined) set.cluster_id = patch.clusterId;
      if (patch.notes !== undefined) set.notes = patch.notes;
      await this.d.cases.update(trx, id, set);
      const after = (await this.d.cases.findById(trx, id))!;
      // An earlier isolation closes the window: proposals made on the longer one stay for review.
      if (patch.isolatedAt !== undefined) await this.d.tracing.traceCase(trx, after);
      // Recovered or dead, the person is no longer a case to keep out of venues (QR no longer red).
      if (patch.status !== undefined && after.person_id) {
        await this.d.tracingRepo.setPersonLevel(trx, after.person_id, await this.d.tracingRepo.lowestLevelOf(trx, after.person_id));
      }
      await this.d.audit.record(trx, actor, {
        action: 'update', entityType: 'case', entityId: id, localityCode: before.locality_code, localityPath: before.locality_path,
        before: snapshot(before), after: snapshot(after),
      });
      return this.view(trx, after);
    });
  }

  async diseaseProfiles(actor: Actor) {
    if (!casesPolicy.list(actor)) throw new AppError('FORBIDDEN');
    return (await this.d.profiles.list(this.d.db)).map((p) => ({ code: p.code, name: p.name, version: p.version, expandLevels: p.expandLevels }));
  }

  async diseaseProfile(actor: Actor, code: string): Promise<DiseaseProfile> {
    if (!casesPolicy.list(actor)) throw new AppError('FORBIDDEN');
    const p = await this.d.profiles.find(this.d.db, code);
    if (!p) throw new AppError('NOT_FOUND');
    return p;
  }

  /**
   * Saves a profile edited by an administrator as its next version. Cases keep their profile code,
   * so a change applies to tracing runs from now on; the audit keeps both versions.
   */
  async saveDiseaseProfile(actor: Actor, code: string, edited: DiseaseProfile): Promise<DiseaseProfile> {
    if (!casesPolicy.editProfiles(actor)) throw new AppError('FORBIDDEN');
    if (edited.code !== code) throw new AppError('VALIDATION_FAILED', [{ path: 'code', message: m.profileCodeMismatch[actor.locale] }]);
    return this.d.db.transaction().execute(async (trx) => {
      const before = await this.d.profiles.find(trx, code);
      const next = { ...edited, version: (before?.version ?? 0) + 1 };
      await this.d.profiles.save(trx, next);
      await this.d.audit.record(trx, actor, { action: before ? 'update' : 'create', entityType: 'disease_profile', entityId: code, before, after: next });
      return next;
    });
  }

  private async view(db: Db, c: CaseRecord): Promise<CaseView> {
    const [infectors, contacts] = await Promise.all([this.d.cases.infectorsOf(db, c.id), this.d.tracingRepo.countsByStatus(db, c.id)]);
    return { ...toCaseRow(c), notes: c.notes, infectors: infectors.map((i) => ({ id: i.id, caseNumber: i.case_number })), contacts };
  }
}

const snapshot = (c: CaseRecord) => ({
  status: c.status, outcomeDate: c.outcome_date, isolatedAt: c.isolated_at, classification: c.classification,
  treatmentPlace: c.treatment_place, clusterId: c.cluster_id, notes: c.notes,
});

export function toCaseRow(c: CaseRecord): CaseRow {
  return {
    id: c.id, caseNumber: c.case_number, personId: c.person_id, fullName: c.display_name, gender: c.person_gender ?? c.gender,
    birthYear: c.person_birth_year ?? c.birth_year, nationality: c.person_nationality ?? c.nationality, onsetDate: c.onset_date, sampleDate: c.sample_date, confirmedDate: c.confirmed_date,
    isolatedAt: c.isolated_at?.toISOString() ?? null, classification: c.classification, sourceCountry: c.source_country, status: c.status,
    outcomeDate: c.outcome_date, treatmentPlace: c.treatment_place, localityCode: c.locality_code, localityName: c.locality_name,
    clusterId: c.cluster_id, clusterCode: c.cluster_code, clusterName: c.cluster_name, profileCode: c.profile_code, createdAt: c.created_key,
  };
}
